#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "cli.hpp"

namespace cli {
namespace {

const char* severity_word(hoadon_severity s) {
  switch (s) {
    case HOADON_SEVERITY_INFO:
      return "info";
    case HOADON_SEVERITY_WARNING:
      return "warning";
    default:
      return "error";
  }
}

// Markdown table cells cannot hold '|'.
std::string cell(const char* s) {
  std::string out;
  for (const char* p = s; *p; ++p) out += *p == '|' ? std::string("\\|") : std::string(1, *p);
  return out;
}

}  // namespace

int cmd_codes(const std::vector<std::string>& argv) {
  const CommandSpec s{
      "codes",
      "[--format text|markdown]",
      "List every diagnostic code hoadon can emit, with its default severity and meaning.",
      "The markdown form is the table in README.md (a test keeps the two identical).",
      {{"--format", "text|markdown", "output format (default text)"}, {"-h|--help", "", "show this help"}}};
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (!args.positional().empty()) throw UsageError("codes takes no PATH");
  const auto format = args.choice("--format", {"text", "markdown"}, "text");
  std::string out;
  if (format == "markdown") out += "| Code | Severity | Meaning | Ý nghĩa |\n|---|---|---|---|\n";
  for (size_t i = 0; i < hoadon_code_count(); ++i) {
    const hoadon_code_info* c = hoadon_code_get(i);
    if (format == "markdown")
      out += fmt::format("| `{}` | {} | {} | {} |\n", c->code, severity_word(c->severity), cell(c->title),
                         cell(c->title_vi));
    else
      out += fmt::format("{:<28} {:<8} {}\n", c->code, severity_word(c->severity), c->title);
  }
  fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace cli
