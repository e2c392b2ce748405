// The tax schemas (XSD 1.0), compiled into the library and checked with libxml2.
#pragma once

#include <string>

#include "model/index.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::schema {

struct Options {
  bool strict = false;  // the tables literally (order, unknown elements, empty values)
  std::string version;  // PBan to validate against instead of the declared one ("" = declared)
};

// Validates every part of the document that has a schema (the invoice, the envelope, the
// forms) and adds located diagnostics to the report. Thread-safe.
void check(const xml::Document& doc, const model::Index& index, const Options& options, Report& report);

}  // namespace hoadon::schema
