// A private key file (PEM or DER; PKCS#8, encrypted or not, or traditional RSA) with its
// certificate file.
#include <openssl/decoder.h>

#include <cstring>

#include "keys/key.hpp"
#include "keys/openssl_error.hpp"
#include "util/handle.hpp"

namespace hoadon::keys {
namespace {

// What OpenSSL's password callback saw: whether the key asked for a password at all decides
// between "a password is needed", "wrong password" and "not a key".
struct PasswordUse {
  const Secret* password;
  bool asked = false;
};

int give_password(char* buf, int size, int /*rwflag*/, void* user) {
  auto* use = static_cast<PasswordUse*>(user);
  use->asked = true;
  if (!use->password || size < 0 || use->password->size() > static_cast<std::size_t>(size)) return -1;
  std::memcpy(buf, use->password->c_str(), use->password->size());  // OpenSSL wipes its buffer after use
  return static_cast<int>(use->password->size());
}

EVP_PKEY* decode_private_key(std::string_view data, const Secret* password) {
  EVP_PKEY* key = nullptr;
  PasswordUse use{password};
  // Any input type (PEM or DER) and structure; a key pair, i.e. a private key.
  Owned<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free> ctx(
      OSSL_DECODER_CTX_new_for_pkey(&key, nullptr, nullptr, nullptr, EVP_PKEY_KEYPAIR, nullptr, nullptr));
  if (!ctx || OSSL_DECODER_CTX_set_pem_password_cb(ctx.get(), give_password, &use) != 1)
    throw KeyError(KeyError::Kind::Invalid, "cannot read the key: " + openssl_error());
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t left = data.size();
  if (OSSL_DECODER_from_data(ctx.get(), &p, &left) == 1 && key) {
    ERR_clear_error();
    return key;
  }
  ERR_clear_error();
  if (use.asked && !password)
    throw KeyError(KeyError::Kind::Auth, "the private key is encrypted: a password is needed");
  if (use.asked) throw KeyError(KeyError::Kind::Auth, "the password does not decrypt the private key");
  throw KeyError(KeyError::Kind::Invalid, "the key file holds no private key (PEM or DER expected)");
}

}  // namespace

Signer from_pem(std::string_view key, std::string_view certificates, const Secret* password) {
  Signer s;
  s.kind = "pem";
  auto certs = read_certificates(certificates, "the certificate file");
  EVP_PKEY* k = decode_private_key(key, password);
  s.key = evp_key(k);  // owns k from here (or has freed it when refusing it)
  pair_with_certificate(s, k, std::move(certs));
  return s;
}

}  // namespace hoadon::keys
