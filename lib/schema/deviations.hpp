// Default mode: the deviations from the tables that the default XSDs tolerate, each told as
// a warning (SCHEMA-DEV-*), so that nothing the strict mode would flag passes unnoticed. The
// walk follows the tables (Model, from required.tsv) down the document and re-checks what the
// default XSD gave up: child order, required children and attributes, repetitions, vendor
// elements, empty values, and values in a tolerated variant of their strict type.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "schema/findings.hpp"
#include "schema/model.hpp"

namespace hoadon::schema {

// Walks `element` (validated with `model`'s schema), leaving out the `excluded` subtrees and
// every node that already has a schema error.
void find_deviations(const xmlNode* element, const Model& model, const std::vector<const xmlNode*>& excluded,
                     Findings& out);

}  // namespace hoadon::schema
