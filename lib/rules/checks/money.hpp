// MONEY-*: shared pieces of the arithmetic checks (spec §7.2). The lines are read once
// (money_lines.cpp) into per-rate sums that the summary and total checks (money_totals.cpp)
// compare with what the invoice states. Exact decimals throughout, never binary floating point.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/context.hpp"
#include "util/decimal.hpp"

namespace hoadon::rules::checks {

// A VAT rate as written in TSuat (Phụ lục V, spec §7.1), normalised so that "10%" and the
// BKSOFT spelling "10" fall in one group.
struct Rate {
  std::string key;                 // "10%", "KCT", "KKKNT", "KHAC:5.26%", "KHAC", "" (no rate), else as written
  std::optional<Decimal> percent;  // the tax rate in percent; 0 for 0%, KCT and KKKNT; nullopt when unknown
};
[[nodiscard]] Rate parse_rate(std::string_view text);

// The lines of one rate.
struct RateLines {
  Rate rate;
  Decimal base;                    // Σ ThTien of goods lines (TChat 1, 2, 5) − Σ ThTien of discount lines (TChat 3)
  Decimal line_taxes;              // the same with each line's tax rounded on its own (a vendor variant)
  const xmlNode* first = nullptr;  // the first line with this rate, to locate diagnostics
};

struct Lines {
  std::vector<RateLines> rates;             // in order of first appearance
  bool any = false;                         // some line carries an amount
  bool discount_lines = false;              // some TChat 3 line carries a non-zero amount (already netted)
  const xmlNode* first_negative = nullptr;  // first line with a negative amount
};

// Checks each line (MONEY-LINE, MONEY-LINE-DISCOUNT, MONEY-PROMOTION) and sums them by rate.
[[nodiscard]] Lines check_lines(const Invoice& inv, const Out& out);
// Checks the per-rate summary and the totals against the lines (MONEY-RATE-*, MONEY-TOTAL-*).
void check_totals(const Invoice& inv, const Lines& lines, const Out& out);

// Whether `stated` equals a computed `exact` value within the invoice's tolerance, either as
// computed or rounded to the currency's minor unit (vendors write both).
[[nodiscard]] bool agrees(const Invoice& inv, const Decimal& stated, const Decimal& exact);

}  // namespace hoadon::rules::checks
