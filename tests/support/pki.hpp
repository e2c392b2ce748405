// A test PKI generated at run time with OpenSSL (no private key is ever committed), and
// signing with hoadon's own signing primitive. Used by the unit tests, the CLI tests and the
// benchmarks.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace testing::pki {

struct Key {
  std::shared_ptr<EVP_PKEY> p;
  [[nodiscard]] EVP_PKEY* get() const { return p.get(); }
};

struct Cert {
  std::shared_ptr<X509> p;
  [[nodiscard]] X509* get() const { return p.get(); }
  [[nodiscard]] std::string pem() const;
  [[nodiscard]] std::string der() const;
};

struct CertSpec {
  std::string cn;
  std::vector<std::string> uids;  // subject UID values, e.g. "MST:4800123456"
  std::int64_t not_before = 0;    // Unix seconds
  std::int64_t not_after = 0;
  bool ca = false;
  int key_usage = -2;  // -2: digitalSignature|nonRepudiation (keyCertSign|cRLSign for CAs); -1: no extension
  long serial = 1;
  // Further subject attributes after CN, e.g. {"OU", "Tổng cục Thuế"}, {"O", "BỘ TÀI CHÍNH"}.
  std::vector<std::pair<std::string, std::string>> names = {};
  std::vector<std::string> ocsp_urls = {};  // Authority Information Access: OCSP responders
  std::vector<std::string> crl_urls = {};   // CRL distribution points
  bool ocsp_signing = false;                // extended key usage id-kp-OCSPSigning (a delegated responder)
};

[[nodiscard]] Key rsa(int bits);
// Issues a certificate for `subject`'s key; a null issuer makes it self-signed.
[[nodiscard]] Cert issue(const CertSpec& spec, const Key& subject, const Cert* issuer, const Key& issuer_key);
// A CRL of `issuer` revoking each (serial, when).
// The same in DER, as a distribution point publishes it.
[[nodiscard]] std::string crl_der(const std::string& pem);
[[nodiscard]] std::string crl_pem(const Cert& issuer, const Key& issuer_key,
                                  const std::vector<std::pair<long, std::int64_t>>& revoked, std::int64_t this_update,
                                  std::int64_t next_update);

// A private key in PEM (PKCS#8), encrypted (AES-256-CBC) when a password is given.
[[nodiscard]] std::string key_pem(const Key& key, const std::string& password = {});
// A PKCS#12 file (DER) of a key, its certificate and CA certificates, under a password.
[[nodiscard]] std::string pkcs12(const Key& key, const Cert& cert, const std::vector<Cert>& cas,
                                 const std::string& password);

// One PKI for the whole test run, generated on first use.
struct World {
  std::int64_t signing_time;  // 2026-11-20T10:00:00 in Vietnam (the invoices' SigningTime)
  Key root_key, ca_key, signer_key, weak_key, stranger_key;
  Cert root;           // self-signed anchor
  Cert ca;             // intermediate under root
  Cert signer;         // valid 2025–2028, MST:4800123456 (the bundled invoice's seller)
  Cert expired;        // valid 2020–2021
  Cert not_yet_valid;  // valid 2030–2032
  Cert revoked;        // revoked by `crl` in 2026-01
  Cert no_signing;     // key usage keyEncipherment only
  Cert weak;           // 1024-bit RSA
  Cert other_mst;      // MST:0101243150
  Cert stranger_root;  // an anchor nobody configured
  Cert stranger;       // signer under stranger_root
  Cert buyer;          // the bundled invoice's buyer: MST:0108987656 (signer_key)
  std::string crl;     // PEM: the CRLs of `ca` (revoking `revoked`) and of `root`
};
[[nodiscard]] const World& world();

// The bundled VAT invoice of examples/invoices with DLHDon Id="data" (the signed area).
[[nodiscard]] std::string invoice_template();

// Signs `invoice` (seller slot unless told otherwise) with `key`, embedding `chain` (signer's
// certificate first) and the world's signing time.
struct SignSpec {
  std::string slot = "NBan";
  std::string signature_id = "seller";
  std::string object_id = "SigningTime";
  std::string method = "rsa-sha256";
  std::string digest = "sha256";
  std::int64_t signing_time = 0;  // Unix seconds; 0: the world's
};
[[nodiscard]] std::string sign(const std::string& invoice, const Key& key, const std::vector<Cert>& chain,
                               const SignSpec& spec = {});

// Algorithm URIs for hand-written templates.
namespace uri {
inline constexpr const char* kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
inline constexpr const char* kC14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
inline constexpr const char* kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr const char* kXPath = "http://www.w3.org/TR/1999/REC-xpath-19991116";
inline constexpr const char* kRsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
inline constexpr const char* kRsaMd5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";
inline constexpr const char* kSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
}  // namespace uri

struct RefSpec {
  std::string uri;
  std::vector<std::string> transforms = {};  // Transform Algorithm URIs
  std::string digest = uri::kSha256;
  std::string inner = {};  // extra XML inside the last Transform (an XPath…)
};
struct TemplateSpec {
  std::string id = "seller";
  std::vector<RefSpec> references;
  std::string object_id = "SigningTime";  // "" = no signing-time Object
  std::string method = uri::kRsaSha256;
  std::string c14n = uri::kC14n;
};
// The text of a ds:Signature template (default XMLDSig namespace, empty DigestValue and
// SignatureValue, KeyInfo/X509Data/X509Certificate, the world's signing time in an Object).
[[nodiscard]] std::string signature_template(const TemplateSpec& spec);
// Signs every template of `xml` (permissive: even with transforms verification refuses).
[[nodiscard]] std::string sign_templates(const std::string& xml, const Key& key, const std::vector<Cert>& chain,
                                         bool permissive = false);

// Writes the world's trust material into dir: anchors.pem (root), ca.pem (intermediate),
// crl.pem. Returns dir.
std::filesystem::path write_trust(const std::filesystem::path& dir);

}  // namespace testing::pki
