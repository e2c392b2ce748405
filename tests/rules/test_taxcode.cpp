#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "rules/taxcode.hpp"
#include "rules/support.hpp"
#include "support/support.hpp"

using namespace hoadon::rules;

namespace {
// The real MSTs the spec names as verified (§3.1, §3.2).
const std::vector<std::string> kSpecMsts{"0100109106", "0101243150", "0101360697", "0100684378", "0309478306",
                                         "0105987432", "2700952079", "0104831030", "0202019860", "0201712790"};
}  // namespace

TEST_CASE("taxcode: check digit formula on the spec's worked examples") {
  CHECK(mst_check_digit("010010910") == 6);               // S = 114, 114 mod 11 = 4
  CHECK(mst_check_digit("010124315") == 0);               // S = 175, remainder 10
  CHECK_FALSE(mst_check_digit("000000000").has_value());  // S = 0: remainder 0
  CHECK_FALSE(mst_check_digit("01001091").has_value());
  CHECK_FALSE(mst_check_digit("01001091x").has_value());
}

TEST_CASE("taxcode: the real MSTs named by the spec are valid, and so are their branches") {
  for (const auto& mst : kSpecMsts) {
    CAPTURE(mst);
    const auto r = check_tax_code(mst);
    CHECK(r.ok());
    CHECK(r.kind == TaxCodeKind::mst);
    CHECK(check_compact_tax_code(mst).ok());
    CHECK(check_tax_code(mst + "-001").kind == TaxCodeKind::branch);
    CHECK(check_tax_code(mst + "-999").ok());
    CHECK(check_compact_tax_code(mst + "091").kind == TaxCodeKind::branch_compact);
    CHECK(check_compact_tax_code(mst + "091").ok());
  }
  CHECK(check_tax_code("0104831030-091").ok());  // Viettel retail branch (§3.2)
}

TEST_CASE("taxcode: every single-digit change and adjacent swap of a real MST is caught") {
  for (const auto& mst : kSpecMsts) {
    for (std::size_t i = 0; i < 10; ++i) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == mst[i]) continue;
        std::string m = mst;
        m[i] = d;
        CAPTURE(m);
        const auto r = check_tax_code(m);
        CHECK_FALSE(r.ok());
        CHECK((r.reason == TaxCodeReason::bad_check_digit || r.reason == TaxCodeReason::zero_remainder));
        CHECK(r.position == 9);
      }
    }
    for (std::size_t i = 0; i + 1 < 9; ++i) {
      if (mst[i] == mst[i + 1]) continue;
      std::string m = mst;
      std::swap(m[i], m[i + 1]);
      CAPTURE(m);
      CHECK_FALSE(check_tax_code(m).ok());
    }
  }
}

