// The VAT tax-policy calendar (tax_policy.def): which temporary reductions an invoice dated on a
// given day may apply. Pure lookups, date in, rows out: the money checks use them to judge a
// reduced rate or a reduced tax, and an invoice builder to offer what is allowed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "util/dates.hpp"
#include "util/decimal.hpp"

namespace hoadon::rules {

enum class Relief : std::uint8_t {
  reduced_rate,  // the standard rate is charged as a lower one (10 % → 8 %)
  reduced_tax,   // the tax at the standard rate is a percentage of itself (10 % × 70 %)
};

enum class Certainty : std::uint8_t { confirmed, uncertain };

struct TaxPolicy {
  Date from, to;  // inclusive, in terms of NLap
  Relief relief = Relief::reduced_rate;
  int rate = 0;            // the standard rate lowered, percent
  int value = 0;           // reduced_rate: the rate charged; reduced_tax: percent of the tax kept
  int direct_percent = 0;  // percent of the revenue ratio kept by direct-method sellers
  Certainty certainty = Certainty::confirmed;
  std::string_view decree;  // "15/2022/NĐ-CP"
  std::string_view basis;   // "Resolution 43/2022/QH15"
  std::string_view scope;   // who may apply it, in English

  [[nodiscard]] bool in_force(const Date& day) const noexcept { return from <= day && day <= to; }
};

// The whole table, in date order.
[[nodiscard]] std::span<const TaxPolicy> tax_policies() noexcept;

// The rows in force on `day`.
[[nodiscard]] std::vector<const TaxPolicy*> tax_policies_at(const Date& day);

// The rows that make `percent` a reduced rate (8: every 10 % → 8 % decree), in date order; empty
// when `percent` is no reduced rate.
[[nodiscard]] std::vector<const TaxPolicy*> reduced_rate_policies(const Decimal& percent);

// The row that allows charging the reduced rate `percent` on `day`, or null.
[[nodiscard]] const TaxPolicy* reduced_rate_at(const Date& day, const Decimal& percent);

// The reduced_tax rows for the standard rate `percent` on `day` (10 % on 2021-11-05: Decree 92's
// 70 %).
[[nodiscard]] std::vector<const TaxPolicy*> tax_reductions_at(const Date& day, const Decimal& percent);

}  // namespace hoadon::rules
