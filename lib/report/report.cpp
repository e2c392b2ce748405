#include "report/report.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hoadon {

void Profile::set(Code c, std::optional<Severity> s) {
  for (auto& e : entries_)
    if (e.code == c) {
      e.severity = s;
      return;
    }
  entries_.push_back({c, s});
}

void Profile::reset(Code c) {
  std::erase_if(entries_, [c](const Entry& e) { return e.code == c; });
}

std::optional<Severity> Profile::severity(Code c) const noexcept {
  for (const auto& e : entries_)
    if (e.code == c) return e.severity;
  return code_info(c).severity;
}

std::string Profile::apply(std::string_view code, std::string_view severity) {
  const CodeInfo* info = find_code(code);
  if (!info) return fmt::format("unknown diagnostic code '{}'", code);
  if (severity == "default") {
    reset(info->id);
    return {};
  }
  if (severity == "off") {
    set(info->id, std::nullopt);
    return {};
  }
  const auto sev = parse_severity(severity);
  if (!sev) return fmt::format("unknown severity '{}' (expected off, info, warning, error or default)", severity);
  set(info->id, *sev);
  return {};
}

std::string Profile::apply_text(std::string_view text) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) return fmt::format("line {}: expected CODE=SEVERITY", line_no);
    if (auto err = apply(trim(line.substr(0, eq)), trim(line.substr(eq + 1))); !err.empty())
      return fmt::format("line {}: {}", line_no, err);
  }
  return {};
}

std::optional<Severity> Report::add(Code code, Location where, std::string message, std::string message_vi) {
  const auto sev = profile_ ? profile_->severity(code) : std::optional(code_info(code).severity);
  if (!sev) return sev;  // switched off by the profile
  const auto& info = code_info(code);
  if (message.empty()) message = info.title_en;
  if (message_vi.empty()) message_vi = info.title_vi;
  items_.push_back({code, *sev, std::move(where), std::move(message), std::move(message_vi)});
  return sev;
}

void Report::append(const Report& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }

bool Report::ok() const noexcept { return count(Severity::Error) == 0; }

std::size_t Report::count(Severity s) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool Report::has(Code c) const noexcept {
  return std::any_of(items_.begin(), items_.end(), [c](const Diagnostic& d) { return d.code == c; });
}

}  // namespace hoadon
