#include "rules/words.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "util/vntext.hpp"

namespace hoadon::rules {
namespace {

// ---------------------------------------------------------------- generator

constexpr std::array<std::string_view, 10> kDigitWords{"không", "một", "hai", "ba",  "bốn",
                                                       "năm",   "sáu", "bảy", "tám", "chín"};

void append_word(std::string& out, std::string_view word) {
  if (word.empty()) return;
  if (!out.empty()) out += ' ';
  out += word;
}

// One group 0..999 (non-zero). `full`: a non-leading group, which says "không trăm" and "linh".
void group_words(std::string& out, int n, bool full, const WordsStyle& st) {
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  if (h > 0 || full) {
    append_word(out, kDigitWords[static_cast<std::size_t>(h)]);
    append_word(out, "trăm");
  }
  if (t == 0) {
    if (u == 0) return;
    if (h > 0 || full) append_word(out, st.linh_as_le ? "lẻ" : "linh");
    append_word(out, kDigitWords[static_cast<std::size_t>(u)]);
    return;
  }
  if (t == 1) {
    append_word(out, "mười");
  } else {
    append_word(out, kDigitWords[static_cast<std::size_t>(t)]);
    append_word(out, "mươi");
  }
  if (u == 1 && t >= 2)
    append_word(out, "mốt");
  else if (u == 4 && t >= 2 && st.four_as_tu)
    append_word(out, "tư");
  else if (u == 5)
    append_word(out, "lăm");
  else if (u != 0)
    append_word(out, kDigitWords[static_cast<std::size_t>(u)]);
}

// Up to nine digits (leading zeros allowed): the triệu, nghìn and unit groups.
void below_billion_words(std::string& out, std::string_view digits, bool leading, const WordsStyle& st) {
  std::string padded(9 - digits.size(), '0');
  padded += digits;
  const std::array<std::string_view, 3> scale{"triệu", st.thousand_as_ngan ? "ngàn" : "nghìn", ""};
  for (std::size_t g = 0; g < 3; ++g) {
    const int v = (padded[3 * g] - '0') * 100 + (padded[3 * g + 1] - '0') * 10 + (padded[3 * g + 2] - '0');
    if (v == 0) continue;
    group_words(out, v, !leading, st);
    append_word(out, scale[g]);
    leading = false;
  }
}

// `digits` without leading zeros, not "0". Every nine digits the higher part is read whole + "tỷ".
void number_words(std::string& out, std::string_view digits, bool leading, const WordsStyle& st) {
  if (digits.size() <= 9) return below_billion_words(out, digits, leading, st);
  number_words(out, digits.substr(0, digits.size() - 9), leading, st);
  append_word(out, "tỷ");
  const std::string_view lower = digits.substr(digits.size() - 9);
  if (lower.find_first_not_of('0') != std::string_view::npos) below_billion_words(out, lower, false, st);
}

void integer_words(std::string& out, std::string_view digits, const WordsStyle& st) {
  if (digits == "0")
    append_word(out, kDigitWords[0]);
  else
    number_words(out, digits, true, st);
}

// ---------------------------------------------------------------- reader: words

struct Token {
  std::string word;  // folded
  std::size_t offset;
  std::size_t length;
};

bool is_separator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case '.':
    case ',':
    case ';':
    case ':':
    case '/':
    case '(':
    case ')':
    case '!':
    case '?':
    case '"':
    case '\'':
    case '-':
    case 0x00A0:
    case 0x202F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200B;
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t start = std::string_view::npos;
  for (std::size_t pos = 0; pos <= text.size();) {
    const bool end = pos == text.size();
    const std::size_t n = end ? 0 : utf8_length_at(text, pos);
    if (end || is_separator(utf8_decode_at(text, pos))) {
      if (start != std::string_view::npos) {
        tokens.push_back({fold_vietnamese(text.substr(start, pos - start)), start, pos - start});
        start = std::string_view::npos;
      }
      if (end) break;
    } else if (start == std::string_view::npos) {
      start = pos;
    }
    pos += n;
  }
  return tokens;
}

enum class Kind : std::uint8_t { digit, ten, tens, hundred, linh, scale, comma, and_word, sign, unsupported, other };

struct WordInfo {
  Kind kind;
  int value;  // digit value, or scale exponent
};

WordInfo classify(std::string_view w) {
  struct Entry {
    std::string_view word;
    Kind kind;
    int value;
  };
  static constexpr Entry kWords[] = {
      {"không", Kind::digit, 0},      {"một", Kind::digit, 1},   {"mốt", Kind::digit, 1},
      {"hai", Kind::digit, 2},        {"ba", Kind::digit, 3},    {"bốn", Kind::digit, 4},
      {"tư", Kind::digit, 4},         {"năm", Kind::digit, 5},   {"lăm", Kind::digit, 5},
      {"nhăm", Kind::digit, 5},       {"sáu", Kind::digit, 6},   {"bảy", Kind::digit, 7},
      {"bẩy", Kind::digit, 7},        {"tám", Kind::digit, 8},   {"chín", Kind::digit, 9},
      {"mười", Kind::ten, 1},         {"mươi", Kind::tens, 0},   {"trăm", Kind::hundred, 0},
      {"linh", Kind::linh, 0},        {"lẻ", Kind::linh, 0},     {"nghìn", Kind::scale, 3},
      {"ngàn", Kind::scale, 3},       {"triệu", Kind::scale, 6}, {"tỷ", Kind::scale, 9},
      {"tỉ", Kind::scale, 9},         {"phẩy", Kind::comma, 0},  {"và", Kind::and_word, 0},
      {"âm", Kind::sign, 0},          {"trừ", Kind::sign, 0},    {"rưỡi", Kind::unsupported, 0},
      {"chục", Kind::unsupported, 0},
  };
  for (const Entry& e : kWords) {
    if (e.word == w) return {e.kind, e.value};
  }
  return {Kind::other, 0};
}

bool is_number_word(Kind k) {
  return k == Kind::digit || k == Kind::ten || k == Kind::tens || k == Kind::hundred || k == Kind::linh ||
         k == Kind::scale || k == Kind::unsupported;
}

// ---------------------------------------------------------------- reader: numbers

struct Group {
  int value = 0;
  std::vector<int> scales;  // exponents of the scale words after the group, in order
};

struct Failure {
  WordsError error;
  std::size_t token;
};

struct NumberParse {
  std::optional<Decimal> value;
  std::size_t next = 0;
  std::optional<Failure> failure;
};

class NumberReader {
 public:
  explicit NumberReader(const std::vector<Token>& tokens) : tokens_(tokens) {}

