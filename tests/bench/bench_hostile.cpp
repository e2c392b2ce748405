// Hostile inputs up to 50 MB: how long hoadon takes to refuse (or accept) the worst documents
// constructed against its parser limits, beside the physical floor of reading as many bytes
// (one pass of memchr over them). The goal: well under one second for any input of
// 50 MB or less.
#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "harness.hpp"
#include "hoadon/hoadon.h"

namespace {

constexpr std::size_t k50MB = std::size_t{50} << 20;

std::string attributes(std::size_t n, const char* prefix = "a", const char* value = "") {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += fmt::format(" {}{}=\"{}\"", prefix, i, value);
  return s;
}

// Elements of `per` attributes each until `bytes`.
std::string many_elements(std::size_t per, std::size_t bytes) {
  const std::string one = "<e" + attributes(per) + "/>";
  std::string s = "<r>";
  while (s.size() + one.size() < bytes) s += one;
  return s + "</r>";
}

// `depth` nested elements each declaring `per` prefixes, then elements until `bytes` using the
// first prefix declared (the last one libxml2's linear lookup reaches).
std::string namespace_lookups(int depth, std::size_t per, std::size_t bytes) {
  std::string open, close;
  for (int d = 0; d < depth; ++d) {
    open += fmt::format("<n{}", d) + attributes(per, fmt::format("xmlns:p{}_", d).c_str(), "u:x") + ">";
    close = fmt::format("</n{}>", d) + close;
  }
  std::string s = open;
  while (s.size() + close.size() + 16 < bytes) s += "<p0_0:a/>";
  return s + close;
}

}  // namespace

int main() {
  struct Case {
    std::string name, doc;
  };
  const Case cases[] = {
      {"40,000 attributes on one element (0.4 MB)", "<r" + attributes(40000) + "/>"},
      {"4.6 million attributes on one element (50 MB)", "<r" + attributes(k50MB / 11) + "/>"},
      {"256 attributes per element up to 1,000,000 (the document cap)", many_elements(256, k50MB)},
      {"256 namespaces in scope, then 50 MB of prefixed elements", namespace_lookups(1, 256, k50MB)},
      // The worst accepted: just under the look-up budget (100 million / 256 per element).
      {"256 namespaces in scope, 390,000 prefixed elements (accepted)",
       namespace_lookups(1, 256, 390'000 * 9 + 256 * 16)},
      {"a 50 MB attribute value", "<r a=\"" + std::string(k50MB - 16, 'x') + "\"/>"},
  };
  std::vector<bench::Row> rows;
  for (const auto& c : cases) {
    const auto t = bench::compare(
        [&] {
          hoadon_doc* d = nullptr;
          hoadon_doc_parse(c.doc.data(), c.doc.size(), nullptr, &d);
          hoadon_doc_free(d);
        },
        [&] {
          if (std::memchr(c.doc.data(), '\x01', c.doc.size())) std::abort();
        },
        3);
    rows.push_back({fmt::format("{} [{:.2f} MB]", c.name, c.doc.size() / 1048576.0), t.work, t.floor, 0});
    std::printf("  %-70s %8.1f ms\n", c.name.c_str(), t.work * 1e3);
  }
  bench::print("hostile inputs: hoadon_doc_parse (refusal or parse) vs one pass over the bytes", "memchr", rows);
}
