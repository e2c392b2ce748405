#include <doctest/doctest.h>

#include <string>

#include "rules/series.hpp"
#include "rules/support.hpp"
#include "support/support.hpp"

using namespace hoadon::rules;

TEST_CASE("series: parses KHHDon") {
  auto p = parse_series("C25TAC");
  REQUIRE(p.ok());
  CHECK(p.series->with_code);
  CHECK(p.series->year == 25);
  CHECK(p.series->type == 'T');
  CHECK(p.series->suffix[0] == 'A');
  CHECK(p.series->suffix[1] == 'C');
  CHECK(p.series->matches_year(2025));
  CHECK_FALSE(p.series->matches_year(2026));
  p = parse_series("K23TAC");
  REQUIRE(p.ok());
  CHECK_FALSE(p.series->with_code);
  for (std::string_view ok : {"C21TCT", "K23TLL", "C26TAA", "C25MLT", "K25DAA", "C25LBB", "K25NAB", "K25BAB", "C25GAA",
                              "C25HAA", "K25XAB", "K25TYY", "C00TAA", "C99TZZ"}) {
    CAPTURE(ok);
    CHECK(parse_series(ok).ok());
  }
  struct Case {
    std::string_view text;
    SeriesError error;
    std::size_t position;
  };
  for (const Case& c :
       {Case{"", SeriesError::empty, 0}, Case{"1C21TAA", SeriesError::template_digit_included, 0},
        Case{"1K21TAB", SeriesError::template_digit_included, 0}, Case{"1C21TA", SeriesError::bad_code_letter, 0},
        Case{"C25TA", SeriesError::wrong_length, 5}, Case{"C25TACX", SeriesError::wrong_length, 6},
        Case{"A25TAC", SeriesError::bad_code_letter, 0}, Case{"c25TAC", SeriesError::bad_code_letter, 0},
        Case{"C2XTAC", SeriesError::bad_year, 2}, Case{"CA5TAC", SeriesError::bad_year, 1},
        Case{"C25AAC", SeriesError::bad_type_letter, 3}, Case{"C25tAC", SeriesError::bad_type_letter, 3},
        Case{"C25TaC", SeriesError::bad_suffix, 4}, Case{"C25TA1", SeriesError::bad_suffix, 5},
        Case{"C25TÀC", SeriesError::wrong_length, 6}, Case{"VN/21E", SeriesError::bad_code_letter, 0}}) {
    CAPTURE(c.text);
    p = parse_series(c.text);
    CHECK_FALSE(p.ok());
    CHECK(p.error == c.error);
    CHECK(p.position == c.position);
  }
}

TEST_CASE("series: template codes and versions") {
  CHECK(parse_template_code("1") == 1);
  CHECK(parse_template_code("9") == 9);
  CHECK_FALSE(parse_template_code("0"));
  CHECK_FALSE(parse_template_code("10"));
  CHECK_FALSE(parse_template_code(""));
  CHECK_FALSE(parse_template_code("01GTKT0/001"));
  CHECK(templates_in_version("2.0.0")->contains(6));
  CHECK_FALSE(templates_in_version("2.0.1")->contains(7));
  CHECK(templates_in_version("2.1.0")->contains(9));
  CHECK_FALSE(templates_in_version("2.1.0")->contains(0));
  CHECK_FALSE(templates_in_version("2.1.0")->contains(10));
  CHECK_FALSE(templates_in_version("1.0.0").has_value());
  CHECK_FALSE(templates_in_version("").has_value());
}

