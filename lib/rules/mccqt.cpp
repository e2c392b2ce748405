#include "rules/mccqt.hpp"

#include "util/ascii.hpp"

namespace hoadon::rules {
namespace {

MccqtCheck fail(MccqtError e, std::size_t at) {
  MccqtCheck c;
  c.error = e;
  c.position = at;
  return c;
}

MccqtCheck check_authority(std::string_view text, MccqtStrictness strictness) {
  const bool strict = strictness == MccqtStrictness::strict;
  const std::size_t bad =
      strict ? ascii::first_not(text, ascii::is_upper_hex) : ascii::first_not(text, ascii::is_alnum);
  if (bad < text.size()) return fail(MccqtError::bad_character, bad);
  if (strict && text.substr(0, 2) != "00") return fail(MccqtError::bad_issuer, 0);
  MccqtCheck c;
  c.value = Mccqt{MccqtKind::authority, text.substr(0, 2), 0, 0, {}, {}};
  return c;
}

MccqtCheck check_cash_register(std::string_view text) {
  if (text[0] != 'M') return fail(MccqtError::bad_character, 0);
  if (text[1] < '1' || text[1] > '9') return fail(MccqtError::bad_character, 1);
  for (std::size_t dash : {2U, 5U, 11U}) {
    if (text[dash] != '-') return fail(MccqtError::bad_separator, dash);
  }
  auto first_bad = [&](std::size_t from, std::size_t n, auto pred) {
    return from + ascii::first_not(text.substr(from, n), pred);
  };
  if (const auto at = first_bad(3, 2, ascii::is_digit); at < 5) return fail(MccqtError::bad_character, at);
  if (const auto at = first_bad(6, 5, ascii::is_upper_alnum); at < 11) return fail(MccqtError::bad_character, at);
  if (const auto at = first_bad(12, 11, ascii::is_digit); at < 23) return fail(MccqtError::bad_character, at);
  MccqtCheck c;
  c.value = Mccqt{MccqtKind::cash_register,    {},
                  ascii::digit_value(text[1]), static_cast<int>(*ascii::parse_uint(text.substr(3, 2))),
                  text.substr(6, 5),           text.substr(12, 11)};
  return c;
}

}  // namespace

MccqtCheck check_mccqt(std::string_view text, MccqtStrictness strictness) noexcept {
  if (text.empty()) return fail(MccqtError::empty, 0);
  if (text.size() == 34) return check_authority(text, strictness);
  if (text.size() == 23) return check_cash_register(text);
  return fail(MccqtError::wrong_length, text.size() < 23 ? text.size() : 23);
}

MccqtInvoiceVerdict check_mccqt_for_invoice(const Mccqt& code, char series_type, int template_code,
                                            int series_year) noexcept {
  const bool register_series = series_type == 'M';
  if (register_series != (code.kind == MccqtKind::cash_register)) {
    return register_series ? MccqtInvoiceVerdict::not_cash_register : MccqtInvoiceVerdict::unexpected_cash_register;
  }
  if (!register_series) return MccqtInvoiceVerdict::ok;
  if (code.template_code != template_code) return MccqtInvoiceVerdict::template_mismatch;
  if (code.year != series_year) return MccqtInvoiceVerdict::year_mismatch;
  return MccqtInvoiceVerdict::ok;
}

}  // namespace hoadon::rules