  // Reads the number words starting at token `i`.
  NumberParse read(std::size_t i) const {
    std::vector<Group> groups;
    NumberParse result;
    int h = -1, t = -1, u = -1;
    bool linh = false;
    std::size_t linh_token = 0;
    auto fail = [&](WordsError e, std::size_t at) {
      result.failure = Failure{e, at};
      return result;
    };
    auto group_open = [&] { return h >= 0 || t >= 0 || u >= 0 || linh; };
    for (; i < tokens_.size(); ++i) {
      const WordInfo w = info(i);
      if (w.kind == Kind::unsupported) return fail(WordsError::unsupported_word, i);
      if (w.kind == Kind::digit) {
        const Kind next = i + 1 < tokens_.size() ? info(i + 1).kind : Kind::other;
        if (next == Kind::hundred) {
          if (group_open()) return fail(WordsError::unexpected_word, i);
          h = w.value;
          ++i;
        } else if (next == Kind::tens) {
          if (t >= 0 || u >= 0 || linh || w.value < 2) return fail(WordsError::unexpected_word, i);
          t = w.value;
          ++i;
        } else {
          if (u >= 0) return fail(WordsError::unexpected_word, i);
          u = w.value;
        }
      } else if (w.kind == Kind::ten) {
        if (t >= 0 || u >= 0 || linh) return fail(WordsError::unexpected_word, i);
        t = 1;
      } else if (w.kind == Kind::linh) {
        if (t >= 0 || u >= 0 || linh) return fail(WordsError::unexpected_word, i);
        linh = true;
        linh_token = i;
      } else if (w.kind == Kind::scale) {
        if (!group_open()) return fail(WordsError::unexpected_word, i);
        if (linh && u < 0) return fail(WordsError::unexpected_word, linh_token);
        Group g{std::max(h, 0) * 100 + std::max(t, 0) * 10 + std::max(u, 0), {}};
        // Compound scales only grow: "nghìn tỷ", "triệu tỷ", "tỷ tỷ"; "triệu nghìn" means nothing.
        for (; i < tokens_.size() && info(i).kind == Kind::scale; ++i) {
          if (!g.scales.empty() && info(i).value < g.scales.back()) return fail(WordsError::scale_order, i);
          g.scales.push_back(info(i).value);
        }
        --i;
        groups.push_back(std::move(g));
        h = t = u = -1;
        linh = false;
      } else if (w.kind == Kind::tens || w.kind == Kind::hundred) {
        return fail(WordsError::unexpected_word, i);
      } else {
        break;
      }
    }
    if (linh && u < 0) return fail(WordsError::unexpected_word, linh_token);
    if (group_open()) groups.push_back(Group{std::max(h, 0) * 100 + std::max(t, 0) * 10 + std::max(u, 0), {}});
    result.next = i;
    if (groups.empty()) return result;
    result.value = evaluate(groups);
    if (!result.value) return fail(WordsError::scale_order, i - 1);
    return result;
  }

