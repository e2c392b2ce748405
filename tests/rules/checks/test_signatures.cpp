// SIG-*: the signatures an invoice must carry, by stage (draft, signed, issued) and series.
#include "rules/checks/support.hpp"

using namespace hoadon::test;
using hoadon::rules::Stage;

namespace {

hoadon::rules::Settings at(Stage stage) {
  auto s = fixed_settings();
  s.stage = stage;
  return s;
}

const std::string kSeller = "<NBan>" + signature("2026-11-20T16:05:32", "seller") + "</NBan>";

}  // namespace

TEST_CASE("the stage: an unsigned bare invoice is a draft unless the integrator says otherwise") {
  // The demo invoices are the §5.5 template, before signing: no diagnostic.
  CHECK_CODES(check_rules(demo_vat()), {});
  CHECK_CODES(check_rules(demo_vat(), at(Stage::draft)), {});
  auto r = check_rules(demo_vat(), at(Stage::seller_signed));
  CHECK_CODES(r, {"SIG-SELLER-MISSING"});
  CHECK(r.first("SIG-SELLER-MISSING").where.path == "/HDon/DSCKS/NBan");
  CHECK(r.first("SIG-SELLER-MISSING").message ==
        "DSCKS/NBan (Chữ ký số người bán) holds no signature, but the invoice is signed");
  // A K series needs no code even when issued.
  CHECK_CODES(check_rules(demo_vat(), at(Stage::issued)), {"SIG-SELLER-MISSING"});
  // A draft may already carry what it carries: nothing is required of it.
  CHECK_CODES(check_rules(issued_vat(), at(Stage::draft)), {});
}

TEST_CASE("SIG-SELLER-MISSING: signed and issued invoices carry the seller's signature") {
  const std::string unsigned_c = set(demo_vat(), "KHHDon", "C26TCB");
  // Travelling in a code request, the invoice must be signed.
  auto r = check_rules(envelope("200", {unsigned_c}));
  CHECK_CODES(r, {"SIG-SELLER-MISSING"});
  CHECK(r.first("SIG-SELLER-MISSING").where.path == "/TDiep/DLieu/HDon/DSCKS/NBan");
  CHECK(r.first("SIG-SELLER-MISSING").message.find("(message 200)") != std::string::npos);
  CHECK_CODES(check_rules(envelope("200", {edit(unsigned_c, "<NBan/>", kSeller)})), {});
  // A buyer's signature alone makes a signed invoice without the seller's.
  r = check_rules(edit(demo_vat(), "<NMua/>", "<NMua>" + signature("2026-11-21T08:00:00", "buyer") + "</NMua>"));
  CHECK_CODES(r, {"SIG-SELLER-MISSING"});
  // No DSCKS at all: the diagnostic points at the invoice.
  CHECK(check_rules(drop(demo_vat(), "<DSCKS><NBan/><NMua/><CCKSKhac/></DSCKS>"), at(Stage::issued))
            .first("SIG-SELLER-MISSING")
            .where.path == "/HDon");
}

TEST_CASE("SIG-SELLER-MISSING: the exemptions of Decree 123 Art.10 cl.14") {
  // Cash-register invoices: the taxpayer signs message 206 as a whole (CKSNNT) [S 110].
  const std::string mtt = set(set(issued_vat(), "KHHDon", "C26MCB"), "MCCQT", "M1-26-CMXN3-00000000123");
  const std::string mtt_unsigned =
      edit(mtt, mtt.substr(mtt.find("<DSCKS>"), mtt.find("</DSCKS>") + 8 - mtt.find("<DSCKS>")),
           "<DSCKS><NBan/><NMua/></DSCKS>");
  CHECK_CODES(check_rules(envelope("206", {mtt_unsigned})), {});
  CHECK_CODES(check_rules(mtt_unsigned, at(Stage::issued)), {});
  // Invoices the tax authority issues per occurrence; stamps, tickets and cards without a code.
  const std::string per_occurrence = edit(set(demo_vat(), "KHHDon", "C26LCB"), "<NLap>", "<MHSo>HS1</MHSo><NLap>");
  CHECK_FALSE(check_rules(per_occurrence, at(Stage::seller_signed)).has("SIG-SELLER-MISSING"));
  const std::string ticket = set(set(demo_vat(), "KHMSHDon", "5"), "KHHDon", "K26GCB");
  CHECK_CODES(check_rules(ticket, at(Stage::seller_signed)), {});
  // A ticket coded by the tax authority is signed like any invoice (cl.14 đ).
  CHECK(check_rules(set(ticket, "KHHDon", "C26GCB"), at(Stage::seller_signed)).has("SIG-SELLER-MISSING"));
}

TEST_CASE("SIG-CQT-MISSING: an issued code invoice carries the tax authority's signature") {
  const std::string ok = issued_vat();
  const std::string no_cqt =
      edit(ok, ok.substr(ok.find("<CQT><Signature"), ok.find("</CQT>") + 6 - ok.find("<CQT><Signature")), "");
  auto r = check_rules(no_cqt);  // an MCCQT says it was issued
  CHECK_CODES(r, {"SIG-CQT-MISSING"});
  CHECK(r.first("SIG-CQT-MISSING").where.path == "/HDon/DSCKS");
  CHECK_CODES(check_rules(no_cqt, at(Stage::seller_signed)), {});
}

TEST_CASE("SIG-CQT-UNEXPECTED: no tax authority's signature on K series or in a code request") {
  auto r = check_rules(
      set(drop(issued_vat(), "<MCCQT Id=\"Id-code\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</MCCQT>"), "KHHDon", "K26TCB"));
  CHECK_CODES(r, {"SIG-CQT-UNEXPECTED"});
  CHECK(r.first("SIG-CQT-UNEXPECTED").where.path == "/HDon/DSCKS/CQT/ds:Signature");
  r = check_rules(envelope("200", {issued_vat()}));
  CHECK(r.has("SIG-CQT-UNEXPECTED"));
  CHECK(r.first("SIG-CQT-UNEXPECTED").message.find("code request (MLTDiep 200)") != std::string::npos);
}

TEST_CASE("SIG-CQT-BEFORE-SELLER: the tax authority signs after the seller") {
  const std::string ok = issued_vat();  // 16:05:32 then 16:05:48
  auto r = check_rules(edit(ok, "2026-11-20T16:05:48", "2026-11-20T16:05:31"));
  CHECK_CODES(r, {"SIG-CQT-BEFORE-SELLER"});
  CHECK(r.first("SIG-CQT-BEFORE-SELLER").message ==
        "The tax authority's SigningTime 2026-11-20T16:05:31 is before the seller's 2026-11-20T16:05:32");
  CHECK(r.first("SIG-CQT-BEFORE-SELLER")
            .where.path.ends_with("/ds:Object/ds:SignatureProperties/"
                                  "ds:SignatureProperty/ds:SigningTime"));
  // Zones are compared as instants: 09:05:40Z is 16:05:40 in Vietnam, after the seller.
  CHECK_CODES(check_rules(edit(ok, "2026-11-20T16:05:48", "2026-11-20T09:05:40Z")), {});
  CHECK_CODES(check_rules(edit(ok, "2026-11-20T16:05:48", "2026-11-20T09:05:20Z")), {"SIG-CQT-BEFORE-SELLER"});
  CHECK_CODES(check_rules(edit(ok, "2026-11-20T16:05:48", "yesterday")), {});  // unreadable: the schema's
}
