#include "pki/trust.hpp"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "pki/crl_check.hpp"
#include "pki/load.hpp"
#include "pki/time.hpp"
#include "util/handle.hpp"

namespace hoadon::pki {

struct TrustStore::Chain {
  bool built = false;
  std::string detail;
  bool no_anchor = false;             // the failure is a missing path, not a bad chain
  std::vector<Certificate> certs;     // signer first, anchor last
  std::vector<std::string> subjects;  // their names, for the report
  // For each certificate but the anchor, the CRLs its issuer (the next one) signed: checking
  // a CRL's signature does not depend on the time, so it is done once with the chain.
  std::vector<std::vector<std::shared_ptr<X509_CRL>>> crls;
};

namespace {

constexpr std::size_t kCacheLimit = 4096;  // certificates come from the inputs: bound the memory

std::string_view kind_name(Material kind) {
  switch (kind) {
    case Material::Anchor:
      return "trust anchor certificate";
    case Material::Intermediate:
      return "intermediate certificate";
    case Material::Crl:
      return "CRL";
    case Material::PinnedKey:
      return "public key or certificate";
    case Material::TaxAuthority:
      return "tax authority certificate";
  }
  return "item";
}

std::string openssl_error(int code) { return X509_verify_cert_error_string(code); }

bool is_missing_path(int err) {
  switch (err) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_CERT_UNTRUSTED:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string read_trust_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw TrustError(fmt::format("cannot read {}", p.string()), true);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TrustStore::TrustStore() : anchors_(X509_STORE_new()) {
  if (!anchors_) throw std::bad_alloc();
}

TrustStore::~TrustStore() { X509_STORE_free(anchors_); }

std::size_t TrustStore::add_loaded(Material kind, std::string_view bytes) {
  Loaded l = load(bytes);
  std::unique_lock lock(mutex_);
  std::size_t added = 0;
  switch (kind) {
    case Material::Anchor:
      for (auto& c : l.certs)
        if (X509_STORE_add_cert(anchors_, c.get()) == 1) ++added;
      anchor_count_ += added;
      ERR_clear_error();  // adding a certificate already present reports an error: harmless
      break;
    case Material::Intermediate:
      added = l.certs.size();
      for (auto& c : l.certs) intermediates_.push_back(std::move(c));
      break;
    case Material::Crl:
      added = l.crls.size();
      for (auto& c : l.crls) crls_.push_back(std::move(c));
      break;
    case Material::PinnedKey:
      for (auto& c : l.certs)
        if (EVP_PKEY* k = X509_get_pubkey(c.get())) l.keys.emplace_back(k, FreeWith<EVP_PKEY_free>{});
      added = l.keys.size();
      for (auto& k : l.keys) pinned_.push_back(std::move(k));
      break;
    case Material::TaxAuthority:
      for (auto& c : l.certs) authorities_.designate(c.get());
      added = l.certs.size();
      break;
  }
  std::lock_guard cache(cache_mutex_);
  cache_.clear();  // chains built before may now end elsewhere
  return added;
}

std::size_t TrustStore::add_memory(Material kind, std::string_view data) {
  const std::size_t n = add_loaded(kind, data);
  if (n == 0) throw TrustError(fmt::format("no {} found in the data given", kind_name(kind)), false);
  return n;
}

std::size_t TrustStore::add_path(Material kind, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::size_t n = 0;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) throw TrustError(fmt::format("cannot read the directory {}: {}", path, ec.message()), true);
    std::sort(files.begin(), files.end());
    for (const auto& f : files) n += add_loaded(kind, read_trust_file(f));  // other files are skipped
  } else {
    n = add_loaded(kind, read_trust_file(path));
  }
  if (n == 0) throw TrustError(fmt::format("no {} found in {}", kind_name(kind), path), false);
  return n;
}

std::size_t TrustStore::count(Material kind) const {
  std::shared_lock lock(mutex_);
  switch (kind) {
    case Material::Anchor:
      return anchor_count_;
    case Material::Intermediate:
      return intermediates_.size();
    case Material::Crl:
      return crls_.size();
    case Material::PinnedKey:
      return pinned_.size();
    case Material::TaxAuthority:
      return authorities_.designated();
  }
  return 0;
}

void TrustStore::add_tax_authority_subject(std::string subject) {
  std::unique_lock lock(mutex_);
  authorities_.add_subject(std::move(subject));
}

void TrustStore::use_default_tax_authority(bool on) {
  std::unique_lock lock(mutex_);
  authorities_.use_defaults(on);
}

bool TrustStore::is_tax_authority(const X509* cert) const {
  std::shared_lock lock(mutex_);
  return authorities_.recognises(cert);
}

TaxAuthorities TrustStore::tax_authorities() const {
  std::shared_lock lock(mutex_);
  return authorities_;
}

std::vector<PublicKey> TrustStore::pinned_keys() const {
  std::shared_lock lock(mutex_);
  return pinned_;
}

std::shared_ptr<const TrustStore::Chain> TrustStore::chain_of(X509* leaf, const std::vector<X509*>& extra) const {
  std::vector<std::string> prints;
  for (X509* x : extra) prints.push_back(fingerprint(x));
  std::sort(prints.begin(), prints.end());
  std::string key = fingerprint(leaf);
  for (const auto& p : prints) key += p;
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }

