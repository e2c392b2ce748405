#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>

#include "cli.hpp"

namespace cli {
namespace {

// Splits "-j|--jobs" into its spellings; the canonical name is the last (the long one).
std::vector<std::string_view> spellings(std::string_view name) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= name.size()) {
    const auto bar = name.find('|', start);
    out.push_back(name.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

const OptionSpec* find_option(const CommandSpec& spec, std::string_view arg, std::string& canonical) {
  for (const auto& o : spec.options)
    for (auto s : spellings(o.name))
      if (s == arg) {
        canonical = std::string(spellings(o.name).back());
        return &o;
      }
  return nullptr;
}

}  // namespace

std::vector<OptionSpec> document_options() {
  return {
      {"--format", "text|json", "output format; json prints one JSON object per input and line (NDJSON)"},
      {"--lang", "en|vi|both",
       "language of text output (default en, vi when LANG is Vietnamese; JSON always has both)"},
      {"-j|--jobs", "N", "process N inputs in parallel (output stays in input order)"},
      {"--max-bytes", "N", "refuse inputs larger than N bytes (default 67108864)"},
      {"-h|--help", "", "show this help"},
  };
}

std::vector<OptionSpec> verdict_options() {
  return {
      {"--verbose", "", "list every diagnostic (vendor cosmetics and infos too) and each signature's details"},
      {"--summary", "", "one line per document, then the count of each verdict"},
  };
}

Args::Args(const CommandSpec& spec, const std::vector<std::string>& argv) {
  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    // "-12.5" is a (negative) number, not an option: no option name starts with a digit.
    const bool number = a.size() > 1 && a[0] == '-' && a[1] >= '0' && a[1] <= '9';
    if (options_done || a == "-" || a.empty() || a[0] != '-' || number) {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (a.starts_with("--")) {
      if (auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        inline_value = true;
      }
    } else if (a.size() > 2) {  // -j4
      name = a.substr(0, 2);
      value = a.substr(2);
      inline_value = true;
    }
    std::string canonical;
    const OptionSpec* o = find_option(spec, name, canonical);
    if (!o) throw UsageError(fmt::format("unknown option {} for 'hoadon {}'", name, spec.name));
    if (o->value.empty()) {
      if (inline_value) throw UsageError(fmt::format("option {} takes no value", name));
      value = "1";
    } else if (!inline_value) {
      if (i + 1 >= argv.size()) throw UsageError(fmt::format("option {} needs a value ({})", name, o->value));
      value = argv[++i];
    }
    auto& slot = values_[canonical];
    if (!slot.empty() && !o->repeatable) throw UsageError(fmt::format("option {} given twice", name));
    slot.push_back(value);
  }
}

bool Args::has(std::string_view name) const { return values_.find(name) != values_.end(); }

std::optional<std::string> Args::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

unsigned long Args::number(std::string_view name, unsigned long fallback, unsigned long min, unsigned long max) const {
  const auto v = get(name);
  if (!v) return fallback;
  unsigned long n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < min || n > max)
    throw UsageError(fmt::format("{} expects a whole number from {} to {}, not '{}'", name, min, max, *v));
  return n;
}

std::string Args::choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                         std::string_view fallback) const {
  const auto v = get(name);
  if (!v) return std::string(fallback);
  for (auto a : allowed)
    if (*v == a) return *v;
  throw UsageError(fmt::format("{} expects one of {}, not '{}'", name, fmt::join(allowed, ", "), *v));
}

std::string help_text(const CommandSpec& spec) {
  std::string out = fmt::format("Usage: hoadon {} {}\n\n{}\n", spec.name, spec.synopsis, spec.summary);
  if (!spec.details.empty()) out += fmt::format("\n{}\n", spec.details);
  out += "\nOptions:\n";
  for (const auto& o : spec.options) {
    std::string left = fmt::format("{}", fmt::join(spellings(o.name), ", "));
    if (!o.value.empty()) left += fmt::format(" {}", o.value);
    out += fmt::format("  {:<28} {}\n", left, o.help);
  }
  out += "\nExit status: 0 every input passed, 1 some input failed, 2 usage error, 3 I/O or internal error.\n";
  return out;
}

}  // namespace cli
