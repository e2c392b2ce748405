// Fetching revocation data over HTTP(S) with libcurl (HOADON_WITH_CURL): http and https only
// (redirects too), a time limit for connecting and for the whole transfer, a size limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hoadon::pki {

struct HttpLimits {
  int timeout_seconds = 10;
  std::size_t max_bytes = std::size_t{1} << 20;  // 1 MiB: the transfer is aborted beyond
};

struct HttpReply {
  bool ok = false;    // a 200 answer within the limits
  std::string body;   // when ok
  std::string error;  // why not
};

[[nodiscard]] bool http_available() noexcept;

// GET `url`; with `post_type`, POST `body` with that Content-Type instead.
[[nodiscard]] HttpReply http_fetch(const std::string& url, const HttpLimits& limits, std::string_view body = {},
                                   const char* post_type = nullptr);

}  // namespace hoadon::pki
