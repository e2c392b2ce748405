// Which entry schema applies to which part of a document (DESIGN.md, "Choosing a schema"),
// decided from the Index: invoices by PBan, KHMSHDon and the type letter of KHHDon; forms by
// their root and MSo. Parts without a schema get their own diagnostic, never a fallback.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "model/index.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::schema {

struct Target {
  std::string entry;           // embedded entry without variant suffix: "hdon-2.1.0-1", "tbao-102"
  std::string version;         // PBan the tables are taken from ("2.1.0"; the form's for forms)
  std::string kind;            // "1", "6n", "1m", "tbao-102", …
  xmlNode* element = nullptr;  // validated element: the document root, or one HDon of a message
  // Invoices inside `element` that are validated by another target (or not at all): their
  // errors under this target are not reported.
  std::vector<const xmlNode*> excluded;
};

// Template kind of an invoice ("1", "6n", "1m"…): the KHMSHDon digit, refined by the type letter of
// the series KHHDon for cash registers (M) and warehouse notes (N/B).
[[nodiscard]] std::string kind_of(std::string digit, std::string series);

// The targets of a document, in document order; reports SCHEMA-VERSION / SCHEMA-TEMPLATE for
// the parts no schema applies to. `version` overrides the declared PBan of every invoice.
[[nodiscard]] std::vector<Target> choose(const xml::Document& doc, const model::Index& index,
                                         const std::string& version, Report& report);

}  // namespace hoadon::schema
