// hoadon sign: signs documents with a key file, a PKCS#11 token or, in two phases, an external
// signer; writes each output atomically, never over its input unless asked.
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{
      "sign",
      "[--role seller|buyer|taxpayer] (--p12 FILE | --key FILE --cert FILE | --pkcs11 URI [--pkcs11-module PATH] | "
      "--prepare --cert FILE | --complete [--signature FILE]) [--pass-env VAR | --pass-file FILE] [--pin-env VAR | "
      "--pin-file FILE] [--chain FILE] [--time T] [--sha1] [--force] (-o OUT | --suffix .signed.xml | --in-place) "
      "PATH...",
      "Sign invoices (seller, buyer), forms and 206 messages (taxpayer) the way the tax authority expects, leaving "
      "every other byte of each document as it was.",
      "Before signing, each document is validated (schemas, business rules) and the certificate checked: it must "
      "allow signing, be valid at the signing time and carry the tax code of the party signing. Validation errors "
      "and a tax-code mismatch are overridden by --force; nothing else is.\n"
      "Passwords and PINs come from an environment variable, a file, or the terminal — never from the command "
      "line.\n"
      "Two phases, for a signer hoadon cannot reach (a remote service, a token plugin): --prepare --cert FILE writes "
      "the pending document and, beside it, OUT.digest (the SHA-256 or SHA-1 digest to sign with RSA PKCS#1 v1.5); "
      "--complete writes the document with the signature value read from --signature FILE (raw or base64), or from "
      "PATH.sig for each input.\n"
      "Each output is written to a temporary file in its directory, then renamed: it is whole or absent.",
      document_options()};
  const std::vector<OptionSpec> own = {
      {"--role", "seller|buyer|taxpayer", "whose signature (default: seller for invoices, taxpayer for forms and 206)"},
      {"--p12", "FILE", "PKCS#12 key and certificate (.p12, .pfx)"},
      {"--key", "FILE", "private key, PEM or DER (with --cert)"},
      {"--cert", "FILE", "the signer's certificate, PEM or DER (a token's own is used when omitted)"},
      {"--pkcs11", "URI", "key on a PKCS#11 token: pkcs11:token=…;object=… (RFC 7512)"},
      {"--pkcs11-module", "PATH", "the token's PKCS#11 module (default: the URI's module-path, else p11-kit's proxy)"},
      {"--prepare", "", "two-phase signing, phase 1: write the pending document and OUT.digest (needs --cert)"},
      {"--complete", "", "two-phase signing, phase 2: complete pending documents with their signature values"},
      {"--signature", "FILE", "with --complete and one input: the signature value (raw or base64)"},
      {"--pass-env", "VAR", "the key's password is in environment variable VAR"},
      {"--pass-file", "FILE", "the key's password is the first line of FILE"},
      {"--pin-env", "VAR", "the token's PIN is in environment variable VAR"},
      {"--pin-file", "FILE", "the token's PIN is the first line of FILE"},
      {"--chain", "FILE", "CA certificates to embed in KeyInfo with the signer's (PEM or DER)"},
      {"--time", "T",
       "signing time: now (default), Unix seconds, YYYY-MM-DD[Thh:mm:ss[Z|+hh:mm]] (GMT+7 without zone)"},
      {"--sha1", "", "rsa-sha1 and SHA-1 digests, for legacy receivers only"},
      {"--force", "", "sign despite validation errors or a tax-code mismatch (reported as warnings)"},
      {"--invoice", "N", "in a message holding several invoices, sign the N-th (from 1)"},
      {"-o|--output", "OUT", "write the signed document to OUT (one input only)"},
      {"--suffix", "SUFFIX", "write each signed document beside its input, .xml replaced by SUFFIX"},
      {"--in-place", "", "replace each input by its signed document"},
  };
  s.options.insert(s.options.begin(), own.begin(), own.end());
  return s;
}

struct SignerFree {
  void operator()(hoadon_signer* s) const noexcept { hoadon_signer_free(s); }
};
using Signer = std::unique_ptr<hoadon_signer, SignerFree>;

