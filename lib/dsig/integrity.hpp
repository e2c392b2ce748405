// The cryptographic check of one signature, done by xmlsec in the original document tree:
// every reference digest, then the signature value over SignedInfo, with the key hoadon chose
// (KeyInfo is never read by xmlsec). Success is claimed only when xmlsec's call succeeded, its
// status says so, and the list of references it checked is, one for one, the list hoadon read.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <string>

#include "dsig/relative_ns.hpp"
#include "dsig/signature.hpp"

namespace hoadon::dsig {

struct Integrity {
  enum class Status { Intact, DigestMismatch, ValueMismatch, Error };
  Status status = Status::Error;
  std::size_t failed_reference = 0;    // index in ParsedSignature::references (DigestMismatch)
  std::size_t checked = 0;             // references xmlsec verified
  bool enveloped_as_identity = false;  // the .NET semantics were applied to some reference
  bool relative_namespaces = false;    // the .NET semantics were applied to relative namespace URIs
  std::string detail;                  // xmlsec's account of a failure
};

// `sig` must be checkable (see ParsedSignature). The document's Id table must be registered;
// `relative` lists the document's relative namespace URIs.
[[nodiscard]] Integrity check_integrity(const ParsedSignature& sig, EVP_PKEY* key, const RelativeNamespaces& relative);

}  // namespace hoadon::dsig
