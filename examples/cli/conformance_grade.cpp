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

// The severity of a case that does not pass: accepting what must be refused is worst, and
// among those, a document whose signatures had to be refused (forged, wrapped, tampered,
// untrusted) or hostile input (the parser area) is a forgery accepted.
Severity severity_of(const Case& c, const std::string& status) {
  if (status == "pass") return Severity::none;
  if (status == "error") return Severity::no_answer;
  if (status == "mismatch") return Severity::wrong_details;
  if (c.pass) return Severity::rejected_valid;
  return c.verifies() || c.area == "parser" || c.area == "wrapping" ? Severity::accepted_forgery
                                                                    : Severity::accepted_invalid;
}

Result graded(Result r, std::string status) {
  r.status = std::move(status);
  r.severity = severity_of(*r.c, r.status);
  return r;
}

}  // namespace

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::accepted_forgery:
      return "accepted-forgery";
    case Severity::accepted_invalid:
      return "accepted-invalid";
    case Severity::rejected_valid:
      return "rejected-valid";
    case Severity::no_answer:
      return "no-answer";
    case Severity::wrong_details:
      return "wrong-details";
    case Severity::none:
      break;
  }
  return "";
}

const char* severity_title(Severity s) {
  switch (s) {
    case Severity::accepted_forgery:
      return "Accepted forgeries and hostile input";
    case Severity::accepted_invalid:
      return "Accepted invalid documents";
    case Severity::rejected_valid:
      return "Rejected valid documents";
    case Severity::no_answer:
      return "No answer (crash, signal, timeout, malformed answer)";
    case Severity::wrong_details:
      return "Right verdict, wrong codes or signature outcomes";
    case Severity::none:
      break;
  }
  return "";
}

std::vector<const Result*> failures_by_severity(const Run& run) {
  std::vector<const Result*> out;
  for (const auto& r : run.results)
    if (r.severity != Severity::none) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(), [](const Result* a, const Result* b) { return a->severity < b->severity; });
  return out;
}

std::size_t new_failures(const Run& run) {
  std::size_t n = 0;
  for (const auto& r : run.results) n += r.severity != Severity::none && !r.expected_failure;
  return n;
}

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
    if (a.signal && !r.signal) r.signal = a.signal;
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
  if (!r.problems.empty()) return graded(std::move(r), "error");
  if (ok != c.pass) {
    r.problems.push_back(
        fmt::format("verdict {} where {} is expected", ok ? "pass" : "fail", c.pass ? "pass" : "fail"));
    return graded(std::move(r), "fail");
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
  const bool passes = r.problems.empty();
  return graded(std::move(r), passes ? "pass" : "mismatch");
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
