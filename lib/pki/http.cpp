#include "pki/http.hpp"

#include <fmt/format.h>

#ifdef HOADON_WITH_CURL
#include <curl/curl.h>

#include <mutex>
#endif

namespace hoadon::pki {

#ifdef HOADON_WITH_CURL
namespace {

struct Sink {
  std::string body;
  std::size_t limit;
  bool over = false;
};

std::size_t keep(char* data, std::size_t size, std::size_t n, void* sink) {
  auto* s = static_cast<Sink*>(sink);
  const std::size_t len = size * n;
  if (len > s->limit - s->body.size()) {
    s->over = true;
    return 0;  // less than given: libcurl aborts the transfer
  }
  s->body.append(data, len);
  return len;
}

bool is_http(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

}  // namespace

bool http_available() noexcept { return true; }

HttpReply http_fetch(const std::string& url, const HttpLimits& limits, std::string_view body, const char* post_type) {
  HttpReply r;
  if (!is_http(url)) {
    r.error = "only http and https addresses are fetched";
    return r;
  }
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* c = curl_easy_init();
  if (!c) {
    r.error = "libcurl could not start a transfer";
    return r;
  }
  Sink sink{{}, limits.max_bytes};
  char why[CURL_ERROR_SIZE] = "";
  curl_slist* headers = nullptr;
  const long seconds = limits.timeout_seconds > 0 ? limits.timeout_seconds : 10;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for name resolution
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, seconds);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, why);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "hoadon");
  if (post_type) {
    headers = curl_slist_append(headers, fmt::format("Content-Type: {}", post_type).c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  }
  const CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (sink.over || rc == CURLE_FILESIZE_EXCEEDED)
    r.error = fmt::format("the answer exceeds {} bytes", limits.max_bytes);
  else if (rc == CURLE_OPERATION_TIMEDOUT)
    r.error = fmt::format("no answer within {} s", seconds);
  else if (rc != CURLE_OK)
    r.error = why[0] ? why : curl_easy_strerror(rc);
  else if (status != 200)
    r.error = fmt::format("HTTP status {}", status);
  else {
    r.ok = true;
    r.body = std::move(sink.body);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  return r;
}

#else

bool http_available() noexcept { return false; }

HttpReply http_fetch(const std::string&, const HttpLimits&, std::string_view, const char*) {
  return {false, {}, "not built with libcurl"};
}

#endif

}  // namespace hoadon::pki
