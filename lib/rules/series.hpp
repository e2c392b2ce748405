// Invoice template code (KHMSHDon), series symbol (KHHDon) and number (SHDon), spec §2, and the
// old-regime forms that related-invoice references (TTHDLQuan) may still carry (§1.4, §7.4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

namespace hoadon::rules {

/// A set of template codes 1..9 (KHMSHDon).
struct TemplateSet {
  std::uint16_t bits = 0;
  [[nodiscard]] constexpr bool contains(int code) const noexcept {
    return code >= 1 && code <= 9 && (bits >> code) & 1U;
  }
  [[nodiscard]] static constexpr TemplateSet of(std::initializer_list<int> codes) noexcept {
    TemplateSet s;
    for (int c : codes) s.bits = static_cast<std::uint16_t>(s.bits | (1U << c));
    return s;
  }
};

/// KHMSHDon: one digit 1..9; nullopt otherwise (including the old 11-character forms).
[[nodiscard]] std::optional<int> parse_template_code(std::string_view text) noexcept;

/// Template codes a format version allows: 1-6 for PBan 2.0.0/2.0.1, 1-9 for 2.1.0 (TT32/2025
/// added 7, 8, 9). nullopt for a version this table does not know (e.g. the pre-TT78 "1.0.0").
[[nodiscard]] std::optional<TemplateSet> templates_in_version(std::string_view pban) noexcept;

/// A parsed KHHDon `[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}`.
struct Series {
  bool with_code = false;  ///< 'C': the tax authority issues a code (MCCQT); 'K': no code
  int year = 0;            ///< last two digits of the issue year
  char type = 0;           ///< type letter, see TypeLetterRule
  char suffix[2] = {};     ///< two letters chosen by the seller ("YY" when unused)
  [[nodiscard]] bool matches_year(int full_year) const noexcept { return full_year % 100 == year; }
};

enum class SeriesError : std::uint8_t {
  none,
  empty,
  template_digit_included,  ///< 7 characters: the template digit written in front ("1C21TAA")
  wrong_length,
  bad_code_letter,  ///< first character not C or K
  bad_year,         ///< characters 2-3 not digits
  bad_type_letter,  ///< character 4 not one of T D L M N B G H X
  bad_suffix,       ///< characters 5-6 not uppercase ASCII letters
};

struct SeriesParse {
  std::optional<Series> series;
  SeriesError error = SeriesError::none;
  std::size_t position = 0;
  [[nodiscard]] bool ok() const noexcept { return error == SeriesError::none; }
};

[[nodiscard]] SeriesParse parse_series(std::string_view text) noexcept;

/// What a KHHDon type letter means and which templates go with it.
struct TypeLetterRule {
  char letter;
  std::string_view meaning;
  TemplateSet allowed;      ///< pairing with any other template is an error
  TemplateSet usual;        ///< pairings outside this set are legal but worth a note
  bool requires_code;       ///< the letter only exists on code invoices ('C')
  std::string_view source;  ///< confidence marks as in the spec: [T] text, [S] samples, [I] inferred
};

/// The table of the nine type letters, in the order of TT78 Art.4 / TT32 Art.5.
[[nodiscard]] std::span<const TypeLetterRule> type_letter_rules() noexcept;
[[nodiscard]] const TypeLetterRule* find_type_letter_rule(char letter) noexcept;

enum class SeriesTemplateVerdict : std::uint8_t {
  ok,
  unusual_pairing,          ///< allowed but not the usual template for this letter (e.g. D with 1)
  template_not_in_version,  ///< e.g. KHMSHDon 7 under PBan 2.0.1
  letter_not_for_template,  ///< e.g. N (internal transfer note) with KHMSHDon 1
  code_required,            ///< letter M or L on a 'K' (no-code) series
  unknown_version,
};

/// Consistency of a series with its template code and format version (spec §2.2, §7.4).
[[nodiscard]] SeriesTemplateVerdict check_series_template(const Series& series, int template_code,
                                                          std::string_view pban) noexcept;

enum class InvoiceNumberError : std::uint8_t { none, empty, non_digit, too_long, zero };

struct InvoiceNumberParse {
  std::optional<std::uint32_t> value;
  InvoiceNumberError error = InvoiceNumberError::none;
  std::size_t position = 0;
  [[nodiscard]] bool ok() const noexcept { return error == InvoiceNumberError::none; }
};

/// SHDon (and SHDCLQuan): at most 8 digits, value 1..99,999,999; zero padding is accepted
/// ("00001144" == 1144), so numbers compare numerically.
[[nodiscard]] InvoiceNumberParse parse_invoice_number(std::string_view text) noexcept;

/// Old-regime template code (Circular 39/2014 and earlier), e.g. "01GTKT0/001": 2-digit form
/// number, 4-letter kind, copies digit (0 for e-invoices), '/', 3-digit template number.
struct OldTemplateCode {
  int form = 0;
  std::string_view kind;    ///< "GTKT", "GTTT", ...
  bool known_kind = false;  ///< one of the kinds listed in spec §2.1
  int copies = 0;
  int number = 0;
};
[[nodiscard]] std::optional<OldTemplateCode> parse_old_template_code(std::string_view text) noexcept;

/// Old-regime series, e.g. "AA/20E" or, for invoices the tax department printed, "01AA/14P":
/// optional 2-digit province, 2 letters, '/', 2-digit year, form letter E (electronic),
/// T (self-printed) or P (printed to order).
struct OldSeries {
  std::optional<int> province;
  std::string_view letters;
  int year = 0;
  char form = 0;
};
[[nodiscard]] std::optional<OldSeries> parse_old_series(std::string_view text) noexcept;

enum class RelatedSymbolsVerdict : std::uint8_t {
  ok,
  bad_template,  ///< KHMSHDCLQuan does not have the form LHDCLQuan calls for
  bad_series,    ///< KHHDCLQuan does not have the form LHDCLQuan calls for
  unknown_kind,  ///< LHDCLQuan not in 1..4
};

/// TTHDLQuan symbols against LHDCLQuan: 1 (Decree 123 e-invoice) needs a 1-digit template and a
/// 6-character series; 2 and 3 (Decree 51/04 regime) need the old forms; 4 (paper invoice under
/// Decree 123) is only checked for the field lengths 11 and 8, its exact form being unknown [I].
[[nodiscard]] RelatedSymbolsVerdict check_related_symbols(int lhdclquan, std::string_view template_code,
                                                          std::string_view series) noexcept;

}  // namespace hoadon::rules
