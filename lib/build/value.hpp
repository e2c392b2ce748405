// The input of `build` as a plain tree: JSON as read by read_json (numbers kept as their literal,
// so that no amount ever passes through binary floating point), or CSV rows as objects of strings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace hoadon::build {

struct Member;

struct Value {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  std::string text;  // a string, or a number's literal as written ("12.50", "1e3")
  std::vector<Value> items;
  // In input order, keys unique. A struct declared ahead, not a std::pair: a pair of the
  // still-incomplete Value does not compile with clang and libstdc++.
  std::vector<Member> members;
  unsigned line = 0;  // 1-based line in its input, 0 when unknown

  [[nodiscard]] const Value* find(std::string_view key) const noexcept;
};

struct Member {
  std::string key;
  Value value;
};

inline const Value* Value::find(std::string_view key) const noexcept {
  for (const auto& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

// Deepest nesting read_json accepts: invoices need 4 levels; far more is hostile.
inline constexpr std::size_t kMaxDepth = 64;

// Whether this build reads JSON (HOADON_WITH_JSON, nlohmann-json).
[[nodiscard]] bool json_available() noexcept;

// Parses JSON text (UTF-8; duplicate keys refused). On failure: false and a BUILD-JSON (or,
// without JSON support, BUILD-UNSUPPORTED) diagnostic in `report`.
[[nodiscard]] bool read_json(std::string_view text, Value& out, Report& report);

// Parses a CSV of invoice lines (RFC 4180: ',' separated, '"' quoted, CRLF or LF; a UTF-8 BOM is
// skipped): a header row naming the fields of a line, then one line per row. Each row becomes an
// object of the non-empty cells, with the row's line number. On failure: false and BUILD-CSV.
[[nodiscard]] bool read_csv_lines(std::string_view text, Value& out, Report& report);

// Escapes a JSON object key for a JSON pointer (RFC 6901: '~' → "~0", '/' → "~1").
[[nodiscard]] std::string pointer_token(std::string_view key);

}  // namespace hoadon::build
