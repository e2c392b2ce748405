// `validate`: the document's own diagnostics, then the tax schemas, then the business rules,
// in one report.
#pragma once

#include <string>

#include "model/index.hpp"
#include "report/report.hpp"
#include "rules/check.hpp"
#include "schema/schema.hpp"
#include "xml/document.hpp"

namespace hoadon::validate {

struct Options {
  schema::Options schema;    // strict mode, version override
  rules::Settings rules;     // tolerance, "now", …
  bool run_schema = true;
  bool run_rules = true;
  const Profile* profile = nullptr;  // severity overrides, or null for the catalogue defaults
};

// `doc` may be null (the input was rejected): the report then holds only `parsed`'s diagnostics.
[[nodiscard]] Report run(const xml::Document* doc, const model::Index& index, const Report& parsed,
                         const Options& options);

}  // namespace hoadon::validate
