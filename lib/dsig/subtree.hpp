// Canonicalisation focused on the subtree being signed.
//
// libxml2's canonicaliser always walks the whole document, asking for each node whether it is
// in the node set, so xmlsec canonicalising a small Object or SignedInfo costs as much as the
// invoice itself — three walks of a 10,000-line invoice per signature. When the node set is
// one element's subtree (a "#id" reference, SignedInfo), every node outside it is invisible,
// and canonicalising from that element alone gives the very same bytes: ancestors contribute
// nothing but their in-scope namespaces, which libxml2 reads from the element's parent chain
// either way. A pass-through transform placed just before each C14N step makes that element
// the document's only child for the duration of the step, then puts the tree back.
#pragma once

#include <xmlsec/transforms.h>

namespace hoadon::dsig {

// True for the canonicalisation transforms (C14N 1.0/1.1, exclusive, with or without comments).
[[nodiscard]] bool is_c14n(xmlSecTransformId id) noexcept;

// Inserts the focusing transform before every C14N step of `ctx`'s chain. False when out of memory.
[[nodiscard]] bool focus_c14n_on_subtrees(xmlSecTransformCtxPtr ctx);

// The focusing transform's klass (xmlsec plumbing for allow-list checks).
[[nodiscard]] xmlSecTransformId subtree_focus_klass() noexcept;

}  // namespace hoadon::dsig
