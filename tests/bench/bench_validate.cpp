// Schema validation: the schema step of hoadon_doc_validate (default and strict, business
// rules skipped) on an already parsed invoice, against its floor, libxml2 parsing the same
// bytes alone; then parse + validate end to end against the same floor. Single thread.
#include <libxml/parser.h>

#include <fmt/format.h>

#include <cstdlib>

#include "harness.hpp"
#include "hoadon/hoadon.h"

namespace {

void validate(const hoadon_doc* doc, int strict) {
  hoadon_validate_options o;
  hoadon_validate_options_init(&o, sizeof o);
  o.strict = strict;
  o.skip_rules = 1;
  hoadon_report* r = nullptr;
  // The generated invoice is valid: anything else means the benchmark measures the wrong thing.
  if (hoadon_doc_validate(doc, &o, &r) != HOADON_OK || !hoadon_report_ok(r)) std::abort();
  hoadon_report_free(r);
}

}  // namespace

int main() {
  std::vector<bench::Row> step, whole;
  for (int lines : bench::sizes({10, 100, 10000})) {
    const std::string bytes = bench::make_invoice(lines);
    const auto floor = [&] {
      xmlDocPtr d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, XML_PARSE_NONET);
      xmlFreeDoc(d);
    };
    hoadon_doc* doc = nullptr;
    if (hoadon_doc_parse(bytes.data(), bytes.size(), nullptr, &doc) != HOADON_OK) std::abort();
    for (int strict : {0, 1}) {
      const auto t = bench::compare([&] { validate(doc, strict); }, floor);
      step.push_back({fmt::format("{} {} lines", strict ? "strict " : "default", lines), t.work, t.floor, 1.5});
    }
    hoadon_doc_free(doc);
    const auto t = bench::compare(
        [&] {
          hoadon_doc* d = nullptr;
          if (hoadon_doc_parse(bytes.data(), bytes.size(), nullptr, &d) != HOADON_OK) std::abort();
          validate(d, 0);
          hoadon_doc_free(d);
        },
        floor);
    whole.push_back({fmt::format("parse+validate {} lines", lines), t.work, t.floor, 0});
  }
  bench::print("schema step of hoadon_doc_validate (document already parsed) vs libxml2 parse alone", "libxml2", step);
  bench::print("hoadon_doc_parse + schema validation (default) vs libxml2 parse alone", "libxml2", whole);
}
