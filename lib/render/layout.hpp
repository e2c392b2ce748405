// One page layout per kind of invoice (spec digest §2.1, §2.2): the heading, who the two
// parties are called, which columns the lines have and whether totals go per VAT rate. Chosen
// from the template code (KHMSHDon) and the series' type letter (KHHDon, 4th character).
#pragma once

#include <string_view>
#include <vector>

namespace hoadon::render {

enum class Column { Stt, Code, Name, Unit, Quantity, Price, Discount, Rate, Amount };

struct Layout {
  std::string_view kind;        // stable name: "vat", "sales", "public-asset", "reserve", "stamp", "pxk-internal", …
  std::string_view heading;     // the legal name, in capitals, used when THDon is absent
  std::string_view subheading;  // e.g. "(Khởi tạo từ máy tính tiền)", or ""
  std::string_view seller;      // "Đơn vị bán hàng", "Đơn vị xuất hàng", …
  std::string_view buyer;       // "Người mua hàng", "Đơn vị nhận hàng", …
  std::vector<Column> columns;
  bool rate_totals = false;  // the per-rate summary and the VAT totals
};

// `template_code` is KHMSHDon ("1"…"9"), `series` KHHDon ("C25TAA"); either may be empty.
[[nodiscard]] Layout layout_for(std::string_view template_code, std::string_view series);

// Columns of numbers (right-aligned) and of short codes (centred).
[[nodiscard]] bool is_numeric(Column c) noexcept;
[[nodiscard]] bool is_centred(Column c) noexcept;

// Column headings, Vietnamese.
[[nodiscard]] std::string_view column_heading(Column c) noexcept;

}  // namespace hoadon::render
