#include "rules/taxcode.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "util/ascii.hpp"

namespace hoadon::rules {
namespace {

// Province codes of the 12-digit personal identification number (Ministry of Public Security,
// Circular 07/2016/TT-BCA annex, kept by its successors): the 63 provinces before the 2025
// merger. Taken from two independent public transcriptions that agree code for code. People
// keep the number they were issued, so the 2025 merger of provinces does not invalidate these.
constexpr std::array<std::pair<std::string_view, std::string_view>, 63> kProvinces{{
    {"001", "Hà Nội"},
    {"002", "Hà Giang"},
    {"004", "Cao Bằng"},
    {"006", "Bắc Kạn"},
    {"008", "Tuyên Quang"},
    {"010", "Lào Cai"},
    {"011", "Điện Biên"},
    {"012", "Lai Châu"},
    {"014", "Sơn La"},
    {"015", "Yên Bái"},
    {"017", "Hòa Bình"},
    {"019", "Thái Nguyên"},
    {"020", "Lạng Sơn"},
    {"022", "Quảng Ninh"},
    {"024", "Bắc Giang"},
    {"025", "Phú Thọ"},
    {"026", "Vĩnh Phúc"},
    {"027", "Bắc Ninh"},
    {"030", "Hải Dương"},
    {"031", "Hải Phòng"},
    {"033", "Hưng Yên"},
    {"034", "Thái Bình"},
    {"035", "Hà Nam"},
    {"036", "Nam Định"},
    {"037", "Ninh Bình"},
    {"038", "Thanh Hóa"},
    {"040", "Nghệ An"},
    {"042", "Hà Tĩnh"},
    {"044", "Quảng Bình"},
    {"045", "Quảng Trị"},
    {"046", "Thừa Thiên Huế"},
    {"048", "Đà Nẵng"},
    {"049", "Quảng Nam"},
    {"051", "Quảng Ngãi"},
    {"052", "Bình Định"},
    {"054", "Phú Yên"},
    {"056", "Khánh Hòa"},
    {"058", "Ninh Thuận"},
    {"060", "Bình Thuận"},
    {"062", "Kon Tum"},
    {"064", "Gia Lai"},
    {"066", "Đắk Lắk"},
    {"067", "Đắk Nông"},
    {"068", "Lâm Đồng"},
    {"070", "Bình Phước"},
    {"072", "Tây Ninh"},
    {"074", "Bình Dương"},
    {"075", "Đồng Nai"},
    {"077", "Bà Rịa - Vũng Tàu"},
    {"079", "Hồ Chí Minh"},
    {"080", "Long An"},
    {"082", "Tiền Giang"},
    {"083", "Bến Tre"},
    {"084", "Trà Vinh"},
    {"086", "Vĩnh Long"},
    {"087", "Đồng Tháp"},
    {"089", "An Giang"},
    {"091", "Kiên Giang"},
    {"092", "Cần Thơ"},
    {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"},
    {"095", "Bạc Liêu"},
    {"096", "Cà Mau"},
}};

constexpr std::array<int, 9> kWeights{31, 29, 23, 19, 17, 13, 7, 5, 3};

TaxCodeResult fail(TaxCodeKind kind, TaxCodeReason reason, std::size_t position, int expected = -1) {
  TaxCodeResult r;
  r.kind = kind;
  r.reason = reason;
  r.position = position;
  r.expected_check_digit = expected;
  return r;
}

// `digits` are 10 ASCII digits starting at `offset` of the caller's text.
TaxCodeResult check_mst10(std::string_view digits, std::size_t offset, TaxCodeKind kind) {
  const auto expected = mst_check_digit(digits.substr(0, 9));
  if (!expected) return fail(kind, TaxCodeReason::zero_remainder, offset + 9);
  if (ascii::digit_value(digits[9]) != *expected)
    return fail(kind, TaxCodeReason::bad_check_digit, offset + 9, *expected);
  return fail(kind, TaxCodeReason::ok, 0);
}

TaxCodeResult check_branch(std::string_view parent, std::string_view branch, std::size_t offset,
                           std::size_t branch_offset, TaxCodeKind kind) {
  TaxCodeResult r = check_mst10(parent, offset, kind);
  if (r.ok() && branch == "000") return fail(kind, TaxCodeReason::bad_branch, offset + branch_offset);
  return r;
}

TaxCodeResult check_personal(std::string_view digits, std::size_t offset) {
  if (!personal_id_province(digits.substr(0, 3)))
    return fail(TaxCodeKind::personal_id, TaxCodeReason::bad_province, offset);
  return fail(TaxCodeKind::personal_id, TaxCodeReason::ok, 0);
}

// Shared by the invoice form (branch written with a hyphen) and the compact form (without).
TaxCodeResult check_digits_form(std::string_view text, std::size_t offset, bool hyphenated_branch) {
  if (text.empty()) return fail(TaxCodeKind::unknown, TaxCodeReason::empty, offset);
  const bool hyphen_form = hyphenated_branch && text.size() == 14 && text[10] == '-';
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii::is_digit(text[i]) || (hyphen_form && i == 10)) continue;
    if (hyphenated_branch && i == 10 && text[i] == '-')
      return fail(TaxCodeKind::branch, TaxCodeReason::wrong_length, offset + text.size());
    return fail(TaxCodeKind::unknown, text[i] == '-' ? TaxCodeReason::bad_separator : TaxCodeReason::non_digit,
                offset + i);
  }
  if (hyphen_form) return check_branch(text.substr(0, 10), text.substr(11), offset, 11, TaxCodeKind::branch);
  switch (text.size()) {
    case 10:
      return check_mst10(text, offset, TaxCodeKind::mst);
    case 12:
      return check_personal(text, offset);
    case 13: {
      if (!hyphenated_branch)
        return check_branch(text.substr(0, 10), text.substr(10), offset, 10, TaxCodeKind::branch_compact);
      if (check_mst10(text.substr(0, 10), 0, TaxCodeKind::mst).ok()) {
        return fail(TaxCodeKind::branch, TaxCodeReason::missing_branch_hyphen, offset + 10);
      }
      break;
    }
    case 9: {
      std::array<char, 10> padded{'0'};
      std::copy(text.begin(), text.end(), padded.begin() + 1);
      const std::string_view candidate(padded.data(), padded.size());
      if (const auto expected = mst_check_digit(candidate.substr(0, 9));
          expected && ascii::digit_value(candidate[9]) == *expected) {
        return fail(TaxCodeKind::mst, TaxCodeReason::leading_zero_lost, offset, *expected);
      }
      break;
    }
    default:
      break;
  }
  return fail(TaxCodeKind::unknown, TaxCodeReason::wrong_length, offset + std::min<std::size_t>(text.size(), 10));
}

}  // namespace

