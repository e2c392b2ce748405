#include "render/support.hpp"

#include <doctest/doctest.h>

#include "model/essentials.hpp"
#include "model/index.hpp"
#include "sign/sign_helpers.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"

namespace testing {

hoadon::render::Result render_bytes(const std::string& xml, const hoadon::render::Options& options) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(xml, {}, report);
  REQUIRE(doc);
  const auto index = hoadon::model::build_index(*doc, report);
  const auto essentials = hoadon::model::read_essentials(*doc, index);
  return hoadon::render::render(*doc, index, essentials, report, options);
}

std::string demo_with(const std::string& from, const std::string& to) {
  auto s = read_file(source_dir() / "examples/invoices" / kDemoVat);
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the demo invoice: " << from);
  return s.replace(at, from.size(), to);
}

std::string demo_with_lines(int lines) {
  auto s = read_file(source_dir() / "examples/invoices" / kDemoVat);
  const auto b = s.find("<HHDVu>"), e = s.find("</DSHHDVu>");
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  const auto first_end = s.find("</HHDVu>", b) + 8;
  const std::string line = s.substr(b, first_end - b);
  std::string list;
  for (int i = 1; i <= lines; ++i) {
    std::string l = line;
    const auto stt = l.find("<STT>1</STT>");
    l.replace(stt, 12, "<STT>" + std::to_string(i) + "</STT>");
    list += l;
  }
  return s.replace(b, e - b, list);
}

std::string signed_demo(const std::string& xml) {
  const auto r = sign_with(xml, seller());
  REQUIRE_MESSAGE(r.ok(), "the test invoice could not be signed");
  return r.bytes;
}

}  // namespace testing