  auto chain = std::make_shared<Chain>();
  // The stack only borrows the certificates: sk_X509_free releases the stack, not them.
  const Owned<STACK_OF(X509), [](STACK_OF(X509) * s) { sk_X509_free(s); }> owned_untrusted(sk_X509_new_null());
  const Owned<X509_STORE_CTX, X509_STORE_CTX_free> owned_ctx(X509_STORE_CTX_new());
  if (!owned_untrusted || !owned_ctx) throw std::bad_alloc();
  STACK_OF(X509)* untrusted = owned_untrusted.get();
  X509_STORE_CTX* ctx = owned_ctx.get();
  for (X509* x : extra) sk_X509_push(untrusted, x);
  for (const auto& c : intermediates_) sk_X509_push(untrusted, c.get());
  if (X509_STORE_CTX_init(ctx, anchors_, leaf, untrusted) == 1) {
    // Time is checked by the caller at the time it chooses; any anchor ends a chain; the
    // security level refuses MD5-signed certificates and keys under 80 bits.
    X509_STORE_CTX_set_flags(ctx, X509_V_FLAG_NO_CHECK_TIME | X509_V_FLAG_PARTIAL_CHAIN);
    X509_VERIFY_PARAM_set_auth_level(X509_STORE_CTX_get0_param(ctx), 1);
    if (X509_verify_cert(ctx) == 1) {
      chain->built = true;
      STACK_OF(X509)* built = X509_STORE_CTX_get0_chain(ctx);
      for (int i = 0; i < sk_X509_num(built); ++i) {
        chain->certs.push_back(share(sk_X509_value(built, i)));
        chain->subjects.push_back(name_text(X509_get_subject_name(chain->certs.back().get())));
      }
      for (std::size_t i = 0; i + 1 < chain->certs.size(); ++i) {
        X509* issuer = chain->certs[i + 1].get();
        auto& signed_by = chain->crls.emplace_back();
        for (const auto& crl : crls_)
          // Only a CRL that names this issuer and carries its signature speaks for it.
          if (crl_signed_by(crl.get(), issuer)) signed_by.push_back(crl);
      }
    } else {
      const int err = X509_STORE_CTX_get_error(ctx);
      chain->no_anchor = is_missing_path(err);
      const X509* at = X509_STORE_CTX_get_current_cert(ctx);
      chain->detail =
          at ? fmt::format("{} ({})", openssl_error(err), name_text(X509_get_subject_name(at))) : openssl_error(err);
    }
  }
  ERR_clear_error();

  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kCacheLimit) cache_.clear();
  return cache_.emplace(std::move(key), std::move(chain)).first->second;
}

ChainCheck::Revocation TrustStore::revocation_of(const Chain& chain, std::size_t i, std::int64_t at,
                                                 std::string& detail) {
  X509* cert = chain.certs[i].get();
  bool covered = false;
  for (const auto& crl : chain.crls[i]) {
    if (const auto when = revoked_at(crl.get(), cert, at)) {
      detail = fmt::format("{} was revoked on {}", name_text(X509_get_subject_name(cert)), format_utc(*when));
      return ChainCheck::Revocation::Revoked;
    }
    // A CRL speaks for the time up to its nextUpdate, or up to when it was issued.
    const auto next = to_unix(X509_CRL_get0_nextUpdate(crl.get()));
    const auto issued = to_unix(X509_CRL_get0_lastUpdate(crl.get()));
    if (!next || *next >= at || (issued && *issued >= at)) covered = true;
  }
  if (!covered) {
    detail =
        fmt::format("no CRL of {} covers the time asked", name_text(X509_get_subject_name(chain.certs[i + 1].get())));
    return ChainCheck::Revocation::Unknown;
  }
  return ChainCheck::Revocation::Good;
}

