#include "rules/series.hpp"

#include <algorithm>
#include <array>

#include "util/ascii.hpp"

namespace hoadon::rules {
namespace {

constexpr std::array<TypeLetterRule, 9> kTypeLetters{{
    {'T', "registered by enterprises, organisations, household and individual businesses",
     TemplateSet::of({1, 2, 5, 8, 9}), TemplateSet::of({1, 2}), false,
     "[T] TT78 Art.4 / TT32 Art.5 letter meaning; [I] template set (public-asset, transfer-note, "
     "stamp and commercial invoices have letters of their own)"},
    {'D', "public-asset and national-reserve sales, or special invoices without some mandatory fields",
     TemplateSet::of({1, 2, 3, 4}), TemplateSet::of({3, 4}), false,
     "[T] TT78 Art.4 (its examples include 1K22DAA); [I] exact template set"},
    {'L', "issued by the tax authority per occurrence (needs MHSo)", TemplateSet::of({1, 2, 3, 4}),
     TemplateSet::of({1, 2}), true, "[T] letter meaning, example 1C25LBB; [I] template set and code requirement"},
    {'M', "generated from a cash register", TemplateSet::of({1, 2}), TemplateSet::of({1, 2}), true,
     "[T] Decree 123 Art.11: code invoices from cash registers are VAT or sales invoices; "
     "[S] C25MLT/C25MVH with 2, C25MMH/C25MDN with 1"},
    {'N', "internal transfer delivery note (PXK kiêm vận chuyển nội bộ)", TemplateSet::of({6}), TemplateSet::of({6}),
     false, "[T] TT78 Art.4"},
    {'B', "delivery note for goods sent to sales agents (PXK hàng gửi bán đại lý)", TemplateSet::of({6}),
     TemplateSet::of({6}), false, "[T] TT78 Art.4"},
    {'G', "stamp, ticket or card that is a VAT invoice", TemplateSet::of({5}), TemplateSet::of({5}), false,
     "[T] TT78 Art.4"},
    {'H', "stamp, ticket or card that is a sales invoice", TemplateSet::of({5}), TemplateSet::of({5}), false,
     "[T] TT78 Art.4"},
    {'X', "electronic commercial invoice (export)", TemplateSet::of({7}), TemplateSet::of({7}), false,
     "[T] TT32/2025 Art.5"},
}};

// Old-regime kinds named in spec §2.1 (VAT, sales, non-tariff zone, transfer note, agent note).
constexpr std::array<std::string_view, 5> kOldKinds{"01GTKT", "02GTTT", "07KPTQ", "03XKNB", "04HGDL"};

bool all_upper(std::string_view s) { return ascii::all_of(s, ascii::is_upper); }

}  // namespace

std::optional<int> parse_template_code(std::string_view text) noexcept {
  if (text.size() != 1 || text[0] < '1' || text[0] > '9') return std::nullopt;
  return ascii::digit_value(text[0]);
}

std::optional<TemplateSet> templates_in_version(std::string_view pban) noexcept {
  if (pban == "2.0.0" || pban == "2.0.1") return TemplateSet::of({1, 2, 3, 4, 5, 6});
  if (pban == "2.1.0") return TemplateSet::of({1, 2, 3, 4, 5, 6, 7, 8, 9});
  return std::nullopt;
}

SeriesParse parse_series(std::string_view text) noexcept {
  auto fail = [](SeriesError e, std::size_t at) {
    SeriesParse p;
    p.error = e;
    p.position = at;
    return p;
  };
  if (text.empty()) return fail(SeriesError::empty, 0);
  if (text.size() == 7 && text[0] >= '1' && text[0] <= '9' && parse_series(text.substr(1)).ok()) {
    return fail(SeriesError::template_digit_included, 0);
  }
  if (text.size() != 6) return fail(SeriesError::wrong_length, std::min<std::size_t>(text.size(), 6));
  if (text[0] != 'C' && text[0] != 'K') return fail(SeriesError::bad_code_letter, 0);
  const std::size_t bad_digit = ascii::first_not(text.substr(1, 2), ascii::is_digit);
  if (bad_digit < 2) return fail(SeriesError::bad_year, 1 + bad_digit);
  if (!find_type_letter_rule(text[3])) return fail(SeriesError::bad_type_letter, 3);
  const std::size_t bad_letter = ascii::first_not(text.substr(4, 2), ascii::is_upper);
  if (bad_letter < 2) return fail(SeriesError::bad_suffix, 4 + bad_letter);
  Series s;
  s.with_code = text[0] == 'C';
  s.year = static_cast<int>(*ascii::parse_uint(text.substr(1, 2)));
  s.type = text[3];
  s.suffix[0] = text[4];
  s.suffix[1] = text[5];
  SeriesParse p;
  p.series = s;
  return p;
}

std::span<const TypeLetterRule> type_letter_rules() noexcept { return kTypeLetters; }

const TypeLetterRule* find_type_letter_rule(char letter) noexcept {
  const auto it =
      std::find_if(kTypeLetters.begin(), kTypeLetters.end(), [&](const auto& r) { return r.letter == letter; });
  return it == kTypeLetters.end() ? nullptr : &*it;
}

SeriesTemplateVerdict check_series_template(const Series& series, int template_code, std::string_view pban) noexcept {
  const auto versions = templates_in_version(pban);
  if (!versions) return SeriesTemplateVerdict::unknown_version;
  if (!versions->contains(template_code)) return SeriesTemplateVerdict::template_not_in_version;
  const TypeLetterRule* rule = find_type_letter_rule(series.type);
  if (!rule || !rule->allowed.contains(template_code)) return SeriesTemplateVerdict::letter_not_for_template;
  if (rule->requires_code && !series.with_code) return SeriesTemplateVerdict::code_required;
  if (!rule->usual.contains(template_code)) return SeriesTemplateVerdict::unusual_pairing;
  return SeriesTemplateVerdict::ok;
}

InvoiceNumberParse parse_invoice_number(std::string_view text) noexcept {
  InvoiceNumberParse p;
  const std::size_t bad = ascii::first_not(text, ascii::is_digit);
  if (text.empty())
    p.error = InvoiceNumberError::empty;
  else if (bad < text.size()) {
    p.error = InvoiceNumberError::non_digit;
    p.position = bad;
  } else if (text.size() > 8) {
    p.error = InvoiceNumberError::too_long;
    p.position = 8;
  } else if (const auto v = *ascii::parse_uint(text); v == 0) {
    p.error = InvoiceNumberError::zero;
  } else {
    p.value = static_cast<std::uint32_t>(v);
  }
  return p;
}

std::optional<OldTemplateCode> parse_old_template_code(std::string_view text) noexcept {
  if (text.size() != 11 || text[7] != '/' || !ascii::all_digits(text.substr(0, 2)) || !all_upper(text.substr(2, 4)) ||
      !ascii::is_digit(text[6]) || !ascii::all_digits(text.substr(8, 3))) {
    return std::nullopt;
  }
  OldTemplateCode c;
  c.form = static_cast<int>(*ascii::parse_uint(text.substr(0, 2)));
  c.kind = text.substr(2, 4);
  c.known_kind = std::find(kOldKinds.begin(), kOldKinds.end(), text.substr(0, 6)) != kOldKinds.end();
  c.copies = ascii::digit_value(text[6]);
  c.number = static_cast<int>(*ascii::parse_uint(text.substr(8, 3)));
  return c;
}

std::optional<OldSeries> parse_old_series(std::string_view text) noexcept {
  OldSeries s;
  if (text.size() == 8) {
    if (!ascii::all_digits(text.substr(0, 2))) return std::nullopt;
    s.province = static_cast<int>(*ascii::parse_uint(text.substr(0, 2)));
    text.remove_prefix(2);
  }
  if (text.size() != 6 || !all_upper(text.substr(0, 2)) || text[2] != '/' || !ascii::all_digits(text.substr(3, 2))) {
    return std::nullopt;
  }
  if (text[5] != 'E' && text[5] != 'T' && text[5] != 'P') return std::nullopt;
  s.letters = text.substr(0, 2);
  s.year = static_cast<int>(*ascii::parse_uint(text.substr(3, 2)));
  s.form = text[5];
  return s;
}

RelatedSymbolsVerdict check_related_symbols(int lhdclquan, std::string_view template_code,
                                            std::string_view series) noexcept {
  switch (lhdclquan) {
    case 1:
      if (!parse_template_code(template_code)) return RelatedSymbolsVerdict::bad_template;
      if (!parse_series(series).ok()) return RelatedSymbolsVerdict::bad_series;
      return RelatedSymbolsVerdict::ok;
    case 2:
    case 3:
      if (!parse_old_template_code(template_code)) return RelatedSymbolsVerdict::bad_template;
      if (!parse_old_series(series)) return RelatedSymbolsVerdict::bad_series;
      return RelatedSymbolsVerdict::ok;
    case 4:
      if (template_code.empty() || template_code.size() > 11) return RelatedSymbolsVerdict::bad_template;
      if (series.empty() || series.size() > 8) return RelatedSymbolsVerdict::bad_series;
      return RelatedSymbolsVerdict::ok;
    default:
      return RelatedSymbolsVerdict::unknown_kind;
  }
}

}  // namespace hoadon::rules
