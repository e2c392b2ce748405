// The hoadon command line: shared conventions for every command.
//
// The CLI is the first user of the public C API and uses nothing else from the library: if
// a command needs something the API cannot do, the API is what must grow.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hoadon/hoadon.h"
#include "hoadon/hoadon.hpp"

namespace cli {

// Exit codes, the same for every command.
inline constexpr int kExitOk = 0;      // every input passed
inline constexpr int kExitFailed = 1;  // some input failed (malformed or hostile input included)
inline constexpr int kExitUsage = 2;   // bad command line
inline constexpr int kExitIo = 3;      // unreadable input, unwritable output, internal error

struct OptionSpec {
  std::string_view name;   // "--format" (long) and/or "-j" (short), separated by '|': "-j|--jobs"
  std::string_view value;  // metavariable when the option takes a value ("N"), else ""
  std::string_view help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string_view name;
  std::string_view synopsis;  // after "hoadon NAME "
  std::string_view summary;   // one line
  std::string_view details;   // paragraphs printed by --help, may be empty
  std::vector<OptionSpec> options;
};

// Options shared by every command that processes documents.
std::vector<OptionSpec> document_options();

class UsageError : public std::exception {
 public:
  explicit UsageError(std::string m) : msg_(std::move(m)) {}
  const char* what() const noexcept override { return msg_.c_str(); }

 private:
  std::string msg_;
};

// Parsed command line of one command.
class Args {
 public:
  Args(const CommandSpec& spec, const std::vector<std::string>& argv);  // throws UsageError

