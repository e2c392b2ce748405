// PLACEHOLDER on the `validate` scaffolding branch: the business-rules work replaces this file.
#include "rules/check.hpp"

namespace hoadon::rules {

void check(const xml::Document&, const model::Index&, const Settings&, Report&) {}

}  // namespace hoadon::rules
