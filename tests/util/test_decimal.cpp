#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "rules/support.hpp"
#include "util/decimal.hpp"

using hoadon::Decimal;
using hoadon::DecimalError;
using hoadon::parse_decimal;

namespace {
Decimal D(std::string_view s) {
  auto p = parse_decimal(s);
  REQUIRE_MESSAGE(p.ok(), s);
  return *p.value;
}
}  // namespace

TEST_CASE("decimal: parses every literal form real invoices use") {
  for (auto [text, canonical] : {std::pair{"0", "0"},
                                 {"1284000", "1284000"},
                                 {"99000.000000", "99000"},
                                 {"1.000000", "1"},
                                 {"114203.605420", "114203.60542"},
                                 {"0.000000", "0"},
                                 {"00001144", "1144"},
                                 {"12445454.5455", "12445454.5455"},
                                 {"1.1", "1.1"},
                                 {"-0.50", "-0.5"},
                                 {"-0", "0"},
                                 {"-000", "0"},
                                 {"0.05", "0.05"},
                                 {"-1234567890123456789012.123456", "-1234567890123456789012.123456"}}) {
    CAPTURE(text);
    const auto p = parse_decimal(text);
    REQUIRE(p.ok());
    CHECK(p.value->to_string() == canonical);
  }
}

TEST_CASE("decimal: rejects what the format does not allow, with the position") {
  struct Case {
    std::string_view text;
    DecimalError error;
    std::size_t position;
  };
  for (const Case& c : {Case{"", DecimalError::empty, 0},
                        Case{"+5", DecimalError::plus_sign, 0},
                        Case{".5", DecimalError::missing_integer_digits, 0},
                        Case{"-.5", DecimalError::missing_integer_digits, 1},
                        Case{"-", DecimalError::missing_integer_digits, 1},
                        Case{".", DecimalError::missing_integer_digits, 0},
                        Case{"5.", DecimalError::missing_fraction_digits, 2},
                        Case{"1e5", DecimalError::exponent, 1},
                        Case{"1.5E3", DecimalError::exponent, 3},
                        Case{" 5", DecimalError::whitespace, 0},
                        Case{"5 ", DecimalError::whitespace, 1},
                        Case{"1 000", DecimalError::whitespace, 1},
                        Case{"1,5", DecimalError::unexpected_character, 1},
                        Case{"1.2.3", DecimalError::unexpected_character, 3},
                        Case{"--1", DecimalError::unexpected_character, 1},
                        Case{"1-", DecimalError::unexpected_character, 1},
                        Case{"abc", DecimalError::unexpected_character, 0},
                        Case{"1+1", DecimalError::plus_sign, 1},
                        Case{"\n0\n", DecimalError::whitespace, 0},
                        Case{"NaN", DecimalError::unexpected_character, 0}}) {
    CAPTURE(c.text);
    const auto p = parse_decimal(c.text);
    CHECK_FALSE(p.ok());
    CHECK_FALSE(p.value.has_value());
    CHECK(p.error == c.error);
    CHECK(p.position == c.position);
  }
  const std::string huge(hoadon::kMaxDecimalLiteral + 1, '9');
  CHECK(parse_decimal(huge).error == DecimalError::too_long);
  const std::string longest(hoadon::kMaxDecimalLiteral, '9');
  CHECK(parse_decimal(longest).ok());
}

TEST_CASE("decimal: shape counts digits for the x,y length rule") {
  auto shape = [](std::string_view s) { return parse_decimal(s).shape; };
  CHECK(shape("1.000000").total_digits() == 7);
  CHECK(shape("1.000000").fraction_digits == 6);
  CHECK(shape("1.000000").significant_fraction_digits == 0);
  CHECK(shape("-12.50").total_digits() == 4);
  CHECK(shape("-12.50").significant_fraction_digits == 1);
  CHECK(shape("0.5").significant_integer_digits == 0);
  CHECK(shape("00012").significant_integer_digits == 2);
  // TGia is 7,2: "1" and "1.00" fit, "25000.123" does not.
  CHECK(shape("1.00").fits_as_written(7, 2));
  CHECK_FALSE(shape("25000.123").fits_as_written(7, 2));
  CHECK_FALSE(shape("12345678").fits_as_written(7, 2));
  // 2.0.x amounts are 19,4: MISA-style "3750000.000000" fails as written but fits in value.
  CHECK_FALSE(shape("3750000.000000").fits_as_written(19, 4));
  CHECK(shape("3750000.000000").fits_significant(19, 4));
  CHECK(shape("999999999999999.999999").fits_as_written(21, 6));
  CHECK_FALSE(shape("9999999999999999.999999").fits_as_written(21, 6));
  CHECK_FALSE(shape("1.0000001").fits_significant(21, 6));
}

TEST_CASE("decimal: exact arithmetic") {
  CHECK((D("0.1") + D("0.2")).to_string() == "0.3");
  CHECK((D("163964000") - D("27142116")).to_string() == "136821884");  // BKAV discount netting
  CHECK((D("1") - D("1.000000")).is_zero());
  CHECK((D("-5") + D("3")).to_string() == "-2");
  CHECK((D("5") - D("7.25")).to_string() == "-2.25");
  CHECK((D("-5") - D("-5")).to_string() == "0");
  CHECK_FALSE((D("-5") - D("-5")).is_negative());
  CHECK((D("1") * D("12445454.5455")).to_string() == "12445454.5455");
  CHECK((D("-2.5") * D("-4")).to_string() == "10");
  CHECK((D("-2.5") * D("4")).to_string() == "-10");
  CHECK((D("0") * D("-4")).is_negative() == false);
  CHECK((D("136821884") * D("8").percent()).to_string() == "10945750.72");
  CHECK((D("999") + D("1")).to_string() == "1000");
}

