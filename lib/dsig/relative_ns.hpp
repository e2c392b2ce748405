// Relative namespace URIs (xmlns="DSDLieu", seen in real summary messages). Canonical XML 1.0
// says a canonicalizer must fail on them, and libxml2's does; .NET writes them as they are,
// and the tax authority accepted documents signed that way. To verify such a document with
// xmlsec, each relative URI is made absolute for the duration of the check by a random,
// unguessable prefix, and a transform placed just before the digest (or signature) takes the
// prefix out of the canonical bytes again: the bytes hashed are those .NET hashed.
#pragma once

#include <libxml/tree.h>
#include <xmlsec/transforms.h>

#include <string>
#include <vector>

namespace hoadon::dsig {

class RelativeNamespaces {
 public:
  // Rewrites every relative namespace URI declared in the document; nothing when there is none.
  explicit RelativeNamespaces(xmlDoc* doc);
  ~RelativeNamespaces();  // restores the URIs exactly
  RelativeNamespaces(const RelativeNamespaces&) = delete;
  RelativeNamespaces& operator=(const RelativeNamespaces&) = delete;

  [[nodiscard]] bool active() const noexcept { return !patched_.empty(); }
  // Inserts the prefix-removing transform in `ctx`'s chain right before `before`.
  [[nodiscard]] bool insert_before(xmlSecTransformCtxPtr ctx, xmlSecTransformPtr before) const;

 private:
  struct Patched {
    xmlNs* ns;
    const xmlChar* original;
  };
  std::vector<Patched> patched_;
  std::string marker_;  // "hoadon-<32 random hex>:"
};

}  // namespace hoadon::dsig
