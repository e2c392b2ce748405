// One owner type for the handles of the C libraries hoadon builds on (libxml2, xmlsec,
// OpenSSL): a unique_ptr whose deleter is the library's own free function, so a handle is
// released on every path and no part writes its own deleter struct.
#pragma once

#include <memory>

namespace hoadon {

/// Stateless deleter calling `Free` (a function, or a captureless lambda for libraries whose
/// free function is a variable, like libxml2's xmlFree).
template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p != nullptr) Free(p);
  }
};

/// `Owned<BIO, BIO_free> bio(BIO_new_mem_buf(...));`
template <class T, auto Free>
using Owned = std::unique_ptr<T, FreeWith<Free>>;

/// Takes ownership of `p`, deducing T: `auto name = own<X509_NAME_free>(X509_NAME_dup(n));`
template <auto Free, class T>
[[nodiscard]] Owned<T, Free> own(T* p) noexcept {
  return Owned<T, Free>(p);
}

}  // namespace hoadon
