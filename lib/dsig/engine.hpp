// The XML security library (xmlsec, OpenSSL backend): process-wide set-up, and the capture of
// the messages it and libxml2 emit while a signature is processed. lib/dsig is the only part
// of hoadon that talks to xmlsec.
#pragma once

#include <libxml/xmlerror.h>
#include <openssl/evp.h>
#include <xmlsec/keys.h>
#include <xmlsec/xmldsig.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/handle.hpp"

namespace hoadon::dsig {

using DsigContext = Owned<xmlSecDSigCtx, xmlSecDSigCtxDestroy>;

// A signature context (no keys manager: the caller sets signKey) that follows same-document
// references only and, unless permissive, enables only the allow-listed algorithms. Null when
// out of memory.
[[nodiscard]] DsigContext restricted_context(bool permissive = false);

// An xmlsec key holding a new reference to `key` (public, or private for signing), or null.
[[nodiscard]] xmlSecKeyPtr engine_key(EVP_PKEY* key);

// The transform of a chain fed by the canonical bytes: the one read from the element named
// `method_element` (DigestMethod in a reference, SignatureMethod in SignedInfo), or null.
[[nodiscard]] xmlSecTransformPtr hashing_step(xmlSecTransformCtxPtr ctx, std::string_view method_element);

// Takes every transform of klass `id` out of the chain (the enveloped-signature transform where
// it is identity: the signature does not lie in what the reference covers).
void drop_transforms(xmlSecTransformCtxPtr ctx, xmlSecTransformId id);

// Initialises xmlsec and its OpenSSL backend. Called once per process by
// hoadon::ensure_initialized(); throws std::runtime_error when xmlsec cannot start.
void init_engine();

// While alive, collects on the calling thread what xmlsec and libxml2 report (C14N errors,
// digest mismatches…) instead of letting them reach stderr. Nests: the innermost wins.
class EngineMessages {
 public:
  EngineMessages();
  ~EngineMessages();
  EngineMessages(const EngineMessages&) = delete;
  EngineMessages& operator=(const EngineMessages&) = delete;

  [[nodiscard]] const std::vector<std::string>& items() const noexcept { return items_; }
  // The most telling message (the first one, where the failure started), or "".
  [[nodiscard]] std::string first() const { return items_.empty() ? std::string() : items_.front(); }
  void add(std::string m);

 private:
  std::vector<std::string> items_;
  EngineMessages* previous_;
  xmlGenericErrorFunc saved_generic_;
  void* saved_generic_ctx_;
  xmlStructuredErrorFunc saved_structured_;
  void* saved_structured_ctx_;
};

}  // namespace hoadon::dsig
