// Vietnamese tax codes (mã số thuế, MST) and 12-digit personal identification numbers,
// in the forms an invoice, its QR code and its transmission envelope use (spec §3, §6.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hoadon::rules {

enum class TaxCodeKind : std::uint8_t {
  unknown,
  mst,             ///< 10 digits, last one a check digit
  branch,          ///< NNNNNNNNNN-NNN: parent MST + dependent-unit number 001..999
  branch_compact,  ///< the same 13 digits without the hyphen (envelope, QR template 99)
  personal_id,     ///< 12-digit personal identification number (used as tax code since 1 Jul 2025)
  tax_authority,   ///< "TCT", the tax authority's party code in the envelope
};

enum class TaxCodeReason : std::uint8_t {
  ok,
  empty,
  wrong_length,
  non_digit,              ///< a character that is not a digit (position says where)
  bad_separator,          ///< a '-' anywhere but between the 10-digit parent and the 3-digit branch
  missing_branch_hyphen,  ///< 13 digits where the invoice form needs NNNNNNNNNN-NNN
  leading_zero_lost,      ///< 9 digits that become a valid MST with a leading 0 (spreadsheet damage)
  bad_check_digit,        ///< expected_check_digit says which digit would be right
  zero_remainder,         ///< weighted sum divisible by 11: no check digit can be valid, never issued
  bad_branch,             ///< branch number 000
  bad_province,           ///< personal ID whose first three digits are not a province code
  bad_party_prefix,       ///< envelope party code that is neither TCT, V..., K... nor digits
};

struct TaxCodeResult {
  TaxCodeKind kind = TaxCodeKind::unknown;
  TaxCodeReason reason = TaxCodeReason::ok;
  std::size_t position = 0;       ///< offset of the offending character when not ok
  int expected_check_digit = -1;  ///< set for bad_check_digit and leading_zero_lost
  char party_prefix = 0;          ///< 'V' or 'K' for envelope party codes, else 0
  [[nodiscard]] bool ok() const noexcept { return reason == TaxCodeReason::ok; }
};

/// Check digit of an MST from its first nine digits: 10 - (sum of digit x weight 31,29,23,19,17,
/// 13,7,5,3) mod 11. nullopt when the remainder is 0 (the formula would give 10) or the input is
/// not nine digits. Empirical, confirmed on 20/20 real MSTs (spec §3.1).
[[nodiscard]] std::optional<int> mst_check_digit(std::string_view nine_digits) noexcept;

/// An MST as written in the invoice (NBan/MST, NMua/MST, MSTTCGP, MSTDVNUNLHDon):
/// 10 digits, NNNNNNNNNN-NNN, or a 12-digit personal ID. Callers that must not accept a
/// personal ID (e.g. the solution provider) test `kind`.
[[nodiscard]] TaxCodeResult check_tax_code(std::string_view text) noexcept;

/// A tax code written without the branch hyphen: 10, 13 (branch) or 12 (personal ID) digits,
/// as in QR template 99 sub-field 01 and after the V/K of envelope party codes.
[[nodiscard]] TaxCodeResult check_compact_tax_code(std::string_view text) noexcept;

/// An envelope party code (TDiep MNGui/MNNhan): "TCT", 'V' (T-VAN / transmission organisation) or
/// 'K' (direct connection) + compact tax code, or a plain compact tax code (between a solution
/// provider and its T-VAN).
[[nodiscard]] TaxCodeResult check_party_code(std::string_view text) noexcept;

/// What the structure of a 12-digit personal ID says. It has no check digit, so a structurally
/// valid number may still not exist.
struct PersonalId {
  std::string_view province_code;  ///< digits 1-3: province of birth registration
  std::string_view province_name;
  int century_gender_digit = 0;  ///< digit 4: even = male, odd = female; 0/1 = 1900s, 2/3 = 2000s, ...
  int birth_year = 0;            ///< century from digit 4 + digits 5-6
  [[nodiscard]] bool female() const noexcept { return century_gender_digit % 2 == 1; }
};

/// Decodes a 12-digit personal ID; nullopt unless it is 12 digits with a known province code.
[[nodiscard]] std::optional<PersonalId> decode_personal_id(std::string_view text) noexcept;

/// Name of one of the 63 province codes 001..096 used in personal IDs, or nullopt.
[[nodiscard]] std::optional<std::string_view> personal_id_province(std::string_view three_digits) noexcept;

}  // namespace hoadon::rules