 private:
  WordInfo info(std::size_t i) const { return classify(tokens_[i].word); }

  static int exponent(const Group& g) {
    int e = 0;
    for (int s : g.scales) e += s;
    return e;
  }

  // Flat reading when the scales strictly decrease ("năm nghìn tỷ ba trăm tỷ": 12 then 9);
  // otherwise the nested reading: the largest scale word multiplies everything before it back
  // to its previous occurrence ("hai tỷ năm trăm triệu tỷ" = (2 tỷ + 500 triệu) tỷ).
  static std::optional<Decimal> evaluate(std::span<const Group> groups) {
    bool decreasing = true;
    for (std::size_t k = 1; k < groups.size(); ++k)
      decreasing = decreasing && exponent(groups[k]) < exponent(groups[k - 1]);
    if (decreasing) {
      Decimal sum;
      for (const Group& g : groups) sum = sum + Decimal::from_int(g.value) * Decimal::pow10(exponent(g));
      return sum;
    }
    int top = 0;
    for (const Group& g : groups) {
      for (int s : g.scales) top = std::max(top, s);
    }
    if (top == 0) return std::nullopt;
    const Decimal limit = Decimal::pow10(top);
    Decimal acc;
    std::vector<Group> segment;
    bool first = true;
    for (const Group& g : groups) {
      Group inner = g;
      int count = 0;
      while (!inner.scales.empty() && inner.scales.back() == top) {
        inner.scales.pop_back();
        ++count;
      }
      if (std::find(inner.scales.begin(), inner.scales.end(), top) != inner.scales.end()) return std::nullopt;
      segment.push_back(std::move(inner));
      if (count == 0) continue;
      const auto v = evaluate(segment);
      if (!v || (!first && *v >= limit)) return std::nullopt;
      acc = (acc + *v) * Decimal::pow10(top * count);
      segment.clear();
      first = false;
    }
    if (!segment.empty()) {
      const auto v = evaluate(segment);
      if (!v || *v >= limit) return std::nullopt;
      acc = acc + *v;
    }
    return acc;
  }

