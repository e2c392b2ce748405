#include "dsig/ids.hpp"

#include <libxml/valid.h>

#include <stdexcept>

#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

xmlAttr* id_attribute(xmlNode* n) noexcept {
  for (xmlAttr* a = n->properties; a; a = a->next)
    if (!a->ns && a->name && std::string_view(reinterpret_cast<const char*>(a->name)) == "Id") return a;
  return nullptr;
}

}  // namespace

IdTable::IdTable(xmlDoc* doc) {
  if (doc->ids) {
    xmlFreeIDTable(static_cast<xmlIDTablePtr>(doc->ids));
    doc->ids = nullptr;
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return;
  std::vector<std::pair<std::string, xmlAttr*>> found;
  xml::for_each_element(root, [&](xmlNode* e) {
    if (xmlAttr* a = id_attribute(e)) {
      std::string value = *xml::attribute(e, "Id");
      ++counts_[value];
      found.emplace_back(std::move(value), a);
    }
  });
  for (auto& [value, attr] : found) {
    if (counts_[value] > 1) {
      duplicates_.push_back(attr->parent);
      continue;
    }
    xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(value.c_str()), attr);
    unique_.emplace(std::move(value), attr->parent);
  }
}

void IdTable::add(xmlNode* element) {
  xmlAttr* a = id_attribute(element);
  const auto value = xml::attribute(element, "Id");
  if (!a || !value || counts_.count(*value)) throw std::logic_error("IdTable::add: no Id, or one already used");
  counts_[*value] = 1;
  xmlAddID(nullptr, element->doc, reinterpret_cast<const xmlChar*>(value->c_str()), a);
  unique_.emplace(*value, element);
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