// A password or PIN: from an environment variable, a file or the terminal, wiped when done.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string v) : value_(std::move(v)), given_(true) {}
  ~Secret() { explicit_bzero(value_.data(), value_.size()); }
  Secret(Secret&& o) noexcept : value_(std::move(o.value_)), given_(o.given_) {}
  Secret& operator=(Secret&& o) noexcept {
    explicit_bzero(value_.data(), value_.size());
    value_ = std::move(o.value_);
    given_ = o.given_;
    return *this;
  }
  [[nodiscard]] const char* get() const { return given_ ? value_.c_str() : nullptr; }
  [[nodiscard]] bool given() const { return given_; }

 private:
  std::string value_;
  bool given_ = false;
};

std::string read_whole(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  if (!in || !(s << in.rdbuf())) throw UsageError(fmt::format("{} {}: cannot read it", what, path));
  return s.str();
}

// The secret named by --X-env VAR or --X-file FILE, if any.
Secret secret_from(const Args& args, const std::string& env, const std::string& file) {
  if (args.has(env) && args.has(file)) throw UsageError(fmt::format("give {} or {}, not both", env, file));
  if (const auto var = args.get(env)) {
    const char* v = std::getenv(var->c_str());
    if (!v) throw UsageError(fmt::format("{}: the environment variable {} is not set", env, *var));
    return Secret(v);
  }
  if (const auto path = args.get(file)) {
    std::string text = read_whole(*path, file.c_str());
    const auto eol = text.find_first_of("\r\n");
    Secret s(text.substr(0, eol));
    explicit_bzero(text.data(), text.size());
    return s;
  }
  return {};
}

// Asks on the terminal, without echo; nullopt when there is no terminal.
std::optional<Secret> prompt(const std::string& question) {
  const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (tty < 0) return std::nullopt;
  termios saved{};
  const bool is_term = ::tcgetattr(tty, &saved) == 0;
  if (is_term) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  [[maybe_unused]] const auto w = ::write(tty, question.data(), question.size());
  std::string line;
  char c;
  while (::read(tty, &c, 1) == 1 && c != '\n' && c != '\r') line += c;
  if (is_term) ::tcsetattr(tty, TCSAFLUSH, &saved);
  [[maybe_unused]] const auto nl = ::write(tty, "\n", 1);
  ::close(tty);
  Secret s(line);
  explicit_bzero(line.data(), line.size());
  return s;
}

// Makes a signer with `make(secret)`; when a password or PIN is needed and none was given, asks
// for it on the terminal and tries once more. Failures end the command (exit 3).
template <class F>
Signer make_signer(Secret secret, const std::string& question, F&& make) {
  hoadon_signer* raw = nullptr;
  int rc = make(secret.get(), &raw);
  if (rc == HOADON_EAUTH && !secret.given()) {
    if (auto typed = prompt(question)) {
      secret = std::move(*typed);
      rc = make(secret.get(), &raw);
    }
  }
  if (rc != HOADON_OK) {
    const std::string why = hoadon_last_error();
    throw std::runtime_error(rc == HOADON_EAUTH && !secret.given()
                                 ? why + " (give it with --pass-env/--pass-file or --pin-env/--pin-file)"
                                 : why);
  }
  return Signer(raw);
}

struct Mode {
  bool prepare = false, complete = false;
};

