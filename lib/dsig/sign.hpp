// Signing with the verifier's engine: xmlsec computes each Reference's digest and canonicalises
// SignedInfo in the document's own tree, under the same allow-lists and the same treatment of
// the enveloped-signature transform and of relative namespace URIs as verification; then the
// hash of the canonical SignedInfo goes to a keys::Key, whatever holds the private key (a file,
// a PKCS#11 token, or, in two phases, a service outside hoadon).
#pragma once

#include <libxml/tree.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsig/ids.hpp"
#include "keys/key.hpp"
#include "report/report.hpp"

namespace hoadon::dsig {

// What the key signs.
struct ToBeSigned {
  std::string method;          // short name of the SignatureMethod: "rsa-sha256", "rsa-sha1"
  const EVP_MD* hash = nullptr;  // the hash of that method
  std::string signed_info;     // the canonical SignedInfo
  std::string digest;          // its hash: what the key signs (RSASSA-PKCS1-v1_5)
};

// The hash an RSA signature method signs with ("rsa-sha256" → SHA-256), or null.
[[nodiscard]] const EVP_MD* method_hash(std::string_view method) noexcept;

// Fills every DigestValue of `signature`, a ds:Signature in its document (`ids` registered, the
// signature's own Ids included), and returns what the key must sign. Only allow-listed
// algorithms and transforms, unless `permissive` (test material that verification must refuse).
// nullopt with a DSIG-ENGINE or DSIG-ALGORITHM diagnostic on failure.
[[nodiscard]] std::optional<ToBeSigned> digest_references(xmlNode* signature, const IdTable& ids, bool permissive,
                                                          Report& report);

// What the key must sign for a signature whose DigestValues are already filled.
[[nodiscard]] std::optional<ToBeSigned> to_be_signed(xmlNode* signature, bool permissive, Report& report);

// Whether `value` is the signature of `tbs` under the certificate's key.
[[nodiscard]] bool value_verifies(const ToBeSigned& tbs, std::string_view value, X509* cert);

// The SignatureValue element of a signature, or null.
[[nodiscard]] xmlNode* signature_value(const xmlNode* signature) noexcept;
// Replaces an element's content by text (taken as it is, never parsed for markup).
void set_text(xmlNode* element, std::string_view text);

// Base64 without line breaks, as hoadon writes digests, values and certificates.
[[nodiscard]] std::string base64(std::string_view bytes);

// Test material: signs every template of a document — each ds:Signature whose SignatureValue is
// empty — filling its DigestValues, SignatureValue and empty X509Certificate/X509SubjectName
// elements (from `chain`, the signer's certificate first). Only those elements' contents change
// in the bytes returned. "" with diagnostics on failure.
[[nodiscard]] std::string sign_templates(std::string bytes, const keys::Key& key, const std::vector<X509*>& chain,
                                         Report& report, bool permissive = false);

}  // namespace hoadon::dsig
