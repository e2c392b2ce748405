#include "validate/validate.hpp"

namespace hoadon::validate {

Report run(const xml::Document* doc, const model::Index& index, const Report& parsed, const Options& options) {
  Report report(options.profile);
  report.set_kind(parsed.kind());
  // Parse and recognition problems come first, at their own severities (the profile cannot
  // hide a hostile or malformed input).
  report.append(parsed);
  if (!doc || index.kind == model::Kind::Unknown) return report;
  if (options.run_schema) schema::check(*doc, index, options.schema, report);
  if (options.run_rules) rules::check(*doc, index, options.rules, report);
  return report;
}

}  // namespace hoadon::validate
