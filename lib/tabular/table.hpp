// Invoices as tables, for spreadsheets and accounting software: one row per invoice line
// across a batch (the invoice's keys repeated on each), and one row per invoice. The columns
// are documented in lib/tabular/COLUMNS.md; CSV and XLSX are written from these tables.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/essentials.hpp"
#include "model/index.hpp"

namespace hoadon::tabular {

// What a column holds, so that a spreadsheet gets numbers as numbers and dates as dates. A
// value that is not of its column's form (a vendor's "1.000,5", an empty element) stays text.
enum class Type { Text, Number, Date };

struct Column {
  std::string_view name;  // header cell, e.g. "seller_tax_code"
  Type type;
};

[[nodiscard]] std::span<const Column> invoice_columns() noexcept;
[[nodiscard]] std::span<const Column> line_columns() noexcept;

using Cell = std::optional<std::string>;  // nullopt: the element is absent (an empty cell)
using Row = std::vector<Cell>;

struct Tables {
  std::vector<Row> invoices;
  std::vector<Row> lines;
};

// Appends the rows of one document's invoices (none for a document without invoices).
void add_document(const model::Essentials& e, const model::Index& idx, std::string_view file, Tables& out);

}  // namespace hoadon::tabular
