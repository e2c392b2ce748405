#include "pki/crl_check.hpp"

#include "pki/time.hpp"

namespace hoadon::pki {

bool crl_signed_by(X509_CRL* crl, X509* issuer) {
  return X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(issuer)) == 0 &&
         X509_CRL_verify(crl, X509_get0_pubkey(issuer)) == 1;
}

std::optional<std::int64_t> revoked_at(X509_CRL* crl, X509* cert, std::int64_t at) {
  X509_REVOKED* entry = nullptr;
  if (X509_CRL_get0_by_cert(crl, &entry, cert) != 1 || !entry) return std::nullopt;
  const auto when = to_unix(X509_REVOKED_get0_revocationDate(entry));
  if (when && *when <= at) return when;
  return std::nullopt;
}

}  // namespace hoadon::pki
