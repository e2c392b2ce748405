#include "schema/describe.hpp"

#include <fmt/format.h>

#include "util/utf8.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {

std::string display_name(const xmlNode* n) {
  if (!n) return {};
  const auto name = xml::name_of(n);
  return xml::ns_of(n) == xml::kDsigNs ? fmt::format("ds:{}", name) : std::string(name);
}

model::Label label_of_child(const xmlNode* parent, std::string_view child) {
  return model::label(xml::is_element(parent) ? xml::name_of(parent) : std::string_view(), child);
}

model::Label label_of(const xmlNode* element) {
  if (!element) return {};
  if (element->type == XML_ATTRIBUTE_NODE)
    return label_of_child(element->parent, fmt::format("@{}", xml::name_of(element)));
  const xmlNode* parent = xml::is_element(element->parent) ? element->parent : nullptr;
  model::Label l = label_of_child(parent, xml::name_of(element));
  if (xml::ns_of(element) == xml::kDsigNs) {  // ds:Signature, not the invoice's own tags
    const auto bare = parent ? fmt::format("{}/{}", display_name(parent), display_name(element)) : display_name(element);
    const model::Term* t = model::term({}, xml::name_of(element));
    return t ? model::Label{fmt::format("{} ({})", bare, t->vi), fmt::format("{} ({})", bare, t->en)}
             : model::Label{bare, bare};
  }
  return l;
}

std::string shown(std::string_view value) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t len = 0;
    (void)utf8_decode(value.substr(i), len);
    if (++chars > 60) return fmt::format("'{}…'", out);
    // Line breaks and tabs shown as escapes: a message stays on one line.
    const char c = value[i];
    if (c == '\n' || c == '\r' || c == '\t') out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    else out.append(value.substr(i, len));
    i += len;
  }
  return fmt::format("'{}'", out);
}

}  // namespace hoadon::schema
