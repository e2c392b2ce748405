// The C++ convenience layer (include/hoadon/hoadon.hpp), compiled as C++17 against the public
// headers and libhoadon only, as a C++ integrator would use it.
#include <doctest/doctest.h>

#include <string>

#include "hoadon/hoadon.hpp"

namespace {
const std::string kDemo = std::string(HOADON_SOURCE_DIR) + "/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml";
}

TEST_CASE("a document: essentials, validation, JSON") {
  auto doc = hoadon::Document::open(kDemo);
  CHECK(doc.parsed());
  CHECK(doc.kind() == "HDon");
  CHECK(doc.invoices() == 1);
  CHECK(doc.invoice(0, HOADON_FIELD_SERIES) == std::string_view("K26TCB"));
  CHECK(doc.invoice(0, HOADON_FIELD_TOTAL) == std::string_view("51570000"));
  CHECK_FALSE(doc.invoice(0, HOADON_FIELD_TAX_AUTHORITY_CODE).has_value());
  CHECK_FALSE(doc.invoice(3, HOADON_FIELD_SERIES).has_value());
  CHECK(doc.report().ok());
  CHECK(doc.bytes().find("<HDon>") != std::string_view::npos);

  const auto report = doc.validate();
  CHECK(report.ok());
  CHECK(report.size() == 0);
  CHECK(doc.to_json("demo.xml").rfind("{\"file\":\"demo.xml\"", 0) == 0);

  auto strict = hoadon::validate_options();
  strict.strict = 1;
  CHECK(doc.validate(strict).ok());
}

TEST_CASE("a rejected input is a value, with its diagnostics") {
  const auto doc = hoadon::Document::parse("<!DOCTYPE x><x/>");
  CHECK_FALSE(doc.parsed());
  CHECK(doc.status() == HOADON_EREJECTED);
  CHECK(doc.kind() == "unknown");
  const auto r = doc.report();
  REQUIRE(r.size() == 1);
  CHECK(r[0].code == "XML-DOCTYPE");
  CHECK(r[0].severity == HOADON_SEVERITY_ERROR);
  int n = 0;
  for (const auto& d : r) n += d.code == "XML-DOCTYPE";
  CHECK(n == 1);
  CHECK_THROWS_AS(r[1], hoadon::Error);
}

TEST_CASE("rule profiles and option errors throw hoadon::Error with the status") {
  hoadon::RuleProfile profile;
  profile.set("MST-BUYER", "warning");
  try {
    profile.set("NO-SUCH-CODE", "off");
    FAIL("no exception");
  } catch (const hoadon::Error& e) {
    CHECK(e.status() == HOADON_ENOTFOUND);
    CHECK(std::string(e.what()).find("NO-SUCH-CODE") != std::string::npos);
  }
  auto doc = hoadon::Document::open(kDemo);
  auto o = hoadon::validate_options();
  o.version = "9.9.9";
  CHECK_THROWS_AS(doc.validate(o), hoadon::Error);
  o.version = nullptr;
  o.profile = profile.get();
  CHECK(doc.validate(o).ok());
}

TEST_CASE("verification and trust") {
  hoadon::Trust trust;
  CHECK(trust.count(HOADON_TRUST_ANCHOR) == 0);
  CHECK_THROWS_AS(trust.add(HOADON_TRUST_ANCHOR, "/nonexistent/anchors.pem"), hoadon::Error);
  auto doc = hoadon::Document::open(kDemo);
  const auto v = doc.verify(&trust);
  CHECK_FALSE(v.ok());  // the demo invoice is unsigned
  CHECK(v.size() == 0);
  CHECK(v.report()[0].code == "DSIG-NONE");
  CHECK(v.to_json("demo.xml").find("\"signatures\":[]") != std::string::npos);
}

TEST_CASE("amount in words") {
  CHECK(hoadon::amount_in_words("51570000") == "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng");
  CHECK_THROWS_AS(hoadon::amount_in_words("12,5"), hoadon::Error);
  CHECK_FALSE(hoadon::version().empty());
}
