// The conformance suite as the generator builds it: case files and manifest rows, written out
// by main.cpp. Every area's cases come from one cases_*.cpp file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pki.hpp"

namespace conformance {

// One row of the manifest (manifest.tsv; conformance/README.md describes the columns).
struct Case {
  std::string id;    // "<area>/<name>", unique
  std::string file;  // under cases/, e.g. "rules/mst-seller-checksum.xml"
  std::string op;    // validate | verify | both
  std::vector<std::pair<std::string, std::string>> options;
  bool pass = true;                // the expected verdict
  std::string signatures;          // verify: "slot=outcome[/reason]" in document order, comma-separated
  std::vector<std::string> codes;  // diagnostics that must be reported; when failing, every error too
  std::string en, vi;              // what the case is about
};

class Suite {
 public:
  explicit Suite(const SuitePki& pki) : pki_(pki) {}
  const SuitePki& pki() const { return pki_; }

  // Registers the bytes of cases/<file> (once; a second, different content is a bug).
  void file(const std::string& file, std::string bytes);
  // Adds a row; its file must be registered.
  void add(Case c);

  const std::vector<Case>& cases() const { return cases_; }
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  const SuitePki& pki_;
  std::vector<Case> cases_;
  std::map<std::string, std::string> files_;
};

// Options every case of an operation starts from: "now" for the date rules, and the suite's
// trust material with a fixed verification time, so that outcomes never depend on the day the
// suite runs.
inline constexpr std::string_view kNow = "2026-12-01";
// After every signing time of the suite (the buyer signs on 2026-11-21): a signing time later
// than the verification time is invalid (DSIG-SIGNING-TIME-FUTURE).
inline constexpr std::string_view kAt = "2026-11-25T10:00:00+07:00";
std::vector<std::pair<std::string, std::string>> validate_options(
    std::vector<std::pair<std::string, std::string>> extra = {});
std::vector<std::pair<std::string, std::string>> verify_options(
    std::vector<std::pair<std::string, std::string>> extra = {});

// Text edits of a base document; each throws when `from` does not occur exactly once, so a
// case can never silently stop testing what it says.
std::string edit(std::string xml, std::string_view from, std::string_view to);
// The text of the first <tag>…</tag> replaced by `value`.
std::string set(std::string xml, std::string_view tag, std::string_view value);
// Reads a file of the source tree (bases of the cases: the bundled invoices, schema samples).
std::string source(std::string_view relative);
// The document without its XML declaration (to embed it in an envelope).
std::string body(const std::string& xml);

// The areas, each in its own file.
void add_structure(Suite& s);
void add_rules(Suite& s);
void add_signatures(Suite& s);
void add_wrapping(Suite& s);
void add_certificates(Suite& s);
void add_parser(Suite& s);
void add_envelopes(Suite& s);

}  // namespace conformance

namespace conformance {

// Registers `doc` as cases/<id>.xml and adds the case.
void add_case(Suite& s, const std::string& id, const std::string& doc, const std::string& op,
              std::vector<std::pair<std::string, std::string>> options, bool pass, std::string signatures,
              std::vector<std::string> codes, std::string en, std::string vi);

}  // namespace conformance
