// Tables as an XLSX workbook (libxlsxwriter, optional at build time: HOADON_WITH_XLSX).
#pragma once

#include <string>

#include "tabular/table.hpp"

namespace hoadon::tabular {

// Whether hoadon was built with libxlsxwriter.
[[nodiscard]] bool xlsx_supported() noexcept;

// A workbook of two sheets, "Lines" (the line rows) and "Invoices" (the invoice rows), each
// with a bold header row: Number columns hold numbers when the value is a plain decimal
// (else its text), Date columns dates (yyyy-mm-dd) when the value is a valid YYYY-MM-DD, text
// as UTF-8. Written in memory (nothing touches the disk). Returns "" and the bytes in `out`,
// else why it failed ("not built with libxlsxwriter" without it).
[[nodiscard]] std::string to_xlsx(const Tables& tables, std::string& out);

}  // namespace hoadon::tabular