std::shared_ptr<const KnownCertificate> TrustStore::certificate(std::string_view der) const {
  std::string key(der);
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = decoded_.find(key); it != decoded_.end()) return it->second;
  }
  Certificate cert = parse_der(der);
  ERR_clear_error();
  if (!cert) return nullptr;
  auto known = std::make_shared<KnownCertificate>();
  known->info = describe(cert.get());
  known->allows_signing = allows_signing(cert.get());
  known->cert = std::move(cert);
  std::lock_guard lock(cache_mutex_);
  if (decoded_.size() >= kCacheLimit) decoded_.clear();
  return decoded_.emplace(std::move(key), std::move(known)).first->second;
}

namespace {

// Keeps the worst: revoked over unknown over good.
void merge(ChainCheck& out, ChainCheck::Revocation r, std::string detail) {
  if (r == ChainCheck::Revocation::Revoked ||
      (r == ChainCheck::Revocation::Unknown && out.revocation == ChainCheck::Revocation::Good)) {
    out.revocation = r;
    out.revocation_detail = std::move(detail);
  }
}

ChainCheck::Revocation revocation_from(OnlineAnswer::Status s) {
  switch (s) {
    case OnlineAnswer::Status::Good:
      return ChainCheck::Revocation::Good;
    case OnlineAnswer::Status::Revoked:
      return ChainCheck::Revocation::Revoked;
    case OnlineAnswer::Status::Unknown:
      break;
  }
  return ChainCheck::Revocation::Unknown;
}

}  // namespace

ChainCheck TrustStore::check(X509* leaf, const std::vector<X509*>& extra, std::int64_t at,
                             const OnlineOptions& online) const {
  std::shared_lock lock(mutex_);
  ChainCheck out;
  const auto chain = chain_of(leaf, extra);
  if (!chain->built) {
    out.status = chain->no_anchor ? ChainCheck::Status::NoAnchor : ChainCheck::Status::Invalid;
    out.detail = anchor_count_ == 0 ? std::string("no trust anchor is configured") : chain->detail;
    return out;
  }
  out.status = ChainCheck::Status::Trusted;
  out.chain = chain->subjects;

  for (std::size_t i = 0; i < chain->certs.size(); ++i) {
    const auto& c = chain->certs[i];
    const auto from = to_unix(X509_get0_notBefore(c.get()));
    const auto until = to_unix(X509_get0_notAfter(c.get()));
    const std::string_view who = chain->subjects[i];  // named when built: no text work on the good path
    if (!from || at < *from) {
      out.validity = ChainCheck::Validity::NotYetValid;
      out.validity_detail = fmt::format("{} is valid from {}", who, from ? format_utc(*from) : "?");
      break;
    }
    if (!until || at > *until) {
      out.validity = ChainCheck::Validity::Expired;
      out.validity_detail = fmt::format("{} expired on {}", who, until ? format_utc(*until) : "?");
      break;
    }
  }

  out.revocation = ChainCheck::Revocation::Good;
  std::vector<std::size_t> ask;                                // not covered by the CRLs given
  for (std::size_t i = 0; i + 1 < chain->certs.size(); ++i) {  // the anchor is trusted as such
    std::string detail;
    const auto r = revocation_of(*chain, i, at, detail);
    if (r == ChainCheck::Revocation::Unknown && online.enabled) {
      ask.push_back(i);
      continue;
    }
    merge(out, r, std::move(detail));
    if (r == ChainCheck::Revocation::Revoked) return out;
  }
  if (ask.empty()) return out;
  // The network is slow: the chain (shared, immutable) keeps its certificates alive, and no
  // lock is held while asking, so that others may add material meanwhile.
  lock.unlock();
  for (const std::size_t i : ask) {
    const auto a = check_online(chain->certs[i].get(), chain->certs[i + 1].get(), at, online);
    const auto r = revocation_from(a.status);
    const std::string_view who = chain->subjects[i];
    merge(out, r,
          r == ChainCheck::Revocation::Revoked
              ? fmt::format("{} was revoked on {} ({})", who, format_utc(a.revoked_at), a.detail)
              : fmt::format("{}: {}", who, a.detail));
    if (r == ChainCheck::Revocation::Revoked) break;
  }
  return out;
}

}  // namespace hoadon::pki
