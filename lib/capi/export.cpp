// Exports of invoice lines and headers: the C view of lib/tabular.
#include "capi/handles.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;

// The rows of one table, in position order.
std::vector<hoadon::tabular::Row> gather(const hoadon_export& e, bool lines) {
  std::lock_guard lock(e.m);
  std::vector<hoadon::tabular::Row> rows;
  for (const auto& [position, t] : e.parts) {
    const auto& src = lines ? t.lines : t.invoices;
    rows.insert(rows.end(), src.begin(), src.end());
  }
  return rows;
}

}  // namespace

extern "C" {

int hoadon_export_new(hoadon_export** out) {
  if (!out) return fail(HOADON_EINVAL, "hoadon_export_new: out is NULL");
  *out = nullptr;
  return guard([&] {
    *out = new hoadon_export();
    return HOADON_OK;
  });
}

void hoadon_export_free(hoadon_export* exp) { delete exp; }

int hoadon_export_add(hoadon_export* exp, size_t position, const hoadon_doc* doc, const char* file) {
  if (!exp || !doc) return fail(HOADON_EINVAL, "hoadon_export_add: exp and doc must not be NULL");
  return guard([&] {
    hoadon::tabular::Tables t;
    hoadon::tabular::add_document(doc->essentials, doc->index, file ? file : "", t);
    std::lock_guard lock(exp->m);
    exp->parts[position] = std::move(t);
    return HOADON_OK;
  });
}

size_t hoadon_export_rows(const hoadon_export* exp, hoadon_table table) {
  if (!exp) return 0;
  std::lock_guard lock(exp->m);
  std::size_t n = 0;
  for (const auto& [position, t] : exp->parts)
    n += hoadon::capi::raw(table) == HOADON_TABLE_LINES ? t.lines.size() : t.invoices.size();
  return n;
}

int hoadon_export_csv(const hoadon_export* exp, hoadon_table table, int bom, char** out, size_t* len) {
  if (out) *out = nullptr;
  if (len) *len = 0;
  const int which = hoadon::capi::raw(table);
  if (!exp || !out || (which != HOADON_TABLE_LINES && which != HOADON_TABLE_INVOICES))
    return fail(HOADON_EINVAL, "hoadon_export_csv: exp and out must not be NULL, table LINES or INVOICES");
  return guard([&] {
    const bool lines = which == HOADON_TABLE_LINES;
    const std::string csv = hoadon::tabular::to_csv(
        lines ? hoadon::tabular::line_columns() : hoadon::tabular::invoice_columns(), gather(*exp, lines), bom != 0);
    *out = hoadon::capi::dup_string(csv);
    if (len) *len = csv.size();
    return HOADON_OK;
  });
}

int hoadon_export_xlsx(const hoadon_export* exp, void** out, size_t* len) {
  if (out) *out = nullptr;
  if (len) *len = 0;
  if (!exp || !out) return fail(HOADON_EINVAL, "hoadon_export_xlsx: exp and out must not be NULL");
  if (!hoadon::tabular::xlsx_supported())
    return fail(HOADON_EUNSUPPORTED, "XLSX cannot be written: hoadon was not built with libxlsxwriter");
  return guard([&] {
    hoadon::tabular::Tables all{gather(*exp, false), gather(*exp, true)};
    std::string bytes;
    const std::string error = hoadon::tabular::to_xlsx(all, bytes);
    if (!error.empty()) return fail(HOADON_EIO, "XLSX: " + error);
    *out = hoadon::capi::dup_string(bytes);  // copies size() + 1 bytes: NULs inside are kept
    if (len) *len = bytes.size();
    return HOADON_OK;
  });
}

int hoadon_export_xlsx_supported(void) { return hoadon::tabular::xlsx_supported() ? 1 : 0; }

}  // extern "C"
