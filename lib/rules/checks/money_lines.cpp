// MONEY-LINE, MONEY-LINE-DISCOUNT, MONEY-PROMOTION: each line (spec §7.2.1–2), read in one
// pass over its children so that a 10,000-line invoice stays linear and cheap.
#include <fmt/format.h>

#include "rules/checks/money.hpp"
#include "rules/checks/names.hpp"
#include "util/ascii.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// The children of one HHDVu the arithmetic needs.
struct Line {
  const xmlNode* node = nullptr;
  int nature = 1;  // TChat; an absent or unknown value counts as goods (1), the schema reports it
  std::optional<Decimal> quantity, price, discount_rate, discount, amount;
  const xmlNode* amount_node = nullptr;
  const xmlNode* discount_node = nullptr;
  std::string rate;  // TSuat as written, trimmed
};

Line read_line(const xmlNode* hhdvu) {
  Line l;
  l.node = hhdvu;
  for (const xmlNode* c = xml::first_child_element(hhdvu); c; c = xml::next_element(c)) {
    if (c->ns) continue;
    const std::string_view name = xml::name_of(c);
    if (name == "TChat") {
      const std::string t = xml::trimmed_text(c);
      if (t.size() == 1 && t[0] >= '1' && t[0] <= '5') l.nature = ascii::digit_value(t[0]);
    } else if (name == "SLuong") {
      l.quantity = amount(c);
    } else if (name == "DGia") {
      l.price = amount(c);
    } else if (name == "TLCKhau") {
      l.discount_rate = amount(c);
    } else if (name == "STCKhau") {
      l.discount = amount(c);
      l.discount_node = c;
    } else if (name == "ThTien") {
      l.amount = amount(c);
      l.amount_node = c;
    } else if (name == "TSuat") {
      l.rate = xml::trimmed_text(c);
    }
  }
  return l;
}

// Quantity × price − discount, for the lines that state quantity and price: goods (TChat 1),
// promotions (2) and special goods (5); discount lines (3) only when they state a non-zero
// quantity and price, since BKAV writes 0 and 0 there with the discount in ThTien [S 159].
void check_line_amount(const Invoice& inv, const Line& l, const Out& out) {
  if (!l.quantity || !l.price) return;  // service lines without quantity or price (spec §7.2.1)
  if (l.nature == 4) return;
  if (l.nature == 3 && (l.quantity->is_zero() || l.price->is_zero())) return;
  const Decimal gross = *l.quantity * *l.price;
  // A stated rate of 0 is how vendors say "no rate" while giving a discount amount [I].
  const bool rated = l.discount_rate && !l.discount_rate->is_zero();
  if (rated && l.discount) {
    const Decimal expected = gross * l.discount_rate->percent();
    if (!agrees(inv, *l.discount, expected)) {
      const std::string name = label(l.discount_node);
      const std::string calc = fmt::format("SLuong × DGia × TLCKhau / 100 = {} × {} × {} / 100 = {}", show(*l.quantity),
                                           show(*l.price), show(*l.discount_rate), show(expected));
      out.add(Code::MoneyLineDiscount, l.discount_node,
              fmt::format("{} {} differs from {} (tolerance {})", name, show(*l.discount), calc, show(inv.tolerance)),
              fmt::format("{} {} khác {} (dung sai {})", name, show(*l.discount), calc, show(inv.tolerance)));
    }
  }
  if (!l.amount) return;
  const Decimal discount = l.discount ? *l.discount : rated ? gross * l.discount_rate->percent() : Decimal();
  const Decimal expected = gross - discount;
  if (agrees(inv, *l.amount, expected)) return;
  const std::string name = label(l.amount_node);
  const std::string calc =
      discount.is_zero()
          ? fmt::format("SLuong × DGia = {} × {} = {}", show(*l.quantity), show(*l.price), show(expected))
          : fmt::format("SLuong × DGia − STCKhau = {} × {} − {} = {}", show(*l.quantity), show(*l.price),
                        show(discount), show(expected));
  out.add(Code::MoneyLine, l.amount_node,
          fmt::format("{} {} differs from {} (tolerance {})", name, show(*l.amount), calc, show(inv.tolerance)),
          fmt::format("{} {} khác {} (dung sai {})", name, show(*l.amount), calc, show(inv.tolerance)));
}

