// A SoftHSM2 token made for one test in a temporary folder: its own configuration (SOFTHSM2_CONF
// is set for this process and the programs it runs), a key pair imported with softhsm2-util and
// the certificate with pkcs11-tool (opensc). Tests skip when the tools are not installed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "support/support.hpp"

namespace testing {

class SoftHsmToken {
 public:
  static constexpr const char* kLabel = "hoadon-test";
  static constexpr const char* kObject = "signer";
  static constexpr const char* kPin = "246810";

  // Why tokens cannot be made here ("" when they can).
  static std::string unavailable();
  static std::string module();  // the SoftHSM2 PKCS#11 module

  // A token holding `key_pkcs8_pem` (unencrypted PKCS#8) and `cert_der` under kObject, id 01.
  SoftHsmToken(const std::string& key_pkcs8_pem, const std::string& cert_der);

  [[nodiscard]] std::string uri() const;  // pkcs11:token=hoadon-test;object=signer
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
};

}  // namespace testing
