// What a CRL says of one certificate, shared by the CRLs given (pki/trust.cpp) and those fetched
// online (pki/crl_online.cpp).
#pragma once

#include <openssl/x509.h>

#include <cstdint>
#include <optional>

namespace hoadon::pki {

// Whether `crl` names `issuer` as its issuer and carries its signature.
[[nodiscard]] bool crl_signed_by(X509_CRL* crl, X509* issuer);

// When `crl` lists `cert` as revoked at or before `at` (Unix seconds): the revocation time.
[[nodiscard]] std::optional<std::int64_t> revoked_at(X509_CRL* crl, X509* cert, std::int64_t at);

}  // namespace hoadon::pki
