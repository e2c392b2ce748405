#include "schema/support.hpp"

#include <doctest/doctest.h>

#include "model/index.hpp"
#include "schema/schema.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"

namespace testing {

hoadon::Report schema_report(const std::string& bytes, bool strict, const std::string& version) {
  hoadon::Report parsed;
  auto doc = hoadon::xml::parse(bytes, {}, parsed);
  REQUIRE_MESSAGE(doc, summary(parsed));
  const auto index = hoadon::model::build_index(*doc, parsed);
  hoadon::Report r;
  hoadon::schema::check(*doc, index, {strict, version}, r);
  return r;
}

std::filesystem::path schema_samples() { return source_dir() / "lib/schema/samples"; }

const hoadon::Diagnostic* find(const hoadon::Report& r, std::string_view code) {
  for (const auto& d : r.items())
    if (d.code_name() == code) return &d;
  return nullptr;
}

std::string summary(const hoadon::Report& r) {
  std::string out;
  for (const auto& d : r.items())
    out += std::string(d.code_name()) + " " + d.where.path + " (" + d.message + "); ";
  return out;
}

}  // namespace testing
