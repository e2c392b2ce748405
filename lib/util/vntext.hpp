// Vietnamese text folding for comparisons: lower case, and every Vietnamese letter in its single
// precomposed (NFC) form whether it arrived precomposed, decomposed (NFD), partly decomposed
// (e.g. "â" + combining acute) or with its marks in a non-canonical order.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hoadon {

/// Folds UTF-8 text as described above. Other characters pass through unchanged except ASCII
/// letters, which are lower-cased; malformed UTF-8 bytes become U+FFFD.
[[nodiscard]] std::string fold_vietnamese(std::string_view utf8);

/// The text with its first character upper-cased when it is an ASCII or Vietnamese letter.
[[nodiscard]] std::string capitalize_first(std::string_view utf8);

/// Number of bytes of the UTF-8 sequence starting at `text[pos]` (1 for malformed bytes).
[[nodiscard]] std::size_t utf8_length_at(std::string_view text, std::size_t pos) noexcept;

/// Decodes the code point at `text[pos]`, or U+FFFD for a malformed sequence.
[[nodiscard]] char32_t utf8_decode_at(std::string_view text, std::size_t pos) noexcept;

}  // namespace hoadon
