// A small streaming JSON writer: compact output, commas and escaping handled here so that
// every JSON document hoadon prints is well-formed by construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoadon {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return s ? value(std::string_view(s)) : null(); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& null();
  // The value, or null when there is none: a position (negative = none), text (empty = none).
  JsonWriter& position_or_null(int i) { return i >= 0 ? value(i) : null(); }
  JsonWriter& text_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
  // Inserts an already serialised JSON value (used to nest documents rendered elsewhere).
  JsonWriter& raw(std::string_view json);
  // key + value in one call; a string_view value that is empty is still written as "".
  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    return key(k).value(v);
  }

  [[nodiscard]] const std::string& str() const noexcept { return out_; }
  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends s to out as a JSON string literal. Invalid UTF-8 (e.g. in file names) becomes U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace hoadon
