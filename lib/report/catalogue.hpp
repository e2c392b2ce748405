// The catalogue of diagnostic codes: one row per code, gathered from codes/*.def.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace hoadon {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

[[nodiscard]] std::string_view severity_name(Severity s) noexcept;  // "info" / "warning" / "error"
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view name) noexcept;

// One enumerator per catalogue row, in catalogue order.
enum class Code : unsigned short {
#define HOADON_CODE(name, code, sev, en, vi) name,
#include "report/codes/all.def"
#undef HOADON_CODE
};

struct CodeInfo {
  Code id;
  std::string_view code;  // stable identifier, e.g. "XML-DOCTYPE"
  Severity severity;      // default severity
  std::string_view area;  // prefix before the first '-', e.g. "XML"
  std::string_view title_en;
  std::string_view title_vi;
};

[[nodiscard]] const CodeInfo& code_info(Code c) noexcept;
[[nodiscard]] std::span<const CodeInfo> catalogue() noexcept;
[[nodiscard]] const CodeInfo* find_code(std::string_view code) noexcept;

// Vendor cosmetics: deviations real, accepted invoices carry by the dozen (an empty optional
// element, an order the tables do not give, a copied QR CRC, a .NET signing quirk) that say
// nothing about whether the invoice can be relied on. Verdicts for people fold them into a count.
[[nodiscard]] bool is_cosmetic(Code c) noexcept;

}  // namespace hoadon
