// The HTML form of invoices: one self-contained file (styles inline, the QR code an inline SVG,
// nothing fetched), laid out for A4 when printed; every value from the invoice escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/view.hpp"

namespace hoadon::render {

// Text made safe for HTML element content and quoted attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

[[nodiscard]] std::string to_html(const std::vector<InvoiceView>& invoices);

}  // namespace hoadon::render
