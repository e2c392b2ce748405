// Parsing: hoadon's safe parse + document index + essentials, against libxml2 parsing the
// same bytes alone.
#include <libxml/parser.h>

#include <fmt/format.h>

#include <cstdlib>

#include "harness.hpp"
#include "hoadon/hoadon.h"

int main() {
  std::vector<bench::Row> rows;
  for (int lines : bench::sizes({10, 100, 10000})) {
    const std::string doc = bench::make_invoice(lines);
    const auto t = bench::compare(
        [&] {
          hoadon_doc* d = nullptr;
          if (hoadon_doc_parse(doc.data(), doc.size(), nullptr, &d) != HOADON_OK) std::abort();
          hoadon_doc_free(d);
        },
        [&] {
          xmlDocPtr d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, nullptr, XML_PARSE_NONET);
          xmlFreeDoc(d);
        });
    rows.push_back({fmt::format("parse {} lines", lines), t.work, t.floor, 0});
  }
  bench::print("hoadon_doc_parse (safe parse + index + essentials) vs libxml2 parse alone", "libxml2", rows);
}
