#include "util/fold.hpp"

#include <array>

#include "util/utf8.hpp"

namespace hoadon {
namespace {

struct Family {
  char base;
  std::u32string_view letters;  // lower and upper case, precomposed
};

// The Vietnamese alphabet's letters with marks, by base letter.
constexpr std::array<Family, 7> kFamilies = {{
    {'A', U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'E', U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'I', U"ìíỉĩịÌÍỈĨỊ"},
    {'O', U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'U', U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'Y', U"ỳýỷỹỵỲÝỶỸỴ"},
    {'D', U"đĐ"},
}};

}  // namespace

std::string ascii_fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t n = 1;
    const char32_t c = utf8_decode(utf8.substr(i), n);
    const std::string_view raw = utf8.substr(i, n);
    i += n;
    if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n') {
      space = !out.empty();
      continue;
    }
    if (c >= 0x300 && c <= 0x36F) continue;  // combining marks (decomposed text)
    if (space) out.push_back(' ');
    space = false;
    if (c >= U'a' && c <= U'z') {
      out.push_back(static_cast<char>(c - U'a' + U'A'));
      continue;
    }
    char base = 0;
    for (const auto& f : kFamilies)
      if (f.letters.find(c) != std::u32string_view::npos) base = f.base;
    if (base)
      out.push_back(base);
    else
      out.append(raw);
  }
  return out;
}

}  // namespace hoadon
