#include <doctest/doctest.h>

#include <random>
#include <string>

#include "rules/support.hpp"
#include "rules/words.hpp"
#include "support/support.hpp"
#include "util/vntext.hpp"

using namespace hoadon;
using namespace hoadon::rules;

namespace {
Decimal D(std::string_view s) {
  const auto p = parse_decimal(s);
  REQUIRE_MESSAGE(p.ok(), s);
  return *p.value;
}
Decimal N(std::int64_t v) { return Decimal::from_int(v); }
std::optional<Decimal> read(std::string_view words) { return read_amount_in_words(words).value; }
}  // namespace

TEST_CASE("words: the edge numbers of spec §7.3") {
  CHECK(amount_in_words(N(0)) == "Không đồng");
  CHECK(amount_in_words(N(5)) == "Năm đồng");
  CHECK(amount_in_words(N(10)) == "Mười đồng");
  CHECK(amount_in_words(N(15)) == "Mười lăm đồng");
  CHECK(amount_in_words(N(21)) == "Hai mươi mốt đồng");
  CHECK(amount_in_words(N(24)) == "Hai mươi bốn đồng");
  CHECK(amount_in_words(N(101)) == "Một trăm linh một đồng");
  CHECK(amount_in_words(N(105)) == "Một trăm linh năm đồng");
  CHECK(amount_in_words(N(1'000'005)) == "Một triệu không trăm linh năm đồng");
  CHECK(amount_in_words(N(1'000'000'000'000)) == "Một nghìn tỷ đồng");
  CHECK(amount_in_words(N(11)) == "Mười một đồng");
  CHECK(amount_in_words(N(14)) == "Mười bốn đồng");
  CHECK(amount_in_words(N(20)) == "Hai mươi đồng");
  CHECK(amount_in_words(N(25)) == "Hai mươi lăm đồng");
  CHECK(amount_in_words(N(110)) == "Một trăm mười đồng");
  CHECK(amount_in_words(N(1001)) == "Một nghìn không trăm linh một đồng");
  CHECK(amount_in_words(N(1010)) == "Một nghìn không trăm mười đồng");
  CHECK(amount_in_words(N(1'000'000'005)) == "Một tỷ không trăm linh năm đồng");
  CHECK(amount_in_words(N(71'375'040)) == "Bảy mươi mốt triệu ba trăm bảy mươi lăm nghìn không trăm bốn mươi đồng");
  CHECK(amount_in_words(N(5'300'000'000'000)) == "Năm nghìn ba trăm tỷ đồng");
  CHECK(amount_in_words(D("1000000000000000")) == "Một triệu tỷ đồng");
  CHECK(amount_in_words(D("1000000000000000000")) == "Một tỷ tỷ đồng");
  CHECK(amount_in_words(D("1000000000000000000000")) == "Một nghìn tỷ tỷ đồng");
  CHECK(amount_in_words(D("1500000000000000000")) == "Một tỷ năm trăm triệu tỷ đồng");
  CHECK(amount_in_words(N(-1'500'000)) == "Âm một triệu năm trăm nghìn đồng");
}

TEST_CASE("words: style options") {
  WordsStyle st;
  st.capitalize = false;
  st.unit = "đồng chẵn";
  CHECK(amount_in_words(N(24), st) == "hai mươi bốn đồng chẵn");
  st.four_as_tu = true;
  st.linh_as_le = true;
  st.thousand_as_ngan = true;
  CHECK(amount_in_words(N(24'105), st) == "hai mươi tư ngàn một trăm lẻ năm đồng chẵn");
  CHECK(amount_in_words(N(14), st) == "mười bốn đồng chẵn");  // "tư" only after "mươi"
  st = {};
  st.unit = "";
  CHECK(amount_in_words(N(3), st) == "Ba");
  st.negative_word = "trừ";
  CHECK(amount_in_words(N(-3), st) == "Trừ ba");
}

TEST_CASE("words: decimals for foreign currencies") {
  WordsStyle usd;
  usd.unit = "đô la Mỹ";
  CHECK(amount_in_words(D("1.1"), WordsStyle{}) == "Một phẩy một đồng");  // sample 008's wording
  CHECK(amount_in_words(D("12.05"), usd) == "Mười hai phẩy không năm đô la Mỹ");
  CHECK(amount_in_words(D("12.50"), usd) == "Mười hai phẩy năm đô la Mỹ");
  usd.fraction_digits = 2;
  CHECK(amount_in_words(D("12.5"), usd) == "Mười hai phẩy năm mươi đô la Mỹ");
  CHECK(amount_in_words(D("12.005"), usd) == "Mười hai phẩy không một đô la Mỹ");
  CHECK(amount_in_words(D("12.004"), usd) == "Mười hai đô la Mỹ");
  CHECK(amount_in_words(D("114203.605420"), usd) ==
        "Một trăm mười bốn nghìn hai trăm linh ba phẩy sáu mươi mốt đô la Mỹ");
  usd.fraction_style = FractionStyle::minor_unit;
  usd.fraction_digits = -1;
  CHECK(amount_in_words(D("12.5"), usd) == "Mười hai đô la Mỹ và năm mươi xu");
  CHECK(amount_in_words(D("12.05"), usd) == "Mười hai đô la Mỹ và năm xu");
  CHECK(amount_in_words(D("-0.99"), usd) == "Âm không đô la Mỹ và chín mươi chín xu");
  CHECK(amount_in_words(D("12"), usd) == "Mười hai đô la Mỹ");
  // Whatever the style, the reader gets the value back.
  for (const char* v : {"12.5", "12.05", "0.99", "1000000.01", "-7.1"}) {
    CAPTURE(v);
    CHECK(read(amount_in_words(D(v), usd)) == D(v));
    WordsStyle comma;
    comma.unit = "USD";
    CHECK(read(amount_in_words(D(v), comma)) == D(v));
  }
}

TEST_CASE("words: currency names for the unit") {
  REQUIRE(currency_words("VND"));
  CHECK(currency_words("VND")->unit == "đồng");
  CHECK(currency_words("USD")->unit == "đô la Mỹ");
  CHECK(currency_words("USD")->minor_unit == "xu");
  CHECK(currency_words("JPY")->minor_unit.empty());
  CHECK(currency_words("EUR")->unit == "euro");
  CHECK(currency_words("usd") == nullptr);  // uppercase codes only
  CHECK(currency_words("XAU") == nullptr);
  // Every name is read back as the unit of a reading.
  for (std::string_view code : {"AUD", "CAD", "CHF", "CNY", "EUR", "GBP", "JPY", "KRW", "SGD", "THB", "USD", "VND"}) {
    CAPTURE(code);
    REQUIRE(currency_words(code));
    WordsStyle st;
    st.unit = currency_words(code)->unit;
    const auto r = read_amount_in_words(amount_in_words(N(1234), st));
    CHECK(r.value == N(1234));
    CHECK(r.unit == fold_vietnamese(currency_words(code)->unit));
  }
}

TEST_CASE("words: generate -> read round trip for 0..100000 in every style") {
  WordsStyle southern;
  southern.capitalize = false;
  southern.four_as_tu = true;
  southern.linh_as_le = true;
  southern.thousand_as_ngan = true;
  southern.unit = "đồng chẵn./.";
  for (std::int64_t n = 0; n <= 100'000; ++n) {
    const Decimal v = N(n);
    const auto a = read_amount_in_words(amount_in_words(v));
    const auto b = read_amount_in_words(amount_in_words(-v, southern));
    if (!(a.value == v) || !(b.value == -v)) {  // one CHECK per failure keeps the run fast
      CAPTURE(n);
      CHECK(a.value == v);
      CHECK(b.value == -v);
    }
  }
}

TEST_CASE("words: round trip for random large numbers up to 10^30") {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 3000; ++i) {
    const int length = 1 + static_cast<int>(rng() % 30);
    std::string digits;
    for (int k = 0; k < length; ++k) {
      // Many zeros, so that empty groups, "không trăm" and "linh" are exercised.
      const auto r = rng() % 10;
      digits += static_cast<char>(r < 4 ? '0' : '0' + static_cast<int>(rng() % 10));
    }
    const Decimal v = D(digits);
    const std::string words = amount_in_words(v);
    CAPTURE(digits);
    CAPTURE(words);
    CHECK(read(words) == v);
  }
}

TEST_CASE("words: reader variants") {
  CHECK(read("hai mươi một") == N(21));
  CHECK(read("hai mươi mốt") == N(21));
  CHECK(read("mười năm") == N(15));
  CHECK(read("mười lăm") == N(15));
  CHECK(read("hai mươi nhăm") == N(25));
  CHECK(read("một trăm lẻ năm") == N(105));
  CHECK(read("một trăm linh năm") == N(105));
  CHECK(read("một trăm năm") == N(105));  // additive reading, documented
  CHECK(read("hai mươi tư") == N(24));
  CHECK(read("bẩy nghìn") == N(7000));
  CHECK(read("năm ngàn") == N(5000));
  CHECK(read("hai tỉ") == N(2'000'000'000));
  CHECK(read("một nghìn linh năm") == N(1005));
  CHECK(read("một triệu tám mươi chín nghìn") == N(1'089'000));  // "không trăm" omitted
  CHECK(read("KHÔNG") == N(0));
  CHECK(read("không trăm") == N(0));
  CHECK(read("  Một   triệu\t\nđồng  ") == N(1'000'000));
  CHECK(read("Một\xc2\xa0triệu\xc2\xa0"
             "đồng") == N(1'000'000));  // NBSP
  CHECK(read("Một triệu đồng chẵn./.") == N(1'000'000));
  CHECK(read("Một triệu đồng./.") == N(1'000'000));
  CHECK(read("Một triệu./.") == N(1'000'000));
  CHECK(read("Một triệu chẵn") == N(1'000'000));
  CHECK(read("Âm một triệu đồng") == N(-1'000'000));
  CHECK(read("Trừ năm trăm nghìn đồng") == N(-500'000));
  // NFD input: "Một triệu đồng" fully decomposed.
  CHECK(read("M\x6f\xcc\x82\xcc\xa3t tri\x65\xcc\x82\xcc\xa3u \xc4\x91o\xcc\x82\xcc\x80ng") == N(1'000'000));
  // Flat and nested forms above 10^12.
  CHECK(read("năm nghìn tỷ ba trăm tỷ") == N(5'300'000'000'000));
  CHECK(read("năm nghìn ba trăm tỷ") == N(5'300'000'000'000));
  CHECK(read("hai triệu tỷ năm nghìn tỷ") == N(2'005'000'000'000'000));
  CHECK(read("hai tỷ năm trăm triệu tỷ") == D("2500000000000000000"));
  CHECK(read("một nghìn hai trăm triệu") == N(1'200'000'000));
  CHECK(read("một tỷ tỷ") == D("1000000000000000000"));
  // Decimals.
  CHECK(read("Một phẩy  một đồng") == D("1.1"));
  CHECK(read("một phẩy không năm") == D("1.05"));
  CHECK(read("một phẩy hai năm") == D("1.25"));
  CHECK(read("một phẩy hai mươi lăm") == D("1.25"));
  CHECK(read("mười hai đô la Mỹ và năm mươi xu") == D("12.5"));
  CHECK(read("mười hai đô la và năm cent") == D("12.05"));
  WordsReadOptions three;
  three.minor_unit_digits = 3;
  CHECK(read_amount_in_words("một dinar và năm trăm fils", three).value == D("1.5"));
}

TEST_CASE("words: the unit words are returned folded") {
  auto r = read_amount_in_words("Chín mươi chín nghìn đô la Mỹ");
  CHECK(r.unit == "đô la mỹ");
  CHECK_FALSE(r.has_fraction);
  r = read_amount_in_words("Mười triệu VND");
  CHECK(r.unit == "vnd");
  r = read_amount_in_words("Không đồng chẵn./.");
  CHECK(r.unit == "đồng chẵn");
  CHECK(read_amount_in_words("Không").unit.empty());
  CHECK(read_amount_in_words("Một phẩy một đồng").has_fraction);
}

TEST_CASE("words: located reasons when the words cannot be read") {
  // `word` is the offending word (its last occurrence); empty means "at the end of the text".
  struct Case {
    std::string_view text;
    WordsError error;
    std::string_view word;
  };
  for (const Case& c : {Case{"", WordsError::empty, ""},
                        Case{" ./. ", WordsError::empty, ""},
                        Case{"đồng", WordsError::not_a_number, "đồng"},
                        Case{"Âm", WordsError::not_a_number, ""},
                        Case{"1.000 đồng", WordsError::not_a_number, "1"},
                        Case{"trăm nghìn", WordsError::unexpected_word, "trăm"},
                        Case{"nghìn đồng", WordsError::unexpected_word, "nghìn"},
                        Case{"hai ba", WordsError::unexpected_word, "ba"},
                        Case{"một mươi", WordsError::unexpected_word, "một"},
                        Case{"hai trăm ba trăm", WordsError::unexpected_word, "ba"},
                        Case{"mười mười", WordsError::unexpected_word, "mười"},
                        Case{"một trăm linh", WordsError::unexpected_word, "linh"},
                        Case{"một trăm linh nghìn", WordsError::unexpected_word, "linh"},
                        Case{"hai mươi mươi", WordsError::unexpected_word, "mươi"},
                        Case{"một triệu rưỡi", WordsError::unsupported_word, "rưỡi"},
                        Case{"hai chục nghìn", WordsError::unsupported_word, "chục"},
                        Case{"một triệu đồng hai", WordsError::number_after_unit, "hai"},
                        Case{"một triệu đồng phẩy năm", WordsError::number_after_unit, "phẩy"},
                        Case{"một phẩy", WordsError::bad_fraction, "phẩy"},
                        Case{"một phẩy đồng", WordsError::bad_fraction, "phẩy"},
                        Case{"một đồng và xu", WordsError::bad_fraction, "và"},
                        Case{"một đồng và một trăm xu", WordsError::bad_fraction, "và"},
                        Case{"một phẩy năm đồng và năm xu", WordsError::bad_fraction, "và"},
                        Case{"một đồng và năm xu hai", WordsError::number_after_unit, "hai"},
                        Case{"một nghìn tỷ nghìn", WordsError::scale_order, "nghìn"},
                        Case{"một triệu nghìn", WordsError::scale_order, "nghìn"},
                        Case{"một tỷ hai nghìn ba trăm triệu", WordsError::scale_order, "triệu"}}) {
    CAPTURE(c.text);
    const auto r = read_amount_in_words(c.text);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.value.has_value());
    CHECK(r.error == c.error);
    CHECK(r.position == (c.word.empty() ? c.text.size() : c.text.rfind(c.word)));
    CHECK(r.length == c.word.size());
  }
  // Nested readings that look odd are still explained, additively (no "không trăm linh"):
  CHECK(read("một tỷ hai nghìn tỷ") == D("1000002000000000000"));
}

TEST_CASE("words: check against the amount in figures") {
  CHECK(check_amount_in_words("Một triệu đồng", N(1'000'000)).verdict == WordsVerdict::match);
  CHECK(check_amount_in_words("Một triệu đồng", D("1000000.000000")).verdict == WordsVerdict::match);
  CHECK(check_amount_in_words("Một triệu đồng", N(1'000'001)).verdict == WordsVerdict::mismatch);
  CHECK(check_amount_in_words("Một trăm mười bốn nghìn hai trăm linh ba đô la Mỹ", D("114203.605420")).verdict ==
        WordsVerdict::fraction_not_in_words);
  CHECK(check_amount_in_words("Một trăm mười bốn nghìn hai trăm linh bốn đô la Mỹ", D("114203.605420")).verdict ==
        WordsVerdict::mismatch);
  CHECK(check_amount_in_words("Một phẩy một đồng", D("1.1")).verdict == WordsVerdict::match);
  CHECK(check_amount_in_words("Một phẩy hai đồng", D("1.1")).verdict == WordsVerdict::mismatch);
  CHECK(check_amount_in_words("Âm năm đồng", N(-5)).verdict == WordsVerdict::match);
  CHECK(check_amount_in_words("Năm đồng", N(-5)).verdict == WordsVerdict::mismatch);
  CHECK(check_amount_in_words("Âm năm đồng", D("-5.5")).verdict == WordsVerdict::fraction_not_in_words);
  const auto c = check_amount_in_words("đồng", N(0));
  CHECK(c.verdict == WordsVerdict::unreadable);
  CHECK(c.reading.error == WordsError::not_a_number);
}

TEST_CASE("words: every TgTTTBChu of the real samples against its TgTTTBSo") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  int phrases = 0, matches = 0;
  for (const auto& file : hoadon::test::sample_files()) {
    const std::string xml = hoadon::test::read_text(file);
    const auto words = hoadon::test::element_texts(xml, "TgTTTBChu");
    const auto totals = hoadon::test::element_texts(xml, "TgTTTBSo");
    if (words.empty()) continue;
    REQUIRE(words.size() == totals.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string name = file.filename().string();
      CAPTURE(name);
      CAPTURE(words[i]);
      const auto total = parse_decimal(hoadon::test::trim(totals[i]));
      REQUIRE(total.ok());
      const auto c = check_amount_in_words(words[i], *total.value);
      REQUIRE(c.reading.ok());
      ++phrases;
      // Two BKSOFT demo invoices state words that do not match their own totals
      // (183: "Mười một nghìn" for 222,310,000; 191: "Tám trăm tám mươi nghìn" for 1,080,000).
      if (name == "183.xml" || name == "191.xml") {
        CHECK(c.verdict == WordsVerdict::mismatch);
      } else {
        CHECK(c.verdict == WordsVerdict::match);
        ++matches;
      }
    }
  }
  CHECK(phrases >= 38);
  MESSAGE(phrases << " real phrases read, " << matches << " match their totals");
}
