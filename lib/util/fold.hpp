// Text reduced to upper-case ASCII for matching names that real certificates write both with
// and without Vietnamese diacritics ("Ban Cơ yếu Chính phủ", "Ban Co yeu Chinh phu").
#pragma once

#include <string>
#include <string_view>

namespace hoadon {

// Every Vietnamese letter becomes its base letter (đ → D), combining marks are dropped, ASCII
// letters are upper-cased, runs of white space become one space; other characters pass
// through unchanged.
[[nodiscard]] std::string ascii_fold(std::string_view utf8);

}  // namespace hoadon
