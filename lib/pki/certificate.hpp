// X.509 certificates as hoadon reads them: decoded from the signature's KeyInfo or from trust
// files, described for the report, and searched for the signer's identity. Every statement
// about the signer comes from here — never from X509SubjectName, which is free text.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/handle.hpp"

namespace hoadon::pki {

using Certificate = Owned<X509, X509_free>;
using PublicKey = std::shared_ptr<EVP_PKEY>;

// A new reference to the same certificate.
[[nodiscard]] Certificate share(X509* x) noexcept;
// The DER bytes of a ds:X509Certificate element's content (base64, white space allowed), or
// "" when it is not base64.
[[nodiscard]] std::string base64_der(std::string_view text);
// A certificate from exactly these DER bytes (nothing after it), or null.
[[nodiscard]] Certificate parse_der(std::string_view der);
// The two together.
[[nodiscard]] Certificate decode_base64(std::string_view text);

// One identifier from the subject's UID attributes (OID 0.9.2342.19200300.100.1.1), as
// Vietnamese CAs write them: MST:<tax code> (branches keep the hyphen), CCCD:<12 digits>,
// CMND:<9 or 12 digits>, MNS:<budget code>. Several may coexist.
struct Identifier {
  std::string kind;   // "MST", "CCCD", "CMND", "MNS" (upper case), or "" when the UID has no prefix
  std::string value;  // without the prefix
  std::string text;   // as written
};
[[nodiscard]] std::vector<Identifier> identifiers(const X509* cert);
// The identifier whose value is one of `values` (the tax codes a document names), or null.
[[nodiscard]] const Identifier* identifier_among(const std::vector<Identifier>& ids,
                                                 const std::vector<std::string>& values);

struct CertificateInfo {
  std::string subject;  // RFC 4514 form, UTF-8 kept
  std::string issuer;
  std::string serial;      // hexadecimal, upper case
  std::string not_before;  // ISO 8601 UTC
  std::string not_after;
  int key_bits = 0;  // RSA modulus size; 0 for other key types
  std::vector<Identifier> identifiers;
};
[[nodiscard]] CertificateInfo describe(const X509* cert);

[[nodiscard]] std::string name_text(const X509_NAME* name);

// The key usage allows signing documents: digitalSignature or nonRepudiation (a certificate
// without the extension allows every use).
[[nodiscard]] bool allows_signing(X509* cert) noexcept;

// SHA-256 of the DER encoding (cache keys).
[[nodiscard]] std::string fingerprint(const X509* cert);
// The same in lower-case hexadecimal (trust lists).
[[nodiscard]] std::string fingerprint_hex(const X509* cert);

}  // namespace hoadon::pki
