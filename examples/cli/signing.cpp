// The signing keys of the command line, shared by `hoadon sign` and `hoadon build --sign`: their
// options, passwords and PINs from the environment, a file or the terminal (never the command
// line), and the signer they make.
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {

std::vector<OptionSpec> key_options() {
  return {
      {"--p12", "FILE", "PKCS#12 key and certificate (.p12, .pfx)"},
      {"--key", "FILE", "private key, PEM or DER (with --cert)"},
      {"--cert", "FILE", "the signer's certificate, PEM or DER (a token's own is used when omitted)"},
      {"--pkcs11", "URI", "key on a PKCS#11 token: pkcs11:token=…;object=… (RFC 7512)"},
      {"--pkcs11-module", "PATH", "the token's PKCS#11 module (default: the URI's module-path, else p11-kit's proxy)"},
      {"--pass-env", "VAR", "the key's password is in environment variable VAR"},
      {"--pass-file", "FILE", "the key's password is the first line of FILE"},
      {"--pin-env", "VAR", "the token's PIN is in environment variable VAR"},
      {"--pin-file", "FILE", "the token's PIN is the first line of FILE"},
      {"--chain", "FILE", "CA certificates to embed in KeyInfo with the signer's (PEM or DER)"},
      {"--time", "T",
       "signing time: now (default), Unix seconds, YYYY-MM-DD[Thh:mm:ss[Z|+hh:mm]] (GMT+7 without zone)"},
      {"--sha1", "", "rsa-sha1 and SHA-1 digests, for legacy receivers only"},
  };
}

void sign_settings(const Args& args, hoadon_sign_options& options) {
  if (const auto t = args.get("--time"); t && hoadon_time_parse(t->c_str(), &options.time) != HOADON_OK)
    throw UsageError(fmt::format("--time: {}", hoadon_last_error()));
  options.sha1 = args.has("--sha1");
  options.include_chain = args.has("--chain");
}

namespace {

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

}  // namespace

std::string read_whole(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  if (!in || !(s << in.rdbuf())) throw UsageError(fmt::format("{} {}: cannot read it", what, path));
  return s.str();
}

namespace {

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

}  // namespace

Signer load_signer(const Args& args, bool prepare, bool complete) {
  const struct { bool prepare, complete; } mode{prepare, complete};
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

bool open_signer(const Args& args, bool prepare, bool complete, const char* command, Signer& signer) {
  try {
    signer = load_signer(args, prepare, complete);
    return true;
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hoadon %s: %s\n", command, e.what());
    return false;
  }
}

}  // namespace cli
