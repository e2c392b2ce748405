#include "dsig/ids.hpp"

#include <libxml/valid.h>

#include <algorithm>
#include <stdexcept>

#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

constexpr std::string_view kWsuNs =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

std::string_view name_of(const xmlAttr* a) { return reinterpret_cast<const char*>(a->name); }

bool is_id(const xmlAttr* a, IdNames names) noexcept {
  if (!a->name) return false;
  const auto n = name_of(a);
  if (!a->ns) return n == "Id" || (names == IdNames::Generic && (n == "ID" || n == "id"));
  return names == IdNames::Generic && n == "Id" && a->ns->href &&
         std::string_view(reinterpret_cast<const char*>(a->ns->href)) == kWsuNs;
}

std::string value_of(const xmlAttr* a) {
  xmlChar* v = xmlNodeListGetString(a->doc, a->children, 1);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

}  // namespace

IdTable::IdTable(xmlDoc* doc, IdNames names) : names_(names) {
  if (doc->ids) {
    xmlFreeIDTable(static_cast<xmlIDTablePtr>(doc->ids));
    doc->ids = nullptr;
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return;
  std::vector<std::pair<std::string, xmlAttr*>> found;
  xml::for_each_element(root, [&](xmlNode* e) {
    std::vector<std::string> own;  // one element naming the same value twice counts once
    for (xmlAttr* a = e->properties; a; a = a->next) {
      if (!is_id(a, names_)) continue;
      std::string value = value_of(a);
      if (std::find(own.begin(), own.end(), value) != own.end()) continue;
      own.push_back(value);
      ++counts_[value];
      found.emplace_back(std::move(value), a);
    }
  });
  for (auto& [value, attr] : found) {
    if (counts_[value] > 1) {
      duplicates_.push_back({attr->parent, value});
      continue;
    }
    xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(value.c_str()), attr);
    unique_.emplace(std::move(value), attr->parent);
  }
}

void IdTable::add(xmlNode* element) {
  xmlAttr* a = nullptr;
  for (xmlAttr* p = element->properties; p && !a; p = p->next)
    if (is_id(p, names_)) a = p;
  const std::string value = a ? value_of(a) : std::string();
  if (!a || counts_.count(value)) throw std::logic_error("IdTable::add: no Id, or one already used");
  counts_[value] = 1;
  xmlAddID(nullptr, element->doc, reinterpret_cast<const xmlChar*>(value.c_str()), a);
  unique_.emplace(value, element);
}

xmlNode* IdTable::find(std::string_view id) const {
  const auto it = unique_.find(std::string(id));
  return it == unique_.end() ? nullptr : it->second;
}

bool IdTable::duplicated(std::string_view id) const {
  const auto it = counts_.find(std::string(id));
  return it != counts_.end() && it->second > 1;
}

}  // namespace hoadon::dsig
