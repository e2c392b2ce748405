// Rendering of reports as JSON (the integrators' interface) and as human text.
#pragma once

#include <string>
#include <string_view>

#include "report/json.hpp"
#include "report/report.hpp"

namespace hoadon {

enum class Lang { En, Vi, Both };

// Writes "diagnostics": [ {code, severity, path, line, message, message_vi}, … ] into w.
void write_diagnostics(JsonWriter& w, const Report& r);

// One JSON object per document: {"file","kind","ok","diagnostics"}.
[[nodiscard]] std::string report_to_json(const Report& r, std::string_view file);

// One line per diagnostic, then a verdict line.
[[nodiscard]] std::string report_to_text(const Report& r, std::string_view file, Lang lang);

// The two halves of report_to_text, for renderings that add their own lines or verdict:
// one line per diagnostic, and "file: OK (kind; [what; ]N errors, M warnings)".
[[nodiscard]] std::string diagnostics_to_text(const Report& r, std::string_view file, Lang lang);
[[nodiscard]] std::string verdict_to_text(const Report& r, std::string_view file, bool ok, Lang lang,
                                          std::string_view what_en = {}, std::string_view what_vi = {});

// One diagnostic as a line of text (without the file name), e.g.
// "error XML-DOCTYPE line 3 /HDon: A DOCTYPE declaration is not allowed".
[[nodiscard]] std::string diagnostic_to_text(const Diagnostic& d, Lang lang);

}  // namespace hoadon
