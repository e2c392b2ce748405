// OpenSSL's account of the last failure on this thread, for key errors.
#pragma once

#include <openssl/err.h>

#include <string>

namespace hoadon::keys {

// The reason of the most recent error on the thread's queue (then cleared), or "unknown error".
inline std::string openssl_error() {
  const unsigned long e = ERR_peek_last_error();
  ERR_clear_error();
  if (!e) return "unknown error";
  const char* reason = ERR_reason_error_string(e);
  return reason ? reason : "unknown error";
}

}  // namespace hoadon::keys
