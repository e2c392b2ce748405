// The CRL of a distribution point: fetched (or cached), signed by the issuer, not past its
// nextUpdate — a stale CRL is never used — then the serial looked up at the time asked.
#include <openssl/err.h>

#include <ctime>

#include <fmt/format.h>

#include "pki/crl_check.hpp"
#include "pki/http.hpp"
#include "pki/load.hpp"
#include "pki/online_sources.hpp"
#include "pki/revocation_cache.hpp"
#include "pki/time.hpp"

namespace hoadon::pki {
namespace {

struct Judged {
  OnlineAnswer answer;
  std::int64_t next_update = 0;
};

Judged judge(std::string_view bytes, X509* cert, X509* issuer, std::int64_t at) {
  Loaded l = load(bytes);
  ERR_clear_error();
  if (l.crls.size() != 1) return {{OnlineAnswer::Status::Unknown, 0, "the answer is not one CRL"}};
  X509_CRL* crl = l.crls.front().get();
  if (!crl_signed_by(crl, issuer)) return {{OnlineAnswer::Status::Unknown, 0, "the CRL is not signed by the issuer"}};
  const auto next = to_unix(X509_CRL_get0_nextUpdate(crl));
  if (!next || *next <= static_cast<std::int64_t>(std::time(nullptr)))
    return {{OnlineAnswer::Status::Unknown, 0,
             next ? fmt::format("the CRL is out of date (nextUpdate {})", format_utc(*next))
                  : std::string("the CRL has no nextUpdate")}};
  Judged j;
  j.next_update = *next;
  if (const auto when = revoked_at(crl, cert, at))
    j.answer = {OnlineAnswer::Status::Revoked, *when, "listed as revoked"};
  else
    j.answer = {OnlineAnswer::Status::Good, 0, fmt::format("not listed (CRL valid until {})", format_utc(*next))};
  return j;
}

}  // namespace

OnlineAnswer ask_crl(const std::string& url, X509* cert, X509* issuer, std::int64_t at, const OnlineOptions& options) {
  const std::string key = cache_key("crl-", url);
  if (const auto kept = cached_answer(options.cache_dir, key)) {
    auto j = judge(*kept, cert, issuer, at);
    if (j.answer.status != OnlineAnswer::Status::Unknown) {
      j.answer.detail = fmt::format("CRL {} (cached): {}", url, j.answer.detail);
      return j.answer;
    }
  }
  const auto reply = http_fetch(url, {options.timeout_seconds});
  if (!reply.ok) return {OnlineAnswer::Status::Unknown, 0, fmt::format("CRL {}: {}", url, reply.error)};
  auto j = judge(reply.body, cert, issuer, at);
  j.answer.detail = fmt::format("CRL {}: {}", url, j.answer.detail);
  if (j.answer.status != OnlineAnswer::Status::Unknown) {
    const auto error = keep_answer(options.cache_dir, key, reply.body, j.next_update);
    if (!error.empty()) j.answer.detail += fmt::format(" (not cached: {})", error);
  }
  return j.answer;
}

}  // namespace hoadon::pki
