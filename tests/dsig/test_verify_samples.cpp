// The real invoices and messages of ../shared/vn-invoice-samples: each signature's integrity as
// MANIFEST.tsv expects (including the .NET quirks), and any changed amount breaks them.
#include <doctest/doctest.h>

#include "dsig/verify_helpers.hpp"
#include "model/essentials.hpp"
#include "support/support.hpp"
#include "xml/node.hpp"

using hoadon::Code;
using testing::verify;
namespace xml = hoadon::xml;

namespace {

hoadon::dsig::VerifyOptions integrity_only() {
  hoadon::dsig::VerifyOptions o;
  o.integrity_only = true;
  return o;
}

bool intact_expected(const std::string& integrity) {
  return integrity == "intact" || integrity == "intact-dotnet-quirk";
}

// The element whose first digit the tamper test changes: the first invoice's grand total, or
// for forms the first element with a digit in the signed data.
const xmlNode* amount_of(const testing::Verified& v) {
  if (!v.index.invoices.empty()) return xml::child_path(v.index.invoices[0].dlhdon, {"NDHDon", "TToan", "TgTTTBSo"});
  const xmlNode* found = nullptr;
  const xmlNode* form = v.index.form;
  REQUIRE(form);
  xml::for_each_element(xml::first_child_element(const_cast<xmlNode*>(form)), [&](xmlNode* e) {
    if (!found && !xml::first_child_element(e) && xml::text(e).find_first_of("0123456789") != std::string::npos)
      found = e;
  });
  return found;
}

}  // namespace

TEST_CASE("every real sample: each signature's integrity as MANIFEST.tsv says") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  const auto samples = testing::manifest();
  CHECK(samples.size() == 45);
  std::size_t signatures = 0, quirks = 0;
  for (const auto& s : samples) {
    CAPTURE(s.file);
    const auto v = verify(testing::read_file(s.path), nullptr, integrity_only());
    REQUIRE(v.result.signatures.size() == s.signatures.size());
    for (std::size_t i = 0; i < s.signatures.size(); ++i) {
      CAPTURE(i);
      const auto& expected = s.signatures[i];
      const auto& got = v.sig(i);
      CHECK(got.slot == expected.slot);
      CHECK(got.algorithm == expected.algorithm);
      CHECK(got.intact == intact_expected(expected.integrity));
      CHECK(v.warns(i, "DSIG-DOTNET-COMPAT") == (expected.integrity == "intact-dotnet-quirk"));
      if (got.intact) CHECK(got.reason != "digest-mismatch");
      if (!got.intact) CHECK(got.outcome == hoadon::dsig::Outcome::Invalid);
      ++signatures;
      quirks += expected.integrity == "intact-dotnet-quirk";
    }
    // Every diagnostic of verification points somewhere.
    for (const auto& d : v.result.report.items())
      if (hoadon::code_info(d.code).area == "DSIG" || hoadon::code_info(d.code).area == "PKI")
        CHECK(!d.where.path.empty());
  }
  CHECK(signatures == 60);
  CHECK(quirks == 7);
}

TEST_CASE("every intact sample: one digit of an amount changed, and its signatures break") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  std::size_t tampered = 0;
  for (const auto& s : testing::manifest()) {
    const bool any_intact =
        std::any_of(s.signatures.begin(), s.signatures.end(),
                    [](const testing::SampleSignature& sig) { return intact_expected(sig.integrity); });
    if (!any_intact) continue;
    CAPTURE(s.file);
    const auto bytes = testing::read_file(s.path);
    const auto original = verify(bytes, nullptr, integrity_only());
    const xmlNode* amount = amount_of(original);
    REQUIRE(amount);
    // Change the first digit of the element's text, in the bytes, and nothing else.
    const auto* span = original.doc->span(amount);
    REQUIRE(span);
    std::string changed = bytes;
    const auto digit = changed.find_first_of("0123456789", span->start_tag_end);
    REQUIRE(digit < span->end);
    changed[digit] = changed[digit] == '9' ? '8' : static_cast<char>(changed[digit] + 1);
    const auto v = verify(changed, nullptr, integrity_only());
    CAPTURE(xml::xpath(amount));
    CHECK_FALSE(v.result.ok());
    REQUIRE(v.result.signatures.size() == s.signatures.size());
    for (std::size_t i = 0; i < s.signatures.size(); ++i) {
      CAPTURE(i);
      CHECK_FALSE(v.sig(i).intact);
    }
    CHECK(v.has(Code::DsigDigest));
    ++tampered;
  }
  CHECK(tampered == 38);
}

TEST_CASE("inclusive C14N sees the ancestors' namespace declarations (TS24 inside a 202 message)") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto bytes = testing::read_file(*dir / "001.xml");
  {
    const auto v = verify(bytes, nullptr, integrity_only());
    REQUIRE(v.result.signatures.size() == 2);
    CHECK(v.sig(0).intact);
    CHECK(v.sig(1).intact);
    CHECK(v.sig(0).outcome == hoadon::dsig::Outcome::Indeterminate);
    // TS24's 2021 code came from the tax authority's TEST system ("Tổng cục thuế Test 01",
    // CYBERLOTUS-CA): not the tax authority's certificate.
    CHECK(v.sig(1).reason == "not-tax-authority");
  }
  // Dropping an unused declaration from HDon changes nothing an XML reader sees, but the
  // canonical form of DLHDon includes it: a verifier that re-wraps the invoice breaks it.
  const auto rewrapped =
      testing::replace_once(bytes, " xmlns:inv=\"http://laphoadon.gdt.gov.vn/2014/09/invoicexml/v1\"", "");
  const auto v = verify(rewrapped, nullptr, integrity_only());
  CHECK_FALSE(v.sig(0).intact);
  CHECK_FALSE(v.sig(1).intact);
}

TEST_CASE("the quirks, named: the Viettel time stamp, and a relative namespace URI") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto viettel = verify(testing::read_file(*dir / "007.xml"), nullptr, integrity_only());
  CHECK(viettel.sig().intact);
  CHECK(viettel.message(Code::DsigCompat).find("enveloped-signature transform") != std::string::npos);
  CHECK(viettel.sig().covers.back() == "/HDon/DSCKS/NBan/ds:Signature/ds:Object");
  const auto summary = verify(testing::read_file(*dir / "A23.xml"), nullptr, integrity_only());
  CHECK(summary.sig().intact);
  CHECK(summary.message(Code::DsigCompat).find("relative namespace URI") != std::string::npos);
  // The URIs are back as they were once verification is over.
  const xmlNode* data =
      xml::first_child_element(xml::child_path(summary.index.form, {"DLBTHop", "NDBTHDLieu", "DSDLieu"}));
  REQUIRE(data);
  CHECK(std::string(reinterpret_cast<const char*>(data->ns->href)) == "DSDLieu");
}

TEST_CASE("what real invoices leave unsigned is reported: VNPT's Fkey, an envelope's header") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto vnpt = verify(testing::read_file(*dir / "004.xml"), nullptr, integrity_only());
  CHECK(vnpt.path(Code::DsigUnsigned) == "/HDon/Fkey");
  const auto ts24 = verify(testing::read_file(*dir / "001.xml"), nullptr, integrity_only());
  CHECK(ts24.path(Code::DsigUnsigned) == "/TDiep/TTChung");
  CHECK(ts24.find(Code::DsigUnsigned)->severity == hoadon::Severity::Info);
}
