// Online revocation checking, opt-in: OCSP at the certificate's AIA responder, else the CRL of
// its distribution point, over HTTP(S) with timeouts and a size limit (pki/http.hpp), with an
// optional cache directory (pki/revocation_cache.hpp). Nothing here runs unless asked for.
#pragma once

#include <openssl/x509.h>

#include <cstdint>
#include <string>

namespace hoadon::pki {

struct OnlineOptions {
  bool enabled = false;      // never a network call without it
  std::string cache_dir;     // "" = no cache on disk (answers are still shared within the process)
  int timeout_seconds = 10;  // connection and whole transfer, per request
};

struct OnlineAnswer {
  enum class Status { Good, Revoked, Unknown };
  Status status = Status::Unknown;
  std::int64_t revoked_at = 0;  // when Revoked
  std::string detail;           // where the answer came from, or why there is none
};

// True when hoadon was built with libcurl (HOADON_WITH_CURL).
[[nodiscard]] bool online_available() noexcept;

// The status of `cert` (issued by `issuer`) at `at` (Unix seconds): OCSP first, the CRL of the
// distribution point when there is no responder or it gives no usable answer. Thread-safe.
[[nodiscard]] OnlineAnswer check_online(X509* cert, X509* issuer, std::int64_t at, const OnlineOptions& options);

}  // namespace hoadon::pki
