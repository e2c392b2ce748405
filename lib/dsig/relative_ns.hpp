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
  // Finds the relative namespace URIs declared in the document (the tree is not changed yet).
  explicit RelativeNamespaces(xmlDoc* doc);
  RelativeNamespaces(const RelativeNamespaces&) = delete;
  RelativeNamespaces& operator=(const RelativeNamespaces&) = delete;

  [[nodiscard]] bool any() const noexcept { return !found_.empty(); }

  // While alive, the URIs carry the prefix; the destructor restores them exactly.
  class Applied {
   public:
    explicit Applied(const RelativeNamespaces& r);
    ~Applied();
    Applied(const Applied&) = delete;
    Applied& operator=(const Applied&) = delete;

   private:
    const RelativeNamespaces& r_;
  };

  // Inserts the prefix-removing transform in `ctx`'s chain right before `before`; it sets
  // *removed when the canonical bytes held a prefix (a relative URI was in the signed content).
  [[nodiscard]] bool insert_before(xmlSecTransformCtxPtr ctx, xmlSecTransformPtr before, bool* removed) const;

 private:
  struct Found {
    xmlNs* ns;
    const xmlChar* original;
  };
  std::vector<Found> found_;
  std::string marker_;  // "hoadon-<32 random hex>:"
};

}  // namespace hoadon::dsig
