#include "report/brief.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

namespace hoadon {

std::string_view severity_word(Severity s, Lang lang) {
  switch (s) {
    case Severity::Error:
      return pick(lang, "error", "lỗi");
    case Severity::Warning:
      return pick(lang, "warning", "cảnh báo");
    case Severity::Info:
      break;
  }
  return pick(lang, "info", "thông tin");
}

namespace {

std::string diagnostic_line(const Diagnostic& d, const BriefOptions& o) {
  std::string where;
  if (d.where.line) where = fmt::format("{} {}", pick(o.lang, "line", "dòng"), d.where.line);
  if (o.verbose && !d.where.path.empty()) where += (where.empty() ? "" : ", ") + d.where.path;
  return fmt::format("  {} {}{}: {}\n", severity_word(d.severity, o.lang), d.code_name(),
                     where.empty() ? std::string() : fmt::format(" ({})", where),
                     o.lang == Lang::Vi ? d.message_vi : d.message);
}

}  // namespace

std::string brief_diagnostics(const Report& r, const BriefOptions& o,
                              const std::function<bool(const Diagnostic&)>& is_detail, Folded& folded) {
  std::string out;
  // Errors first: the order of a listing is the order in which a person should read it.
  for (const Severity s : {Severity::Error, Severity::Warning, Severity::Info})
    for (const auto& d : r.items()) {
      if (d.severity != s) continue;
      if (!o.verbose) {
        if (d.severity == Severity::Info) {
          ++folded.info;
          continue;
        }
        if (is_cosmetic(d.code) && d.severity != Severity::Error) {  // a profile may make one an error
          ++folded.cosmetic;
          continue;
        }
        if (is_detail && is_detail(d)) {
          ++folded.details;
          continue;
        }
      }
      out += diagnostic_line(d, o);
    }
  return out;
}

std::string folded_note(const Folded& f, Lang lang) {
  if (f.total() == 0) return {};
  const bool vi = lang == Lang::Vi;
  std::vector<std::string> parts;
  if (f.cosmetic)
    parts.push_back(fmt::format("{} {}", f.cosmetic,
                                vi                ? "khác biệt trình bày của nhà cung cấp"
                                : f.cosmetic == 1 ? "vendor cosmetic"
                                                  : "vendor cosmetics"));
  if (f.info) parts.push_back(fmt::format("{} {}", f.info, vi ? "thông tin" : f.info == 1 ? "info" : "infos"));
  if (f.details)
    parts.push_back(fmt::format("{} {}", f.details,
                                vi               ? "chi tiết của các dòng trên"
                                : f.details == 1 ? "detail of the lines above"
                                                 : "details of the lines above"));
  return fmt::format("  (+ {} {}: {})\n", f.total(), vi ? "không hiển thị" : "not shown", fmt::join(parts, ", "));
}

std::string_view report_verdict_word(const Report& r, Lang lang) {
  return r.ok() ? pick(lang, "OK", "ĐẠT") : pick(lang, "FAILED", "KHÔNG ĐẠT");
}

std::string report_brief(const Report& r, std::string_view file, std::string_view identity, const BriefOptions& o) {
  const auto errors = r.count(Severity::Error), warnings = r.count(Severity::Warning);
  const bool vi = o.lang == Lang::Vi;
  const std::string verdict(report_verdict_word(r, o.lang));
  const std::string counts =
      vi ? fmt::format("{} lỗi, {} cảnh báo", errors, warnings)
         : fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  const std::string what = identity.empty() ? std::string(r.kind()) : std::string(identity);
  if (o.summary) return fmt::format("{:<10} {}  {}  {}\n", verdict, file, what, counts);
  Folded folded;
  std::string out = fmt::format("{}: {} — {}: {}\n", file, verdict, what, counts);
  out += brief_diagnostics(r, o, nullptr, folded);
  out += folded_note(folded, o.lang);
  return out;
}

std::string in_each_language(Lang lang, const std::function<std::string(Lang)>& render) {
  if (lang != Lang::Both) return render(lang);
  return render(Lang::En) + render(Lang::Vi);
}

}  // namespace hoadon
