// Diagnostics and the report that collects them: the one way problems travel in hoadon.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/catalogue.hpp"

namespace hoadon {

// Where a diagnostic points: an XPath such as /HDon/DLHDon/NDHDon/NBan/MST and a 1-based
// line (0 when unknown, e.g. for problems with the input as a whole).
struct Location {
  std::string path;
  unsigned line = 0;
};

struct Diagnostic {
  Code code;
  Severity severity;
  Location where;
  std::string message;     // English
  std::string message_vi;  // Vietnamese, with diacritics

  [[nodiscard]] std::string_view code_name() const noexcept { return code_info(code).code; }
};

// Per-code severity overrides (a rule profile). A code can be silenced ("off") or moved to
// another severity; codes not mentioned keep the catalogue default.
class Profile {
 public:
  void set(Code c, std::optional<Severity> s);  // nullopt = off
  void reset(Code c);
  // The effective severity, or nullopt when the code is switched off.
  [[nodiscard]] std::optional<Severity> severity(Code c) const noexcept;

  // Applies one "CODE=off|info|warning|error|default" setting. Returns an error message
  // (unknown code, unknown severity), or "" on success.
  [[nodiscard]] std::string apply(std::string_view code, std::string_view severity);
  // Applies a profile text: one setting per line, blank lines and '#' comments ignored.
  // Returns "" on success, else the first error with its line number.
  [[nodiscard]] std::string apply_text(std::string_view text);

 private:
  struct Entry {
    Code code;
    std::optional<Severity> severity;
  };
  std::vector<Entry> entries_;
};

class Report {
 public:
  Report() = default;
  explicit Report(const Profile* profile) : profile_(profile) {}

  // Adds a diagnostic at the code's effective severity and returns that severity (nullopt when
  // the profile switches the code off). Empty messages fall back to the catalogue titles, so
  // every diagnostic reads well in both languages.
  std::optional<Severity> add(Code code, Location where, std::string message = {}, std::string message_vi = {});
  void append(const Report& other);

  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return items_; }
  [[nodiscard]] bool ok() const noexcept;  // no diagnostic of severity error
  [[nodiscard]] std::size_t count(Severity s) const noexcept;
  [[nodiscard]] bool has(Code c) const noexcept;

  // What kind of document the report is about ("HDon", "TDiep", … or "unknown").
  void set_kind(std::string kind) { kind_ = std::move(kind); }
  [[nodiscard]] const std::string& kind() const noexcept { return kind_; }

 private:
  const Profile* profile_ = nullptr;
  std::vector<Diagnostic> items_;
  std::string kind_ = "unknown";
};

}  // namespace hoadon