RateLines& rate_lines(Lines& lines, std::string_view written, const xmlNode* line) {
  Rate rate = parse_rate(written);
  for (auto& r : lines.rates)
    if (r.rate.key == rate.key) return r;
  lines.rates.push_back({std::move(rate), {}, {}, line});
  return lines.rates.back();
}

}  // namespace

Lines check_lines(const Invoice& inv, const Out& out) {
  Lines lines;
  for (const xmlNode* n = xml::first_child_element(inv.lines); n; n = xml::next_element(n)) {
    if (!xml::is_plain(n, "HHDVu")) continue;
    const Line l = read_line(n);
    check_line_amount(inv, l, out);
    if (!l.amount || l.nature == 4) continue;  // note lines carry no amount (spec §1.7)
    lines.any = true;
    if (l.amount->is_negative() && !lines.first_negative) lines.first_negative = l.amount_node;
    if (l.nature == 2 && !l.amount->is_zero()) {
      // Promotions are usually given free (ThTien 0); a priced one is counted, and noted [I §7.2.2].
      const std::string name = label(l.amount_node);
      out.add(Code::MoneyPromotion, l.amount_node,
              fmt::format("{} {} on a promotion line (TChat 2) is counted in the taxable base", name, show(*l.amount)),
              fmt::format("{} {} của dòng khuyến mại (TChat 2) được tính vào tiền chưa thuế", name, show(*l.amount)));
    }
    // Discount lines carry a positive amount that is subtracted [S BKAV 159].
    const Decimal signed_amount = l.nature == 3 ? -*l.amount : *l.amount;
    if (l.nature == 3 && !l.amount->is_zero()) lines.discount_lines = true;
    RateLines& r = rate_lines(lines, l.rate, n);
    r.base = r.base + signed_amount;
    if (r.rate.percent)
      r.line_taxes = r.line_taxes + (signed_amount * r.rate.percent->percent()).rounded(inv.minor_units);
  }
  return lines;
}

Rate parse_rate(std::string_view text) {
  Rate r;
  std::string upper(text);
  for (char& c : upper) c = ascii::to_upper(c);
  if (upper == "KCT" || upper == "KKKNT") {  // exempt, outside the scope of VAT: no tax
    r.key = upper;
    r.percent = Decimal();
    return r;
  }
  std::string_view number = upper;
  const bool other = number.starts_with("KHAC");  // "KHAC:AB.CD" (2.0.x) or "KHAC:AB.CD%" (2.1.0)
  if (other) {
    number.remove_prefix(4);
    if (number.empty()) {  // a rate that cannot be determined: no tax computable
      r.key = "KHAC";
      return r;
    }
    if (number.front() != ':') {
      r.key = upper;
      return r;
    }
    number.remove_prefix(1);
  }
  if (number.ends_with('%')) number.remove_suffix(1);
  // "10" without '%' is a BKSOFT spelling of 10% [S 183, 200].
  if (const auto p = parse_decimal(number); p.ok() && !p.value->is_negative()) {
    r.percent = p.value;
    r.key = fmt::format("{}{}%", other ? "KHAC:" : "", show(*p.value));
  } else {
    r.key = std::string(text);
  }
  return r;
}

bool agrees(const Invoice& inv, const Decimal& stated, const Decimal& exact) {
  return (stated - exact).abs() <= inv.tolerance || (stated - exact.rounded(inv.minor_units)).abs() <= inv.tolerance;
}

}  // namespace hoadon::rules::checks
