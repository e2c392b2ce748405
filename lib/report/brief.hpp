// Verdicts for people: short text in which the few real problems stand out. The detailed
// listings (report_to_text, verification_to_text) stay as they are for those who want them all.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "report/render.hpp"
#include "report/report.hpp"

namespace hoadon {

struct BriefOptions {
  Lang lang = Lang::En;  // Lang::Both renders the English verdict, then the Vietnamese one
  bool verbose = false;  // list every diagnostic (cosmetics, infos, locations) and every detail
  bool summary = false;  // one table row per document instead of a verdict
};

// en or vi as the language says (Lang::Both never reaches here: callers render twice).
[[nodiscard]] inline std::string_view pick(Lang lang, std::string_view en, std::string_view vi) {
  return lang == Lang::Vi ? vi : en;
}

// "error" / "lỗi", "warning" / "cảnh báo", "info" / "thông tin".
[[nodiscard]] std::string_view severity_word(Severity s, Lang lang);

// What a verdict left out: vendor cosmetics, infos, and details already said in other words.
struct Folded {
  std::size_t cosmetic = 0, info = 0, details = 0;
  [[nodiscard]] std::size_t total() const noexcept { return cosmetic + info + details; }
};

// Lines for the diagnostics a person must read — errors, then warnings, each with its line
// (and XPath when verbose) — indented by two spaces. Without verbose, cosmetics, infos and the
// diagnostics for which `is_detail` says true are counted in `folded` instead.
[[nodiscard]] std::string brief_diagnostics(const Report& r, const BriefOptions& o,
                                            const std::function<bool(const Diagnostic&)>& is_detail, Folded& folded);

// "  (+ 12 not shown: 9 vendor cosmetics, 3 details of the lines above)", or "".
[[nodiscard]] std::string folded_note(const Folded& f, Lang lang);

// "OK" / "ĐẠT" or "FAILED" / "KHÔNG ĐẠT" (a string literal).
[[nodiscard]] std::string_view report_verdict_word(const Report& r, Lang lang);

// A validation report as a verdict: "file: OK|FAILED — identity: N errors, M warnings", then
// the diagnostics that matter. `identity` names the document in the language (may be empty).
[[nodiscard]] std::string report_brief(const Report& r, std::string_view file, std::string_view identity,
                                       const BriefOptions& o);

// Renders once per language for Lang::Both, else once.
[[nodiscard]] std::string in_each_language(Lang lang, const std::function<std::string(Lang)>& render);

}  // namespace hoadon
