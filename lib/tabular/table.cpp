#include "tabular/table.hpp"

#include <array>

#include "model/content.hpp"

namespace hoadon::tabular {
namespace {

using model::InvoiceField;

// The invoice's keys, first on every row of both tables.
constexpr std::array<Column, 7> kKeys = {{{"file", Type::Text},
                                          {"invoice", Type::Number},
                                          {"seller_tax_code", Type::Text},
                                          {"template", Type::Text},
                                          {"series", Type::Text},
                                          {"number", Type::Text},
                                          {"issue_date", Type::Date}}};

struct FieldColumn {
  Column column;
  InvoiceField field;
};
constexpr std::array<FieldColumn, 13> kInvoiceFields = {{
    {{"seller_name", Type::Text}, InvoiceField::SellerName},
    {{"buyer_name", Type::Text}, InvoiceField::BuyerName},
    {{"buyer_tax_code", Type::Text}, InvoiceField::BuyerTaxCode},
    {{"currency", Type::Text}, InvoiceField::Currency},
    {{"exchange_rate", Type::Number}, InvoiceField::ExchangeRate},
    {{"payment_method", Type::Text}, InvoiceField::PaymentMethod},
    {{"total_before_tax", Type::Number}, InvoiceField::TotalBeforeTax},
    {{"total_tax", Type::Number}, InvoiceField::TotalTax},
    {{"total", Type::Number}, InvoiceField::Total},
    {{"total_in_words", Type::Text}, InvoiceField::TotalInWords},
    {{"mccqt", Type::Text}, InvoiceField::TaxAuthorityCode},
    {{"version", Type::Text}, InvoiceField::Version},
    {{"line_count", Type::Number}, InvoiceField::LineCount},
}};

struct LineColumn {
  Column column;
  std::string_view element;  // child of HHDVu
};
constexpr std::array<LineColumn, 12> kLineFields = {{
    {{"line", Type::Number}, "STT"},
    {{"kind", Type::Text}, "TChat"},
    {{"code", Type::Text}, "MHHDVu"},
    {{"name", Type::Text}, "THHDVu"},
    {{"unit", Type::Text}, "DVTinh"},
    {{"quantity", Type::Number}, "SLuong"},
    {{"unit_price", Type::Number}, "DGia"},
    {{"discount_rate", Type::Number}, "TLCKhau"},
    {{"discount", Type::Number}, "STCKhau"},
    {{"amount", Type::Number}, "ThTien"},
    {{"tax_rate", Type::Text}, "TSuat"},
    {{"tax", Type::Number}, "TThue"},
}};
constexpr Column kExtensions = {"extensions", Type::Text};  // TTKhac: "field=value; …"

template <std::size_t N, class T>
std::vector<Column> columns_of(const std::array<T, N>& fields, std::optional<Column> last) {
  std::vector<Column> out(kKeys.begin(), kKeys.end());
  for (const auto& f : fields) out.push_back(f.column);
  if (last) out.push_back(*last);
  return out;
}

Row keys(const model::InvoiceEssentials& inv, std::string_view file, std::size_t index) {
  return {std::string(file),
          std::to_string(index + 1),
          inv.get(InvoiceField::SellerTaxCode),
          inv.get(InvoiceField::Template),
          inv.get(InvoiceField::Series),
          inv.get(InvoiceField::Number),
          inv.get(InvoiceField::IssueDate)};
}

// A line's TTKhac/TTin as "TTruong=DLieu" pairs joined by "; ".
Cell extensions(const model::LineValues& line) {
  if (!line.extensions) return std::nullopt;
  std::string out;
  for (const auto& [field, value] : *line.extensions) {
    if (!out.empty()) out += "; ";
    out += field;
    out += '=';
    out += value;
  }
  return out;
}

}  // namespace

std::span<const Column> invoice_columns() noexcept {
  static const std::vector<Column> c = columns_of(kInvoiceFields, std::nullopt);
  return c;
}

std::span<const Column> line_columns() noexcept {
  static const std::vector<Column> c = columns_of(kLineFields, kExtensions);
  return c;
}

void add_document(const model::Essentials& e, const model::Index& idx, std::string_view file, Tables& out) {
  for (std::size_t i = 0; i < e.invoices.size(); ++i) {
    const auto& inv = e.invoices[i];
    Row head = keys(inv, file, i);
    Row row = head;
    for (const auto& f : kInvoiceFields) row.push_back(inv.get(f.field));
    out.invoices.push_back(std::move(row));
    if (i >= idx.invoices.size()) continue;
    for (const auto& line : model::read_lines(idx.invoices[i])) {
      Row r = head;
      for (const auto& f : kLineFields) r.push_back(line.get(f.element));
      r.push_back(extensions(line));
      out.lines.push_back(std::move(r));
    }
  }
}

}  // namespace hoadon::tabular
