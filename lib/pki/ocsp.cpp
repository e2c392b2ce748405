// OCSP (RFC 6960) with OpenSSL's OCSP API: the request carries a nonce; the answer must be
// signed by the issuer or by a responder it delegated (id-kp-OCSPSigning), speak of this
// certificate, and be current (thisUpdate not in the future, nextUpdate not past).
#include <openssl/err.h>
#include <openssl/ocsp.h>

#include <ctime>
#include <memory>

#include <fmt/format.h>

#include "pki/certificate.hpp"
#include "pki/der.hpp"
#include "pki/http.hpp"
#include "pki/online_sources.hpp"
#include "pki/revocation_cache.hpp"
#include "pki/time.hpp"
#include "util/handle.hpp"

namespace hoadon::pki {
namespace {

constexpr long kClockSkewSeconds = 300;

using CertId = Owned<OCSP_CERTID, OCSP_CERTID_free>;
using Request = Owned<OCSP_REQUEST, OCSP_REQUEST_free>;
using Response = Owned<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using Basic = Owned<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using Store = Owned<X509_STORE, X509_STORE_free>;

OnlineAnswer unknown(std::string why) { return {OnlineAnswer::Status::Unknown, 0, std::move(why)}; }

// Whether the issuer (or a responder it delegated) signed the answer. The issuer is the only
// anchor: the responder's certificate must chain to it.
bool signed_for(OCSP_BASICRESP* bs, X509* issuer) {
  Store store(X509_STORE_new());
  STACK_OF(X509)* certs = sk_X509_new_null();
  bool ok = false;
  if (store && certs && X509_STORE_add_cert(store.get(), issuer) == 1 && sk_X509_push(certs, issuer) > 0) {
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    ok = OCSP_basic_verify(bs, certs, store.get(), 0) == 1;
  }
  sk_X509_free(certs);
  return ok;
}

struct Judged {
  OnlineAnswer answer;
  std::int64_t next_update = 0;  // 0: none given (not kept)
};

// What the DER response `der` says of `id`; `req` (when fresh) must match its nonce.
Judged judge(std::string_view der, OCSP_CERTID* id, X509* issuer, std::int64_t at, OCSP_REQUEST* req) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  Response resp(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(der.size())));
  if (!resp || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size())
    return {unknown("the answer is not an OCSP response")};
  const int rs = OCSP_response_status(resp.get());
  if (rs != OCSP_RESPONSE_STATUS_SUCCESSFUL)
    return {unknown(fmt::format("the responder answered \"{}\"", OCSP_response_status_str(rs)))};
  Basic bs(OCSP_response_get1_basic(resp.get()));
  if (!bs) return {unknown("the OCSP answer holds no basic response")};
  if (req && OCSP_check_nonce(req, bs.get()) == 0) return {unknown("the OCSP answer's nonce is not the request's")};
  if (!signed_for(bs.get(), issuer))
    return {unknown("the OCSP answer is not signed by the issuer or a responder it authorised")};
  int status = 0, reason = 0;
  ASN1_GENERALIZEDTIME *revoked = nullptr, *this_update = nullptr, *next_update = nullptr;
  if (OCSP_resp_find_status(bs.get(), id, &status, &reason, &revoked, &this_update, &next_update) != 1)
    return {unknown("the OCSP answer does not speak of this certificate")};
  if (OCSP_check_validity(this_update, next_update, kClockSkewSeconds, -1) != 1)
    return {unknown("the OCSP answer is not current (thisUpdate/nextUpdate)")};
  Judged j;
  if (next_update)
    if (const auto n = to_unix(next_update)) j.next_update = *n;
  const auto produced = this_update ? to_unix(this_update) : std::nullopt;
  const std::string as_of = produced ? format_utc(*produced) : std::string("?");
  switch (status) {
    case V_OCSP_CERTSTATUS_GOOD:
      j.answer = {OnlineAnswer::Status::Good, 0, fmt::format("good as of {}", as_of)};
      break;
    case V_OCSP_CERTSTATUS_REVOKED: {
      const auto when = revoked ? to_unix(revoked) : std::nullopt;
      if (!when) return {unknown("the OCSP answer says revoked without a readable time")};
      if (*when <= at)
        j.answer = {OnlineAnswer::Status::Revoked, *when,
                    fmt::format("revoked ({})", OCSP_crl_reason_str(reason < 0 ? 0 : reason))};
      else  // revoked later than the time asked: it was good then
        j.answer = {OnlineAnswer::Status::Good, 0, fmt::format("revoked only on {}", format_utc(*when))};
      break;
    }
    default:
      return {unknown("the responder does not know this certificate")};
  }
  return j;
}

}  // namespace

OnlineAnswer ask_ocsp(const std::string& url, X509* cert, X509* issuer, std::int64_t at, const OnlineOptions& options) {
  CertId id(OCSP_cert_to_id(EVP_sha1(), cert, issuer));
  if (!id) {
    ERR_clear_error();
    return unknown("no OCSP request can be made for this certificate");
  }
  const std::string key = cache_key("ocsp-", der_of<OCSP_CERTID, i2d_OCSP_CERTID>(id.get()));
  if (const auto kept = cached_answer(options.cache_dir, key)) {
    auto j = judge(*kept, id.get(), issuer, at, nullptr);
    ERR_clear_error();
    if (j.answer.status != OnlineAnswer::Status::Unknown) {
      j.answer.detail = fmt::format("OCSP {} (cached): {}", url, j.answer.detail);
      return j.answer;
    }
  }
  Request req(OCSP_REQUEST_new());
  OCSP_CERTID* copy = OCSP_CERTID_dup(id.get());
  if (!req || !copy || !OCSP_request_add0_id(req.get(), copy) || !OCSP_request_add1_nonce(req.get(), nullptr, -1)) {
    ERR_clear_error();
    return unknown("no OCSP request can be made for this certificate");
  }
  const auto reply = http_fetch(url, {options.timeout_seconds}, der_of<OCSP_REQUEST, i2d_OCSP_REQUEST>(req.get()),
                                "application/ocsp-request");
  if (!reply.ok) return unknown(fmt::format("OCSP {}: {}", url, reply.error));
  auto j = judge(reply.body, id.get(), issuer, at, req.get());
  ERR_clear_error();
  j.answer.detail = fmt::format("OCSP {}: {}", url, j.answer.detail);
  if (j.answer.status != OnlineAnswer::Status::Unknown && j.next_update > 0) {
    const auto error = keep_answer(options.cache_dir, key, reply.body, j.next_update);
    if (!error.empty()) j.answer.detail += fmt::format(" (not cached: {})", error);
  }
  return j.answer;
}

}  // namespace hoadon::pki
