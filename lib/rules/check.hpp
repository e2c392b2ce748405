// The business rules over a parsed document: each rule a small check with its own code and
// default severity (lib/report/codes/*.def, one file per family; the checks in lib/rules/checks).
#pragma once

#include <optional>
#include <string_view>

#include "model/index.hpp"
#include "report/report.hpp"
#include "util/dates.hpp"
#include "util/decimal.hpp"
#include "xml/document.hpp"

namespace hoadon::rules {

// Where an invoice is in its life, which decides the signatures and the tax authority's code
// it must carry (spec §1.2, §6.1, §7.4).
enum class Stage {
  automatic,      // read from the document: the envelope's message type, else what the invoice carries
  draft,          // not signed yet (the §5.5 template): no signature or code is required
  seller_signed,  // signed by the seller, not (yet) coded: the seller's signature is required
  issued,         // final: code series (C) also need the tax authority's code and signature
};

struct Settings {
  // Largest accepted difference per amount comparison, in the invoice currency. nullopt: one
  // minor unit of the invoice's currency (1 đồng for VND, 0.01 for USD), spec §7.2.
  std::optional<Decimal> tolerance;
  // "Now" for the rules about dates in the future; nullopt = the current time.
  std::optional<Instant> now;
  Stage stage = Stage::automatic;
};

// Runs every business rule on every invoice (and the envelope) of the document. Tolerates any
// content: missing, empty and malformed elements are skipped by the rules that need them (the
// schema reports them), never a crash.
void check(const xml::Document& doc, const model::Index& index, const Settings& settings, Report& report);

}  // namespace hoadon::rules
