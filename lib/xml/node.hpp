// Small helpers over libxml2 nodes. Invoice elements are unqualified (no namespace); the
// helpers that take a plain name match only elements without a namespace, so that a
// look-alike element in another namespace is never mistaken for invoice data.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace hoadon::xml {

inline constexpr std::string_view kDsigNs = "http://www.w3.org/2000/09/xmldsig#";

[[nodiscard]] std::string_view name_of(const xmlNode* n) noexcept;  // local name
[[nodiscard]] std::string_view ns_of(const xmlNode* n) noexcept;    // namespace URI or ""
[[nodiscard]] bool is_element(const xmlNode* n) noexcept;
// Element with this local name and no namespace.
[[nodiscard]] bool is_plain(const xmlNode* n, std::string_view name) noexcept;
// Element with this local name in the XMLDSig namespace.
[[nodiscard]] bool is_dsig(const xmlNode* n, std::string_view name) noexcept;

[[nodiscard]] xmlNode* first_child_element(const xmlNode* n) noexcept;
[[nodiscard]] xmlNode* next_element(const xmlNode* n) noexcept;
// First child element with this plain name, or null.
[[nodiscard]] xmlNode* child(const xmlNode* n, std::string_view name) noexcept;
// All child elements with this plain name, in document order.
[[nodiscard]] std::vector<xmlNode*> children(const xmlNode* n, std::string_view name);
// Follows a path of plain names, e.g. child_path(hdon, {"DLHDon", "TTChung", "KHHDon"}).
[[nodiscard]] xmlNode* child_path(const xmlNode* n, std::initializer_list<std::string_view> names) noexcept;

// Character data of the element and its descendants (text and CDATA; comments excluded).
[[nodiscard]] std::string text(const xmlNode* n);
// Appends the same to out (no allocation when out has room: for tight loops over leaves).
void append_text(const xmlNode* n, std::string& out);
// The same with leading/trailing XML white space removed (vendors pretty-print values).
[[nodiscard]] std::string trimmed_text(const xmlNode* n);
// The trimmed text of each element.
[[nodiscard]] std::vector<std::string> texts(const std::vector<const xmlNode*>& elements);
// Trimmed text of a child element, or nullopt when the child is absent.
[[nodiscard]] std::optional<std::string> child_text(const xmlNode* n, std::string_view name);
[[nodiscard]] std::optional<std::string> attribute(const xmlNode* n, std::string_view name);

using hoadon::trim;

// Calls f(element) for `root` and every element below it, in document order. Iterative, so
// that the deepest document the parser accepts cannot exhaust the stack.
template <class F>
void for_each_element(xmlNode* root, F&& f) {
  for (xmlNode* cur = root; cur;) {
    if (cur->type == XML_ELEMENT_NODE) {
      f(cur);
      if (cur->children) {
        cur = cur->children;
        continue;
      }
    }
    while (cur != root && !cur->next) cur = cur->parent;
    if (cur == root) break;
    cur = cur->next;
  }
}

// An XPath that selects exactly this node: /HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[3]/ThTien.
// Positions are given when siblings share the name; XMLDSig elements use the ds: prefix,
// other namespaced elements *[local-name()='…'].
[[nodiscard]] std::string xpath(const xmlNode* n);

}  // namespace hoadon::xml
