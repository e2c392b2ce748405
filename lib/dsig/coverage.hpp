// Content that no signature covers. Applications should read only signed data; this says,
// with XPaths, what lies outside every intact signature (VNPT's Fkey after DSCKS, an envelope
// header, a tax-authority code nobody signed…).
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::dsig {

struct Covered {
  const xmlNode* node;     // a reference's target
  const xmlNode* removed;  // the signature the enveloped-signature transform takes out, or null
};

// Reports, as info, each largest element with content that lies outside every covered subtree
// (signatures themselves are not content).
void report_unsigned(const xml::Document& doc, const std::vector<Covered>& covered, Report& report);

}  // namespace hoadon::dsig
