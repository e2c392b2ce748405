// MONEY-RATE-*, MONEY-TOTAL-*: the per-rate summary (THTTLTSuat) against the lines, and the
// totals against the summary (spec §7.2.2–7.2.6), the rates and taxes judged against the
// tax-policy calendar at NLap (rules/tax_policy.def); with the invoice-wide money checks
// (MONEY-VND-FRACTION, MONEY-NEGATIVE, MONEY-LEASING-RATE) in check_money.
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/money.hpp"
#include "rules/checks/names.hpp"
#include "rules/tax_policy.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// One rate of the summary; several LTSuat with one rate are added up.
struct SummaryRate {
  Rate rate;
  const xmlNode* node = nullptr;  // the first LTSuat
  const xmlNode* base_node = nullptr;
  const xmlNode* tax_node = nullptr;
  Decimal base, tax;
  bool has_tax = false;
};

void add_entry(std::vector<SummaryRate>& out, const xmlNode* ltsuat) {
  const auto text = value_of(ltsuat, "TSuat");
  Rate rate = parse_rate(text.value_or(""));
  SummaryRate* s = nullptr;
  for (auto& e : out)
    if (e.rate.key == rate.key) s = &e;
  if (!s) {
    out.push_back({std::move(rate), ltsuat, xml::child(ltsuat, "ThTien"), xml::child(ltsuat, "TThue"), {}, {}, false});
    s = &out.back();
  }
  if (const auto b = amount_of(ltsuat, "ThTien")) s->base = s->base + *b;
  if (const auto t = amount_of(ltsuat, "TThue")) {
    s->tax = s->tax + *t;
    s->has_tax = true;
  }
}

// THTTLTSuat/LTSuat*, tolerating BKSOFT's LTSuat/LTSuat nesting [S 183, 200].
std::vector<SummaryRate> read_summary(const xmlNode* totals) {
  std::vector<SummaryRate> out;
  const xmlNode* summary = xml::child(totals, "THTTLTSuat");
  for (const xmlNode* e = xml::first_child_element(summary); e; e = xml::next_element(e)) {
    if (!xml::is_plain(e, "LTSuat")) continue;
    if (!xml::child(e, "TSuat") && !xml::child(e, "ThTien") && xml::child(e, "LTSuat")) {
      for (const xmlNode* inner : xml::children(e, "LTSuat")) add_entry(out, inner);
    } else {
      add_entry(out, e);
    }
  }
  return out;
}

const RateLines* lines_at(const Lines& lines, const std::string& key) {
  for (const auto& r : lines.rates)
    if (r.rate.key == key) return &r;
  return nullptr;
}

std::string rate_name(const Rate& r) { return r.key.empty() ? std::string("(none)") : r.key; }
std::string rate_name_vi(const Rate& r) { return r.key.empty() ? std::string("(không có)") : r.key; }

// The reductions of the tax itself (Decree 92/2021's 10% × 70%) an invoice of this date may apply
// at this rate. A KHAC rate is the rate charged, already reduced ("KHAC:7%"), never reduced again.
std::vector<const TaxPolicy*> tax_reductions(const Invoice& inv, const Rate& r) {
  if (!inv.issue_date || !r.percent || r.key.starts_with("KHAC")) return {};
  return tax_reductions_at(*inv.issue_date, *r.percent);
}

Decimal reduced(const Decimal& tax, const TaxPolicy& p) { return tax * Decimal::from_int(p.value).percent(); }

// Exact sums compared within the tolerance.
bool same(const Invoice& inv, const Decimal& stated, const Decimal& sum) {
  return (stated - sum).abs() <= inv.tolerance;
}

