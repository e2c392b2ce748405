// Exports of a batch of 10,000 invoices (10 lines each, the harness's invoice reused): parse
// each, add it to an export, then write the CSV tables, the XLSX workbook or the lossless JSON
// — against the floor of parsing the same documents alone.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "harness.hpp"
#include "hoadon/hoadon.h"

namespace {

constexpr int kInvoices = 10000;

void parse_all(const std::string& doc, const std::function<void(std::size_t, hoadon_doc*)>& use) {
  for (int i = 0; i < kInvoices; ++i) {
    hoadon_doc* d = nullptr;
    if (hoadon_doc_parse(doc.data(), doc.size(), nullptr, &d) != HOADON_OK) std::abort();
    use(static_cast<std::size_t>(i), d);
    hoadon_doc_free(d);
  }
}

void export_tables(const std::string& doc, bool xlsx) {
  hoadon_export* e = nullptr;
  if (hoadon_export_new(&e) != HOADON_OK) std::abort();
  parse_all(doc, [&](std::size_t i, hoadon_doc* d) {
    if (hoadon_export_add(e, i, d, "invoice.xml") != HOADON_OK) std::abort();
  });
  if (xlsx) {
    void* bytes = nullptr;
    std::size_t len = 0;
    if (hoadon_export_xlsx(e, &bytes, &len) != HOADON_OK) std::abort();
    hoadon_free(bytes);
  } else {
    for (hoadon_table t : {HOADON_TABLE_LINES, HOADON_TABLE_INVOICES}) {
      char* csv = nullptr;
      std::size_t len = 0;
      if (hoadon_export_csv(e, t, 0, &csv, &len) != HOADON_OK) std::abort();
      hoadon_free(csv);
    }
  }
  hoadon_export_free(e);
}

}  // namespace

int main() {
  const std::string doc = bench::make_invoice(10);
  const auto floor = [&] { parse_all(doc, [](std::size_t, hoadon_doc*) {}); };
  struct Work {
    std::string name;
    std::function<void()> run;
  };
  std::vector<Work> works = {
      {"csv (lines + invoices)", [&] { export_tables(doc, false); }},
      {"json (inspect --lines)", [&] {
         parse_all(doc, [](std::size_t, hoadon_doc* d) { hoadon_free(hoadon_doc_content_to_json(d, "invoice.xml")); });
       }}};
  if (hoadon_export_xlsx_supported()) works.push_back({"xlsx (two sheets)", [&] { export_tables(doc, true); }});
  std::vector<bench::Row> rows;
  for (const auto& w : works) {
    const auto t = bench::compare(w.run, floor, 3);
    std::printf("export %s of %d invoices: %.0f ms total, %.3f ms per invoice; parse alone %.0f ms; ratio %.2f\n",
                w.name.c_str(), kInvoices, t.work * 1e3, t.work * 1e3 / kInvoices, t.floor * 1e3, t.work / t.floor);
    rows.push_back({fmt::format("export {} x{}", w.name, kInvoices), t.work / kInvoices, t.floor / kInvoices, 0});
  }
  bench::print("export of 10,000 invoices of 10 lines vs parsing them alone (hoadon_doc_parse)", "parse", rows);
}
