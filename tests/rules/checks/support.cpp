#include "rules/checks/support.hpp"

#include <algorithm>

#include "model/index.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"

namespace hoadon::test {

rules::Settings fixed_settings() {
  rules::Settings s;
  s.now = to_instant(*parse_datetime("2026-12-31T12:00:00").value);
  return s;
}

std::size_t Checked::count(std::string_view code) const {
  return static_cast<std::size_t>(std::count_if(report.items().begin(), report.items().end(),
                                                [&](const Diagnostic& d) { return d.code_name() == code; }));
}

const Diagnostic& Checked::first(std::string_view code) const {
  for (const auto& d : report.items())
    if (d.code_name() == code) return d;
  FAIL("no diagnostic " << std::string(code) << " in:\n" << dump());
  throw std::logic_error("unreachable");
}

std::vector<std::string> Checked::codes() const {
  std::vector<std::string> out;
  for (const auto& d : report.items()) out.emplace_back(d.code_name());
  return out;
}

std::string Checked::dump() const {
  std::string out;
  for (const auto& d : report.items())
    out += std::string(d.code_name()) + " " + std::string(severity_name(d.severity)) + " " + d.where.path + ": " +
           d.message + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

Checked check_rules(const std::string& xml, const rules::Settings& settings, const Profile* profile) {
  Checked c{Report(profile)};
  Report parsed;
  const auto doc = xml::parse(xml, {}, parsed);
  REQUIRE_MESSAGE(doc, "test document is not well-formed: " << xml.substr(0, 200));
  const model::Index index = model::build_index(*doc, parsed);
  rules::check(*doc, index, settings, c.report);
  return c;
}

std::string demo_vat() {
  return testing::read_file(testing::source_dir() / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
}

std::string demo_sales() {
  return testing::read_file(testing::source_dir() / "examples/invoices/ho-kinh-doanh-ban-hang-2.0.0.xml");
}

std::string edit(std::string xml, std::string_view from, std::string_view to) {
  const auto pos = xml.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "test edit: \"" << std::string(from) << "\" not found");
  xml.replace(pos, from.size(), to);
  return xml;
}

std::string set(std::string xml, std::string_view tag, std::string_view value) {
  const std::string open = "<" + std::string(tag), close = "</" + std::string(tag) + ">";
  auto begin = xml.find(open);
  while (begin != std::string::npos && xml[begin + open.size()] != '>' && xml[begin + open.size()] != ' ')
    begin = xml.find(open, begin + 1);  // a longer tag name
  REQUIRE_MESSAGE(begin != std::string::npos, "test set: <" << std::string(tag) << "> not found");
  const auto content = xml.find('>', begin) + 1;
  const auto end = xml.find(close, content);
  REQUIRE(end != std::string::npos);
  xml.replace(content, end - content, value);
  return xml;
}

std::string drop(std::string xml, std::string_view element) { return edit(std::move(xml), element, ""); }

std::string signature(std::string_view time, std::string_view id) {
  return "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"" + std::string(id) +
         "\"><SignedInfo><CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
         "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/></SignedInfo>"
         "<SignatureValue>AA==</SignatureValue><Object Id=\"t-" +
         std::string(id) + "\"><SignatureProperties><SignatureProperty Target=\"#" + std::string(id) +
         "\"><SigningTime>" + std::string(time) +
         "</SigningTime></SignatureProperty></SignatureProperties></Object></Signature>";
}

std::string issued_vat() {
  std::string x = edit(demo_vat(), "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26TCB</KHHDon>");
  return edit(x, "<DSCKS><NBan/><NMua/><CCKSKhac/></DSCKS>",
              "<MCCQT Id=\"Id-code\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</MCCQT><DSCKS><NBan>" +
                  signature("2026-11-20T16:05:32", "seller") + "</NBan><NMua/><CCKSKhac/><CQT>" +
                  signature("2026-11-20T16:05:48", "cqt") + "</CQT></DSCKS>");
}

std::string envelope(std::string_view type, const std::vector<std::string>& invoices, std::string_view count) {
  std::string payload;
  for (const auto& i : invoices) {
    const auto start = i.find("<HDon");
    REQUIRE(start != std::string::npos);
    payload += i.substr(start);
  }
  while (!payload.empty() && (payload.back() == '\n' || payload.back() == '\r')) payload.pop_back();
  const std::string n = count.empty() ? std::to_string(invoices.size()) : std::string(count);
  return "<TDiep><TTChung><PBan>2.1.0</PBan><MNGui>V0101234565</MNGui><MNNhan>TCT</MNNhan><MLTDiep>" +
         std::string(type) +
         "</MLTDiep><MTDiep>V0101234565F6CA05C0FAD546FCA237A8E930E7CB49</MTDiep>"
         "<MST>4800123456</MST><SLuong>" +
         n + "</SLuong></TTChung><DLieu>" + payload + "</DLieu></TDiep>";
}

}  // namespace hoadon::test
