// The PDF form of invoices, through cairo and pango (Debian libcairo2-dev, libpango1.0-dev;
// HOADON_WITH_PDF): A4 pages, fonts embedded (DejaVu Sans or Noto Sans for Vietnamese), the
// lines' table continued over as many pages as needed with its header repeated.
#pragma once

#include <string>
#include <vector>

#include "render/view.hpp"

namespace hoadon::render {

[[nodiscard]] bool pdf_available() noexcept;

// The PDF, or "" with `error` set.
[[nodiscard]] std::string to_pdf(const std::vector<InvoiceView>& invoices, std::string& error);

}  // namespace hoadon::render
