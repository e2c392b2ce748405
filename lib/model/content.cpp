#include "model/content.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "model/describe.hpp"
#include "xml/node.hpp"

namespace hoadon::model {
namespace {

// Repeatable elements of the format's tables: always arrays, even when there is one.
constexpr std::array<std::string_view, 4> kListItems = {"HHDVu", "TTin", "LTSuat", "LPhi"};

// The key of a child element: its local name, or "{namespace}name" outside the invoice's
// (unqualified) vocabulary, so that a look-alike never merges with invoice data.
std::string key_of(const xmlNode* n) {
  const auto ns = xml::ns_of(n);
  if (ns.empty()) return std::string(xml::name_of(n));
  return fmt::format("{{{}}}{}", ns, xml::name_of(n));
}

bool has_significant_text(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
        !trim(reinterpret_cast<const char*>(c->content)).empty())
      return true;
  return false;
}

void write_value(JsonWriter& w, const xmlNode* n, unsigned depth);

void write_object(JsonWriter& w, const xmlNode* n, unsigned depth) {
  w.begin_object();
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    std::string value;
    for (const xmlNode* t = a->children; t; t = t->next)
      if (t->content) value += reinterpret_cast<const char*>(t->content);
    const std::string name = a->ns && a->ns->prefix
                                 ? fmt::format("@{}:{}", reinterpret_cast<const char*>(a->ns->prefix),
                                               reinterpret_cast<const char*>(a->name))
                                 : fmt::format("@{}", reinterpret_cast<const char*>(a->name));
    w.field(name, std::string_view(value));
  }
  if (xml::first_child_element(n) && has_significant_text(n)) w.field("#text", std::string_view(xml::text(n)));
  // Children grouped by key, in the order each key first appears.
  std::vector<std::string> keys;
  std::vector<std::vector<const xmlNode*>> groups;
  for (const xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
    const std::string k = key_of(c);
    const auto it = std::find(keys.begin(), keys.end(), k);
    if (it == keys.end()) {
      keys.push_back(k);
      groups.push_back({c});
    } else {
      groups[static_cast<std::size_t>(it - keys.begin())].push_back(c);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    w.key(keys[i]);
    const bool list =
        groups[i].size() > 1 || (xml::ns_of(groups[i].front()).empty() &&
                                 std::find(kListItems.begin(), kListItems.end(), keys[i]) != kListItems.end());
    if (list) w.begin_array();
    for (const xmlNode* c : groups[i]) write_value(w, c, depth + 1);
    if (list) w.end_array();
  }
  w.end_object();
}

void write_value(JsonWriter& w, const xmlNode* n, unsigned depth) {
  // The parser bounds depth (256 at most), so this recursion is bounded too.
  if (!n->properties && !xml::first_child_element(n)) {
    w.value(std::string_view(xml::text(n)));
    return;
  }
  write_object(w, n, depth);
}

}  // namespace

void write_element(JsonWriter& w, const xmlNode* element) { write_value(w, element, 0); }

std::vector<const xmlNode*> invoice_lines(const InvoiceNodes& inv) {
  std::vector<const xmlNode*> out;
  if (!inv.dlhdon) return out;
  if (const xmlNode* list = xml::child_path(inv.dlhdon, {"NDHDon", "DSHHDVu"}))
    for (const xmlNode* l : xml::children(list, "HHDVu")) out.push_back(l);
  return out;
}

std::optional<std::string> LineValues::get(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return std::nullopt;
}

std::vector<LineValues> read_lines(const InvoiceNodes& inv) {
  std::vector<LineValues> out;
  for (const xmlNode* line : invoice_lines(inv)) {
    LineValues v;
    for (const xmlNode* c = xml::first_child_element(line); c; c = xml::next_element(c)) {
      if (!xml::ns_of(c).empty()) continue;
      const std::string_view name = xml::name_of(c);
      if (name == "TTKhac") {
        if (v.extensions) continue;
        v.extensions.emplace();
        for (const xmlNode* t : xml::children(c, "TTin"))
          v.extensions->emplace_back(xml::child_text(t, "TTruong").value_or(""),
                                     xml::child_text(t, "DLieu").value_or(""));
        continue;
      }
      if (!v.get(name)) v.fields.emplace_back(std::string(name), xml::trimmed_text(c));
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::string content_to_json(const Essentials& e, const Index& idx, const Report& r, std::string_view file) {
  return essentials_to_json(e, r, file, [&](JsonWriter& w, std::size_t i) {
    w.field("index", static_cast<std::uint64_t>(i + 1));
    w.key("data");
    if (i < idx.invoices.size() && idx.invoices[i].dlhdon)
      write_element(w, idx.invoices[i].dlhdon);
    else
      w.null();
  });
}

std::string content_to_text(const Essentials& e, const Index& idx, const Report& r, std::string_view file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  return essentials_to_text(e, r, file, lang, [&](std::string& out, std::size_t i) {
    if (i >= idx.invoices.size()) return;
    for (const xmlNode* l : invoice_lines(idx.invoices[i])) {
      const auto f = [l](std::string_view name) {
        auto v = xml::child_text(l, name);
        return v && !v->empty() ? std::move(*v) : std::string("–");
      };
      out += fmt::format("    {} {}: {} — {} {} × {} = {} ({} {})\n", vi ? "dòng" : "line", f("STT"), f("THHDVu"),
                         f("SLuong"), f("DVTinh"), f("DGia"), f("ThTien"), vi ? "thuế suất" : "tax rate", f("TSuat"));
    }
  });
}

}  // namespace hoadon::model
