#include <doctest/doctest.h>

#include <string>

#include "rules/mccqt.hpp"
#include "rules/series.hpp"
#include "rules/support.hpp"
#include "support/support.hpp"

using namespace hoadon::rules;

TEST_CASE("mccqt: the 34-character authority code") {
  auto c = check_mccqt("00EEA9E0CF3EFF43A9AE37A0F2F915BAC3");
  REQUIRE(c.ok());
  CHECK(c.value->kind == MccqtKind::authority);
  CHECK(c.value->issuer == "00");
  c = check_mccqt("00eea9e0cf3eff43a9ae37a0f2f915bac3");
  CHECK(c.error == MccqtError::bad_character);
  CHECK(c.position == 2);
  CHECK(check_mccqt("00eea9e0cf3eff43a9ae37a0f2f915bac3", MccqtStrictness::lenient).ok());
  c = check_mccqt("01EEA9E0CF3EFF43A9AE37A0F2F915BAC3");
  CHECK(c.error == MccqtError::bad_issuer);
  c = check_mccqt("01EEA9E0CF3EFF43A9AE37A0F2F915BAC3", MccqtStrictness::lenient);
  REQUIRE(c.ok());
  CHECK(c.value->issuer == "01");
  c = check_mccqt("00EEA9E0CF3EFF43A9AE37A0F2F915BAG3");
  CHECK(c.error == MccqtError::bad_character);
  CHECK(c.position == 32);
  CHECK(check_mccqt("00EEA9E0CF3EFF43A9AE37A0F2F915BAZ3", MccqtStrictness::lenient).ok());
  CHECK(check_mccqt("00EEA9E0-F3EFF43A9AE37A0F2F915BAC3", MccqtStrictness::lenient).error == MccqtError::bad_character);
  CHECK(check_mccqt("00EEA9E0CF3EFF43A9AE37A0F2F915BAC").error == MccqtError::wrong_length);
  CHECK(check_mccqt("").error == MccqtError::empty);
}

TEST_CASE("mccqt: the 23-character cash-register code") {
  auto c = check_mccqt("M2-25-A1B2C-00001234567");  // the example of the 2025 text
  REQUIRE(c.ok());
  CHECK(c.value->kind == MccqtKind::cash_register);
  CHECK(c.value->template_code == 2);
  CHECK(c.value->year == 25);
  CHECK(c.value->block == "A1B2C");
  CHECK(c.value->serial == "00001234567");
  struct Case {
    std::string_view text;
    MccqtError error;
    std::size_t position;
  };
  for (const Case& k : {Case{"X2-25-A1B2C-00001234567", MccqtError::bad_character, 0},
                        Case{"M0-25-A1B2C-00001234567", MccqtError::bad_character, 1},
                        Case{"m2-25-A1B2C-00001234567", MccqtError::bad_character, 0},
                        Case{"M2_25-A1B2C-00001234567", MccqtError::bad_separator, 2},
                        Case{"M2-2-5A1B2C-00001234567", MccqtError::bad_separator, 5},
                        Case{"M2-25-A1B2C000001234567", MccqtError::bad_separator, 11},
                        Case{"M2-2X-A1B2C-00001234567", MccqtError::bad_character, 4},
                        Case{"M2-25-A1b2C-00001234567", MccqtError::bad_character, 8},
                        Case{"M2-25-A1B2C-0000123456X", MccqtError::bad_character, 22},
                        Case{"M2-25-A1B2C-0000123456", MccqtError::wrong_length, 22}}) {
    CAPTURE(k.text);
    c = check_mccqt(k.text);
    CHECK(c.error == k.error);
    CHECK(c.position == k.position);
  }
}

TEST_CASE("mccqt: cross-check with the invoice") {
  const Mccqt mtt = *check_mccqt("M2-25-CMXN3-00000000070").value;
  const Mccqt authority = *check_mccqt("00474597512BE94B7BAB367996EF464828").value;
  CHECK(check_mccqt_for_invoice(mtt, 'M', 2, 25) == MccqtInvoiceVerdict::ok);
  CHECK(check_mccqt_for_invoice(mtt, 'M', 1, 25) == MccqtInvoiceVerdict::template_mismatch);
  CHECK(check_mccqt_for_invoice(mtt, 'M', 2, 26) == MccqtInvoiceVerdict::year_mismatch);
  CHECK(check_mccqt_for_invoice(mtt, 'T', 2, 25) == MccqtInvoiceVerdict::unexpected_cash_register);
  CHECK(check_mccqt_for_invoice(authority, 'M', 1, 25) == MccqtInvoiceVerdict::not_cash_register);
  CHECK(check_mccqt_for_invoice(authority, 'T', 1, 21) == MccqtInvoiceVerdict::ok);
}

TEST_CASE("mccqt: every MCCQT in the real samples, cross-checked with its invoice") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  int codes = 0;
  for (const auto& file : hoadon::test::sample_files()) {
    const std::string xml = hoadon::test::read_text(file);
    const auto mccqts = hoadon::test::element_texts(xml, "MCCQT");
    const auto series = hoadon::test::element_texts(xml, "KHHDon");
    const auto templates = hoadon::test::element_texts(xml, "KHMSHDon");
    for (std::size_t i = 0; i < mccqts.size(); ++i) {
      CAPTURE(file.filename().string());
      CAPTURE(mccqts[i]);
      const auto c = check_mccqt(mccqts[i]);
      REQUIRE(c.ok());
      ++codes;
      REQUIRE(i < series.size());
      const auto s = parse_series(series[i]);
      REQUIRE(s.ok());
      CHECK(s.series->with_code);
      CHECK(check_mccqt_for_invoice(*c.value, s.series->type, *parse_template_code(templates[i]), s.series->year) ==
            MccqtInvoiceVerdict::ok);
    }
  }
  CHECK(codes >= 15);
}