  const std::vector<Token>& tokens_;
};

// Digits of a fraction after "phẩy": either digit by digit ("hai năm" = 25) or leading "không"s
// then a number ("không năm" = 05, "năm mươi" = 50).
struct FractionParse {
  std::string digits;
  std::size_t next = 0;
  std::optional<Failure> failure;
};

FractionParse read_fraction(const std::vector<Token>& tokens, std::size_t i, const NumberReader& reader) {
  FractionParse f;
  auto bare_digit = [&](std::size_t k) {
    if (k >= tokens.size() || classify(tokens[k].word).kind != Kind::digit) return false;
    const Kind next = k + 1 < tokens.size() ? classify(tokens[k + 1].word).kind : Kind::other;
    return next != Kind::hundred && next != Kind::tens && next != Kind::scale;
  };
  std::size_t run = i;
  while (bare_digit(run)) ++run;
  const bool run_ends_number = run >= tokens.size() || !is_number_word(classify(tokens[run].word).kind);
  if (run - i >= 2 && run_ends_number) {
    for (std::size_t k = i; k < run; ++k) f.digits += static_cast<char>('0' + classify(tokens[k].word).value);
    f.next = run;
    return f;
  }
  std::size_t k = i;
  while (bare_digit(k) && classify(tokens[k].word).value == 0) {
    f.digits += '0';
    ++k;
  }
  const NumberParse n = reader.read(k);
  f.failure = n.failure;
  f.next = n.next;
  if (n.value) f.digits += n.value->to_string();
  if (!f.failure && f.digits.empty()) f.failure = Failure{WordsError::bad_fraction, i > 0 ? i - 1 : 0};
  return f;
}

WordsReading failure(const std::vector<Token>& tokens, WordsError e, std::size_t token, std::size_t text_size) {
  WordsReading r;
  r.error = e;
  if (token < tokens.size()) {
    r.position = tokens[token].offset;
    r.length = tokens[token].length;
  } else {
    r.position = text_size;
  }
  return r;
}

// Currencies met on Vietnamese invoices (foreign-currency sales are mostly exports) [I].
constexpr std::array<CurrencyWords, 24> kCurrencyWords{{
    {"AUD", "đô la Úc", "xu"},
    {"CAD", "đô la Canada", "xu"},
    {"CHF", "franc Thụy Sĩ", "xu"},
    {"CNY", "nhân dân tệ", "xu"},
    {"DKK", "krone Đan Mạch", "xu"},
    {"EUR", "euro", "xu"},
    {"GBP", "bảng Anh", "xu"},
    {"HKD", "đô la Hồng Kông", "xu"},
    {"IDR", "rupiah Indonesia", "xu"},
    {"INR", "rupee Ấn Độ", "xu"},
    {"JPY", "yên Nhật", ""},
    {"KHR", "riel Campuchia", "xu"},
    {"KRW", "won Hàn Quốc", ""},
    {"LAK", "kíp Lào", "xu"},
    {"MYR", "ringgit Malaysia", "xu"},
    {"NOK", "krone Na Uy", "xu"},
    {"NZD", "đô la New Zealand", "xu"},
    {"PHP", "peso Philippines", "xu"},
    {"RUB", "rúp Nga", "xu"},
    {"SEK", "krona Thụy Điển", "xu"},
    {"SGD", "đô la Singapore", "xu"},
    {"THB", "bạt Thái Lan", "xu"},
    {"USD", "đô la Mỹ", "xu"},
    {"VND", "đồng", ""},
}};

}  // namespace

const CurrencyWords* currency_words(std::string_view code) noexcept {
  const auto it = std::lower_bound(kCurrencyWords.begin(), kCurrencyWords.end(), code,
                                   [](const CurrencyWords& w, std::string_view c) { return w.code < c; });
  return it != kCurrencyWords.end() && it->code == code ? &*it : nullptr;
}

std::string amount_in_words(const Decimal& amount, const WordsStyle& st) {
  const bool minor = st.fraction_style == FractionStyle::minor_unit;
  const int digits = minor && st.fraction_digits < 0 ? 2 : st.fraction_digits;
  const Decimal value = digits >= 0 ? amount.rounded(digits) : amount;
  std::string out;
  if (value.is_negative()) append_word(out, st.negative_word);
  const Decimal magnitude = value.abs();
  integer_words(out, magnitude.truncated().to_string(), st);

  std::string fraction;  // fraction digits to speak, empty when none
  if (const Decimal f = magnitude.fraction(); !f.is_zero()) {
    fraction = f.to_string().substr(2);  // "0.xyz" -> "xyz"
    if (digits > 0) fraction.append(static_cast<std::size_t>(digits) - fraction.size(), '0');
  }
  if (!minor && !fraction.empty()) {
    append_word(out, "phẩy");
    const std::size_t zeros = fraction.find_first_not_of('0');
    for (std::size_t k = 0; k < zeros; ++k) append_word(out, kDigitWords[0]);
    number_words(out, std::string_view(fraction).substr(zeros), true, st);
  }
  append_word(out, st.unit);
  if (minor && !fraction.empty()) {
    append_word(out, "và");
    number_words(out, std::string_view(fraction).substr(fraction.find_first_not_of('0')), true, st);
    append_word(out, st.minor_unit);
  }
  return st.capitalize ? capitalize_first(out) : out;
}

