// MCCQT-*: the tax authority's code on the invoice.
#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("MCCQT-FORMAT and MCCQT-UNUSUAL: 34 characters, or the cash-register form") {
  const std::string ok = issued_vat();
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(set(ok, "MCCQT", "00EEA9E0CF3EFF43A9AE37A0F2F915BAC"));
  CHECK_CODES(r, {"MCCQT-FORMAT"});
  CHECK(r.first("MCCQT-FORMAT").where.path == "/HDon/MCCQT");
  CHECK(r.first("MCCQT-FORMAT").message.find("has 33 characters; the tax authority's code has 34") !=
        std::string::npos);
  CHECK(check_rules(set(ok, "MCCQT", "00EEA9E0CF3EFF43A9AE37A0F2F915BA-3"))
            .first("MCCQT-FORMAT")
            .message.find("character 33 '-'") != std::string::npos);
  // Lowercase hex, or another issuer than "00": possible, never seen [I].
  r = check_rules(set(ok, "MCCQT", "00eea9e0cf3eff43a9ae37a0f2f915bac3"));
  CHECK_CODES(r, {"MCCQT-UNUSUAL"});
  CHECK(r.first("MCCQT-UNUSUAL").severity == hoadon::Severity::Warning);
  CHECK(check_rules(set(ok, "MCCQT", "01EEA9E0CF3EFF43A9AE37A0F2F915BAC3"))
            .first("MCCQT-UNUSUAL")
            .message.find("starts with \"01\", not \"00\"") != std::string::npos);
}

TEST_CASE("MCCQT-MISSING: an issued invoice of a code series carries its code") {
  const std::string ok = issued_vat();
  // A CQT signature means the tax authority has coded the invoice.
  auto r = check_rules(drop(ok, "<MCCQT Id=\"Id-code\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</MCCQT>"));
  CHECK_CODES(r, {"MCCQT-MISSING"});
  CHECK(r.first("MCCQT-MISSING").where.path == "/HDon");
  CHECK_CODES(check_rules(set(ok, "MCCQT", "")), {"MCCQT-MISSING"});
  // Signed by the seller only: not coded yet, so no code expected [S 120, 121, 133] ...
  const std::string seller_only =
      edit(drop(ok, "<MCCQT Id=\"Id-code\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</MCCQT>"),
           ok.substr(ok.find("<CQT><Signature"), ok.find("</CQT>") + 6 - ok.find("<CQT><Signature")), "");
  CHECK_CODES(check_rules(seller_only), {});
  // ... unless the integrator says the invoice is final.
  auto settings = fixed_settings();
  settings.stage = hoadon::rules::Stage::issued;
  CHECK_CODES(check_rules(seller_only, settings), {"MCCQT-MISSING", "SIG-CQT-MISSING"});
  // Or the envelope does: 202 returns the coded invoice.
  CHECK_CODES(check_rules(envelope("202", {seller_only})), {"MCCQT-MISSING", "SIG-CQT-MISSING"});
}

TEST_CASE("MCCQT-UNEXPECTED: no code on a K series, nor in a code request") {
  auto r = check_rules(set(issued_vat(), "KHHDon", "K26TCB"));
  CHECK(r.has("MCCQT-UNEXPECTED"));
  CHECK(r.first("MCCQT-UNEXPECTED").message.find("K invoices carry no tax authority's code") != std::string::npos);
  CHECK_CODES(check_rules(edit(demo_vat(), "<DSCKS>", "<MCCQT/><DSCKS>")), {});  // empty: absent [S 003, 008]
  const std::string request = envelope("200", {issued_vat()});
  r = check_rules(request);
  CHECK(r.has("MCCQT-UNEXPECTED"));
  CHECK(r.first("MCCQT-UNEXPECTED").message.find("in a code request (MLTDiep 200)") != std::string::npos);
}

TEST_CASE("MCCQT-SERIES: the cash-register form goes with letter M, its template and year") {
  // A cash-register sales invoice as Nacencomm sends it in message 206 [S 110].
  const std::string mtt =
      set(set(set(issued_vat(), "KHHDon", "C26MCB"), "MCCQT", "M1-26-CMXN3-00000000123"), "KHMSHDon", "1");
  CHECK_CODES(check_rules(mtt), {});
  auto r = check_rules(set(mtt, "MCCQT", "M2-26-CMXN3-00000000123"));
  CHECK_CODES(r, {"MCCQT-SERIES"});
  CHECK(r.first("MCCQT-SERIES").message.find("template digit 2 differs from KHMSHDon 1") != std::string::npos);
  CHECK(check_rules(set(mtt, "MCCQT", "M1-25-CMXN3-00000000123"))
            .first("MCCQT-SERIES")
            .message.find("year 25 differs from the series year 26") != std::string::npos);
  CHECK(check_rules(set(mtt, "MCCQT", "00EEA9E0CF3EFF43A9AE37A0F2F915BAC3"))
            .first("MCCQT-SERIES")
            .message.find("cash-register series (letter M)") != std::string::npos);
  CHECK(check_rules(set(issued_vat(), "MCCQT", "M1-26-CMXN3-00000000123")).has("MCCQT-SERIES"));
}
