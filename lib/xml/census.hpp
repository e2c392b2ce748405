// A count of the attributes of a document, taken on its raw bytes before libxml2 parses it.
//
// libxml2 checks each start tag for duplicate attributes and namespace declarations by
// comparing every pair (and looks prefixes up linearly in the declarations in scope): 40,000
// attributes on one element cost it minutes of CPU. This single pass refuses such inputs first,
// in time linear in their size.
#pragma once

#include <cstddef>
#include <string_view>

namespace hoadon::xml {

struct CensusLimits {
  std::size_t per_element;          // attributes (namespace declarations included) on one element
  std::size_t per_document;         // attributes in the whole document
  std::size_t namespaces_in_scope;  // namespace declarations open at any one point
  // libxml2 resolves each element's and prefixed attribute's namespace by a linear search of
  // the declarations in scope: the sum of those searches' lengths over the document.
  std::size_t namespace_lookups;
  std::size_t max_depth;  // beyond this depth the parser refuses anyway: the census stops
};

struct Census {
  enum class Over { None, PerElement, PerDocument, NamespacesInScope, NamespaceLookups };
  Over over = Over::None;
  std::size_t offset = 0;  // of the start tag where the limit was passed
  std::size_t count = 0;   // the count that passed it
};

// `text` is the document as ASCII-compatible bytes (UTF-8 or a single-byte encoding; a
// UTF-16 document is passed as its projection on ASCII, one byte per code unit). Markup that is
// not well formed ends the census without a finding: the parser reports it, and cannot spend
// more than the census saw before it stops there.
[[nodiscard]] Census take_census(std::string_view text, const CensusLimits& limits) noexcept;

}  // namespace hoadon::xml
