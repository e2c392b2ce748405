#include "tabular/csv.hpp"

#include "util/decimal.hpp"

namespace hoadon::tabular {
namespace {

bool formula_like(std::string_view v) {
  if (v.empty()) return false;
  switch (v.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return !parse_decimal(v).ok();
    default:
      return false;
  }
}

}  // namespace

void append_csv_field(std::string& out, std::string_view value) {
  const bool prefix = formula_like(value);
  const bool quote = prefix || value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  if (prefix) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string to_csv(std::span<const Column> columns, const std::vector<Row>& rows, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, columns[i].name);
  }
  out += "\r\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      if (row[i]) append_csv_field(out, *row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hoadon::tabular
