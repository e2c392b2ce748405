// The simple types of types.xsd (strict forms), read from the embedded file itself, and a
// check of one value against them that says precisely what is wrong. The XSD stays the one
// definition: this module only reads its facets. It serves two purposes:
//   - libxml2 reports a default-mode value error as "not a valid value of the union type
//     'n19-4.l.e'"; the strict type of the field tells which rule broke (decimals, length…);
//   - in default mode, a value the lenient type accepted but the strict one refuses is a
//     tolerated deviation worth a warning (trailing zeros, a 7-char KHHDon, "String"…).
#pragma once

#include <string>
#include <string_view>

namespace hoadon::schema {

enum class Fault { None, Empty, Length, Pattern, Enum, Decimals, Digits, Type, Space, Unknown };

struct Finding {
  Fault fault = Fault::None;
  std::string en, vi;  // what the rule is, e.g. "at most 2 decimals" / "tối đa 2 chữ số thập phân"
};

// Checks `raw` (the element's text as written) against the strict type `type` ("n7-2", "MST",
// "KHHDon.TDL", "s400", "date"…). Fault::Unknown when types.xsd has no such simple type.
// Thread-safe.
[[nodiscard]] Finding check_value(std::string_view type, std::string_view raw);

// A simple type of types.xsd, resolved once (the model's rows keep a pointer to theirs).
struct SimpleType;
[[nodiscard]] const SimpleType* find_simple_type(std::string_view name);
// check_value with the type already resolved (no name lookup per value).
[[nodiscard]] Finding check_value(const SimpleType& type, std::string_view raw);

// True when `type` is a simple type of types.xsd (as opposed to a container or "ds").
[[nodiscard]] bool is_simple_type(std::string_view type);

}  // namespace hoadon::schema