void check_rate(const Invoice& inv, const SummaryRate& s, const Lines& lines, const Out& out) {
  const RateLines* l = lines_at(lines, s.rate.key);
  if (l && s.base_node && !same(inv, s.base, l->base)) {
    const std::string name = label(s.base_node);
    out.add(Code::MoneyRateBase, s.base_node,
            fmt::format("{} {} for rate {} differs from its lines: goods − discounts = {} (tolerance {})", name,
                        show(s.base), rate_name(s.rate), show(l->base), show(inv.tolerance)),
            fmt::format("{} {} của thuế suất {} khác tổng các dòng: hàng hóa − chiết khấu = {} (dung sai {})", name,
                        show(s.base), rate_name_vi(s.rate), show(l->base), show(inv.tolerance)));
  } else if (!l && lines.any && !s.base.is_zero()) {
    out.add(
        Code::MoneyRateUnmatched, s.node,
        fmt::format("{} for rate {} ({}) has no line with that rate", label(s.node), rate_name(s.rate), show(s.base)),
        fmt::format("{} của thuế suất {} ({}) không có dòng hàng hóa nào cùng thuế suất", label(s.node),
                    rate_name_vi(s.rate), show(s.base)));
  }
  if (!s.rate.percent) return;  // KHAC without a figure: no tax to compute
  const Decimal expected = s.base * s.rate.percent->percent();
  // Either the rate applied to the base, or the lines' taxes rounded one by one (Viettel's
  // 1 244 545 for 1 244 545.5 is within either, spec §7.2.3).
  if ((s.has_tax ? agrees(inv, s.tax, expected) : expected.is_zero()) ||
      (l && s.has_tax && same(inv, s.tax, l->line_taxes)))
    return;
  // A reduction of the tax in force at NLap, as the invoice shows it: the rate as written and
  // the reduced tax (TS24's 84,000 for 10% of 1,200,000 on 2021-11-05 [S 001]).
  const auto reductions = tax_reductions(inv, s.rate);
  std::string also, also_vi;
  for (const TaxPolicy* p : reductions) {
    const Decimal r = reduced(expected, *p);
    if (s.has_tax && agrees(inv, s.tax, r)) return;
    also += fmt::format(", or {} × {} × {}% = {} (Decree {})", show(s.base), rate_name(s.rate), p->value, show(r),
                        p->decree);
    also_vi += fmt::format(", hoặc {} × {} × {}% = {} (Nghị định {})", show(s.base), rate_name_vi(s.rate), p->value,
                           show(r), p->decree);
  }
  const xmlNode* at = s.tax_node ? s.tax_node : s.node;
  const std::string name = s.tax_node ? label(s.tax_node) : label(s.node, "TThue");
  const std::string stated = s.has_tax ? show(s.tax) : "absent";
  const std::string stated_vi = s.has_tax ? show(s.tax) : "không có";
  out.add(Code::MoneyRateTax, at,
          fmt::format("{} {} differs from {} × {} = {}{} (tolerance {})", name, stated, show(s.base), rate_name(s.rate),
                      show(expected), also, show(inv.tolerance)),
          fmt::format("{} {} khác {} × {} = {}{} (dung sai {})", name, stated_vi, show(s.base), rate_name_vi(s.rate),
                      show(expected), also_vi, show(inv.tolerance)));
}

// "2022-02-01 to 2022-12-31 (Decree 15/2022/NĐ-CP), …": the periods of these rows, for messages.
std::string periods(const std::vector<const TaxPolicy*>& rows, std::string_view to, std::string_view decree) {
  std::string out;
  for (const TaxPolicy* p : rows)
    out +=
        fmt::format("{}{} {} {} ({} {})", out.empty() ? "" : ", ", show(p->from), to, show(p->to), decree, p->decree);
  return out;
}

// MONEY-RATE-REDUCED: a reduced rate (8%) exists only in the periods of the decrees that allow
// it; at another date the seller charged it without a legal basis, or mistyped the rate. A
// warning: the tax authority codes such invoices, and the rate itself may be a typo either way.
void check_reduced_rate(const Invoice& inv, const Rate& rate, const xmlNode* at, const Out& out) {
  if (!inv.issue_date || !rate.percent || rate.key.starts_with("KHAC")) return;
  const auto rows = reduced_rate_policies(*rate.percent);
  if (rows.empty() || reduced_rate_at(*inv.issue_date, *rate.percent)) return;
  const std::string name = label(at);
  const int standard = rows.front()->rate;
  out.add(
      Code::MoneyRateReduced, at,
      fmt::format("{} {} on an invoice of {} (NLap): {} replaces {}% only from {}; at other dates, and for goods "
                  "and services the decrees exclude, the rate is {}%",
                  name, rate.key, show(*inv.issue_date), rate.key, standard, periods(rows, "to", "Decree"), standard),
      fmt::format("{} {} trên hóa đơn lập ngày {} (NLap): thuế suất {} thay cho {}% chỉ áp dụng từ {}; ngoài các "
                  "thời kỳ đó, và với hàng hóa, dịch vụ bị loại trừ, thuế suất là {}%",
                  name, rate.key, show(*inv.issue_date), rate.key, standard, periods(rows, "đến", "Nghị định"),
                  standard));
}

// Each rate once: where the lines carry it, else where the summary does.
void check_reduced_rates(const Invoice& inv, const std::vector<SummaryRate>& summary, const Lines& lines,
                         const Out& out) {
  for (const auto& l : lines.rates)
    if (const xmlNode* t = xml::child(l.first, "TSuat")) check_reduced_rate(inv, l.rate, t, out);
  for (const auto& s : summary) {
    if (lines_at(lines, s.rate.key)) continue;
    if (const xmlNode* t = xml::child(s.node, "TSuat")) check_reduced_rate(inv, s.rate, t, out);
  }
}

