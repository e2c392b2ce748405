// ISO 4217 currency codes (DVTTe) with their minor units: how many decimals an amount in that
// currency can carry (VND 0, USD 2, KWD 3, ...).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace hoadon::rules {

struct CurrencyInfo {
  std::string_view code;    ///< alpha-3, uppercase
  std::uint16_t numeric;    ///< ISO numeric code (QR tag 53 uses it: 704 = VND)
  std::int8_t minor_units;  ///< decimals of the minor unit; -1 where ISO says "N.A." (gold, SDR...)
  bool fund;                ///< a fund / accounting unit rather than a circulating currency
  bool withdrawn;           ///< removed from ISO 4217 but still met on older invoices
  std::string_view name;    ///< ISO English name
};

/// ISO 4217 List One as published 2024-06-25 (179 codes, cross-checked against Debian's
/// iso-codes 4.15), plus the withdrawn HRK, SLL and ZWL flagged `withdrawn`. Sorted by code.
[[nodiscard]] std::span<const CurrencyInfo> currencies() noexcept;

/// Entry for an exact uppercase alpha-3 code ("VND"), or nullptr ("vnd", "đ", "VNĐ" are not codes).
[[nodiscard]] const CurrencyInfo* find_currency(std::string_view alpha3) noexcept;

/// Entry for a 3-digit numeric code ("704"), or nullptr. Withdrawn codes are not returned.
[[nodiscard]] const CurrencyInfo* find_currency_numeric(std::string_view digits) noexcept;

}  // namespace hoadon::rules
