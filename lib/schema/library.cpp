#include "schema/library.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "init.hpp"
#include "schema/embedded.hpp"
#include "util/handle.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {

const File* embedded_file(std::string_view name) noexcept {
  const auto files = embedded_files();
  const auto it =
      std::lower_bound(files.begin(), files.end(), name, [](const File& f, std::string_view n) { return f.name < n; });
  return (it != files.end() && it->name == name) ? &*it : nullptr;
}

namespace {

constexpr std::string_view kXs = "http://www.w3.org/2001/XMLSchema";

using DocPtr = Owned<xmlDoc, xmlFreeDoc>;

bool is_xs(const xmlNode* n, std::string_view name) {
  return xml::is_element(n) && xml::ns_of(n) == kXs && xml::name_of(n) == name;
}

DocPtr parse_embedded(std::string_view name, std::string& error) {
  const File* f = embedded_file(name);
  if (!f) {
    error = fmt::format("schema file {} is not embedded", name);
    return nullptr;
  }
  // The embedded texts are ours: no DTD, no entities; NONET all the same.
  DocPtr doc(xmlReadMemory(f->text.data(), static_cast<int>(f->text.size()), nullptr, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc || !xmlDocGetRootElement(doc.get())) {
    error = fmt::format("embedded schema file {} is not well-formed", name);
    return nullptr;
  }
  return doc;
}

// Replaces every `<xs:element ref="ds:Signature" …/>` below n by a wildcard for the XMLDSig
// namespace with the same occurrence bounds.
void cut_signature_refs(xmlNode* n) {
  for (xmlNode* c = xml::first_child_element(n); c;) {
    xmlNode* next = xml::next_element(c);
    if (is_xs(c, "element") && xml::attribute(c, "ref") == std::optional<std::string>("ds:Signature")) {
      xmlNode* any = xmlNewDocNode(c->doc, c->ns, BAD_CAST "any", nullptr);
      xmlNewProp(any, BAD_CAST "namespace", BAD_CAST xml::kDsigNs.data());
      xmlNewProp(any, BAD_CAST "processContents", BAD_CAST "skip");
      for (const char* occurs : {"minOccurs", "maxOccurs"})
        if (auto v = xml::attribute(c, occurs)) xmlNewProp(any, BAD_CAST occurs, BAD_CAST v->c_str());
      xmlReplaceNode(c, any);
      xmlFreeNode(c);
    } else {
      cut_signature_refs(c);
    }
    c = next;
  }
}

// Inlines the includes of `into`'s root (recursively, each file once) and drops its imports.
bool inline_includes(xmlDoc* into, xmlNode* root, std::set<std::string>& seen, std::string& error) {
  for (xmlNode* c = xml::first_child_element(root); c;) {
    xmlNode* next = xml::next_element(c);
    if (is_xs(c, "import")) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (is_xs(c, "include")) {
      const auto loc = xml::attribute(c, "schemaLocation").value_or("");
      if (seen.insert(loc).second) {
        DocPtr inc = parse_embedded(loc, error);
        if (!inc) return false;
        xmlNode* inc_root = xmlDocGetRootElement(inc.get());
        if (!inline_includes(inc.get(), inc_root, seen, error)) return false;
        for (xmlNode* g = xml::first_child_element(inc_root); g; g = xml::next_element(g))
          xmlAddPrevSibling(c, xmlDocCopyNode(g, into, 1));
      }
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
  return true;
}

void collect_errors(void* ctx, xmlErrorPtr e) {
  auto* out = static_cast<std::string*>(ctx);
  if (!e || e->level < XML_ERR_ERROR || !out->empty()) return;
  *out = e->message ? std::string(xml::trim(e->message)) : "unknown error";
}

// Compiles a schema document we own; the document must outlive the schema (libxml2 keeps
// pointers into it), so it is kept with it.
struct Slot {
  std::once_flag once;
  Compiled compiled;
  DocPtr doc;
  ~Slot() { FreeWith<xmlSchemaFree>{}(compiled.schema); }
};

void compile(Slot& slot, std::string_view file, bool is_dsig) {
  ensure_initialized();
  std::string error;
  DocPtr doc = parse_embedded(file, error);
  if (doc && !is_dsig) {
    xmlNode* root = xmlDocGetRootElement(doc.get());
    std::set<std::string> seen;
    if (inline_includes(doc.get(), root, seen, error))
      cut_signature_refs(root);
    else
      doc.reset();
  }
  if (!doc) {
    slot.compiled.error = error;
    return;
  }
  const Owned<xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt> pctxt(xmlSchemaNewDocParserCtxt(doc.get()));
  if (!pctxt) {
    slot.compiled.error = "out of memory creating a schema parser";
    return;
  }
  xmlSchemaSetParserStructuredErrors(pctxt.get(), collect_errors, &error);
  slot.compiled.schema = xmlSchemaParse(pctxt.get());
  if (!slot.compiled.schema)
    slot.compiled.error = fmt::format("{} does not compile: {}", file, error.empty() ? "unknown error" : error);
  slot.doc = std::move(doc);
}

// One slot per embedded .xsd, created once; slots never move.
class Cache {
 public:
  Cache() {
    for (const File& f : embedded_files())
      if (f.name.ends_with(".xsd")) slots_.emplace(std::string(f.name), std::make_unique<Slot>());
  }
  const Compiled& get(std::string_view file, bool is_dsig) {
    static const Compiled missing{nullptr, "no such embedded schema"};
    const auto it = slots_.find(file);
    if (it == slots_.end()) return missing;
    Slot& s = *it->second;
    std::call_once(s.once, [&] { compile(s, file, is_dsig); });
    return s.compiled;
  }

 private:
  std::map<std::string, std::unique_ptr<Slot>, std::less<>> slots_;
};

Cache& cache() {
  static Cache c;  // thread-safe initialisation; each slot compiles under its own once_flag
  return c;
}

}  // namespace

bool has_entry(std::string_view file) noexcept { return embedded_file(file) != nullptr; }

const Compiled& entry_schema(std::string_view file) { return cache().get(file, false); }

const Compiled& dsig_schema(bool strict) { return cache().get(strict ? "dsig-strict.xsd" : "dsig.xsd", true); }

bool signature_slot_child(const xmlNode* n) noexcept {
  if (!xml::is_element(n) || xml::ns_of(n) != xml::kDsigNs) return false;
  const xmlNode* slot = n->parent;
  if (!xml::is_element(slot) || slot->ns) return false;
  return xml::name_of(slot) == "CKSNNT" || xml::is_plain(slot->parent, "DSCKS");
}

}  // namespace hoadon::schema
