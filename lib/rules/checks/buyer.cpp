// BUYER-IDENTITY: a buyer identified by a tax code (or, in 2.1.0, a budget-unit code) must be
// named and addressed; vendors reject the invoice otherwise (VNPT ERR:1506, ERR:1505) [T2 §7.4].
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {

void check_buyer(const Invoice& inv, const Out& out) {
  const xmlNode* buyer = inv.buyer;
  const bool by_tax_code = value_of(buyer, "MST").has_value();
  if (!by_tax_code && !value_of(buyer, "MDVQHNSach")) return;
  const std::string because = label(buyer, by_tax_code ? "MST" : "MDVQHNSach");
  for (std::string_view tag : {"Ten", "DChi"}) {
    if (value_of(buyer, tag)) continue;
    const xmlNode* empty = xml::child(buyer, tag);
    const std::string name = label(buyer, tag);
    out.add(Code::BuyerIdentity, empty ? empty : buyer,
            fmt::format("{} is {}, but the buyer has {}", name, empty ? "empty" : "missing", because),
            fmt::format("{} {}, nhưng người mua có {}", name, empty ? "để trống" : "bị thiếu", because));
  }
}

}  // namespace hoadon::rules::checks
