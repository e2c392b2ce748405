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
  virtual std::string name() const = 0;
};

// hoadon itself, through the C API (thread-safe: trust configurations are shared).
std::unique_ptr<Implementation> library_implementation();
// Another implementation: `command` with placeholders ({file}, {op}…), run by /bin/sh, answering
// by exit status (0 pass, 1 fail) and optionally hoadon's JSON on standard output.
std::unique_ptr<Implementation> command_implementation(std::string command, unsigned timeout_seconds);
// The placeholders a command may use, for --help and the documentation.
std::string placeholder_help();

// The grade of one case.
struct Result {
  const Case* c = nullptr;
  std::string status;    // pass, fail (wrong verdict), mismatch (right verdict, wrong details), error
  std::string expected;  // "fail · NBan=invalid/expired · PKI-EXPIRED"
  std::string actual;
  std::vector<std::string> problems;  // why it is not a pass
  double seconds = 0;
};

Result grade(const Case& c, const std::vector<std::pair<std::string, Answer>>& answers, bool verdict_only);

struct Run {
  const Manifest* manifest = nullptr;
  std::string implementation;
  std::vector<Result> results;  // in manifest order
  double seconds = 0;
};

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
