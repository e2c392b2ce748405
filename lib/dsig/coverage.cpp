#include "dsig/coverage.hpp"

#include <unordered_set>

#include <fmt/format.h>

#include "dsig/signature.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

bool has_content(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
        !xml::trim(reinterpret_cast<const char*>(c->content)).empty())
      return true;
  }
  return false;
}

struct Walk {
  const xml::Document& doc;
  const std::vector<Covered>& covered;
  std::unordered_set<const xmlNode*> on_path;  // ancestors of covered nodes and of signatures
  Report& report;

  bool is_covered(const xmlNode* n) const {
    for (const auto& c : covered)
      if (inside(n, c.node) && !(c.removed && inside(n, c.removed))) return true;
    return false;
  }

  void visit(xmlNode* n) {
    if (xml::is_dsig(n, "Signature") || is_covered(n)) return;
    if (!on_path.count(n)) {
      if (has_content(n))
        report.add(Code::DsigUnsigned, doc.locate(n),
                   fmt::format("No signature covers {}: applications should not rely on it", xml::xpath(n)),
                   fmt::format("Không chữ ký nào bao phủ {}: ứng dụng không nên dựa vào nội dung này", xml::xpath(n)));
      return;
    }
    for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) visit(c);
  }
};

}  // namespace

void report_unsigned(const xml::Document& doc, const std::vector<Covered>& covered, Report& report) {
  xmlNode* root = doc.root();
  if (!root) return;
  Walk w{doc, covered, {}, report};
  auto mark = [&](const xmlNode* n) {
    for (const xmlNode* a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent)
      if (!w.on_path.insert(a).second) break;
  };
  for (const auto& c : covered) mark(c.node);
  xml::for_each_element(root, [&](xmlNode* e) {
    if (xml::is_dsig(e, "Signature")) mark(e);
  });
  w.visit(root);
}

}  // namespace hoadon::dsig
