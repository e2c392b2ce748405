// The trust configuration: anchors, intermediates, CRLs and pinned keys, loaded once and shared
// by every verification (thread-safe), with a cache of the chains already built.
//
// Chain building and its signatures are OpenSSL's (X509_verify_cert, without the time check);
// the result is cached per certificate and KeyInfo set. What depends on the verification time —
// each certificate's validity period and its revocation — is checked on every call, since
// invoices of one seller are signed at many different times.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pki/authority.hpp"
#include "pki/certificate.hpp"
#include "pki/online.hpp"

namespace hoadon::pki {

enum class Material {
  Anchor,        // trusted certificates: any of them ends a chain (it need not be a root)
  Intermediate,  // untrusted certificates offered for chain building
  Crl,           // certificate revocation lists
  PinnedKey,     // public keys (or certificates' keys) trusted as such (XMLDSig profile)
  TaxAuthority,  // certificates designated as the tax authority's (pki/authority.hpp)
};

struct ChainCheck {
  enum class Status { Trusted, NoAnchor, Invalid };
  Status status = Status::NoAnchor;
  std::string detail;              // why not trusted (OpenSSL's reason and the certificate concerned)
  std::vector<std::string> chain;  // subjects, signer first, anchor last (when trusted)

  enum class Validity { Ok, Expired, NotYetValid };
  Validity validity = Validity::Ok;  // of every certificate of the chain at the time asked
  std::string validity_detail;

  enum class Revocation { Good, Revoked, Unknown };
  Revocation revocation = Revocation::Unknown;
  std::string revocation_detail;
};

// A certificate and what does not depend on the time: its description and key usage.
struct KnownCertificate {
  Certificate cert;
  CertificateInfo info;
  bool allows_signing = false;
};

class TrustError : public std::runtime_error {
 public:
  TrustError(std::string message, bool unreadable) : std::runtime_error(std::move(message)), unreadable_(unreadable) {}
  [[nodiscard]] bool unreadable() const noexcept { return unreadable_; }  // else: nothing of that kind found

 private:
  bool unreadable_;
};

// The bytes of a trust file; throws TrustError (unreadable) when it cannot be read.
[[nodiscard]] std::string read_trust_file(const std::filesystem::path& p);

class TrustStore {
 public:
  TrustStore();
  ~TrustStore();
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;

  // Adds what a PEM or DER file holds (certificates, PKCS#7 bundles, CRLs, public keys), or
  // every such file of a directory (recursively). Returns how many items of that kind were
  // added; throws TrustError when the path cannot be read or holds none.
  std::size_t add_path(Material kind, const std::string& path);
  std::size_t add_memory(Material kind, std::string_view data);

  [[nodiscard]] std::size_t count(Material kind) const;

  // Who may sign in the tax authority's slots: designated certificates (Material::TaxAuthority),
  // exact subjects, and the default rule unless switched off.
  void add_tax_authority_subject(std::string subject);
  void use_default_tax_authority(bool on);
  [[nodiscard]] bool is_tax_authority(const X509* cert) const;
  [[nodiscard]] TaxAuthorities tax_authorities() const;
  [[nodiscard]] std::vector<PublicKey> pinned_keys() const;

  // The certificate these DER bytes encode, with what hoadon reads from it, or null. Decoding
  // is costly (OpenSSL 3 decodes the public key through its providers) and a seller signs many
  // invoices with one certificate: certificates already seen come from a cache.
  [[nodiscard]] std::shared_ptr<const KnownCertificate> certificate(std::string_view der) const;

  // The chain of `leaf` (with the other certificates of its KeyInfo) to an anchor, each
  // certificate's validity at `at` (Unix seconds) and their revocation status. With `online`
  // enabled, a certificate that no CRL given covers is asked about online (pki/online.hpp);
  // no lock is held meanwhile.
  [[nodiscard]] ChainCheck check(X509* leaf, const std::vector<X509*>& extra, std::int64_t at,
                                 const OnlineOptions& online = {}) const;

 private:
  struct Chain;
  [[nodiscard]] std::shared_ptr<const Chain> chain_of(X509* leaf, const std::vector<X509*>& extra) const;
  [[nodiscard]] static ChainCheck::Revocation revocation_of(const Chain& chain, std::size_t i, std::int64_t at,
                                                            std::string& detail);
  std::size_t add_loaded(Material kind, std::string_view bytes);

  mutable std::shared_mutex mutex_;  // guards the material below
  X509_STORE* anchors_ = nullptr;
  std::size_t anchor_count_ = 0;
  std::vector<Certificate> intermediates_;
  std::vector<std::shared_ptr<X509_CRL>> crls_;
  std::vector<PublicKey> pinned_;
  TaxAuthorities authorities_;

  mutable std::mutex cache_mutex_;  // guards the caches; never held while building or decoding
  mutable std::unordered_map<std::string, std::shared_ptr<const Chain>> cache_;
  mutable std::unordered_map<std::string, std::shared_ptr<const KnownCertificate>> decoded_;  // by DER bytes
};

}  // namespace hoadon::pki
