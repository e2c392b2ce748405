// Tables as CSV (RFC 4180) that is safe to open in a spreadsheet.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "tabular/table.hpp"

namespace hoadon::tabular {

// A header row of column names, then one record per row: fields separated by ',', records by
// CRLF; a field holding ',', '"', CR or LF is quoted, its quotes doubled. Against formula
// injection (OWASP "CSV injection"), a field starting with '=', '+', '-', '@', TAB or CR gets a
// leading apostrophe — unless it is a plain decimal number ("-1500.5"), which no spreadsheet
// reads as a formula. `bom`: begin with a UTF-8 byte order mark (for spreadsheets that guess
// the encoding otherwise).
[[nodiscard]] std::string to_csv(std::span<const Column> columns, const std::vector<Row>& rows, bool bom);

// One field as to_csv writes it.
void append_csv_field(std::string& out, std::string_view value);

}  // namespace hoadon::tabular
