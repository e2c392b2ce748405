#include "rules/checks/names.hpp"

#include <fmt/format.h>

#include "model/glossary.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

std::string with_meaning(std::string_view parent, std::string_view tag) {
  const std::string_view vi = meaning_vi(parent, tag);
  const std::string path = parent.empty() ? std::string(tag) : fmt::format("{}/{}", parent, tag);
  return vi.empty() ? path : fmt::format("{} ({})", path, vi);
}

}  // namespace

std::string_view meaning_vi(std::string_view parent, std::string_view tag) noexcept {
  const model::Term* t = model::term(parent, tag);
  return t ? t->vi : std::string_view();
}

std::string label(const xmlNode* element) {
  const xmlNode* parent = element ? element->parent : nullptr;
  const bool element_parent = parent && parent->type == XML_ELEMENT_NODE;
  return with_meaning(element_parent ? xml::name_of(parent) : std::string_view(), xml::name_of(element));
}

std::string label(const xmlNode* parent, std::string_view tag) { return with_meaning(xml::name_of(parent), tag); }

}  // namespace hoadon::rules::checks
