// Rendering: hoadon's parse + index + verification + view + HTML (or PDF) of a seller-signed
// invoice, against the floor every renderer pays, timed in the same run: the parse of the
// document (libxml2, through hoadon's parser and index).
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "harness.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "render/render.hpp"
#include "support/pki.hpp"
#include "xml/document.hpp"

namespace {

namespace tp = testing::pki;

void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_render: %s\n", what);
    std::abort();
  }
}

// What hoadon_doc_parse + hoadon_doc_render do.
std::size_t render_once(const std::string& bytes, const hoadon::render::Options& options) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(bytes, {}, report);
  must(doc != nullptr, "parse");
  const auto index = hoadon::model::build_index(*doc, report);
  const auto essentials = hoadon::model::read_essentials(*doc, index);
  const auto r = hoadon::render::render(*doc, index, essentials, report, options);
  must(r.error.empty(), "render");
  return r.bytes.size();
}

void parse_once(const std::string& bytes) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(bytes, {}, report);
  must(doc != nullptr, "parse");
  const auto index = hoadon::model::build_index(*doc, report);
  must(!index.invoices.empty(), "index");
}

}  // namespace

int main() {
  const auto& w = tp::world();
  hoadon::pki::TrustStore trust;
  trust.add_memory(hoadon::pki::Material::Anchor, w.root.pem());
  trust.add_memory(hoadon::pki::Material::Intermediate, w.ca.pem());
  trust.add_memory(hoadon::pki::Material::Crl, w.crl);

  std::vector<bench::Row> rows;
  std::vector<std::string> sizes;
  for (int lines : bench::sizes({10, 1000})) {
    // make_invoice's seller is 4800123456, the test signer's tax code.
    const std::string doc = tp::sign(bench::make_invoice(lines), w.signer_key, {w.signer});
    for (auto format : {hoadon::render::Format::Html, hoadon::render::Format::Pdf}) {
      if (!hoadon::render::available(format)) continue;
      hoadon::render::Options o;
      o.format = format;
      o.trust = &trust;
      const char* name = format == hoadon::render::Format::Html ? "html" : "pdf";
      const std::size_t size = render_once(doc, o);
      const auto t = bench::compare([&] { render_once(doc, o); }, [&] { parse_once(doc); }, 5);
      rows.push_back({fmt::format("render {} {} lines", name, lines), t.work, t.floor, 0});
      sizes.push_back(fmt::format("render {} {} lines: {:.2f} ms per render (parse floor {:.3f} ms), {} KiB", name,
                                  lines, t.work * 1e3, t.floor * 1e3, size / 1024));
    }
  }
  bench::print(
      "hoadon render (parse + index + verification with chain and CRLs + view + HTML or PDF) vs the floor "
      "(parse + index)",
      "parse", rows);
  for (const auto& s : sizes) fmt::print("{}\n", s);
}
