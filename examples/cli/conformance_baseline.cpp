// Expected failures: a file that lists the cases an implementation is known to fail, so that a
// CI job fails on a regression (a new failure) and not on what is already known; a listed case
// that passes now is reported, to be removed from the list.
#include <fmt/format.h>

#include <fstream>
#include <set>
#include <stdexcept>

#include "conformance.hpp"

namespace cli::conformance {

const std::string* Baseline::reason(const std::string& id) const {
  for (const auto& [entry, why] : entries)
    if (entry == id) return &why;
  return nullptr;
}

Baseline read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read the baseline {}", path));
  Baseline b;
  b.file = path;
  std::set<std::string> ids;
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const auto end = line.find_first_of(" \t", start);
    const auto id = line.substr(start, end - start);
    std::string reason;
    if (end != std::string::npos) {
      const auto from = line.find_first_not_of(" \t", end);
      if (from != std::string::npos) reason = line.substr(from, line.find_last_not_of(" \t") + 1 - from);
    }
    if (!ids.insert(id).second) throw std::runtime_error(fmt::format("{}:{}: {} is listed twice", path, n, id));
    b.entries.emplace_back(id, reason);
  }
  if (in.bad()) throw std::runtime_error(fmt::format("cannot read the baseline {}", path));
  return b;
}

void apply_baseline(Run& run, const Baseline& baseline) {
  run.baseline = &baseline;
  std::set<std::string> in_suite, selected;
  for (const auto& c : run.manifest->cases) in_suite.insert(c.id);
  for (auto& r : run.results) {
    selected.insert(r.c->id);
    const auto* why = baseline.reason(r.c->id);
    if (!why) continue;
    r.baseline_reason = *why;
    if (r.severity != Severity::none)
      r.expected_failure = true;
    else
      run.unexpected_passes.emplace_back(r.c->id, *why);
  }
  for (const auto& [id, why] : baseline.entries)
    if (!in_suite.count(id)) run.unknown_entries.emplace_back(id, why);
}

std::string baseline_text(const Run& run, const Baseline* previous) {
  auto line = [](std::string s) {
    for (auto& ch : s)
      if (ch == '\n' || ch == '\r') ch = ' ';
    return s;
  };
  std::string out = fmt::format(
      "# hoadon conformance baseline: the cases expected to fail (hoadon conformance --baseline FILE).\n"
      "# One case per line: its id, then why it fails. Written {} by hoadon {}\n"
      "# for {} against the suite {} (sha256 {}).\n",
      run.date, run.hoadon_version, line(run.implementation), run.manifest->version, run.suite_sha256);
  for (const auto* r : failures_by_severity(run)) {
    const auto* kept = previous ? previous->reason(r->c->id) : nullptr;
    const std::string why = kept && !kept->empty() ? *kept
                                                   : fmt::format("{}: {}", severity_name(r->severity),
                                                                 r->problems.empty() ? r->status : r->problems.front());
    out += r->c->id + "\t" + line(why) + "\n";
  }
  return out;
}

}  // namespace cli::conformance