WordsReading read_amount_in_words(std::string_view text, const WordsReadOptions& options) {
  const std::vector<Token> tokens = tokenize(text);
  if (tokens.empty()) return failure(tokens, WordsError::empty, 0, text.size());
  const NumberReader reader(tokens);
  std::size_t i = 0;
  const bool negative = classify(tokens[0].word).kind == Kind::sign;
  if (negative) ++i;
  if (i >= tokens.size()) return failure(tokens, WordsError::not_a_number, i, text.size());
  const Kind first = classify(tokens[i].word).kind;
  if (first != Kind::digit && first != Kind::ten) {
    return failure(tokens,
                   is_number_word(first)
                       ? (first == Kind::unsupported ? WordsError::unsupported_word : WordsError::unexpected_word)
                       : WordsError::not_a_number,
                   i, text.size());
  }
  const NumberParse integer = reader.read(i);
  if (integer.failure) return failure(tokens, integer.failure->error, integer.failure->token, text.size());
  i = integer.next;

  WordsReading r;
  Decimal fraction;
  if (i < tokens.size() && classify(tokens[i].word).kind == Kind::comma) {
    const FractionParse f = read_fraction(tokens, i + 1, reader);
    if (f.failure) return failure(tokens, f.failure->error, f.failure->token, text.size());
    fraction = *parse_decimal("0." + f.digits).value;
    r.has_fraction = true;
    i = f.next;
  }
  for (; i < tokens.size(); ++i) {
    const Kind k = classify(tokens[i].word).kind;
    if (is_number_word(k) || k == Kind::comma) return failure(tokens, WordsError::number_after_unit, i, text.size());
    if (k == Kind::and_word) break;
    if (!r.unit.empty()) r.unit += ' ';
    r.unit += tokens[i].word;
  }
  if (i < tokens.size()) {  // "và N xu"
    const std::size_t and_token = i;
    const NumberParse minor = reader.read(i + 1);
    if (minor.failure) return failure(tokens, minor.failure->error, minor.failure->token, text.size());
    if (!minor.value || r.has_fraction || *minor.value >= Decimal::pow10(options.minor_unit_digits)) {
      return failure(tokens, WordsError::bad_fraction, and_token, text.size());
    }
    fraction = *minor.value * Decimal::pow10(-options.minor_unit_digits);
    r.has_fraction = true;
    for (i = minor.next; i < tokens.size(); ++i) {
      const Kind k = classify(tokens[i].word).kind;
      if (is_number_word(k) || k == Kind::comma || k == Kind::and_word) {
        return failure(tokens, WordsError::number_after_unit, i, text.size());
      }
    }
  }
  const Decimal value = *integer.value + fraction;
  r.value = negative ? -value : value;
  return r;
}

WordsCheck check_amount_in_words(std::string_view words, const Decimal& total, const WordsReadOptions& options) {
  WordsCheck c;
  c.reading = read_amount_in_words(words, options);
  if (!c.reading.ok()) return c;
  const Decimal& read = *c.reading.value;
  if (c.reading.has_fraction) {
    c.verdict = read == total ? WordsVerdict::match : WordsVerdict::mismatch;
  } else if (read != total.truncated()) {
    c.verdict = WordsVerdict::mismatch;
  } else {
    c.verdict = total.is_integer() ? WordsVerdict::match : WordsVerdict::fraction_not_in_words;
  }
  return c;
}

}  // namespace hoadon::rules
