// What a member is, from its name, and how its name is shown.
#include "archive/names.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace hoadon::archive {

bool looks_like_zip(std::string_view head) noexcept {
  return head.starts_with(std::string_view("PK\x03\x04", 4)) || head.starts_with(std::string_view("PK\x05\x06", 4));
}

std::string printable_name(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  while (!raw.empty()) {
    std::size_t n = utf8_sequence_length(raw);
    const auto c = static_cast<unsigned char>(raw.front());
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7f))) {
      out += '?';
      n = 1;
    } else {
      out.append(raw.substr(0, n));
    }
    raw.remove_prefix(n);
  }
  return out;
}

MemberKind kind_of(std::string_view name) noexcept {
  const auto ends_with = [name](std::string_view ext) {
    return name.size() >= ext.size() && std::equal(ext.begin(), ext.end(), name.end() - ext.size(), [](char e, char n) {
             return (n >= 'A' && n <= 'Z' ? n - 'A' + 'a' : n) == e;
           });
  };
  if (ends_with(".xml")) return MemberKind::Xml;
  if (ends_with(".zip")) return MemberKind::Zip;
  return MemberKind::Other;
}

}  // namespace hoadon::archive