TEST_CASE("taxcode: precise reasons") {
  auto r = check_tax_code("0100109107");
  CHECK(r.reason == TaxCodeReason::bad_check_digit);
  CHECK(r.expected_check_digit == 6);
  CHECK(r.kind == TaxCodeKind::mst);

  CHECK_FALSE(mst_check_digit("000000000").has_value());
  r = check_tax_code("0000000000");
  CHECK(r.reason == TaxCodeReason::zero_remainder);
  CHECK(r.position == 9);
  // A non-trivial prefix whose weighted sum is a multiple of 11, found by search.
  std::string zero;
  for (int n = 1; n < 1'000'000'000 && zero.empty(); n += 7919) {
    std::string s = std::to_string(n);
    s.insert(0, 9 - s.size(), '0');
    if (!mst_check_digit(s)) zero = s + "5";
  }
  REQUIRE_FALSE(zero.empty());
  CHECK(check_tax_code(zero).reason == TaxCodeReason::zero_remainder);

  CHECK(check_tax_code("").reason == TaxCodeReason::empty);
  r = check_tax_code("01001O9106");
  CHECK(r.reason == TaxCodeReason::non_digit);
  CHECK(r.position == 5);
  CHECK(check_tax_code("010010910").reason == TaxCodeReason::wrong_length);
  CHECK(check_tax_code("01001091061").reason == TaxCodeReason::wrong_length);
  CHECK(check_tax_code("0100109106-5").reason == TaxCodeReason::wrong_length);
  CHECK(check_tax_code("0100109106-0001").reason == TaxCodeReason::wrong_length);
  r = check_tax_code("01001-09106");
  CHECK(r.reason == TaxCodeReason::bad_separator);
  CHECK(r.position == 5);
  CHECK(check_tax_code("0100109106 -501").reason == TaxCodeReason::non_digit);
  CHECK(check_tax_code("0100109106\xE2\x80\x93"
                       "501")
            .reason == TaxCodeReason::non_digit);  // en dash
  r = check_tax_code("0100109106-000");
  CHECK(r.reason == TaxCodeReason::bad_branch);
  CHECK(r.position == 11);
  r = check_tax_code("0100109107-001");
  CHECK(r.reason == TaxCodeReason::bad_check_digit);
  CHECK(r.kind == TaxCodeKind::branch);
  r = check_tax_code("0100109106501");
  CHECK(r.reason == TaxCodeReason::missing_branch_hyphen);
  CHECK(r.position == 10);
  CHECK(check_tax_code("0100109107501").reason == TaxCodeReason::wrong_length);
  CHECK(check_compact_tax_code("0100109106-501").reason == TaxCodeReason::bad_separator);
  CHECK(check_compact_tax_code("0100109106000").reason == TaxCodeReason::bad_branch);
  CHECK(check_compact_tax_code("01001091065").reason == TaxCodeReason::wrong_length);
  r = check_tax_code("109461760");  // real buyer MST whose leading zero a spreadsheet ate
  CHECK(r.reason == TaxCodeReason::leading_zero_lost);
  CHECK(r.expected_check_digit == 0);
  CHECK(check_tax_code("109461761").reason == TaxCodeReason::wrong_length);
}

TEST_CASE("taxcode: 12-digit personal identification numbers") {
  auto r = check_tax_code("001085012345");
  CHECK(r.ok());
  CHECK(r.kind == TaxCodeKind::personal_id);
  auto id = decode_personal_id("001085012345");
  REQUIRE(id);
  CHECK(id->province_code == "001");
  CHECK(id->province_name == "Hà Nội");
  CHECK(id->birth_year == 1985);
  CHECK_FALSE(id->female());
  id = decode_personal_id("079303000123");
  REQUIRE(id);
  CHECK(id->province_name == "Hồ Chí Minh");
  CHECK(id->birth_year == 2003);
  CHECK(id->female());
  id = decode_personal_id("096499000001");
  REQUIRE(id);
  CHECK(id->birth_year == 2199);  // digit 4 -> 2100s: structurally valid

  // Codes that do not exist (gaps between the 63 province codes, and outside 001..096).
  for (const char* bad : {"000085012345", "003085012345", "005085012345", "050085012345", "097085012345",
                          "099085012345", "100085012345"}) {
    CAPTURE(bad);
    r = check_tax_code(bad);
    CHECK(r.reason == TaxCodeReason::bad_province);
    CHECK(r.position == 0);
    CHECK_FALSE(decode_personal_id(bad).has_value());
  }
  CHECK(check_compact_tax_code("001085012345").ok());
  CHECK_FALSE(decode_personal_id("00108501234").has_value());
  CHECK_FALSE(decode_personal_id("00108501234x").has_value());

  int known = 0;
  for (int code = 0; code < 1000; ++code) {
    std::string s = std::to_string(code);
    s.insert(0, 3 - s.size(), '0');
    if (personal_id_province(s)) ++known;
  }
  CHECK(known == 63);
  CHECK(personal_id_province("001"));
  CHECK(personal_id_province("096"));
  CHECK_FALSE(personal_id_province("1"));
}

