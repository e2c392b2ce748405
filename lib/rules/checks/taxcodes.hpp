// Checking one tax code field, shared by the invoice's parties (taxcodes.cpp) and the envelope
// (envelope.cpp).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "report/catalogue.hpp"
#include "rules/checks/context.hpp"
#include "rules/checks/names.hpp"
#include "rules/taxcode.hpp"

namespace hoadon::rules::checks {

// Why a tax code (or envelope party code) `text` failed, in both languages.
[[nodiscard]] Reason explain(const TaxCodeResult& r, std::string_view text);

enum class Holder {
  anyone,        // an organisation's MST or, since 1 Jul 2025, a person's 12-digit ID (spec §3.3)
  organisation,  // a solution provider or delegate: an organisation, so no personal ID
};

// Checks the tax code written in `element` (skipped when absent or empty) and reports `code`.
void check_tax_code_element(const xmlNode* element, Code code, Holder holder, const Out& out);

}  // namespace hoadon::rules::checks
