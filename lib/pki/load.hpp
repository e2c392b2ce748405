// What a PEM or DER blob holds: certificates (PKCS#7 bundles opened), CRLs, public keys. Shared by
// the trust store and by signing, which reads the signer's certificate and chain the same way.
#pragma once

#include <openssl/x509.h>

#include <memory>
#include <string_view>
#include <vector>

#include "pki/certificate.hpp"

namespace hoadon::pki {

struct Loaded {
  std::vector<Certificate> certs;
  std::vector<std::shared_ptr<X509_CRL>> crls;
  std::vector<PublicKey> keys;
};

// Everything `data` holds, in order; unreadable parts are skipped (the caller decides whether
// finding nothing is an error). Clears OpenSSL's error queue of the failed attempts.
[[nodiscard]] Loaded load(std::string_view data);

}  // namespace hoadon::pki
