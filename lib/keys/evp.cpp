// Keys held by OpenSSL (read from PEM or PKCS#12 files), certificates, and external signers.
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <fmt/format.h>

#include "keys/key.hpp"
#include "keys/openssl_error.hpp"
#include "pki/load.hpp"
#include "util/handle.hpp"

namespace hoadon::keys {
namespace {

class EvpKey final : public Key {
 public:
  explicit EvpKey(EVP_PKEY* key) : key_(key) {}
  ~EvpKey() override { EVP_PKEY_free(key_); }  // OpenSSL clears private key material as it frees it
  EvpKey(const EvpKey&) = delete;
  EvpKey& operator=(const EvpKey&) = delete;

  std::string sign_digest(const EVP_MD* md, std::string_view digest) const override {
    // One context per call: the key itself is shared read-only by concurrent signatures.
    Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free> ctx(EVP_PKEY_CTX_new(key_, nullptr));
    const auto* in = reinterpret_cast<const unsigned char*>(digest.data());
    std::size_t len = 0;
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_signature_md(ctx.get(), md) <= 0 ||
        EVP_PKEY_sign(ctx.get(), nullptr, &len, in, digest.size()) <= 0)
      throw KeyError(KeyError::Kind::Device, "the key cannot sign: " + openssl_error());
    std::string out(len, '\0');
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, in, digest.size()) <= 0)
      throw KeyError(KeyError::Kind::Device, "the key cannot sign: " + openssl_error());
    out.resize(len);
    return out;
  }

 private:
  EVP_PKEY* key_;
};

}  // namespace

std::unique_ptr<Key> evp_key(EVP_PKEY* key) {
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    EVP_PKEY_free(key);
    throw KeyError(KeyError::Kind::Invalid,
                   "only RSA keys can sign e-invoices (the format's signatures are RSA with SHA-256 or SHA-1)");
  }
  return std::make_unique<EvpKey>(key);
}

std::vector<pki::Certificate> read_certificates(std::string_view data, std::string_view what) {
  auto loaded = pki::load(data);
  if (loaded.certs.empty())
    throw KeyError(KeyError::Kind::Invalid, fmt::format("{} holds no certificate (PEM or DER expected)", what));
  return std::move(loaded.certs);
}

void pair_with_certificate(Signer& signer, EVP_PKEY* key, std::vector<pki::Certificate> certs) {
  for (auto it = certs.begin(); it != certs.end(); ++it) {
    if (EVP_PKEY_eq(X509_get0_pubkey(it->get()), key) != 1) continue;
    signer.certificate = std::move(*it);
    certs.erase(it);
    for (auto& c : certs) signer.chain.push_back(std::move(c));
    ERR_clear_error();
    return;
  }
  ERR_clear_error();
  throw KeyError(KeyError::Kind::Invalid,
                 certs.size() == 1 ? fmt::format("the private key does not belong to the certificate of {}",
                                                 pki::name_text(X509_get_subject_name(certs.front().get())))
                                   : std::string("the private key belongs to none of the certificates given"));
}

Signer from_certificate(std::string_view data) {
  Signer s;
  s.kind = "external";
  auto certs = read_certificates(data, "the certificate");
  s.certificate = std::move(certs.front());
  for (std::size_t i = 1; i < certs.size(); ++i) s.chain.push_back(std::move(certs[i]));
  if (EVP_PKEY_get_base_id(X509_get0_pubkey(s.certificate.get())) != EVP_PKEY_RSA)
    throw KeyError(KeyError::Kind::Invalid, "the certificate's key is not RSA: it cannot sign e-invoices");
  return s;
}

}  // namespace hoadon::keys
