// Small text helpers shared across the core.
#pragma once

#include <string_view>

namespace hoadon {

// s without leading/trailing white space as XML defines it (space, tab, CR, LF).
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
  constexpr std::string_view ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

}  // namespace hoadon
