// The hoadon command line: shared conventions for every command.
//
// The CLI is the first user of the public C API and uses nothing else from the library: if
// a command needs something the API cannot do, the API is what must grow.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hoadon/hoadon.h"

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

// One input document to process: a file path or "-" for standard input.
struct Input {
  std::string path;   // as given or found ("-" for stdin)
  std::string label;  // name shown in output
};

// Expands files, directories (searched recursively for *.xml, sorted) and "-".
// Missing paths stay in the list: processing them reports an I/O error.
std::vector<Input> expand_inputs(const std::vector<std::string>& args);

// The outcome of one input: what to print on stdout and how it went.
struct Outcome {
  std::string output;  // complete lines, printed as they are
  int status = kExitOk;
};

// Common settings of document-processing commands.
struct Common {
  bool json = false;
  hoadon_lang lang = HOADON_LANG_EN;
  unsigned jobs = 1;
  hoadon_parse_options parse{};
};
Common common_settings(const Args& args);

// Opens one input (file or stdin). On success or rejection, *doc is set and the status says
// which (HOADON_OK / HOADON_EREJECTED / HOADON_EIO).
int open_input(const Input& in, const hoadon_parse_options& opts, hoadon_doc** doc);

// Processes inputs with `jobs` workers and prints outcomes in input order; returns the exit
// code (kExitIo over kExitFailed over kExitOk).
int run_all(const std::vector<Input>& inputs, unsigned jobs, const std::function<Outcome(const Input&)>& work);

// Status of an opened document for the exit code.
int status_of_open(int rc);

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
struct TrustFree {
  void operator()(hoadon_trust* t) const noexcept { hoadon_trust_free(t); }
};
using Trust = std::unique_ptr<hoadon_trust, TrustFree>;
// Loads every --trust/--intermediate/--crl/--pin-key/--tax-authority…; null with `error` set
// when one cannot be loaded (the command then ends with exit status 3).
Trust load_trust(const Args& args, std::string& error);

// Commands.
int cmd_inspect(const std::vector<std::string>& argv);
int cmd_verify(const std::vector<std::string>& argv);
int cmd_render(const std::vector<std::string>& argv);
int cmd_sign(const std::vector<std::string>& argv);
int cmd_codes(const std::vector<std::string>& argv);
int cmd_validate(const std::vector<std::string>& argv);
int cmd_schema(const std::vector<std::string>& argv);
int cmd_words(const std::vector<std::string>& argv);
int cmd_conformance(const std::vector<std::string>& argv);

}  // namespace cli