// Lines whose rate the summary leaves out.
void check_unsummarised(const std::vector<SummaryRate>& summary, const Lines& lines, const Out& out) {
  for (const auto& l : lines.rates) {
    bool found = false;
    for (const auto& s : summary) found = found || s.rate.key == l.rate.key;
    if (found || l.base.is_zero()) continue;
    out.add(
        Code::MoneyRateUnmatched, l.first,
        fmt::format("Lines with rate {} (total {}) have no LTSuat in THTTLTSuat (Tổng hợp theo từng loại thuế suất)",
                    rate_name(l.rate), show(l.base)),
        fmt::format("Các dòng có thuế suất {} (tổng {}) không có LTSuat trong THTTLTSuat (Tổng hợp theo từng loại "
                    "thuế suất)",
                    rate_name_vi(l.rate), show(l.base)));
  }
}

struct Expected {
  std::optional<Decimal> base, tax;
  std::optional<Decimal> reduced_tax;  // over the lines, with the tax reductions in force at NLap
  bool from_summary = false;
};

// What TgTCThue and TgTThue should be: the summary's sums, or the lines' when the vendor left
// the summary empty (as the tax authority accepted [S 012]).
Expected expected_totals(const Invoice& inv, const std::vector<SummaryRate>& summary, const Lines& lines) {
  Expected e;
  if (!summary.empty()) {
    e.from_summary = true;
    e.base = Decimal();
    e.tax = Decimal();
    for (const auto& s : summary) {
      e.base = *e.base + s.base;
      e.tax = *e.tax + s.tax;
    }
    return e;
  }
  if (!lines.any) return e;
  e.base = Decimal();
  e.tax = Decimal();
  Decimal reduced_tax;
  bool any_reduction = false;
  for (const auto& l : lines.rates) {
    e.base = *e.base + l.base;
    if (!l.rate.percent) e.tax.reset();
    if (!e.tax) continue;
    const Decimal tax = l.base * l.rate.percent->percent();
    e.tax = *e.tax + tax.rounded(inv.minor_units);
    const auto reductions = tax_reductions(inv, l.rate);
    any_reduction = any_reduction || !reductions.empty();
    reduced_tax = reduced_tax + (reductions.empty() ? tax : reduced(tax, *reductions.front())).rounded(inv.minor_units);
  }
  if (e.tax && any_reduction) e.reduced_tax = reduced_tax;
  return e;
}

void check_sum(const Invoice& inv, std::string_view tag, Code code, const std::optional<Decimal>& expected,
               bool from_summary, const Out& out, const std::optional<Decimal>& alternative = std::nullopt) {
  const xmlNode* node = xml::child(inv.totals, tag);
  const auto stated = amount(node);
  if (!stated || !expected || same(inv, *stated, *expected)) return;
  if (alternative && same(inv, *stated, *alternative)) return;
  const char* what = tag == "TgTCThue" ? "LTSuat/ThTien" : "LTSuat/TThue";
  const std::string source = from_summary ? fmt::format("the sum of {}", what) : "the sum over the lines";
  const std::string source_vi = from_summary ? fmt::format("tổng các {}", what) : "tổng tính từ các dòng";
  out.add(code, node,
          fmt::format("{} {} differs from {} = {} (tolerance {})", label(node), show(*stated), source, show(*expected),
                      show(inv.tolerance)),
          fmt::format("{} {} khác {} = {} (dung sai {})", label(node), show(*stated), source_vi, show(*expected),
                      show(inv.tolerance)));
}

// TgTTTBSo = TgTCThue + TgTThue + Σ TPhi − TGTKCThue − TGTKhac, or that minus TTCKTMai when the
// discount was not already netted by TChat 3 lines: both variants of spec §7.2.5 (and §7.2.6 for
// sales invoices, whose base is the lines').
void check_grand_total(const Invoice& inv, const Expected& e, const Lines& lines, const Out& out) {
  const xmlNode* node = xml::child(inv.totals, "TgTTTBSo");
  const auto total = amount(node);
  if (!total) return;
  const auto stated_base = amount_of(inv.totals, "TgTCThue");
  const auto base = stated_base ? stated_base : e.base;
  if (!base) return;
  const auto stated_tax = amount_of(inv.totals, "TgTThue");
  const Decimal tax = stated_tax ? *stated_tax : e.from_summary && e.tax ? *e.tax : Decimal();
  Decimal fees;
  for (const xmlNode* fee : xml::children(xml::child(inv.totals, "DSLPhi"), "LPhi"))
    if (const auto p = amount_of(fee, "TPhi")) fees = fees + *p;
  const Decimal deductions =
      amount_of(inv.totals, "TGTKCThue").value_or(Decimal()) + amount_of(inv.totals, "TGTKhac").value_or(Decimal());
  const Decimal v1 = *base + tax + fees - deductions;
  const auto discount = amount_of(inv.totals, "TTCKTMai");
  const bool second = discount && !discount->is_zero() && !lines.discount_lines;
  const Decimal v2 = second ? v1 - *discount : v1;
  if (same(inv, *total, v1) || same(inv, *total, v2)) return;
  const std::string parts = fmt::format("TgTCThue + TgTThue + Σ TPhi − TGTKCThue − TGTKhac = {} + {} + {} − {} = {}",
                                        show(*base), show(tax), show(fees), show(deductions), show(v1));
  const std::string en =
      second ? fmt::format("{}, or {} − TTCKTMai {} = {}", parts, show(v1), show(*discount), show(v2)) : parts;
  const std::string vi =
      second ? fmt::format("{}, hoặc {} − TTCKTMai {} = {}", parts, show(v1), show(*discount), show(v2)) : parts;
  out.add(Code::MoneyTotal, node,
          fmt::format("{} {} differs from {} (tolerance {})", label(node), show(*total), en, show(inv.tolerance)),
          fmt::format("{} {} khác {} (dung sai {})", label(node), show(*total), vi, show(inv.tolerance)));
}

