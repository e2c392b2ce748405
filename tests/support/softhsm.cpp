#include "support/softhsm.hpp"

#include <stdlib.h>

#include <stdexcept>

#include "support/run.hpp"

namespace testing {
namespace {

constexpr const char* kModule = "/usr/lib/softhsm/libsofthsm2.so";

void must(const RunResult& r, const char* what) {
  if (r.exit_code != 0) throw std::runtime_error(std::string(what) + " failed: " + r.err + r.out);
}

}  // namespace

std::string SoftHsmToken::module() { return kModule; }

std::string SoftHsmToken::unavailable() {
  std::error_code ec;
  if (!find_program("softhsm2-util")) return "softhsm2-util is not installed (Debian softhsm2)";
  if (!find_program("pkcs11-tool")) return "pkcs11-tool is not installed (Debian opensc)";
  if (!std::filesystem::exists(kModule, ec)) return std::string(kModule) + " is absent (Debian softhsm2)";
  return {};
}

SoftHsmToken::SoftHsmToken(const std::string& key_pkcs8_pem, const std::string& cert_der) {
  const auto tokens = dir() / "tokens";
  std::filesystem::create_directory(tokens);
  const auto conf = dir() / "softhsm2.conf";
  write_file(conf, "directories.tokendir = " + tokens.string() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
  ::setenv("SOFTHSM2_CONF", conf.c_str(), 1);  // read by the module when it initialises
  write_file(dir() / "key.pem", key_pkcs8_pem);
  write_file(dir() / "cert.der", cert_der);
  const std::string util = *find_program("softhsm2-util"), tool = *find_program("pkcs11-tool");
  // The PIN on these command lines is the throwaway test token's.
  must(run({util, "--init-token", "--free", "--label", kLabel, "--so-pin", "13579", "--pin", kPin}), "init-token");
  must(run({util, "--import", (dir() / "key.pem").string(), "--token", kLabel, "--label", kObject, "--id", "01",
            "--pin", kPin}),
       "import");
  must(run({tool, "--module", kModule, "--token-label", kLabel, "--login", "--pin", kPin, "--write-object",
            (dir() / "cert.der").string(), "--type", "cert", "--id", "01", "--label", kObject}),
       "write-object");
  std::filesystem::remove(dir() / "key.pem");
}

std::string SoftHsmToken::uri() const { return std::string("pkcs11:token=") + kLabel + ";object=" + kObject; }

}  // namespace testing
