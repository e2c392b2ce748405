// How values read from an invoice are written for people: amounts and quantities with the
// Vietnamese separators (1.234.567,5), dates as dd/mm/yyyy. Values that are not what they should
// be are shown as written, never dropped: the rendering shows the document, not a guess.
#pragma once

#include <string>
#include <string_view>

namespace hoadon::render {

// "1234567.50" -> "1.234.567,5"; text that is not an invoice number stays as it is.
[[nodiscard]] std::string vn_number(std::string_view text);

// "2025-06-20" -> "20/06/2025"; anything else as written.
[[nodiscard]] std::string vn_date(std::string_view text);

// "2025-06-20" -> "Ngày 20 tháng 06 năm 2025", the legal form of the issue date; else as written.
[[nodiscard]] std::string vn_long_date(std::string_view text);

}  // namespace hoadon::render
