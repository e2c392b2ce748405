// A minimal JSON reader, strict about syntax: the conformance runner reads what another
// implementation answers with it, and the tests read what hoadon prints (so that malformed
// output fails them).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace cli {

struct Json {
  using Array = std::vector<Json>;
  using Object = std::map<std::string, Json>;
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> v;

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v); }
  bool boolean() const { return std::get<bool>(v); }
  double number() const { return std::get<double>(v); }
  const std::string& str() const { return std::get<std::string>(v); }
  const Array& array() const { return std::get<Array>(v); }
  const Object& object() const { return std::get<Object>(v); }
  bool has(const std::string& k) const { return object().count(k) > 0; }
  const Json& operator[](const std::string& k) const;
  const Json& operator[](std::size_t i) const { return array().at(i); }
};

// Throws std::runtime_error on any syntax error or trailing data.
Json parse_json(const std::string& text);
// One JSON document per non-empty line.
std::vector<Json> parse_ndjson(const std::string& text);

}  // namespace cli
