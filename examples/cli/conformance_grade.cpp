// Grading: an implementation conforms on a case when its verdict is the expected one and,
// where it says more (hoadon's JSON contract), it reports every expected code, no error the
// case does not expect, and the expected outcome for each signature. So a case can never pass
// for the wrong reason, e.g. a signature case refused by an unrelated parse error.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "conformance.hpp"

namespace cli::conformance {
namespace {

std::string signature_text(const std::string& slot, const std::string& outcome, const std::string& reason) {
  return slot + "=" + outcome + (reason.empty() ? "" : "/" + reason);
}

std::string describe(bool pass, const std::vector<std::string>& signatures, const std::vector<std::string>& codes) {
  std::string s = pass ? "pass" : "fail";
  if (!signatures.empty()) s += fmt::format(" · {}", fmt::join(signatures, ","));
  if (!codes.empty()) s += fmt::format(" · {}", fmt::join(codes, ","));
  return s;
}

}  // namespace

Result grade(const Case& c, const std::vector<std::pair<std::string, Answer>>& answers, bool verdict_only) {
  Result r;
  r.c = &c;
  std::vector<std::string> expected_sigs;
  for (const auto& s : c.signatures) expected_sigs.push_back(signature_text(s.slot, s.outcome, s.reason));
  r.expected = describe(c.pass, expected_sigs, c.codes);

  bool ok = true, detailed = true;
  std::set<std::string> codes, errors;
  const Answer* verification = nullptr;
  for (const auto& [op, a] : answers) {
    if (!a.error.empty()) r.problems.push_back(fmt::format("{}: {}", op, a.error));
    ok = ok && a.ok;
    detailed = detailed && a.detailed;
    for (const auto& [code, severity] : a.diagnostics) {
      codes.insert(code);
      if (severity == "error") errors.insert(code);
    }
    if (op == "verify") verification = &a;
  }
  std::vector<std::string> actual_sigs;
  if (verification)
    for (const auto& s : verification->signatures) actual_sigs.push_back(signature_text(s.slot, s.outcome, s.reason));
  r.actual = r.problems.empty() ? describe(ok, actual_sigs, {codes.begin(), codes.end()}) : "error";
  if (!r.problems.empty()) {
    r.status = "error";
    return r;
  }
  if (ok != c.pass) {
    r.problems.push_back(
        fmt::format("verdict {} where {} is expected", ok ? "pass" : "fail", c.pass ? "pass" : "fail"));
    r.status = "fail";
    return r;
  }
  if (detailed && !verdict_only) {
    for (const auto& code : c.codes)
      if (!codes.count(code)) r.problems.push_back(fmt::format("{} is not reported", code));
    for (const auto& code : errors)
      if (std::find(c.codes.begin(), c.codes.end(), code) == c.codes.end())
        r.problems.push_back(fmt::format("unexpected error {}", code));
    if (verification) {
      if (verification->signatures.size() != c.signatures.size())
        r.problems.push_back(
            fmt::format("{} signature(s) where {} are expected", verification->signatures.size(), c.signatures.size()));
      for (std::size_t i = 0; i < std::min(c.signatures.size(), verification->signatures.size()); ++i) {
        const auto& want = c.signatures[i];
        const auto& got = verification->signatures[i];
        if (want.slot != got.slot || want.outcome != got.outcome || (!want.reason.empty() && want.reason != got.reason))
          r.problems.push_back(fmt::format("signature {}: {} where {} is expected", i + 1,
                                           signature_text(got.slot, got.outcome, got.reason),
                                           signature_text(want.slot, want.outcome, want.reason)));
      }
    }
  }
  r.status = r.problems.empty() ? "pass" : "mismatch";
  return r;
}

void Totals::add(const std::string& status) {
  ++cases;
  if (status == "pass")
    ++pass;
  else if (status == "fail")
    ++fail;
  else if (status == "mismatch")
    ++mismatch;
  else
    ++error;
}

std::map<std::string, Totals> area_totals(const Run& run) {
  std::map<std::string, Totals> t;
  for (const auto& r : run.results) t[r.c->area].add(r.status);
  return t;
}

Totals overall(const Run& run) {
  Totals t;
  for (const auto& r : run.results) t.add(r.status);
  return t;
}

}  // namespace cli::conformance
