// PLACEHOLDER on the `validate` scaffolding branch: the schema work replaces this file.
#include "schema/schema.hpp"

namespace hoadon::schema {

void check(const xml::Document&, const model::Index&, const Options&, Report&) {}

}  // namespace hoadon::schema
