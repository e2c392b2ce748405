// Diagnostics, the catalogue, profiles and rendering.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "report/catalogue.hpp"
#include "report/json.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "support/json.hpp"

using namespace hoadon;

TEST_CASE("the catalogue: unique, well-formed codes with both languages") {
  const std::regex shape("^[A-Z0-9]+(-[A-Z0-9]+)+$");
  std::set<std::string_view> seen;
  for (const auto& c : catalogue()) {
    CAPTURE(c.code);
    CHECK(std::regex_match(std::string(c.code), shape));
    CHECK(seen.insert(c.code).second);
    CHECK(!c.title_en.empty());
    CHECK(!c.title_vi.empty());
    CHECK(c.code.starts_with(c.area));
    CHECK(&code_info(c.id) == &c);
    CHECK(find_code(c.code) == &c);
  }
  CHECK(find_code("NO-SUCH-CODE") == nullptr);
  CHECK(code_info(Code::XmlDoctype).code == "XML-DOCTYPE");
}

TEST_CASE("a report: default severities, verdict, fallback messages") {
  Report r;
  CHECK(r.ok());
  r.add(Code::DocSigOutside, {"/HDon/X", 3});
  CHECK(r.ok());  // a warning
  CHECK(r.items()[0].severity == Severity::Warning);
  CHECK(r.items()[0].message == code_info(Code::DocSigOutside).title_en);
  CHECK(r.items()[0].message_vi == code_info(Code::DocSigOutside).title_vi);
  r.add(Code::XmlDoctype, {}, "custom", "tùy chỉnh");
  CHECK_FALSE(r.ok());
  CHECK(r.count(Severity::Error) == 1);
  CHECK(r.count(Severity::Warning) == 1);
  CHECK(r.has(Code::XmlDoctype));
}

TEST_CASE("a profile changes or silences codes") {
  Profile p;
  p.set(Code::DocSigOutside, Severity::Error);
  p.set(Code::XmlDoctype, std::nullopt);
  Report r(&p);
  r.add(Code::DocSigOutside, {});
  r.add(Code::XmlDoctype, {});
  REQUIRE(r.items().size() == 1);
  CHECK(r.items()[0].severity == Severity::Error);
  p.reset(Code::XmlDoctype);
  r.add(Code::XmlDoctype, {});
  CHECK(r.items().size() == 2);
}

TEST_CASE("JSON strings are escaped and always valid UTF-8") {
  std::string out;
  append_json_string(out, "a\"b\\c\n\t\x01 Việt");
  CHECK(out == "\"a\\\"b\\\\c\\n\\t\\u0001 Việt\"");
  out.clear();
  append_json_string(out, "bad\xff\xc3(");
  CHECK(out == "\"bad\\ufffd\\ufffd(\"");
  CHECK(testing::parse_json(out).str() == "bad\xEF\xBF\xBD\xEF\xBF\xBD(");
}

TEST_CASE("the writer places commas and nests") {
  JsonWriter w;
  w.begin_object().field("a", 1).key("b").begin_array().value(true).null().value("x").end_array();
  w.key("c").begin_object().end_object().end_object();
  CHECK(w.str() == R"({"a":1,"b":[true,null,"x"],"c":{}})");
}

TEST_CASE("report JSON carries the contract's names") {
  Report r;
  r.set_kind("HDon");
  r.add(Code::XmlMalformed, {"/HDon/DLHDon", 7}, "bad \"thing\"", "sai");
  const auto j = testing::parse_json(report_to_json(r, "in/ví dụ.xml"));
  CHECK(j["file"].str() == "in/ví dụ.xml");
  CHECK(j["kind"].str() == "HDon");
  CHECK(j["ok"].boolean() == false);
  const auto& d = j["diagnostics"][0];
  CHECK(d["code"].str() == "XML-MALFORMED");
  CHECK(d["severity"].str() == "error");
  CHECK(d["path"].str() == "/HDon/DLHDon");
  CHECK(d["line"].number() == 7);
  CHECK(d["message"].str() == "bad \"thing\"");
  CHECK(d["message_vi"].str() == "sai");
}

TEST_CASE("report text in each language") {
  Report r;
  r.set_kind("HDon");
  r.add(Code::XmlDoctype, {"", 2}, "no DOCTYPE", "không DOCTYPE");
  const auto en = report_to_text(r, "a.xml", Lang::En);
  CHECK(en == "a.xml: error XML-DOCTYPE line 2: no DOCTYPE\na.xml: FAILED (HDon; 1 error, 0 warnings)\n");
  const auto vi = report_to_text(r, "a.xml", Lang::Vi);
  CHECK(vi.find("không DOCTYPE") != std::string::npos);
  CHECK(vi.find("KHÔNG ĐẠT") != std::string::npos);
  const auto both = report_to_text(r, "a.xml", Lang::Both);
  CHECK(both.find("no DOCTYPE\n    không DOCTYPE") != std::string::npos);
}
