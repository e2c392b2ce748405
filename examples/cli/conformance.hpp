// hoadon conformance: runs the conformance suite (conformance/manifest.tsv) against hoadon,
// through the public C API, or against another implementation through a command, and grades
// what each answers. conformance/README.md is the user's documentation.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cli::conformance {

// The per-signature outcome a case expects: "NBan=invalid/digest-mismatch".
struct SignatureExpectation {
  std::string slot, outcome, reason;  // reason "" = any
};

struct Case {
  std::string id, area, file, operation;       // operation: validate, verify or both
  std::map<std::string, std::string> options;  // manifest options (paths relative to the suite)
  bool pass = true;
  std::vector<SignatureExpectation> signatures;
  std::vector<std::string> codes;
  std::string description, description_vi;
  std::vector<std::string> files;  // every file the row names, relative to the suite: `file`, then the
                                   // path options (trust, intermediate, crl, tax-authority) in row order

  bool validates() const { return operation != "verify"; }
  bool verifies() const { return operation != "validate"; }
  std::string option(const std::string& key) const;  // "" when absent
};

struct Manifest {
  std::filesystem::path suite;  // the suite's folder
  std::string version;
  std::vector<Case> cases;
};

// Reads <suite>/manifest.tsv; throws std::runtime_error with the line on any malformation.
Manifest read_manifest(const std::filesystem::path& suite);

// The suite's SHA-256 (conformance/README.md, "The suite's hash"): of the sha256sum-style
// listing of manifest.tsv and then of every file the manifest names, each once, in manifest
// order. Throws std::runtime_error when a file cannot be read.
std::string suite_sha256(const Manifest& m);

// What an implementation answered for one operation of one case.
struct Answer {
  std::string error;      // non-empty: the implementation could not give an answer
  bool ok = false;        // its verdict
  bool detailed = false;  // diagnostics and signatures are known (JSON, or the library)
  std::vector<std::pair<std::string, std::string>> diagnostics;  // code, severity
  struct Signature {
    std::string slot, outcome, reason;
  };
  std::vector<Signature> signatures;
  int signal = 0;  // the adapter was killed by this signal (by the runner when it timed out)

  static Answer failure(std::string why) {
    Answer a;
    a.error = std::move(why);
    return a;
  }
};

// Runs one operation ("validate" / "verify") of a case.
class Implementation {
 public:
  virtual ~Implementation() = default;
  virtual Answer run(const Manifest& m, const Case& c, const std::string& operation) = 0;
  virtual std::string name() const = 0;     // the implementation's name, e.g. "hoadon 0.1.0 (library)"
  virtual std::string command() const = 0;  // the adapter's command template, "" for the library
};

// hoadon itself, through the C API (thread-safe: trust configurations are shared).
std::unique_ptr<Implementation> library_implementation();
// Another implementation: `command` with placeholders ({file}, {op}…), run by /bin/sh, answering
// by exit status (0 pass, 1 fail) and optionally hoadon's JSON on standard output.
// Its name: `name` when given, else the command's answer to {op} = identify, else the adapter's
// file name. Interrupted (SIGINT, SIGTERM, SIGHUP), the runner kills the adapters' process groups.
std::unique_ptr<Implementation> command_implementation(std::string command, unsigned timeout_seconds, std::string name);
// The placeholders a command may use, for --help and the documentation.
std::string placeholder_help();

// How bad a case that does not pass is, most severe first (conformance/README.md, "Severity").
enum class Severity {
  none,              // the case passes
  accepted_forgery,  // accepted a document whose signatures must be refused, or hostile input
  accepted_invalid,  // accepted a document that breaks a schema or business rule
  rejected_valid,    // refused a document that must pass
  no_answer,         // crashed, killed, timed out or answered malformed JSON
  wrong_details,     // the right verdict with other codes or signature outcomes
};
const char* severity_name(Severity s);   // "accepted-forgery", …; "" for none
const char* severity_title(Severity s);  // "accepted forgeries and hostile input", …

// The grade of one case.
struct Result {
  const Case* c = nullptr;
  Severity severity = Severity::none;
  int signal = 0;                 // the adapter was killed by this signal
  bool expected_failure = false;  // it does not pass and the baseline says so
  std::string baseline_reason;    // the baseline's reason for it
  std::string status;             // pass, fail (wrong verdict), mismatch (right verdict, wrong details), error
  std::string expected;           // "fail · NBan=invalid/expired · PKI-EXPIRED"
  std::string actual;
  std::vector<std::string> problems;  // why it is not a pass
  double seconds = 0;
};

Result grade(const Case& c, const std::vector<std::pair<std::string, Answer>>& answers, bool verdict_only);

struct Run;

// Expected failures: one case per line, its id and why it fails; # comments and blank lines.
struct Baseline {
  std::string file;
  std::vector<std::pair<std::string, std::string>> entries;  // id, reason, in file order
  const std::string* reason(const std::string& id) const;    // null when id is not listed
};
// Reads a baseline; throws std::runtime_error with the line on a malformation.
Baseline read_baseline(const std::string& path);
// The current failures of a run as a baseline file: the reasons of `previous` are kept.
std::string baseline_text(const Run& run, const Baseline* previous);

struct Run {
  const Manifest* manifest = nullptr;
  std::string date;            // start of the run, UTC, ISO 8601 (2026-12-07T02:00:00Z)
  std::string hoadon_version;  // of the library running the suite
  std::string suite_sha256;
  std::string implementation;   // its name
  std::string adapter;          // the command template, "" for hoadon's library
  std::vector<Result> results;  // in manifest order
  double seconds = 0;
  // With a baseline: its file, its entries for cases of the suite that were not selected are
  // ignored; the selected ones that pass now; the ones naming no case of the suite.
  const Baseline* baseline = nullptr;
  std::vector<std::pair<std::string, std::string>> unexpected_passes, unknown_entries;
};

// Marks the expected failures of a run and lists what the baseline no longer matches.
void apply_baseline(Run& run, const Baseline& baseline);
// The cases that do not pass, most severe first (manifest order within a severity).
std::vector<const Result*> failures_by_severity(const Run& run);
// The number of cases that do not pass and that the baseline does not expect.
std::size_t new_failures(const Run& run);

// Totals of a run, overall ("") and per area, by status.
struct Totals {
  std::size_t cases = 0, pass = 0, fail = 0, mismatch = 0, error = 0;
  void add(const std::string& status);
};
std::map<std::string, Totals> area_totals(const Run& run);
Totals overall(const Run& run);

std::string report_text(const Run& run);
std::string report_json(const Run& run);
std::string report_junit(const Run& run);
std::string report_html(const Run& run);

}  // namespace cli::conformance
