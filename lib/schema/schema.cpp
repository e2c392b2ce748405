// schema::check: choose the entry schemas (choose.cpp), validate with libxml2 (library.cpp
// compiles them once), explain each error (errors.cpp), and in default mode tell the tolerated
// deviations (deviations.cpp).
#include "schema/schema.hpp"

#include <libxml/xmlschemas.h>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "schema/choose.hpp"
#include "schema/deviations.hpp"
#include "schema/errors.hpp"
#include "schema/findings.hpp"
#include "schema/library.hpp"
#include "schema/model.hpp"
#include "util/handle.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
namespace {

bool inside(const xmlNode* n, const std::vector<const xmlNode*>& subtrees) {
  if (subtrees.empty()) return false;
  for (; n; n = n->parent)
    if (std::find(subtrees.begin(), subtrees.end(), n) != subtrees.end()) return true;
  return false;
}

// Validates the subtree of `element` (a global element of the schema); libxml2's errors go to
// `errors`. One validation context per call: contexts are not shared between threads.
bool validate(xmlSchemaPtr schema, xmlNode* element, std::vector<RawError>& errors) {
  const Owned<xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt> v(xmlSchemaNewValidCtxt(schema));
  if (!v) return false;
  xmlSchemaSetValidStructuredErrors(v.get(), collect, &errors);
  xmlSchemaValidateOneElement(v.get(), element);
  return true;
}

// The elements the entry schema's signature wildcard let through, for the dsig schema.
void slot_children(xmlNode* n, const std::vector<const xmlNode*>& excluded, std::vector<xmlNode*>& out) {
  for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
    if (signature_slot_child(c)) {
      if (!inside(c, excluded)) out.push_back(c);
    } else if (xml::ns_of(c) != xml::kDsigNs) {
      slot_children(c, excluded, out);
    }
  }
}

void internal(Report& report, const std::string& why) {
  report.add(Code::SchemaInternal, {}, fmt::format("Schema validation could not run: {}", why),
             fmt::format("Không thể kiểm tra theo lược đồ: {}", why));
}

}  // namespace

void check(const xml::Document& doc, const model::Index& index, const Options& options, Report& report) {
  Findings out(doc);
  const std::string variant = options.strict ? "-strict" : "";
  for (const Target& t : choose(doc, index, options.version, report)) {
    const Compiled& payload = entry_schema(t.entry + variant + ".xsd");
    const Compiled& dsig = dsig_schema(options.strict);
    if (!payload.schema || !dsig.schema) {
      internal(report, payload.schema ? dsig.error : payload.error);
      continue;
    }
    const Model& model = Model::get(t.version, t.kind);
    std::vector<RawError> errors;
    std::vector<xmlNode*> signatures;
    slot_children(t.element, t.excluded, signatures);
    if (!validate(payload.schema, t.element, errors)) {
      internal(report, "out of memory");
      continue;
    }
    for (xmlNode* s : signatures) validate(dsig.schema, s, errors);
    for (const RawError& e : errors)
      if (!inside(e.node, t.excluded)) diagnose(e, model, options.strict, out);
    if (!options.strict) find_deviations(t.element, model, t.excluded, out);
  }
  out.flush(report);
}

}  // namespace hoadon::schema
