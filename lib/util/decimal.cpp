#include "util/decimal.hpp"

#include <algorithm>
#include <limits>

#include "util/ascii.hpp"

namespace hoadon {
namespace {

using Digits = std::vector<std::uint8_t>;  // least significant first

// Magnitude multiplied by 10^by (zeros appended at the low end).
Digits shifted(const Digits& d, int by) {
  if (d.empty()) return {};
  Digits r(static_cast<std::size_t>(by), 0);
  r.insert(r.end(), d.begin(), d.end());
  return r;
}

int compare_magnitude(const Digits& a, const Digits& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Digits add_magnitude(const Digits& a, const Digits& b) {
  Digits r;
  r.reserve(std::max(a.size(), b.size()) + 1);
  unsigned carry = 0;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    unsigned s = carry;
    if (i < a.size()) s += a[i];
    if (i < b.size()) s += b[i];
    r.push_back(static_cast<std::uint8_t>(s % 10));
    carry = s / 10;
  }
  return r;
}

// a - b for |a| >= |b|.
Digits subtract_magnitude(const Digits& a, const Digits& b) {
  Digits r;
  r.reserve(a.size());
  int borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    int d = a[i] - borrow - (i < b.size() ? b[i] : 0);
    borrow = d < 0 ? 1 : 0;
    r.push_back(static_cast<std::uint8_t>(d + 10 * borrow));
  }
  return r;
}

Digits multiply_magnitude(const Digits& a, const Digits& b) {
  if (a.empty() || b.empty()) return {};
  // Column sums stay below 81 * min(len) which fits easily in 64 bits for any sane length.
  std::vector<std::uint64_t> columns(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) columns[i + j] += static_cast<std::uint64_t>(a[i]) * b[j];
  }
  Digits r;
  r.reserve(columns.size() + 1);
  std::uint64_t carry = 0;
  for (std::uint64_t c : columns) {
    c += carry;
    r.push_back(static_cast<std::uint8_t>(c % 10));
    carry = c / 10;
  }
  for (; carry; carry /= 10) r.push_back(static_cast<std::uint8_t>(carry % 10));
  return r;
}

DecimalParse parse_failure(DecimalError error, std::size_t position) {
  DecimalParse p;
  p.error = error;
  p.position = position;
  return p;
}

DecimalError classify_unexpected(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
      return DecimalError::whitespace;
    case 'e':
    case 'E':
      return DecimalError::exponent;
    case '+':
      return DecimalError::plus_sign;
    default:
      return DecimalError::unexpected_character;
  }
}

}  // namespace

void Decimal::normalise() {
  while (!digits_.empty() && digits_.back() == 0) digits_.pop_back();
  std::size_t low_zeros = 0;
  while (low_zeros < digits_.size() && static_cast<int>(low_zeros) < scale_ && digits_[low_zeros] == 0) ++low_zeros;
  digits_.erase(digits_.begin(), digits_.begin() + static_cast<std::ptrdiff_t>(low_zeros));
  scale_ -= static_cast<int>(low_zeros);
  if (digits_.empty()) {
    negative_ = false;
    scale_ = 0;
  }
}

Decimal Decimal::from_int(std::int64_t value) {
  Decimal d;
  d.negative_ = value < 0;
  // Negate in unsigned arithmetic so INT64_MIN is handled.
  std::uint64_t magnitude = d.negative_ ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  for (; magnitude; magnitude /= 10) d.digits_.push_back(static_cast<std::uint8_t>(magnitude % 10));
  d.normalise();
  return d;
}

Decimal Decimal::pow10(int exponent) {
  Decimal d;
  d.digits_.assign(static_cast<std::size_t>(std::max(exponent, 0)), 0);
  d.digits_.push_back(1);
  d.scale_ = std::max(-exponent, 0);
  return d;
}

Decimal Decimal::abs() const {
  Decimal d = *this;
  d.negative_ = false;
  return d;
}

Decimal Decimal::operator-() const {
  Decimal d = *this;
  d.negative_ = !d.negative_ && !d.is_zero();
  return d;
}

Decimal Decimal::rounded(int decimals) const {
  decimals = std::max(decimals, 0);
  if (scale_ <= decimals) return *this;
  const auto drop = static_cast<std::size_t>(scale_ - decimals);
  // Half away from zero: only the first dropped digit decides (>= 5 means >= one half).
  const bool round_up = drop <= digits_.size() && digits_[drop - 1] >= 5;
  Decimal d;
  d.negative_ = negative_;
  d.scale_ = decimals;
  if (drop < digits_.size()) d.digits_.assign(digits_.begin() + static_cast<std::ptrdiff_t>(drop), digits_.end());
  if (round_up) d.digits_ = add_magnitude(d.digits_, Digits{1});
  d.normalise();
  return d;
}

Decimal Decimal::truncated() const {
  Decimal d;
  d.negative_ = negative_;
  if (static_cast<std::size_t>(scale_) < digits_.size()) {
    d.digits_.assign(digits_.begin() + scale_, digits_.end());
  }
  d.normalise();
  return d;
}

Decimal Decimal::fraction() const { return *this - truncated(); }

