// The business rules over a parsed document: each rule a small check with its own code and
// default severity (lib/report/codes/rules.def).
#pragma once

#include <optional>

#include "model/index.hpp"
#include "report/report.hpp"
#include "rules/dates.hpp"
#include "rules/decimal.hpp"
#include "xml/document.hpp"

namespace hoadon::rules {

struct Settings {
  // Largest accepted difference per amount comparison, in the invoice currency's units
  // (±1 đồng for VND by default).
  Decimal tolerance = Decimal::from_int(1);
  // "Now" for the rules about dates in the future; nullopt = the current time.
  std::optional<Instant> now;
};

// Runs every business rule on every invoice (and envelope/form) of the document.
void check(const xml::Document& doc, const model::Index& index, const Settings& settings, Report& report);

}  // namespace hoadon::rules
