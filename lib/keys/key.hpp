// Private keys behind one small interface, wherever they live: a key file (PEM, PKCS#12), a
// PKCS#11 token, or nowhere hoadon can reach (an external signer). hoadon canonicalises
// SignedInfo and hashes it itself; the key only signs that digest (RSASSA-PKCS1-v1_5). So a
// token never gives its private key away, and a remote service or a browser plugin that signs
// a hash fits the same mould.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "keys/secret.hpp"
#include "pki/certificate.hpp"

namespace hoadon::keys {

class KeyError : public std::runtime_error {
 public:
  enum class Kind {
    Auth,     // a password or PIN is needed, or the one given is wrong
    Io,       // a file or a PKCS#11 module cannot be read or loaded
    Invalid,  // not a key or certificate hoadon can use (format, key type, key and certificate apart)
    Device,   // the token or module failed
  };
  KeyError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

class Key {
 public:
  virtual ~Key() = default;
  // The RSASSA-PKCS1-v1_5 signature of `digest`, a hash computed with `md`. Throws KeyError.
  // Safe to call from several threads at once (a token serialises its own operations).
  [[nodiscard]] virtual std::string sign_digest(const EVP_MD* md, std::string_view digest) const = 0;
};

struct Signer {
  std::string kind;                     // "pem", "pkcs12", "pkcs11", "external"
  std::unique_ptr<Key> key;             // null for an external signer: two-phase signing only
  pki::Certificate certificate;         // the signer's
  std::vector<pki::Certificate> chain;  // issuing CAs, embedded in KeyInfo when asked
};

// A PEM (or DER) private key — PKCS#8, encrypted or not, or traditional RSA — and its
// certificate: the first certificate in `certificates` whose key is this key; the others join
// the chain. `password` may be null (KeyError Auth when the key is encrypted).
[[nodiscard]] Signer from_pem(std::string_view key, std::string_view certificates, const Secret* password);

// A PKCS#12 (.p12, .pfx) file: its key, the certificate of that key, the other certificates as
// the chain. A null password tries the empty one (KeyError Auth when that is not it).
[[nodiscard]] Signer from_pkcs12(std::string_view der, const Secret* password);

// A key on a PKCS#11 token, named by an RFC 7512 URI ("pkcs11:token=…;object=…"), through the
// module at `module` ("" = the URI's module-path, else p11-kit's proxy). The PIN logs in once,
// and is not kept; null: no login (KeyError Auth when the token needs one). The certificate is
// `certificate` when given (PEM or DER), else the token's own, found by the key's CKA_ID or label.
[[nodiscard]] Signer from_pkcs11(std::string_view uri, const std::string& module, const Secret* pin,
                                 std::string_view certificate);

// A signer whose key hoadon never sees (a remote service, a desktop token plugin): only its
// certificate, for two-phase signing.
[[nodiscard]] Signer from_certificate(std::string_view certificates);

// Every certificate of a PEM or DER blob (PKCS#7 bundles opened); KeyError Invalid when none.
[[nodiscard]] std::vector<pki::Certificate> read_certificates(std::string_view data, std::string_view what);

// --- for the key files' loaders ---

// A Key over an OpenSSL private key (taken over). KeyError Invalid unless it is RSA.
[[nodiscard]] std::unique_ptr<Key> evp_key(EVP_PKEY* key);
// The certificate of `key` among `certs` (moved into signer.certificate, the rest into its chain);
// KeyError Invalid when none of them certifies that key.
void pair_with_certificate(Signer& signer, EVP_PKEY* key, std::vector<pki::Certificate> certs);

}  // namespace hoadon::keys