Decimal Decimal::percent() const {
  Decimal d = *this;
  d.scale_ += 2;
  d.normalise();
  return d;
}

std::string Decimal::to_string() const {
  if (is_zero()) return "0";
  std::string s;
  if (negative_) s += '-';
  const auto scale = static_cast<std::size_t>(scale_);
  if (digits_.size() <= scale) {
    s += "0.";
    s.append(scale - digits_.size(), '0');
  }
  for (std::size_t i = digits_.size(); i-- > 0;) {
    s += static_cast<char>('0' + digits_[i]);
    if (i == scale && i != 0) s += '.';
  }
  return s;
}

std::string Decimal::to_fixed(int decimals) const {
  decimals = std::max(decimals, 0);
  const Decimal r = rounded(decimals);
  std::string s = r.to_string();
  if (decimals == 0) return s;
  if (r.scale_ == 0) s += '.';
  s.append(static_cast<std::size_t>(decimals - r.scale_), '0');
  return s;
}

std::optional<std::int64_t> Decimal::to_int64() const {
  if (!is_integer() || digits_.size() > 19) return std::nullopt;
  std::uint64_t magnitude = 0;  // 19 digits fit in uint64
  for (std::size_t i = digits_.size(); i-- > 0;) magnitude = magnitude * 10 + digits_[i];
  constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (negative_) {
    if (magnitude > max + 1) return std::nullopt;
    return static_cast<std::int64_t>(0 - magnitude);  // wraps to the exact negative value
  }
  if (magnitude > max) return std::nullopt;
  return static_cast<std::int64_t>(magnitude);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  const Digits x = shifted(a.digits_, scale - a.scale_);
  const Digits y = shifted(b.digits_, scale - b.scale_);
  Decimal r;
  r.scale_ = scale;
  if (a.negative_ == b.negative_) {
    r.digits_ = add_magnitude(x, y);
    r.negative_ = a.negative_;
  } else if (compare_magnitude(x, y) >= 0) {
    r.digits_ = subtract_magnitude(x, y);
    r.negative_ = a.negative_;
  } else {
    r.digits_ = subtract_magnitude(y, x);
    r.negative_ = b.negative_;
  }
  r.normalise();
  return r;
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  Decimal r;
  r.digits_ = multiply_magnitude(a.digits_, b.digits_);
  r.scale_ = a.scale_ + b.scale_;
  r.negative_ = a.negative_ != b.negative_;
  r.normalise();
  return r;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
  const int scale = std::max(a.scale_, b.scale_);
  int c = compare_magnitude(shifted(a.digits_, scale - a.scale_), shifted(b.digits_, scale - b.scale_));
  if (a.negative_) c = -c;
  return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

DecimalParse parse_decimal(std::string_view text) {
  if (text.empty()) return parse_failure(DecimalError::empty, 0);
  if (text.size() > kMaxDecimalLiteral) return parse_failure(DecimalError::too_long, kMaxDecimalLiteral);
  const std::size_t n = text.size();
  std::size_t i = text[0] == '-' ? 1 : 0;
  const std::size_t int_begin = i;
  i += ascii::first_not(text.substr(i), ascii::is_digit);
  const std::size_t int_end = i;
  if (int_end == int_begin) {
    if (i < n && text[i] != '.') return parse_failure(classify_unexpected(text[i]), i);
    return parse_failure(DecimalError::missing_integer_digits, i);
  }
  std::size_t frac_begin = i;
  std::size_t frac_end = i;
  if (i < n && text[i] == '.') {
    frac_begin = ++i;
    i += ascii::first_not(text.substr(i), ascii::is_digit);
    frac_end = i;
    if (frac_end == frac_begin) return parse_failure(DecimalError::missing_fraction_digits, i);
  }
  if (i < n) return parse_failure(classify_unexpected(text[i]), i);

  const std::string_view int_part = text.substr(int_begin, int_end - int_begin);
  const std::string_view frac_part = text.substr(frac_begin, frac_end - frac_begin);
  DecimalParse p;
  p.shape.integer_digits = static_cast<int>(int_part.size());
  p.shape.fraction_digits = static_cast<int>(frac_part.size());
  p.shape.significant_integer_digits =
      static_cast<int>(int_part.size() - std::min(int_part.find_first_not_of('0'), int_part.size()));
  const std::size_t last_nonzero = frac_part.find_last_not_of('0');
  p.shape.significant_fraction_digits = last_nonzero == std::string_view::npos ? 0 : static_cast<int>(last_nonzero + 1);

  Decimal d;
  d.negative_ = text[0] == '-';
  d.scale_ = static_cast<int>(frac_part.size());
  d.digits_.reserve(int_part.size() + frac_part.size());
  for (std::size_t k = frac_part.size(); k-- > 0;)
    d.digits_.push_back(static_cast<std::uint8_t>(ascii::digit_value(frac_part[k])));
  for (std::size_t k = int_part.size(); k-- > 0;)
    d.digits_.push_back(static_cast<std::uint8_t>(ascii::digit_value(int_part[k])));
  d.normalise();
  p.value = std::move(d);
  return p;
}

}  // namespace hoadon