TEST_CASE("decimal: beyond 64 bits (21-digit quantity x 21-digit price)") {
  const Decimal q = D("999999999999999.999999");
  const Decimal p = D("999999999999999.999999");
  CHECK((q * p).to_string() == "999999999999999999998000000000.000000000001");
  const Decimal big = D("123456789012345678901");
  CHECK((big * big).to_string() == "15241578753238836750437433565526596567801");
  CHECK((big * big - big * big).is_zero());
  CHECK(big + D("1") > big);
  CHECK(-big < D("-123456789012345678900"));
  CHECK_FALSE(big.to_int64().has_value());
}

TEST_CASE("decimal: comparison is numeric") {
  CHECK(D("1.000000") == D("1"));
  CHECK(D("0.5") < D("0.50001"));
  CHECK(D("-1") < D("0"));
  CHECK(D("-1") > D("-1.5"));
  CHECK(D("10") > D("9.999999"));
  CHECK(D("-0.000001") < D("0"));
  CHECK(D("2") != D("2.0000001"));
  CHECK((D("7") <=> D("7.0")) == std::strong_ordering::equal);
}

TEST_CASE("decimal: abs, negation, truncation, fraction") {
  CHECK(D("-3.25").abs() == D("3.25"));
  CHECK((-D("3.25")).to_string() == "-3.25");
  CHECK((-D("0")).to_string() == "0");
  CHECK(D("-3.75").truncated() == D("-3"));
  CHECK(D("114203.605420").truncated() == D("114203"));
  CHECK(D("0.99").truncated().is_zero());
  CHECK(D("-3.75").fraction() == D("-0.75"));
  CHECK(D("5").fraction().is_zero());
}

TEST_CASE("decimal: rounding halves away from zero") {
  CHECK(D("10945750.72").rounded(0) == D("10945751"));
  CHECK(D("12445454.5455").rounded(0) == D("12445455"));
  CHECK(D("2.5").rounded(0) == D("3"));
  CHECK(D("-2.5").rounded(0) == D("-3"));
  CHECK(D("2.4999999").rounded(0) == D("2"));
  CHECK(D("-2.4999999").rounded(0) == D("-2"));
  CHECK(D("0.125").rounded(2) == D("0.13"));
  CHECK(D("-0.125").rounded(2) == D("-0.13"));
  CHECK(D("0.0004").rounded(0).is_zero());
  CHECK(D("0.5").rounded(0) == D("1"));
  CHECK(D("0.05").rounded(1) == D("0.1"));
  CHECK(D("9.999").rounded(2) == D("10"));
  CHECK(D("1.23").rounded(5) == D("1.23"));
  CHECK(D("1.5").rounded(-2) == D("2"));
  CHECK_FALSE(D("-0.4").rounded(0).is_negative());
}

TEST_CASE("decimal: percent is exact") {
  CHECK(D("8").percent() == D("0.08"));
  CHECK(D("5.26").percent() == D("0.0526"));
  CHECK(D("0").percent().is_zero());
  CHECK(D("-10").percent() == D("-0.1"));
  CHECK(D("1200000").percent() * D("10") == D("120000"));
}

TEST_CASE("decimal: text forms") {
  CHECK(D("1.1").to_fixed(2) == "1.10");
  CHECK(D("2").to_fixed(2) == "2.00");
  CHECK(D("2.005").to_fixed(2) == "2.01");
  CHECK(D("-0.001").to_fixed(2) == "0.00");
  CHECK(D("123.456").to_fixed(0) == "123");
  CHECK(D("0.000001").to_string() == "0.000001");
  CHECK(Decimal::pow10(3).to_string() == "1000");
  CHECK(Decimal::pow10(-3).to_string() == "0.001");
  CHECK(Decimal::pow10(0).to_string() == "1");
  CHECK(Decimal().to_string() == "0");
}

TEST_CASE("decimal: int64 conversions at the edges") {
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  CHECK(Decimal::from_int(min).to_string() == "-9223372036854775808");
  CHECK(Decimal::from_int(max).to_string() == "9223372036854775807");
  CHECK(Decimal::from_int(min).to_int64() == min);
  CHECK(Decimal::from_int(max).to_int64() == max);
  CHECK_FALSE((Decimal::from_int(max) + D("1")).to_int64().has_value());
  CHECK_FALSE((Decimal::from_int(min) - D("1")).to_int64().has_value());
  CHECK_FALSE(D("1.5").to_int64().has_value());
  CHECK(Decimal::from_int(0).to_string() == "0");
}

TEST_CASE("decimal: random arithmetic agrees with 128-bit integers") {
  std::mt19937_64 rng(20250530);
  // |a|, |b| <= 3e9 keeps every product inside int64.
  std::uniform_int_distribution<std::int64_t> dist(-3'000'000'000, 3'000'000'000);
  for (int i = 0; i < 3000; ++i) {
    const std::int64_t a = dist(rng), b = dist(rng);
    const Decimal x = Decimal::from_int(a), y = Decimal::from_int(b);
    CHECK((x + y).to_int64() == a + b);
    CHECK((x - y).to_int64() == a - b);
    CHECK((x * y).to_int64() == a * b);
    CHECK(((x < y) == (a < b)));
    // Scaled: a/1e6 + b/1e6 == (a + b)/1e6, exactly.
    const Decimal xs = x * Decimal::pow10(-6), ys = y * Decimal::pow10(-6);
    CHECK(xs + ys == Decimal::from_int(a + b) * Decimal::pow10(-6));
    CHECK(parse_decimal(xs.to_string()).value == xs);
  }
}