std::optional<int> mst_check_digit(std::string_view nine_digits) noexcept {
  if (nine_digits.size() != 9 || !ascii::all_digits(nine_digits)) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += kWeights[i] * ascii::digit_value(nine_digits[i]);
  const int remainder = sum % 11;
  if (remainder == 0) return std::nullopt;
  return 10 - remainder;
}

TaxCodeResult check_tax_code(std::string_view text) noexcept { return check_digits_form(text, 0, true); }

TaxCodeResult check_compact_tax_code(std::string_view text) noexcept { return check_digits_form(text, 0, false); }

TaxCodeResult check_party_code(std::string_view text) noexcept {
  if (text.empty()) return fail(TaxCodeKind::unknown, TaxCodeReason::empty, 0);
  if (text == "TCT") return fail(TaxCodeKind::tax_authority, TaxCodeReason::ok, 0);
  if (text[0] == 'V' || text[0] == 'K') {
    TaxCodeResult r = check_digits_form(text.substr(1), 1, false);
    r.party_prefix = text[0];
    return r;
  }
  if (!ascii::is_digit(text[0])) return fail(TaxCodeKind::unknown, TaxCodeReason::bad_party_prefix, 0);
  return check_digits_form(text, 0, false);
}

std::optional<std::string_view> personal_id_province(std::string_view three_digits) noexcept {
  const auto it =
      std::find_if(kProvinces.begin(), kProvinces.end(), [&](const auto& p) { return p.first == three_digits; });
  if (it == kProvinces.end()) return std::nullopt;
  return it->second;
}

std::optional<PersonalId> decode_personal_id(std::string_view text) noexcept {
  if (text.size() != 12 || !ascii::all_digits(text)) return std::nullopt;
  const auto province = personal_id_province(text.substr(0, 3));
  if (!province) return std::nullopt;
  PersonalId id;
  id.province_code = text.substr(0, 3);
  id.province_name = *province;
  id.century_gender_digit = ascii::digit_value(text[3]);
  id.birth_year = 1900 + 100 * (id.century_gender_digit / 2) + static_cast<int>(*ascii::parse_uint(text.substr(4, 2)));
  return id;
}

}  // namespace hoadon::rules
