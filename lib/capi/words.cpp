// Amounts in words: the C face of rules/words.hpp.
#include <string>

#include "capi/handles.hpp"
#include "rules/currency.hpp"
#include "rules/words.hpp"
#include "util/ascii.hpp"
#include "util/decimal.hpp"

using hoadon::capi::fail;
using hoadon::capi::has_member;

extern "C" {

int hoadon_words_options_init(hoadon_words_options* o, size_t size) {
  static constexpr hoadon_words_options kDefaults HOADON_WORDS_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

char* hoadon_amount_in_words(const char* amount, const char* currency, const hoadon_words_options* o) {
  using namespace hoadon;
  using namespace hoadon::rules;
  if (!amount) {
    fail(HOADON_EINVAL, "hoadon_amount_in_words: amount is NULL");
    return nullptr;
  }
  return hoadon::capi::guard_ptr([&]() -> char* {
    const DecimalParse value = parse_decimal(amount);
    if (!value.ok()) {
      fail(HOADON_EINVAL, std::string("not a decimal number: \"") + amount + "\" (write it as 1234500 or -12.50)");
      return nullptr;
    }
    std::string code = currency ? currency : "VND";
    for (char& c : code) c = ascii::to_upper(c);
    const CurrencyInfo* info = find_currency(code);
    if (!info) {
      fail(HOADON_EINVAL, "not an ISO 4217 currency code: \"" + std::string(currency) + "\"");
      return nullptr;
    }
    const CurrencyWords* names = currency_words(info->code);
    const unsigned flags = has_member(o, &hoadon_words_options::flags) ? o->flags : 0;
    WordsStyle style;
    style.capitalize = !(flags & HOADON_WORDS_LOWERCASE);
    style.linh_as_le = flags & HOADON_WORDS_LE;
    style.thousand_as_ngan = flags & HOADON_WORDS_NGAN;
    style.four_as_tu = flags & HOADON_WORDS_TU;
    style.negative_word = flags & HOADON_WORDS_TRU ? "trừ" : "âm";
    if (flags & HOADON_WORDS_MINOR_UNIT) style.fraction_style = FractionStyle::minor_unit;
    if (has_member(o, &hoadon_words_options::unit) && o->unit)
      style.unit = o->unit;
    else
      style.unit = names ? names->unit : info->code;  // the ISO code when Vietnamese has no usual name
    if (names && !names->minor_unit.empty()) style.minor_unit = names->minor_unit;
    style.fraction_digits = has_member(o, &hoadon_words_options::decimals) ? o->decimals : -1;
    if (style.fraction_digits < -1 || style.fraction_digits > 6) {
      fail(HOADON_EINVAL, "decimals must be -1 (as needed) or 0 to 6");
      return nullptr;
    }
    return hoadon::capi::dup_string(amount_in_words(*value.value, style));
  });
}

}  // extern "C"
