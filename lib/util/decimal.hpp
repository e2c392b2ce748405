// Exact decimal numbers for invoice amounts, quantities, prices and rates.
// Arbitrary precision (base-10 digits), so sums and products such as quantity x price
// (two 21-digit numbers -> 42 digits) never overflow and never go through binary floating point.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoadon {

struct DecimalParse;

/// Signed exact decimal. Always stored normalised (no superfluous leading or trailing zeros,
/// zero never negative), so values compare equal whatever literal they came from ("1.000000" == "1").
class Decimal {
 public:
  Decimal() = default;  ///< zero

  [[nodiscard]] static Decimal from_int(std::int64_t value);
  /// 10^exponent; a negative exponent gives 0.1, 0.01 ... exactly.
  [[nodiscard]] static Decimal pow10(int exponent);

  [[nodiscard]] bool is_zero() const noexcept { return digits_.empty(); }
  [[nodiscard]] bool is_negative() const noexcept { return negative_; }
  [[nodiscard]] bool is_integer() const noexcept { return scale_ == 0; }
  /// Decimals needed to write the value exactly (0 for integers, 1 for 1.5, 6 for 0.000001).
  [[nodiscard]] int scale() const noexcept { return scale_; }

  [[nodiscard]] Decimal abs() const;
  [[nodiscard]] Decimal operator-() const;
  /// Rounds to `decimals` places (negative counts as 0), halves away from zero:
  /// the arithmetic rounding of Vietnamese accounting practice (BKAV 10,945,750.72 -> 10,945,751;
  /// Viettel 12,445,454.5455 -> 12,445,455), and symmetric, so a negative adjustment line
  /// rounds to exactly the negation of the line it reverses.
  [[nodiscard]] Decimal rounded(int decimals) const;
  /// The integer part (rounds toward zero).
  [[nodiscard]] Decimal truncated() const;
  /// The fractional part, same sign as the value (value == truncated() + fraction()).
  [[nodiscard]] Decimal fraction() const;
  /// value / 100 for percentages. Always exact: dividing a decimal by 100 only moves the point,
  /// so no rounding scale is ever needed (callers round the product afterwards if they must).
  [[nodiscard]] Decimal percent() const;

  /// Canonical text: minimal digits, '.' only when there is a fraction, '-' only when negative
  /// ("0", "-12.5", "0.000001"); never an exponent.
  [[nodiscard]] std::string to_string() const;
  /// Text with exactly `decimals` places after rounding half away from zero ("1.10").
  [[nodiscard]] std::string to_fixed(int decimals) const;
  /// The value when it is an integer within int64, else nullopt.
  [[nodiscard]] std::optional<std::int64_t> to_int64() const;

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) = default;
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  friend DecimalParse parse_decimal(std::string_view text);
  void normalise();

  bool negative_ = false;
  int scale_ = 0;                     // digits after the decimal point
  std::vector<std::uint8_t> digits_;  // magnitude, least significant digit first, each 0..9
};

enum class DecimalError : std::uint8_t {
  none,
  empty,
  plus_sign,                ///< "+5": the format only knows a leading '-'
  missing_integer_digits,   ///< ".5", "-", "-.5": real invoices always write the leading 0
  missing_fraction_digits,  ///< "5.": a '.' must be followed by digits
  exponent,                 ///< "1e5", "1E-3"
  whitespace,               ///< any space, tab or newline (the XML layer must collapse first)
  unexpected_character,     ///< anything else: ',', a second '.', a letter...
  too_long,                 ///< more than kMaxDecimalLiteral characters
};

/// Longest literal parse_decimal accepts: a guard against pathological input, far above the
/// 21 digits of the format.
inline constexpr std::size_t kMaxDecimalLiteral = 1000;

/// How a literal was written, for the "x,y" length rule of the format tables.
struct NumberShape {
  int integer_digits = 0;               ///< as written, leading zeros included
  int fraction_digits = 0;              ///< as written, trailing zeros included ("1.000000" -> 6)
  int significant_integer_digits = 0;   ///< without leading zeros ("0.5" -> 0)
  int significant_fraction_digits = 0;  ///< without trailing zeros ("1.500000" -> 1)

  /// x in the "x,y" rule: every digit written, '-' and '.' excluded.
  [[nodiscard]] int total_digits() const noexcept { return integer_digits + fraction_digits; }
  /// The literal as written fits "x,y": at most x digits, at most y of them decimals.
  [[nodiscard]] bool fits_as_written(int x, int y) const noexcept {
    return total_digits() <= x && fraction_digits <= y;
  }
  /// The value fits "x,y" once padding zeros are ignored ("3750000.000000" fits 19,4).
  [[nodiscard]] bool fits_significant(int x, int y) const noexcept {
    return significant_integer_digits + significant_fraction_digits <= x && significant_fraction_digits <= y;
  }
};

struct DecimalParse {
  std::optional<Decimal> value;
  DecimalError error = DecimalError::none;
  std::size_t position = 0;  ///< offset of the offending character when error != none
  NumberShape shape;         ///< filled when the parse succeeded
  [[nodiscard]] bool ok() const noexcept { return error == DecimalError::none; }
};

/// Parses the invoice number format `-?[0-9]+(\.[0-9]+)?` exactly (every numeric value in the
/// real samples has this form); leading zeros are allowed ("00001144", "-0.50").
[[nodiscard]] DecimalParse parse_decimal(std::string_view text);

}  // namespace hoadon
