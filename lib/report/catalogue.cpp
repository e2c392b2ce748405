#include "report/catalogue.hpp"

#include <algorithm>
#include <array>

namespace hoadon {
namespace {

constexpr std::string_view area_of(std::string_view code) { return code.substr(0, code.find('-')); }

constexpr std::array kCatalogue = {
#define HOADON_CODE(name, code, sev, en, vi) CodeInfo{Code::name, code, Severity::sev, area_of(code), en, vi},
#include "report/codes/all.def"
#undef HOADON_CODE
};

// Codes are an interface: a duplicate would make two diagnostics indistinguishable.
constexpr bool codes_unique() {
  for (std::size_t i = 0; i < kCatalogue.size(); ++i)
    for (std::size_t j = i + 1; j < kCatalogue.size(); ++j)
      if (kCatalogue[i].code == kCatalogue[j].code) return false;
  return true;
}
static_assert(codes_unique(), "duplicate diagnostic code in report/codes/*.def");

// The codes is_cosmetic() answers for; SCHEMA-DEV-MISSING and -REPEATED are not among them: a
// required element missing or an element given twice changes what the invoice says.
constexpr std::array kCosmetic = {
    Code::SchemaDevOrder, Code::SchemaDevEmpty,     Code::SchemaDevExtra, Code::SchemaDevValue, Code::SchemaDevDecimals,
    Code::SchemaDevSpace, Code::SchemaDevSignature, Code::QrCrc,          Code::DsigCompat};

}  // namespace

bool is_cosmetic(Code c) noexcept { return std::find(kCosmetic.begin(), kCosmetic.end(), c) != kCosmetic.end(); }

std::string_view severity_name(Severity s) noexcept {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) noexcept {
  if (name == "info") return Severity::Info;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

const CodeInfo& code_info(Code c) noexcept { return kCatalogue[static_cast<std::size_t>(c)]; }

std::span<const CodeInfo> catalogue() noexcept { return kCatalogue; }

const CodeInfo* find_code(std::string_view code) noexcept {
  auto it = std::find_if(kCatalogue.begin(), kCatalogue.end(), [&](const CodeInfo& i) { return i.code == code; });
  return it == kCatalogue.end() ? nullptr : &*it;
}

}  // namespace hoadon