// Totals in VND are rounded to whole đồng [T "khuyến nghị" §7.2.8]: one note per invoice.
void check_vnd_fraction(const Invoice& inv, const Out& out) {
  if (!inv.currency || inv.currency->code != "VND") return;
  for (std::string_view tag : {"TgTTTBSo", "TgTCThue", "TgTThue"}) {
    const xmlNode* node = xml::child(inv.totals, tag);
    const auto v = amount(node);
    if (!v || v->is_integer()) continue;
    out.add(Code::MoneyVndFraction, node,
            fmt::format("{} {} has decimals; an invoice in VND is rounded to whole đồng", label(node), show(*v)),
            fmt::format("{} {} có phần thập phân; hóa đơn bằng VND nên làm tròn đến đồng", label(node), show(*v)));
    return;
  }
}

// Negative amounts belong to adjustments ("ghi âm", spec §7.2.7).
void check_negative(const Invoice& inv, const Lines& lines, const Out& out) {
  if (inv.adjustment) return;
  const xmlNode* node = xml::child(inv.totals, "TgTTTBSo");
  const auto total = amount(node);
  if (!(total && total->is_negative())) node = lines.first_negative;
  if (!node) return;
  out.add(Code::MoneyNegative, node,
          fmt::format("{} {} is negative, but the invoice is not an adjustment (TTHDLQuan/TCHDon 2)", label(node),
                      show(*amount(node))),
          fmt::format("{} {} âm, nhưng hóa đơn không phải hóa đơn điều chỉnh (TTHDLQuan/TCHDon 2)", label(node),
                      show(*amount(node))));
}

// A financial-leasing invoice carries a single rate (VNPT ERR:1508, wording unclear) [T2 §7.4].
void check_leasing(const Invoice& inv, const std::vector<SummaryRate>& summary, const Lines& lines, const Out& out) {
  if (value_of(inv.general, "HDCTTChinh") != "1") return;
  std::vector<std::string_view> keys;
  auto note = [&](const Rate& r) {
    if (r.key.empty()) return;
    for (auto k : keys)
      if (k == r.key) return;
    keys.push_back(r.key);
  };
  for (const auto& s : summary) note(s.rate);
  for (const auto& l : lines.rates) note(l.rate);
  if (keys.size() <= 1) return;
  const xmlNode* node = xml::child(inv.general, "HDCTTChinh");
  out.add(Code::MoneyLeasingRate, node,
          fmt::format("{} 1, but the invoice carries {} tax rates", label(node), keys.size()),
          fmt::format("{} là 1, nhưng hóa đơn có {} thuế suất", label(node), keys.size()));
}

}  // namespace

void check_totals(const Invoice& inv, const Lines& lines, const Out& out) {
  const std::vector<SummaryRate> summary = read_summary(inv.totals);
  for (const auto& s : summary) check_rate(inv, s, lines, out);
  if (!summary.empty() && lines.any) check_unsummarised(summary, lines, out);
  const Expected e = expected_totals(inv, summary, lines);
  check_sum(inv, "TgTCThue", Code::MoneyTotalBase, e.base, e.from_summary, out);
  check_sum(inv, "TgTThue", Code::MoneyTotalTax, e.tax, e.from_summary, out, e.reduced_tax);
  check_reduced_rates(inv, summary, lines, out);
  check_grand_total(inv, e, lines, out);
  check_leasing(inv, summary, lines, out);
}

void check_money(const Invoice& inv, const Out& out) {
  const Lines lines = check_lines(inv, out);
  if (inv.totals) check_totals(inv, lines, out);
  check_vnd_fraction(inv, out);
  check_negative(inv, lines, out);
}

}  // namespace hoadon::rules::checks
