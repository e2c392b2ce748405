// A PKCS#12 file (.p12, .pfx): key, certificate and CA certificates under one password.
#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include "keys/key.hpp"
#include "keys/openssl_error.hpp"
#include "util/handle.hpp"

namespace hoadon::keys {
namespace {}  // namespace

Signer from_pkcs12(std::string_view der, const Secret* password) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  Owned<PKCS12, PKCS12_free> p12(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
  if (!p12) {
    ERR_clear_error();
    throw KeyError(KeyError::Kind::Invalid, "not a PKCS#12 file");
  }
  // The password is checked against the file's MAC first, so that a wrong one is told as such.
  // Without one, the empty password and no password (both seen in exported files) are tried.
  const char* pass = nullptr;
  if (password) {
    if (PKCS12_verify_mac(p12.get(), password->c_str(), static_cast<int>(password->size())) != 1) {
      ERR_clear_error();
      throw KeyError(KeyError::Kind::Auth, "the password does not open the PKCS#12 file");
    }
    pass = password->c_str();
  } else if (PKCS12_verify_mac(p12.get(), "", 0) == 1) {
    pass = "";
  } else if (PKCS12_verify_mac(p12.get(), nullptr, 0) != 1) {
    ERR_clear_error();
    throw KeyError(KeyError::Kind::Auth, "the PKCS#12 file is protected: a password is needed");
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  const int parsed = PKCS12_parse(p12.get(), pass, &key, &cert, &ca);
  Owned<EVP_PKEY, EVP_PKEY_free> owned_key(key);
  pki::Certificate owned_cert(cert);
  const Owned<STACK_OF(X509), [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }> owned_ca(ca);
  if (parsed != 1 || !key) throw KeyError(KeyError::Kind::Invalid, "cannot read the PKCS#12 file: " + openssl_error());
  std::vector<pki::Certificate> certs;
  if (owned_cert) certs.push_back(std::move(owned_cert));
  for (int i = 0; ca && i < sk_X509_num(ca); ++i) certs.push_back(pki::share(sk_X509_value(ca, i)));
  Signer s;
  s.kind = "pkcs12";
  s.key = evp_key(owned_key.release());
  pair_with_certificate(s, key, std::move(certs));
  return s;
}

}  // namespace hoadon::keys
