// UTF-8 helpers shared by the JSON writer, the parser's encoding checks and text rendering.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hoadon {

// Length of the well-formed UTF-8 sequence at the start of s (1–4), or 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view s) noexcept;

// Offset of the first invalid byte, or npos when the whole string is valid UTF-8.
[[nodiscard]] std::size_t utf8_first_invalid(std::string_view s) noexcept;

// The code point at the start of s; `length` receives its byte count. Invalid or truncated
// sequences decode as U+FFFD with length 1, so a scan always advances.
[[nodiscard]] char32_t utf8_decode(std::string_view s, std::size_t& length) noexcept;

// Appends the UTF-8 encoding of a code point.
void utf8_append(std::string& out, char32_t cp);

// Number of code points (for length limits that the tables express in characters).
[[nodiscard]] std::size_t utf8_length(std::string_view s) noexcept;

}  // namespace hoadon