TEST_CASE("series: type letters against templates and versions") {
  auto check = [](std::string_view khhdon, int tmpl, std::string_view pban) {
    const auto p = parse_series(khhdon);
    REQUIRE(p.ok());
    return check_series_template(*p.series, tmpl, pban);
  };
  CHECK(type_letter_rules().size() == 9);
  CHECK(find_type_letter_rule('M')->requires_code);
  CHECK(find_type_letter_rule('Z') == nullptr);
  CHECK(check("C25TAC", 1, "2.1.0") == SeriesTemplateVerdict::ok);
  CHECK(check("C25TAC", 2, "2.0.1") == SeriesTemplateVerdict::ok);
  CHECK(check("C25TAC", 6, "2.0.1") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("C25TAC", 5, "2.0.1") == SeriesTemplateVerdict::unusual_pairing);
  CHECK(check("K25NAB", 6, "2.0.1") == SeriesTemplateVerdict::ok);
  CHECK(check("K25BAB", 6, "2.1.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25NAB", 1, "2.1.0") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("K25GAA", 5, "2.1.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25HAA", 1, "2.1.0") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("K25XAB", 7, "2.1.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25XAB", 7, "2.0.1") == SeriesTemplateVerdict::template_not_in_version);
  CHECK(check("K25XAB", 1, "2.1.0") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("K25DAA", 3, "2.0.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25DAA", 4, "2.0.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25DAA", 1, "2.0.0") == SeriesTemplateVerdict::unusual_pairing);
  CHECK(check("K25DAA", 6, "2.0.0") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("C25MLT", 2, "2.0.1") == SeriesTemplateVerdict::ok);
  CHECK(check("C25MDN", 1, "2.1.0") == SeriesTemplateVerdict::ok);
  CHECK(check("K25MDN", 1, "2.1.0") == SeriesTemplateVerdict::code_required);
  CHECK(check("C25MDN", 3, "2.1.0") == SeriesTemplateVerdict::letter_not_for_template);
  CHECK(check("K25LBB", 1, "2.1.0") == SeriesTemplateVerdict::code_required);
  CHECK(check("C25TAC", 8, "2.1.0") == SeriesTemplateVerdict::unusual_pairing);
  CHECK(check("C25TAC", 1, "1.0.0") == SeriesTemplateVerdict::unknown_version);
}

TEST_CASE("series: invoice numbers compare numerically") {
  CHECK(parse_invoice_number("00001144").value == 1144U);
  CHECK(parse_invoice_number("1390239").value == 1390239U);
  CHECK(parse_invoice_number("14").value == 14U);
  CHECK(parse_invoice_number("99999999").value == 99999999U);
  CHECK(parse_invoice_number("00000001").value == 1U);
  CHECK(parse_invoice_number("").error == InvoiceNumberError::empty);
  CHECK(parse_invoice_number("0").error == InvoiceNumberError::zero);
  CHECK(parse_invoice_number("00000000").error == InvoiceNumberError::zero);
  CHECK(parse_invoice_number("100000000").error == InvoiceNumberError::too_long);
  CHECK(parse_invoice_number("000000001").error == InvoiceNumberError::too_long);
  auto p = parse_invoice_number("12a4");
  CHECK(p.error == InvoiceNumberError::non_digit);
  CHECK(p.position == 2);
  CHECK(parse_invoice_number("-1").error == InvoiceNumberError::non_digit);
  CHECK(parse_invoice_number(" 1").error == InvoiceNumberError::non_digit);
}

TEST_CASE("series: old-regime forms of related invoices") {
  auto t = parse_old_template_code("01GTKT0/001");
  REQUIRE(t);
  CHECK(t->form == 1);
  CHECK(t->kind == "GTKT");
  CHECK(t->known_kind);
  CHECK(t->copies == 0);
  CHECK(t->number == 1);
  t = parse_old_template_code("02GTTT3/012");
  REQUIRE(t);
  CHECK(t->copies == 3);
  CHECK(t->number == 12);
  CHECK(parse_old_template_code("07KPTQ0/001")->known_kind);
  CHECK_FALSE(parse_old_template_code("09ABCD0/001")->known_kind);
  for (std::string_view bad :
       {"01GTKT0001", "01GTKT/001", "1GTKT0/001", "01gtkt0/001", "01GTKT0/01", "01GTKT0/0011", "1"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_old_template_code(bad).has_value());
  }
  auto s = parse_old_series("AA/20E");
  REQUIRE(s);
  CHECK(s->letters == "AA");
  CHECK(s->year == 20);
  CHECK(s->form == 'E');
  CHECK_FALSE(s->province.has_value());
  s = parse_old_series("01AA/14P");
  REQUIRE(s);
  CHECK(s->province == 1);
  CHECK(s->form == 'P');
  CHECK(parse_old_series("VN/21E"));  // sample 005 (PBan 1.0.0)
  for (std::string_view bad : {"AA/20X", "AA20E", "A1/20E", "aa/20E", "AA/2OE", "1AA/20E", "XXAA/20E", "C25TAC"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_old_series(bad).has_value());
  }
}