Signer load_signer(const Args& args, const Mode& mode) {
  const bool p12 = args.has("--p12"), key = args.has("--key"), token = args.has("--pkcs11");
  if (p12 + key + token + mode.prepare + mode.complete != 1)
    throw UsageError("give one of --p12, --key with --cert, --pkcs11, --prepare with --cert, --complete");
  if ((key || mode.prepare) && !args.has("--cert")) throw UsageError("--key and --prepare need --cert");
  if ((p12 || mode.complete) && args.has("--cert")) throw UsageError("--cert goes with --key, --pkcs11 or --prepare");
  if (!(p12 || key) && (args.has("--pass-env") || args.has("--pass-file")))
    throw UsageError("--pass-env and --pass-file are for --p12 and --key (a token takes --pin-env or --pin-file)");
  if (!token && (args.has("--pin-env") || args.has("--pin-file") || args.has("--pkcs11-module")))
    throw UsageError("--pin-env, --pin-file and --pkcs11-module go with --pkcs11");
  if (mode.complete) {
    if (args.has("--chain")) throw UsageError("--chain goes with signing or --prepare");
    return nullptr;
  }
  const auto cert = args.get("--cert");
  Signer s;
  if (p12) {
    const auto path = *args.get("--p12");
    s = make_signer(
        secret_from(args, "--pass-env", "--pass-file"), fmt::format("Password of {}: ", path),
        [&](const char* pass, hoadon_signer** out) { return hoadon_signer_from_pkcs12_file(path.c_str(), pass, out); });
  } else if (key) {
    const auto path = *args.get("--key");
    s = make_signer(secret_from(args, "--pass-env", "--pass-file"), fmt::format("Password of {}: ", path),
                    [&](const char* pass, hoadon_signer** out) {
                      return hoadon_signer_from_pem_files(path.c_str(), cert->c_str(), pass, out);
                    });
  } else if (token) {
    const auto uri = *args.get("--pkcs11");
    const auto module = args.get("--pkcs11-module");
    const std::string cert_bytes = cert ? read_whole(*cert, "--cert") : std::string();
    s = make_signer(secret_from(args, "--pin-env", "--pin-file"),
                    "PIN of the token: ", [&](const char* pin, hoadon_signer** out) {
                      return hoadon_signer_from_pkcs11(uri.c_str(), module ? module->c_str() : nullptr, pin,
                                                       cert_bytes.data(), cert_bytes.size(), out);
                    });
  } else {
    const std::string cert_bytes = read_whole(*cert, "--cert");
    hoadon_signer* raw = nullptr;
    if (hoadon_signer_from_certificate(cert_bytes.data(), cert_bytes.size(), &raw) != HOADON_OK)
      throw std::runtime_error(fmt::format("--cert {}: {}", *cert, hoadon_last_error()));
    s.reset(raw);
  }
  if (const auto chain = args.get("--chain")) {
    const std::string bytes = read_whole(*chain, "--chain");
    if (hoadon_signer_add_chain(s.get(), bytes.data(), bytes.size()) != HOADON_OK)
      throw std::runtime_error(fmt::format("--chain {}: {}", *chain, hoadon_last_error()));
  }
  return s;
}

// Where an input's output goes.
struct Destination {
  std::optional<std::string> output;  // -o
  std::optional<std::string> suffix;  // --suffix
  bool in_place = false;

  [[nodiscard]] std::string for_input(const std::string& path) const {
    if (output) return *output;
    if (in_place) return path;
    return with_suffix(path, *suffix);
  }
};

