// The VAT tax-policy calendar (lib/rules/tax_policy.def): each period's boundaries, both sides.
#include <doctest/doctest.h>

#include <string>

#include "rules/tax_policy.hpp"

using namespace hoadon;
using namespace hoadon::rules;

namespace {

Decimal pct(int v) { return Decimal::from_int(v); }

// The decree allowing 8% on `day`, or "" when none does.
std::string eight_at(const Date& day) {
  const TaxPolicy* p = reduced_rate_at(day, pct(8));
  return p ? std::string(p->decree) : std::string();
}

}  // namespace

TEST_CASE("tax policy: the 10% → 8% periods, the day before, the first day, the last day, the day after") {
  struct Period {
    Date before, first, last, after;
    const char* decree;
  };
  const Period periods[] = {
      {{2022, 1, 31}, {2022, 2, 1}, {2022, 12, 31}, {2023, 1, 1}, "15/2022/NĐ-CP"},
      {{2023, 6, 30}, {2023, 7, 1}, {2023, 12, 31}, {2024, 1, 1}, "44/2023/NĐ-CP"},
      {{2023, 12, 31}, {2024, 1, 1}, {2024, 6, 30}, {2024, 7, 1}, "94/2023/NĐ-CP"},
      {{2024, 6, 30}, {2024, 7, 1}, {2024, 12, 31}, {2025, 1, 1}, "72/2024/NĐ-CP"},
      {{2024, 12, 31}, {2025, 1, 1}, {2025, 6, 30}, {2025, 7, 1}, "180/2024/NĐ-CP"},
      {{2025, 6, 30}, {2025, 7, 1}, {2026, 12, 31}, {2027, 1, 1}, "174/2025/NĐ-CP"},
  };
  for (const auto& p : periods) {
    CAPTURE(p.decree);
    CHECK(eight_at(p.first) == p.decree);
    CHECK(eight_at(p.last) == p.decree);
    // The neighbouring day is either outside every period or in the adjacent decree's.
    CHECK(eight_at(p.before) != p.decree);
    CHECK(eight_at(p.after) != p.decree);
  }
  // The gaps: before the first decree, the first half of 2023, after the last one.
  CHECK(eight_at({2022, 1, 31}).empty());
  CHECK(eight_at({2023, 1, 1}).empty());
  CHECK(eight_at({2023, 6, 30}).empty());
  CHECK(eight_at({2027, 1, 1}).empty());
  CHECK(eight_at({2021, 11, 5}).empty());
  // "8.00" is the same rate; 10%, 5% and 7% are no reduced rate.
  CHECK(reduced_rate_at({2022, 3, 15}, Decimal::from_int(800).percent()) != nullptr);
  CHECK(reduced_rate_at({2022, 3, 15}, pct(10)) == nullptr);
  CHECK(reduced_rate_policies(pct(8)).size() == 6);
  CHECK(reduced_rate_policies(pct(10)).empty());
  CHECK(reduced_rate_policies(pct(7)).empty());
}

TEST_CASE("tax policy: Decree 92/2021's 70% of the tax, 2021-11-01 to 2021-12-31") {
  const auto at = [](const Date& d, int rate) { return tax_reductions_at(d, pct(rate)); };
  REQUIRE(at({2021, 11, 1}, 10).size() == 1);
  const TaxPolicy& p = *at({2021, 11, 1}, 10).front();
  CHECK(p.decree == "92/2021/NĐ-CP");
  CHECK(p.relief == Relief::reduced_tax);
  CHECK(p.value == 70);
  CHECK(p.direct_percent == 70);
  CHECK(at({2021, 12, 31}, 10).size() == 1);
  CHECK(at({2021, 11, 5}, 5).size() == 1);
  CHECK(at({2021, 10, 31}, 10).empty());
  CHECK(at({2022, 1, 1}, 10).empty());
  CHECK(at({2021, 11, 5}, 8).empty());
  CHECK(at({2022, 3, 15}, 10).empty());  // the 2022 relief lowers the rate, not the tax
}

TEST_CASE("tax policy: the table is well formed") {
  Date previous{1, 1, 1};
  for (const TaxPolicy& p : tax_policies()) {
    CAPTURE(std::string(p.decree));
    CHECK(is_valid_date(p.from.year, p.from.month, p.from.day));
    CHECK(is_valid_date(p.to.year, p.to.month, p.to.day));
    CHECK(p.from <= p.to);
    CHECK(previous <= p.from);  // in date order
    previous = p.from;
    CHECK(p.value > 0);
    CHECK(p.value < (p.relief == Relief::reduced_rate ? p.rate : 100));
    CHECK(p.direct_percent > 0);
    CHECK(p.direct_percent < 100);
    CHECK(p.decree.ends_with("/NĐ-CP"));
    CHECK(p.basis.starts_with("Resolution "));
    CHECK_FALSE(p.scope.empty());
    // Two 8% periods never overlap: a date names one decree.
    for (const TaxPolicy& q : tax_policies())
      if (&q != &p && q.relief == p.relief && q.rate == p.rate) CHECK((q.to < p.from || p.to < q.from));
  }
  CHECK(tax_policies_at({2021, 11, 5}).size() == 2);  // Decree 92 at 10% and at 5%
  CHECK(tax_policies_at({2023, 3, 1}).empty());
}
