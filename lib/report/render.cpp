#include "report/render.hpp"

#include <fmt/format.h>

namespace hoadon {

void write_diagnostics(JsonWriter& w, const Report& r) {
  w.key("diagnostics").begin_array();
  for (const auto& d : r.items()) {
    w.begin_object()
        .field("code", d.code_name())
        .field("severity", severity_name(d.severity))
        .field("path", std::string_view(d.where.path))
        .field("line", d.where.line)
        .field("message", std::string_view(d.message))
        .field("message_vi", std::string_view(d.message_vi))
        .end_object();
  }
  w.end_array();
}

std::string report_to_json(const Report& r, std::string_view file) {
  JsonWriter w;
  w.begin_object().field("file", file).field("kind", std::string_view(r.kind())).field("ok", r.ok());
  write_diagnostics(w, r);
  w.end_object();
  return w.take();
}

std::string diagnostic_to_text(const Diagnostic& d, Lang lang) {
  std::string out = fmt::format("{} {}", severity_name(d.severity), d.code_name());
  if (d.where.line) out += fmt::format(" line {}", d.where.line);
  if (!d.where.path.empty()) out += fmt::format(" {}", d.where.path);
  switch (lang) {
    case Lang::En:
      out += fmt::format(": {}", d.message);
      break;
    case Lang::Vi:
      out += fmt::format(": {}", d.message_vi);
      break;
    case Lang::Both:
      out += fmt::format(": {}\n    {}", d.message, d.message_vi);
      break;
  }
  return out;
}

std::string diagnostics_to_text(const Report& r, std::string_view file, Lang lang) {
  std::string out;
  for (const auto& d : r.items()) out += fmt::format("{}: {}\n", file, diagnostic_to_text(d, lang));
  return out;
}

std::string verdict_to_text(const Report& r, std::string_view file, bool ok, Lang lang, std::string_view what_en,
                            std::string_view what_vi) {
  const auto errors = r.count(Severity::Error), warnings = r.count(Severity::Warning);
  if (lang == Lang::Vi)
    return fmt::format("{}: {} ({}; {}{} lỗi, {} cảnh báo)\n", file, ok ? "ĐẠT" : "KHÔNG ĐẠT", r.kind(),
                       what_vi.empty() ? std::string() : fmt::format("{}; ", what_vi), errors, warnings);
  return fmt::format("{}: {} ({}; {}{} error{}, {} warning{})\n", file, ok ? "OK" : "FAILED", r.kind(),
                     what_en.empty() ? std::string() : fmt::format("{}; ", what_en), errors, errors == 1 ? "" : "s",
                     warnings, warnings == 1 ? "" : "s");
}

std::string report_to_text(const Report& r, std::string_view file, Lang lang) {
  return diagnostics_to_text(r, file, lang) + verdict_to_text(r, file, r.ok(), lang);
}

}  // namespace hoadon
