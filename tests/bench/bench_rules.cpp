// Business rules: hoadon_doc_validate with the rules only, against parsing the same invoice
// (hoadon_doc_parse), so that the ratio says what the rules cost on top of reading the document.
// The rules must stay linear in the number of lines.
//
// `bench_rules --check` only validates each generated invoice once and fails on any
// diagnostic (the invoices are consistent): the test suite runs it, under the sanitizers too.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string_view>

#include "harness.hpp"
#include "hoadon/hoadon.h"

namespace {

hoadon_validate_options rules_only() {
  hoadon_validate_options options;
  hoadon_validate_options_init(&options, sizeof options);
  options.skip_schema = 1;
  return options;
}

// Validates once; aborts with the report when the rules find anything.
void validate_clean(hoadon_doc* doc, const hoadon_validate_options& options) {
  hoadon_report* report = nullptr;
  if (hoadon_doc_validate(doc, &options, &report) != HOADON_OK) std::abort();
  if (hoadon_report_count(report) != 0) {
    char* text = hoadon_report_to_text(report, "generated invoice", HOADON_LANG_EN);
    std::fputs(text, stderr);
    std::abort();
  }
  hoadon_report_free(report);
}

hoadon_doc* parse(const std::string& text) {
  hoadon_doc* doc = nullptr;
  if (hoadon_doc_parse(text.data(), text.size(), nullptr, &doc) != HOADON_OK) std::abort();
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  const hoadon_validate_options options = rules_only();
  const bool check_only = argc > 1 && std::string_view(argv[1]) == "--check";
  std::vector<bench::Row> rows;
  for (int lines : bench::sizes({10, 100, 10000})) {
    const std::string text = bench::make_invoice(lines);
    hoadon_doc* doc = parse(text);
    const auto t0 = std::chrono::steady_clock::now();
    validate_clean(doc, options);
    if (check_only) {
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
      fmt::print("{} lines: no diagnostic, rules in {:.3f} s\n", lines, took.count());
      hoadon_doc_free(doc);
      continue;
    }
    const auto t = bench::compare(
        [&] {
          hoadon_report* r = nullptr;
          if (hoadon_doc_validate(doc, &options, &r) != HOADON_OK) std::abort();
          hoadon_report_free(r);
        },
        [&] { hoadon_doc_free(parse(text)); });
    rows.push_back({fmt::format("rules {} lines", lines), t.work, t.floor, 1.0});
    hoadon_doc_free(doc);
  }
  if (!check_only)
    bench::print("hoadon_doc_validate (business rules only) vs hoadon_doc_parse of the same invoice", "parse", rows);
}