  bool has(std::string_view name) const;
  std::optional<std::string> get(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  std::string get_or(std::string_view name, std::string fallback) const { return get(name).value_or(fallback); }
  unsigned long number(std::string_view name, unsigned long fallback, unsigned long min, unsigned long max) const;
  std::string choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                     std::string_view fallback) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> values_;  // by canonical (long) name
  std::vector<std::string> positional_;
};

std::string help_text(const CommandSpec& spec);

// One input document to process: a file path, "-" for standard input, or an XML member of a
// ZIP file.
struct Input {
  std::string path;   // as given or found ("-" for stdin); for a member, its label
  std::string label;  // name shown in output: "archive.zip!member.xml" for a member
  // For a member of a ZIP file, the archive (read once, shared by its members) and the member's
  // index; a refused archive is one input with member == kRefused.
  std::shared_ptr<const hoadon_archive> archive;
  std::size_t member = 0;
  static constexpr std::size_t kRefused = static_cast<std::size_t>(-1);
  std::string problem;  // why this path yields no document (a folder without XML), else ""
  // The document's bytes when they are already in memory (the body of a request to `hoadon
  // serve`), else null: the input is read from `path`.
  std::shared_ptr<const std::string> bytes;
};

// Expands files, directories (searched recursively for *.xml and *.zip, sorted) and "-". A ZIP
// file (named *.zip, or starting as one) stands for its XML members, in archive order.
// Missing paths stay in the list: processing them reports an I/O error.
std::vector<Input> expand_inputs(const std::vector<std::string>& args);
// The same for bytes in memory named `label`: one input, or one per XML member of a ZIP file
// ("LABEL!member.xml"), or one refused archive.
std::vector<Input> expand_bytes(const std::string& label, std::shared_ptr<const std::string> bytes);

// An input or output that cannot be read or written, or a resource that cannot be had: exit
// status 3 (a UsageError is exit status 2).
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The outcome of one input: what to print on stdout and how it went.
struct Outcome {
  Outcome() = default;
  Outcome(std::string out, int st) : output(std::move(out)), status(st) {}
  std::string output;  // complete lines, printed as they are
  int status = kExitOk;
  std::string tally;  // the verdict in one word, counted by --summary ("" = not counted)
};

// Common settings of document-processing commands.
struct Common {
  bool json = false;
  hoadon_lang lang = HOADON_LANG_EN;  // --lang, else Vietnamese when LC_ALL/LC_MESSAGES/LANG is
  unsigned jobs = 1;
  hoadon_parse_options parse{};
  hoadon_verdict_options verdict{};  // --lang, --verbose, --summary
};
Common common_settings(const Args& args);

// --verbose and --summary, for the commands that print verdicts.
std::vector<OptionSpec> verdict_options();

// Opens one input (file, stdin or archive member). On success or rejection, *doc is set and
// the status says which (HOADON_OK / HOADON_EREJECTED / HOADON_EIO / HOADON_EUNSUPPORTED); a
// refused archive gives a rejected document whose report says why.
int open_input(const Input& in, const hoadon_parse_options& opts, hoadon_doc** doc);

// Processes inputs with `jobs` workers and prints outcomes in input order; returns the exit
// code (kExitIo over kExitFailed over kExitOk).
// Inputs with a `problem` are reported (exit 3) without calling `work`. With `tallies`, each
// outcome's tally is counted there.
int run_all(const std::vector<Input>& inputs, unsigned jobs, const std::function<Outcome(const Input&)>& work,
            std::map<std::string, std::size_t>* tallies = nullptr);

// run_all for the commands that print verdicts: with --summary (text), a header line first and
// the count of each verdict last ("45 documents: 37 NOT CONFIRMED, 8 INVALID").
int run_verdicts(const std::vector<Input>& inputs, const Common& c, const std::function<Outcome(const Input&)>& work);

// What a document-processing command does to each input, built once from its options (throws
// UsageError for bad ones, IoError for unreadable files they name): `hoadon CMD` runs `work` over
// its inputs, `hoadon serve` over each request's body, so both print the same lines. `work` may
// be called from several threads at once.
struct Job {
  Common common;
  std::function<Outcome(const Input&)> work;
};
CommandSpec inspect_spec();
CommandSpec validate_spec();
CommandSpec verify_spec();
CommandSpec render_spec();
Job inspect_job(const Args& args);
Job validate_job(const Args& args);
// `trust` (may be shared by threads) outlives the job; the trust options in `args` are not read.
Job verify_job(const Args& args, const hoadon_trust* trust);

// What render does to each input, built from its options (throws UsageError); not copyable, as
// `options` points into it. The trust options in `args` are not read: `options.trust` is set by
// the caller.
struct Render {
  hoadon_parse_options parse{};
  hoadon_verify_options verify{};
  hoadon_render_options options{};
  Render() = default;
  Render(const Render&) = delete;
  Render& operator=(const Render&) = delete;
};
std::unique_ptr<Render> render_settings(const Args& args);
// Renders one input: true with the file in `bytes`, else false with what to print (why not) and
// its status in `failure`. May be called from several threads at once.
bool render_input(const Render& r, const Input& in, std::string& bytes, Outcome& failure);

// Status of an opened document for the exit code.
int status_of_open(int rc);

// The C API's enums by the names the CLI and the conformance suite use: a stage ("auto",
// "draft", "signed", "issued") and a rule severity ("off", "info", "warning", "error",
// "default"). UsageError for any other name.
hoadon_stage stage_named(std::string_view name);
int severity_named(std::string_view name);

// The string the library returned (freed), with a trailing newline.
std::string take_line(char* s);

// Output files beside their inputs: `path` with its .xml ending (any case) replaced by `suffix`
// (".signed.xml", ".html"), or `suffix` appended when it has none.
std::string with_suffix(const std::string& path, const std::string& suffix);
// Whether two paths name the same existing file.
bool same_file(const std::string& a, const std::string& b);

// Trust and verification options, shared by verify and render.
std::vector<OptionSpec> trust_options();
// The verification options the command line asks for (--policy, --integrity-only, --at, …).
hoadon_verify_options verify_settings(const Args& args);
using Trust = hoadon::Owned<hoadon_trust>;
// Loads every --trust/--intermediate/--crl/--pin-key/--tax-authority…; null with `error` set
// when one cannot be loaded (the command then ends with exit status 3).
Trust load_trust(const Args& args, std::string& error);

// Signing keys, shared by sign and build --sign (signing.cpp): the options that name a key and
// its password or PIN, --chain, --time and --sha1.
std::vector<OptionSpec> key_options();
struct SignerFree {
  void operator()(hoadon_signer* s) const noexcept { hoadon_signer_free(s); }
};
using Signer = std::unique_ptr<hoadon_signer, SignerFree>;
// The signer the options name (with two-phase signing: --prepare needs only a certificate,
// --complete none, and the result is null). UsageError for inconsistent options; other failures
// (unreadable files, a wrong password) throw std::runtime_error.
Signer load_signer(const Args& args, bool prepare, bool complete);
// load_signer for `hoadon COMMAND`: false once a key, token or certificate that cannot be used
// is reported on stderr (the command then exits with kExitIo); a UsageError goes through.
bool open_signer(const Args& args, bool prepare, bool complete, const char* command, Signer& signer);
// --time, --sha1 and --chain into the signing options.
void sign_settings(const Args& args, hoadon_sign_options& options);
// A whole file; UsageError naming `what` when it cannot be read.
std::string read_whole(const std::string& path, const char* what);

// Commands.
int cmd_inspect(const std::vector<std::string>& argv);
int cmd_verify(const std::vector<std::string>& argv);
int cmd_trust(const std::vector<std::string>& argv);
int cmd_render(const std::vector<std::string>& argv);
int cmd_sign(const std::vector<std::string>& argv);
int cmd_build(const std::vector<std::string>& argv);
int cmd_codes(const std::vector<std::string>& argv);
int cmd_validate(const std::vector<std::string>& argv);
int cmd_schema(const std::vector<std::string>& argv);
int cmd_words(const std::vector<std::string>& argv);
int cmd_export(const std::vector<std::string>& argv);
int cmd_conformance(const std::vector<std::string>& argv);
int cmd_serve(const std::vector<std::string>& argv);
int cmd_envelope(const std::vector<std::string>& argv);

}  // namespace cli
