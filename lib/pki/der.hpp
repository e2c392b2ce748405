// Bytes and text out of OpenSSL objects (DER encodings, ASN.1 strings as UTF-8), with the
// buffers OpenSSL allocates for them released on every path.
#pragma once

#include <openssl/asn1.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>

#include <cstddef>
#include <optional>
#include <string>

#include "util/handle.hpp"

namespace hoadon::pki {

/// A buffer OpenSSL allocated for the caller (OPENSSL_free is a macro, hence the lambda).
template <class T>
using OpensslBuffer = Owned<T, [](T* p) { OPENSSL_free(p); }>;

/// The DER encoding of `v` by its i2d_ function, or "" when it cannot be encoded.
template <typename T, int (*I2D)(const T*, unsigned char**)>
[[nodiscard]] std::string der_of(const T* v) {
  unsigned char* raw = nullptr;
  const int len = I2D(v, &raw);
  const OpensslBuffer<unsigned char> out(raw);
  if (len <= 0) return {};
  return std::string(reinterpret_cast<const char*>(out.get()), static_cast<std::size_t>(len));
}

/// The DER bytes of a certificate, or "".
[[nodiscard]] inline std::string certificate_der(const X509* cert) { return der_of<X509, i2d_X509>(cert); }

/// An ASN.1 string's value as UTF-8, or nullopt when OpenSSL cannot convert it.
[[nodiscard]] inline std::optional<std::string> utf8_text(const ASN1_STRING* s) {
  unsigned char* raw = nullptr;
  const int n = ASN1_STRING_to_UTF8(&raw, s);
  const OpensslBuffer<unsigned char> out(raw);
  if (n < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.get()), static_cast<std::size_t>(n));
}

}  // namespace hoadon::pki