TEST_CASE("taxcode: envelope party codes") {
  CHECK(check_party_code("TCT").kind == TaxCodeKind::tax_authority);
  CHECK(check_party_code("TCT").ok());
  auto r = check_party_code("V0309478306");
  CHECK(r.ok());
  CHECK(r.party_prefix == 'V');
  CHECK(r.kind == TaxCodeKind::mst);
  r = check_party_code("V0107001729001");
  CHECK(r.ok());
  CHECK(r.kind == TaxCodeKind::branch_compact);
  CHECK(check_party_code("K0100109106").party_prefix == 'K');
  CHECK(check_party_code("0200784873").ok());
  r = check_party_code("V738373933");  // real: a 9-digit MST after V (sample 003)
  CHECK(r.reason == TaxCodeReason::wrong_length);
  r = check_party_code("V0309478307");
  CHECK(r.reason == TaxCodeReason::bad_check_digit);
  CHECK(r.position == 10);
  CHECK(check_party_code("X0309478306").reason == TaxCodeReason::bad_party_prefix);
  CHECK(check_party_code("tct").reason == TaxCodeReason::bad_party_prefix);
  CHECK(check_party_code("V0309478306-001").reason == TaxCodeReason::bad_separator);
  CHECK(check_party_code("V").reason == TaxCodeReason::empty);
  CHECK(check_party_code("").reason == TaxCodeReason::empty);
}

TEST_CASE("taxcode: every tax code in the real samples") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  const auto files = hoadon::test::sample_files();
  REQUIRE(files.size() >= 40);
  // Real defects found in the samples, each with the reason it must get.
  const std::map<std::string, TaxCodeReason> known_bad{
      {"1111111111", TaxCodeReason::bad_check_digit},   // VNPT test buyer
      {"2001075111", TaxCodeReason::bad_check_digit},   // buyer in BKSOFT demo invoices
      {"109461760", TaxCodeReason::leading_zero_lost},  // 0109461760
      {"201624505", TaxCodeReason::leading_zero_lost},  // 0201624505
      {"202018070", TaxCodeReason::leading_zero_lost},  // 0202018070, in a CQT certificate subject
      {"200107511", TaxCodeReason::leading_zero_lost},  // 0200107511, buyer in an invoice summary (A23)
      {"201866462", TaxCodeReason::leading_zero_lost},  // 0201866462, same summary
      {"2016245051", TaxCodeReason::bad_check_digit},   // same summary: 0201624505 mistyped
      {"12222222222", TaxCodeReason::wrong_length},     // placeholder in a vendor's documentation sample
      {"V738373933", TaxCodeReason::wrong_length},      // SES demo envelope
  };
  std::set<std::string> seen_good, seen_bad;
  int personal = 0;
  for (const auto& file : files) {
    const std::string xml = hoadon::test::read_text(file);
    // Sample 151 is pretty-printed documentation, so values are trimmed; none carries inner spaces.
    auto check = [&](std::string_view raw, TaxCodeResult (*checker)(std::string_view) noexcept) {
      const std::string code(hoadon::test::trim(raw));
      const TaxCodeResult r = checker(code);
      CAPTURE(file.filename().string());
      CAPTURE(code);
      if (const auto it = known_bad.find(code); it != known_bad.end()) {
        CHECK(r.reason == it->second);
        seen_bad.insert(code);
      } else {
        CHECK(r.ok());
        seen_good.insert(code);
        if (r.kind == TaxCodeKind::personal_id) ++personal;
      }
    };
    for (const char* tag : {"MST", "MSTTCGP", "MSTDVNUNLHDon", "MSTNMua", "MSTNBan"}) {
      for (const auto& code : hoadon::test::element_texts(xml, tag)) check(code, check_tax_code);
    }
    for (const char* tag : {"MNGui", "MNNhan"}) {
      for (const auto& code : hoadon::test::element_texts(xml, tag)) check(code, check_party_code);
    }
    // Certificate subjects carry "MST:<code>" (hyphen kept for branches).
    for (std::size_t pos = xml.find("MST:"); pos != std::string::npos; pos = xml.find("MST:", pos + 4)) {
      const std::size_t end = xml.find_first_not_of("0123456789-", pos + 4);
      const std::string code = xml.substr(pos + 4, end - pos - 4);
      if (!code.empty()) check(code, check_tax_code);
    }
  }
  CHECK(seen_bad.size() == known_bad.size());
  CHECK(seen_good.size() >= 50);
  CHECK(personal >= 1);  // a household seller's 12-digit personal ID (sample 115)
  MESSAGE(seen_good.size() << " distinct valid tax codes, " << seen_bad.size() << " known-bad ones");
}
