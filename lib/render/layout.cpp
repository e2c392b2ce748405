#include "render/layout.hpp"

namespace hoadon::render {

Layout layout_for(std::string_view template_code, std::string_view series) {
  using C = Column;
  const char letter = series.size() >= 4 ? series[3] : '\0';
  const std::vector<Column> full = {C::Stt, C::Name, C::Unit, C::Quantity, C::Price, C::Discount, C::Rate, C::Amount};
  const std::vector<Column> no_rate = {C::Stt, C::Name, C::Unit, C::Quantity, C::Price, C::Discount, C::Amount};
  const std::vector<Column> simple = {C::Stt, C::Name, C::Unit, C::Quantity, C::Price, C::Amount};
  Layout l;
  const std::string_view t = template_code;
  if (t == "2") {
    l = {"sales", "HÓA ĐƠN BÁN HÀNG", "", "Đơn vị bán hàng", "Người mua hàng", no_rate, false};
  } else if (t == "3") {
    l = {"public-asset", "HÓA ĐƠN BÁN TÀI SẢN CÔNG", "", "Đơn vị bán tài sản", "Người mua tài sản", simple, false};
  } else if (t == "4") {
    l = {"reserve", "HÓA ĐƠN BÁN HÀNG DỰ TRỮ QUỐC GIA", "", "Đơn vị bán hàng", "Người mua hàng", simple, false};
  } else if (t == "5") {
    // Stamps, tickets and cards: a short list; the VAT kind (letter G) keeps its rate.
    const bool vat = letter == 'G';
    l = {"stamp",
         "TEM, VÉ, THẺ",
         "",
         "Đơn vị phát hành",
         "Người mua",
         vat ? std::vector<Column>{C::Stt, C::Name, C::Quantity, C::Price, C::Rate, C::Amount}
             : std::vector<Column>{C::Stt, C::Name, C::Quantity, C::Price, C::Amount},
         vat};
  } else if (t == "6") {
    const std::vector<Column> pxk = {C::Stt, C::Code, C::Name, C::Unit, C::Quantity, C::Price, C::Amount};
    if (letter == 'B')
      l = {"pxk-agent", "PHIẾU XUẤT KHO HÀNG GỬI BÁN ĐẠI LÝ", "", "Đơn vị xuất hàng", "Đại lý nhận hàng", pxk, false};
    else
      l = {"pxk-internal", "PHIẾU XUẤT KHO KIÊM VẬN CHUYỂN NỘI BỘ", "", "Đơn vị xuất hàng", "Đơn vị nhận hàng", pxk,
           false};
  } else if (t == "7") {
    l = {"commercial", "HÓA ĐƠN THƯƠNG MẠI", "(Commercial invoice)", "Người bán (Seller)", "Người mua (Buyer)", simple,
         false};
  } else if (t == "8") {
    l = {"vat-receipt", "HÓA ĐƠN GIÁ TRỊ GIA TĂNG KIÊM BIÊN LAI", "", "Đơn vị bán hàng", "Người mua hàng", full, true};
  } else if (t == "9") {
    l = {"sales-receipt", "HÓA ĐƠN BÁN HÀNG KIÊM BIÊN LAI", "", "Đơn vị bán hàng", "Người mua hàng", no_rate, false};
  } else {
    l = {"vat", "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", "", "Đơn vị bán hàng", "Người mua hàng", full, true};
  }
  if (letter == 'M') {
    l.subheading = "(Khởi tạo từ máy tính tiền)";
    if (l.kind == "vat")
      l.kind = "vat-cash-register";
    else if (l.kind == "sales")
      l.kind = "sales-cash-register";
  }
  return l;
}

bool is_numeric(Column c) noexcept {
  return c == Column::Quantity || c == Column::Price || c == Column::Amount || c == Column::Discount;
}

bool is_centred(Column c) noexcept { return c == Column::Stt || c == Column::Unit || c == Column::Rate; }

std::string_view column_heading(Column c) noexcept {
  switch (c) {
    case Column::Stt:
      return "STT";
    case Column::Code:
      return "Mã số";
    case Column::Name:
      return "Tên hàng hóa, dịch vụ";
    case Column::Unit:
      return "Đơn vị tính";
    case Column::Quantity:
      return "Số lượng";
    case Column::Price:
      return "Đơn giá";
    case Column::Discount:
      return "Chiết khấu";
    case Column::Rate:
      return "Thuế suất";
    case Column::Amount:
      return "Thành tiền";
  }
  return "";
}

}  // namespace hoadon::render