// A signature value file: base64 text when it is only that, else the raw bytes.
std::string signature_value(const std::string& path) {
  std::string bytes = read_whole(path, "the signature value");
  std::string b64;
  for (char c : bytes) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return bytes;
    b64 += c;
  }
  if (b64.empty() || b64.size() % 4) return bytes;
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : b64) {
    if (c == '=') break;
    acc = (acc << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace

int cmd_sign(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("sign needs at least one PATH (or - for standard input)");
  const Common c = common_settings(args);
  const Mode mode{args.has("--prepare"), args.has("--complete")};
  if (mode.prepare && mode.complete) throw UsageError("--prepare and --complete are the two phases: give one");

  Destination dest{args.get("--output"), args.get("--suffix"), args.has("--in-place")};
  if (dest.output.has_value() + dest.suffix.has_value() + dest.in_place != 1)
    throw UsageError("say where signed documents go: -o OUT, --suffix SUFFIX or --in-place");
  const auto inputs = expand_inputs(args.positional());
  if (dest.output && inputs.size() != 1)
    throw UsageError("-o takes one input; for several, use --suffix or --in-place");
  if (dest.suffix && (dest.suffix->empty() || *dest.suffix == ".xml" || dest.suffix->find('/') != std::string::npos))
    throw UsageError("--suffix must be a new ending such as .signed.xml, without '/'");
  for (const auto& in : inputs)
    if (in.path == "-" && !dest.output) throw UsageError("standard input needs -o OUT");
  for (const auto& in : inputs)
    if (in.archive && !dest.output)
      throw UsageError(fmt::format("{} is inside a ZIP archive: sign it with -o OUT", in.label));
  if (dest.output && inputs.front().path != "-" && same_file(*dest.output, inputs.front().path))
    throw UsageError("-o names the input itself: use --in-place to replace it");
  if (args.has("--signature") && (!mode.complete || inputs.size() != 1))
    throw UsageError("--signature goes with --complete and one input (else each PATH.sig is read)");

  hoadon_sign_options options;
  hoadon_sign_options_init(&options, sizeof options);
  const auto role = args.choice("--role", {"seller", "buyer", "taxpayer", "auto"}, "auto");
  options.role = role == "seller"     ? HOADON_SIGN_ROLE_SELLER
                 : role == "buyer"    ? HOADON_SIGN_ROLE_BUYER
                 : role == "taxpayer" ? HOADON_SIGN_ROLE_TAXPAYER
                                      : HOADON_SIGN_ROLE_AUTO;
  if (const auto t = args.get("--time"); t && hoadon_time_parse(t->c_str(), &options.time) != HOADON_OK)
    throw UsageError(fmt::format("--time: {}", hoadon_last_error()));
  options.sha1 = args.has("--sha1");
  options.force = args.has("--force");
  options.include_chain = args.has("--chain");
  if (args.has("--invoice")) options.invoice = static_cast<int>(args.number("--invoice", 1, 1, 100000)) - 1;

  Signer signer;
  try {
    signer = load_signer(args, mode);
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hoadon sign: %s\n", e.what());
    return kExitIo;
  }

  return run_all(inputs, c.jobs, [&](const Input& in) {
    hoadon_doc* doc = nullptr;
    const int open_rc = open_input(in, c.parse, &doc);
    if (!doc) return Outcome{take_line(nullptr), kExitIo};
    std::unique_ptr<hoadon_doc, void (*)(hoadon_doc*)> doc_guard(doc, hoadon_doc_free);
    hoadon_sign_result* raw = nullptr;
    if (mode.complete) {
      std::string value;
      try {
        value = signature_value(args.get("--signature").value_or(in.path + ".sig"));
      } catch (const UsageError& e) {
        return Outcome{fmt::format("hoadon sign: {}: {}\n", in.label, e.what()), kExitIo};
      }
      hoadon_doc_sign_complete(doc, value.data(), value.size(), &options, &raw);
    } else if (mode.prepare) {
      hoadon_doc_sign_prepare(doc, signer.get(), &options, &raw);
    } else {
      hoadon_doc_sign(doc, signer.get(), &options, &raw);
    }
    if (!raw) return Outcome{take_line(nullptr), kExitIo};
    std::unique_ptr<hoadon_sign_result, void (*)(hoadon_sign_result*)> result(raw, hoadon_sign_result_free);
    int status = status_of_open(open_rc) == kExitIo ? kExitIo : hoadon_sign_result_ok(raw) ? kExitOk : kExitFailed;
    if (status == kExitOk) {
      const std::string out = dest.for_input(in.path);
      struct stat st {};
      const unsigned keep = dest.in_place && ::stat(in.path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
      bool written = true;
      if (!dest.in_place && same_file(out, in.path)) {
        std::fprintf(stderr, "hoadon sign: %s: %s is the input itself: not written (use --in-place)\n",
                     in.label.c_str(), out.c_str());
        written = false;
      } else if (mode.prepare) {
        // The digest first: a pending document is of no use without it.
        const hoadon_sign_info* info = hoadon_sign_result_info(raw);
        if (hoadon_file_write((out + ".digest").c_str(), info->digest, info->digest_len, 0) != HOADON_OK) {
          std::fprintf(stderr, "hoadon sign: %s\n", hoadon_last_error());
          written = false;
        }
      }
      if (written && hoadon_sign_result_write(raw, out.c_str(), keep) != HOADON_OK) {
        written = false;
        if (mode.prepare) std::remove((out + ".digest").c_str());
      }
      if (!written) status = kExitIo;
    }
    return Outcome{take_line(c.json ? hoadon_sign_result_to_json(raw, in.label.c_str())
                                    : hoadon_sign_result_to_text(raw, in.label.c_str(), c.lang)),
                   status};
  });
}

}  // namespace cli
