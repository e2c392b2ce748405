#include "rules/tax_policy.hpp"

#include <array>

namespace hoadon::rules {
namespace {

constexpr Date ymd(int v) { return {v / 10000, v / 100 % 100, v % 100}; }

constexpr Relief ReducedRate = Relief::reduced_rate;
constexpr Relief ReducedTax = Relief::reduced_tax;
constexpr Certainty Confirmed = Certainty::confirmed;
constexpr Certainty Uncertain = Certainty::uncertain;

constexpr std::array kPolicies = {
#define HOADON_TAX_POLICY(FROM, TO, RELIEF, RATE, VALUE, DIRECT, CERTAINTY, DECREE, BASIS, SCOPE) \
  TaxPolicy{ymd(FROM), ymd(TO), RELIEF, RATE, VALUE, DIRECT, CERTAINTY, DECREE, BASIS, SCOPE},
#include "rules/tax_policy.def"
#undef HOADON_TAX_POLICY
};

// Decimal's == compares the representation; "8.00" and "8" are one rate.
bool same_percent(const Decimal& a, int b) { return (a <=> Decimal::from_int(b)) == 0; }

}  // namespace

std::span<const TaxPolicy> tax_policies() noexcept { return kPolicies; }

std::vector<const TaxPolicy*> tax_policies_at(const Date& day) {
  std::vector<const TaxPolicy*> out;
  for (const auto& p : kPolicies)
    if (p.in_force(day)) out.push_back(&p);
  return out;
}

std::vector<const TaxPolicy*> reduced_rate_policies(const Decimal& percent) {
  std::vector<const TaxPolicy*> out;
  for (const auto& p : kPolicies)
    if (p.relief == Relief::reduced_rate && same_percent(percent, p.value)) out.push_back(&p);
  return out;
}

const TaxPolicy* reduced_rate_at(const Date& day, const Decimal& percent) {
  for (const auto& p : kPolicies)
    if (p.relief == Relief::reduced_rate && p.in_force(day) && same_percent(percent, p.value)) return &p;
  return nullptr;
}

std::vector<const TaxPolicy*> tax_reductions_at(const Date& day, const Decimal& percent) {
  std::vector<const TaxPolicy*> out;
  for (const auto& p : kPolicies)
    if (p.relief == Relief::reduced_tax && p.in_force(day) && same_percent(percent, p.rate)) out.push_back(&p);
  return out;
}

}  // namespace hoadon::rules
