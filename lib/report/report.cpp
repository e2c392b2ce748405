#include "report/report.hpp"

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
