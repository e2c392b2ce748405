#include "render/format.hpp"

#include <fmt/format.h>

#include "util/decimal.hpp"

namespace hoadon::render {
namespace {

bool is_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9')) return false;
  return true;
}

}  // namespace

std::string vn_number(std::string_view text) {
  const auto parsed = parse_decimal(text);
  if (!parsed.ok()) return std::string(text);
  const std::string canonical = parsed.value->to_string();  // "-1234567.5"
  std::string_view digits = canonical;
  std::string out;
  if (!digits.empty() && digits.front() == '-') {
    out += '-';
    digits.remove_prefix(1);
  }
  const auto dot = digits.find('.');
  const std::string_view integer = digits.substr(0, dot);
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i && (integer.size() - i) % 3 == 0) out += '.';
    out += integer[i];
  }
  if (dot != std::string_view::npos) {
    out += ',';
    out += digits.substr(dot + 1);
  }
  return out;
}

std::string vn_date(std::string_view text) {
  if (!is_date(text)) return std::string(text);
  return fmt::format("{}/{}/{}", text.substr(8, 2), text.substr(5, 2), text.substr(0, 4));
}

std::string vn_long_date(std::string_view text) {
  if (!is_date(text)) return std::string(text);
  return fmt::format("Ngày {} tháng {} năm {}", text.substr(8, 2), text.substr(5, 2), text.substr(0, 4));
}

}  // namespace hoadon::render
