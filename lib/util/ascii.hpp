// ASCII character classes and digit scanning shared by every rule unit, so that each
// unit checks "is this all digits / uppercase hex / ..." the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hoadon::ascii {

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
[[nodiscard]] constexpr bool is_alnum(char c) noexcept { return is_digit(c) || is_upper(c) || is_lower(c); }
[[nodiscard]] constexpr bool is_upper_alnum(char c) noexcept { return is_digit(c) || is_upper(c); }
[[nodiscard]] constexpr bool is_upper_hex(char c) noexcept { return is_digit(c) || (c >= 'A' && c <= 'F'); }
[[nodiscard]] constexpr char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
[[nodiscard]] constexpr char to_upper(char c) noexcept { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
[[nodiscard]] constexpr int digit_value(char c) noexcept { return c - '0'; }

/// Index of the first character of `s` for which `pred` is false, or `s.size()` if none.
template <class Pred>
[[nodiscard]] constexpr std::size_t first_not(std::string_view s, Pred pred) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!pred(s[i])) return i;
  }
  return s.size();
}

/// True when `s` is non-empty and every character satisfies `pred`.
template <class Pred>
[[nodiscard]] constexpr bool all_of(std::string_view s, Pred pred) noexcept {
  return !s.empty() && first_not(s, pred) == s.size();
}

[[nodiscard]] constexpr bool all_digits(std::string_view s) noexcept { return all_of(s, is_digit); }

/// Value of a non-empty run of at most 18 ASCII digits (leading zeros allowed), else nullopt.
/// 18 digits always fit in 64 bits, so no overflow check is needed.
[[nodiscard]] constexpr std::optional<std::uint64_t> parse_uint(std::string_view s) noexcept {
  if (s.size() > 18 || !all_digits(s)) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : s) value = value * 10 + static_cast<std::uint64_t>(digit_value(c));
  return value;
}

}  // namespace hoadon::ascii
