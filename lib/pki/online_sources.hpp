// The two sources of online revocation answers, each trying its cache first (pki/online.hpp
// chooses between them). An answer that cannot be used is Unknown, its detail saying why.
#pragma once

#include <string>

#include "pki/online.hpp"

namespace hoadon::pki {

// An OCSP request (with a nonce) to the responder at `url`.
[[nodiscard]] OnlineAnswer ask_ocsp(const std::string& url, X509* cert, X509* issuer, std::int64_t at,
                                    const OnlineOptions& options);

// The CRL published at `url`.
[[nodiscard]] OnlineAnswer ask_crl(const std::string& url, X509* cert, X509* issuer, std::int64_t at,
                                   const OnlineOptions& options);

}  // namespace hoadon::pki
