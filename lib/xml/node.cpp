#include "xml/node.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hoadon::xml {
namespace {

std::string_view sv(const xmlChar* s) noexcept {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool same_name(const xmlNode* a, const xmlNode* b) noexcept { return name_of(a) == name_of(b) && ns_of(a) == ns_of(b); }

}  // namespace

std::string_view name_of(const xmlNode* n) noexcept { return n ? sv(n->name) : std::string_view(); }

std::string_view ns_of(const xmlNode* n) noexcept { return (n && n->ns) ? sv(n->ns->href) : std::string_view(); }

bool is_element(const xmlNode* n) noexcept { return n && n->type == XML_ELEMENT_NODE; }

bool is_plain(const xmlNode* n, std::string_view name) noexcept {
  return is_element(n) && n->ns == nullptr && name_of(n) == name;
}

bool is_dsig(const xmlNode* n, std::string_view name) noexcept {
  return is_element(n) && ns_of(n) == kDsigNs && name_of(n) == name;
}

xmlNode* first_child_element(const xmlNode* n) noexcept {
  if (!n) return nullptr;
  for (xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return nullptr;
}

xmlNode* next_element(const xmlNode* n) noexcept {
  if (!n) return nullptr;
  for (xmlNode* c = n->next; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return nullptr;
}

xmlNode* child(const xmlNode* n, std::string_view name) noexcept {
  for (xmlNode* c = first_child_element(n); c; c = next_element(c))
    if (is_plain(c, name)) return c;
  return nullptr;
}

std::vector<xmlNode*> children(const xmlNode* n, std::string_view name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = first_child_element(n); c; c = next_element(c))
    if (is_plain(c, name)) out.push_back(c);
  return out;
}

xmlNode* child_path(const xmlNode* n, std::initializer_list<std::string_view> names) noexcept {
  const xmlNode* cur = n;
  for (auto name : names) {
    cur = child(cur, name);
    if (!cur) return nullptr;
  }
  return const_cast<xmlNode*>(cur);
}

void append_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
      out += sv(c->content);
    else if (c->type == XML_ELEMENT_NODE)
      append_text(c, out);
  }
}

std::string text(const xmlNode* n) {
  std::string out;
  if (n) append_text(n, out);
  return out;
}

std::string trimmed_text(const xmlNode* n) { return std::string(trim(text(n))); }

std::vector<std::string> texts(const std::vector<const xmlNode*>& elements) {
  std::vector<std::string> out;
  out.reserve(elements.size());
  for (const xmlNode* e : elements) out.push_back(trimmed_text(e));
  return out;
}

std::optional<std::string> child_text(const xmlNode* n, std::string_view name) {
  const xmlNode* c = child(n, name);
  if (!c) return std::nullopt;
  return trimmed_text(c);
}

std::optional<std::string> attribute(const xmlNode* n, std::string_view name) {
  if (!is_element(n)) return std::nullopt;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->ns == nullptr && sv(a->name) == name) {
      std::string value;
      for (const xmlNode* t = a->children; t; t = t->next) value += sv(t->content);
      return value;
    }
  }
  return std::nullopt;
}

std::string xpath(const xmlNode* n) {
  std::vector<std::string> steps;
  for (const xmlNode* cur = n; cur && cur->type == XML_ELEMENT_NODE; cur = cur->parent) {
    std::string step;
    if (ns_of(cur) == kDsigNs)
      step = fmt::format("ds:{}", name_of(cur));
    else if (cur->ns)
      step = fmt::format("*[local-name()='{}']", name_of(cur));
    else
      step = std::string(name_of(cur));
    // Position among same-named siblings, only when there is more than one.
    std::size_t pos = 1, total = 1;
    if (cur->parent && cur->parent->type == XML_ELEMENT_NODE) {
      total = 0;
      for (const xmlNode* s = first_child_element(cur->parent); s; s = next_element(s)) {
        if (!same_name(s, cur)) continue;
        ++total;
        if (s == cur) pos = total;
      }
    }
    if (total > 1) step += fmt::format("[{}]", pos);
    steps.push_back(std::move(step));
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) out += "/" + *it;
  return out;
}

}  // namespace hoadon::xml
