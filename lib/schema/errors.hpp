// libxml2's schema errors turned into hoadon diagnostics: each gets its own stable code
// (SCHEMA-MISSING, SCHEMA-LENGTH, …), the element's XPath and line, and a message in English
// and Vietnamese that names the element with its meaning ("NBan/MST (Mã số thuế người bán):
// …"). The format tables (Model) say what libxml2's sentence leaves out: which required child
// is missing, whether an element is unknown or only out of order, and which rule a value broke.
#pragma once

#include <libxml/xmlerror.h>

#include <string>
#include <vector>

#include "schema/findings.hpp"
#include "schema/model.hpp"

namespace hoadon::schema {

// One error as libxml2 reported it, copied out of its callback.
struct RawError {
  int code = 0;
  xmlNode* node = nullptr;  // element (or attribute) concerned; null for a schema-level error
  std::string message;
};

// Collects libxml2's structured errors (the callback of xmlSchemaSetValidStructuredErrors).
void collect(void* raw_errors, xmlErrorPtr error);

// Classifies one error and adds it to `out`. `model` gives the tables of the part the node
// belongs to; `strict` decides whether vendor extras count as known elements.
void diagnose(const RawError& e, const Model& model, bool strict, Findings& out);

}  // namespace hoadon::schema
