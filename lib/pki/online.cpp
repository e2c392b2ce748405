#include "pki/online.hpp"

#include <openssl/x509v3.h>

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "pki/http.hpp"
#include "pki/online_sources.hpp"

namespace hoadon::pki {
namespace {

constexpr std::size_t kUrlsTried = 2;  // per source: a certificate's extensions are untrusted input

std::vector<std::string> ocsp_urls(X509* cert) {
  std::vector<std::string> out;
  STACK_OF(OPENSSL_STRING)* urls = X509_get1_ocsp(cert);
  for (int i = 0; i < sk_OPENSSL_STRING_num(urls) && out.size() < kUrlsTried; ++i)
    out.emplace_back(sk_OPENSSL_STRING_value(urls, i));
  X509_email_free(urls);
  return out;
}

std::vector<std::string> crl_urls(X509* cert) {
  std::vector<std::string> out;
  auto* points = static_cast<CRL_DIST_POINTS*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
  for (int i = 0; i < sk_DIST_POINT_num(points) && out.size() < kUrlsTried; ++i) {
    const DIST_POINT* dp = sk_DIST_POINT_value(points, i);
    if (!dp->distpoint || dp->distpoint->type != 0) continue;  // a full name, not one relative to the issuer
    const GENERAL_NAMES* names = dp->distpoint->name.fullname;
    for (int j = 0; j < sk_GENERAL_NAME_num(names) && out.size() < kUrlsTried; ++j) {
      const GENERAL_NAME* n = sk_GENERAL_NAME_value(names, j);
      if (n->type != GEN_URI) continue;
      const ASN1_IA5STRING* uri = n->d.uniformResourceIdentifier;
      out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                       static_cast<std::size_t>(ASN1_STRING_length(uri)));
    }
  }
  CRL_DIST_POINTS_free(points);
  return out;
}

}  // namespace

bool online_available() noexcept { return http_available(); }

OnlineAnswer check_online(X509* cert, X509* issuer, std::int64_t at, const OnlineOptions& options) {
  if (!options.enabled) return {OnlineAnswer::Status::Unknown, 0, "online checking is off"};
  if (!online_available()) return {OnlineAnswer::Status::Unknown, 0, "not built with libcurl"};
  std::vector<std::string> why;
  const auto responders = ocsp_urls(cert);
  if (responders.empty()) why.emplace_back("the certificate names no OCSP responder");
  for (const auto& url : responders) {
    auto a = ask_ocsp(url, cert, issuer, at, options);
    if (a.status != OnlineAnswer::Status::Unknown) return a;
    why.push_back(std::move(a.detail));
  }
  const auto points = crl_urls(cert);
  if (points.empty()) why.emplace_back("it names no CRL distribution point");
  for (const auto& url : points) {
    auto a = ask_crl(url, cert, issuer, at, options);
    if (a.status != OnlineAnswer::Status::Unknown) return a;
    why.push_back(std::move(a.detail));
  }
  return {OnlineAnswer::Status::Unknown, 0, fmt::format("{}", fmt::join(why, "; "))};
}

}  // namespace hoadon::pki
