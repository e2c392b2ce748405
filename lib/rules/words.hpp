// The amount in words (TgTTTBChu, spec §7.3): a generator, a tolerant reader, and the check of
// the words against the amount in figures (TgTTTBSo).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/decimal.hpp"

namespace hoadon::rules {

enum class FractionStyle : std::uint8_t {
  comma_word,  ///< "một phẩy năm đồng" (default: currency-neutral, and what the real sample 008 writes)
  minor_unit,  ///< "mười hai đô la Mỹ và năm mươi xu"
};

struct WordsStyle {
  bool capitalize = true;          ///< "Một triệu đồng" (real vendors capitalise; MISA does not)
  std::string_view unit = "đồng";  ///< written after the number: "đồng", "đồng chẵn", "đô la Mỹ", "" for none
  std::string_view negative_word = "âm";  ///< prefix of negative amounts ("trừ" also exists)
  bool four_as_tu = false;                ///< "hai mươi tư" instead of the default "hai mươi bốn"
  bool linh_as_le = false;                ///< southern "lẻ" instead of "linh" (105 = "một trăm lẻ năm")
  bool thousand_as_ngan = false;          ///< southern "ngàn" instead of "nghìn"
  FractionStyle fraction_style = FractionStyle::comma_word;
  /// Decimals to speak: -1 = as the value needs (1.10 -> "một phẩy một"); n >= 0 rounds half away
  /// from zero and pads to n digits (2 for USD: 12.5 -> "mười hai phẩy năm mươi").
  /// minor_unit style with -1 uses 2.
  int fraction_digits = -1;
  std::string_view minor_unit = "xu";
};

/// Vietnamese words for an amount of any size. Groups of three digits with "nghìn", "triệu";
/// every nine digits "tỷ", applied to the whole higher part (10^12 "một nghìn tỷ", 10^18 "một tỷ tỷ",
/// 5.3 x 10^12 "năm nghìn ba trăm tỷ"); non-leading groups keep "không trăm" and "linh"
/// (1,000,005 = "một triệu không trăm linh năm"); "mười", "mốt", "lăm" as usual.
[[nodiscard]] std::string amount_in_words(const Decimal& amount, const WordsStyle& style = {});

/// How Vietnamese invoices name a currency in words: the unit after the number and the word for
/// its minor unit ("đô la Mỹ", "xu"). Names as commonly written [I]; the reader accepts any words.
struct CurrencyWords {
  std::string_view code;        ///< ISO 4217 alpha-3
  std::string_view unit;        ///< "đồng", "đô la Mỹ", "euro"...
  std::string_view minor_unit;  ///< "xu" for cents, "" for currencies without a minor unit
};

/// The entry for an uppercase ISO code, or nullptr for currencies without a usual Vietnamese name
/// (callers then write the code itself).
[[nodiscard]] const CurrencyWords* currency_words(std::string_view code) noexcept;

enum class WordsError : std::uint8_t {
  none,
  empty,              ///< no words at all
  not_a_number,       ///< the text does not start with a number (after an optional "âm"/"trừ")
  unexpected_word,    ///< a number word out of place ("hai ba", "trăm" without a digit, "linh" at the end...)
  unsupported_word,   ///< colloquial words this reader does not interpret ("rưỡi", "chục")
  scale_order,        ///< "nghìn"/"triệu"/"tỷ" in an order no reading explains
  bad_fraction,       ///< nothing readable after "phẩy", or a "và ... xu" part too large
  number_after_unit,  ///< number words after the currency words ("một triệu đồng hai")
};

struct WordsReading {
  std::optional<Decimal> value;
  WordsError error = WordsError::none;
  std::size_t position = 0;   ///< byte offset of the offending word in the input
  std::size_t length = 0;     ///< its length in bytes
  std::string unit;           ///< folded words after the number: "đồng chẵn", "đô la mỹ", "vnd", ""
  bool has_fraction = false;  ///< the words state decimals ("phẩy ..." or "và ... xu")
  [[nodiscard]] bool ok() const noexcept { return error == WordsError::none; }
};

struct WordsReadOptions {
  int minor_unit_digits = 2;  ///< scale of "và N xu": N / 10^digits
};

/// Reads Vietnamese amount words, tolerant of the variants of spec §7.3 and of real vendors:
/// mốt/một, lăm/năm/nhăm, linh/lẻ, nghìn/ngàn, tỷ/tỉ, tư/bốn, bảy/bẩy, "không trăm", "đồng",
/// "đồng chẵn./.", "./.", any currency words after the number, any capitalisation, extra spaces,
/// NBSP, "Âm"/"Trừ" for negatives, precomposed (NFC) or decomposed (NFD) letters; both the
/// flat ("năm nghìn tỷ ba trăm tỷ") and the nested ("năm nghìn ba trăm tỷ") forms above 10^12.
/// Words are read additively: "một trăm năm" is 105 (software omitting "linh"), not 150.
[[nodiscard]] WordsReading read_amount_in_words(std::string_view text, const WordsReadOptions& options = {});

enum class WordsVerdict : std::uint8_t {
  match,
  mismatch,
  fraction_not_in_words,  ///< integer parts agree; the amount has decimals the words do not state
  unreadable,
};

struct WordsCheck {
  WordsVerdict verdict = WordsVerdict::unreadable;
  WordsReading reading;
};

/// Checks TgTTTBChu against TgTTTBSo. Words without decimals are compared with the integer part
/// of the amount (truncated: "99000.000000" matches "chín mươi chín nghìn"); a non-zero fraction
/// they leave out gives fraction_not_in_words. Words with decimals must equal the amount exactly.
[[nodiscard]] WordsCheck check_amount_in_words(std::string_view words, const Decimal& total,
                                               const WordsReadOptions& options = {});

}  // namespace hoadon::rules