TEST_CASE("series: related-invoice symbols against LHDCLQuan") {
  CHECK(check_related_symbols(1, "1", "C25TAC") == RelatedSymbolsVerdict::ok);  // real replacement (§1.4)
  CHECK(check_related_symbols(1, "01GTKT0/001", "C25TAC") == RelatedSymbolsVerdict::bad_template);
  CHECK(check_related_symbols(1, "1", "AA/20E") == RelatedSymbolsVerdict::bad_series);
  CHECK(check_related_symbols(2, "01GTKT0/001", "AA/20E") == RelatedSymbolsVerdict::ok);
  CHECK(check_related_symbols(3, "01GTKT3/001", "01AA/14P") == RelatedSymbolsVerdict::ok);
  CHECK(check_related_symbols(2, "1", "AA/20E") == RelatedSymbolsVerdict::bad_template);
  CHECK(check_related_symbols(3, "01GTKT0/001", "C25TAC") == RelatedSymbolsVerdict::bad_series);
  CHECK(check_related_symbols(4, "01GTKT0/001", "AA/20P") == RelatedSymbolsVerdict::ok);
  CHECK(check_related_symbols(4, "01GTKT0/0012", "AA/20P") == RelatedSymbolsVerdict::bad_template);
  CHECK(check_related_symbols(4, "1", "123456789") == RelatedSymbolsVerdict::bad_series);
  CHECK(check_related_symbols(5, "1", "C25TAC") == RelatedSymbolsVerdict::unknown_kind);
  CHECK(check_related_symbols(0, "1", "C25TAC") == RelatedSymbolsVerdict::unknown_kind);
}

TEST_CASE("series: every invoice in the real samples") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  int invoices = 0;
  for (const auto& file : hoadon::test::sample_files()) {
    const std::string xml = hoadon::test::read_text(file);
    const auto pbans = hoadon::test::element_texts(xml, "PBan");
    const auto templates = hoadon::test::element_texts(xml, "KHMSHDon");
    const auto series = hoadon::test::element_texts(xml, "KHHDon");
    const auto numbers = hoadon::test::element_texts(xml, "SHDon");
    const auto dates = hoadon::test::element_texts(xml, "NLap");
    if (series.empty()) continue;
    // The invoice's PBan is the last one before its KHHDon; an HDon-only file has one.
    const std::string pban(hoadon::test::trim(pbans.back()));
    REQUIRE(templates.size() == series.size());
    for (std::size_t i = 0; i < series.size(); ++i) {
      const std::string_view khhdon = hoadon::test::trim(series[i]);
      const std::string_view khmshdon = hoadon::test::trim(templates[i]);
      CAPTURE(file.filename().string());
      CAPTURE(khhdon);
      ++invoices;
      const auto p = parse_series(khhdon);
      if (khhdon == "1C21TAA" || khhdon == "1K21TAB") {  // BKSOFT demo data: template digit in front
        CHECK(p.error == SeriesError::template_digit_included);
        continue;
      }
      if (khhdon == "1") {  // A05: a vendor's test record (minutes, "IT TEST !!!!") with KHHDon "1"
        CHECK(p.error == SeriesError::wrong_length);
        continue;
      }
      if (pban == "1.0.0") {  // VI NA SmartSign, pre-TT78 format: old forms in the new fields
        CHECK(parse_old_template_code(khmshdon));
        CHECK(parse_old_series(khhdon));
        continue;
      }
      REQUIRE(p.ok());
      const auto tmpl = parse_template_code(khmshdon);
      REQUIRE(tmpl);
      CHECK(check_series_template(*p.series, *tmpl, pban) == SeriesTemplateVerdict::ok);
      if (i < numbers.size()) CHECK(parse_invoice_number(hoadon::test::trim(numbers[i])).ok());
      if (i < dates.size()) {
        const std::string_view nlap = hoadon::test::trim(dates[i]);
        CHECK(p.series->matches_year(std::stoi(std::string(nlap.substr(0, 4)))));
      }
    }
  }
  CHECK(invoices >= 40);
}
