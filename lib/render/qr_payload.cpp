#include "render/qr_payload.hpp"

#include <fmt/format.h>

#include <string_view>

#include "rules/qrcode.hpp"

namespace hoadon::render {
namespace {

bool writable(std::string_view v) {
  if (v.empty() || v.size() > 99) return false;
  for (unsigned char c : v)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

void object(std::string& out, std::string_view id, std::string_view value) {
  if (writable(value)) out += fmt::format("{}{:02}{}", id, value.size(), value);
}

std::string without(std::string_view s, char c) {
  std::string out;
  for (char ch : s)
    if (ch != c) out += ch;
  return out;
}

}  // namespace

std::string lookup_qr_payload(const LookupFields& f) {
  std::string lookup;
  object(lookup, "00", "A000000775");
  object(lookup, "01", without(f.seller_tax_code, '-'));
  object(lookup, "02", f.template_code);
  object(lookup, "03", f.series);
  object(lookup, "04", f.number);
  object(lookup, "05", without(f.issue_date, '-'));
  object(lookup, "06", f.total);
  std::string out;
  object(out, "00", "01");
  object(out, "01", "11");
  object(out, "58", "VN");
  object(out, "99", lookup);
  out += "6304";
  out += fmt::format("{:04X}", rules::crc16_ccitt_false(out));
  return out;
}

}  // namespace hoadon::render
