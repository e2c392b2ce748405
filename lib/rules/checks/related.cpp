// REL-*: the invoice a replacement or adjustment refers to (TTHDLQuan, spec §1.4, §7.4).
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "util/ascii.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// LHDCLQuan 1..4 (Phụ lục VI), or nullopt.
std::optional<int> related_kind(const xmlNode* related) {
  const auto t = value_of(related, "LHDCLQuan");
  if (!t || t->size() != 1 || (*t)[0] < '1' || (*t)[0] > '4') return std::nullopt;
  return ascii::digit_value((*t)[0]);
}

// What each kind of related invoice writes in KHMSHDCLQuan and KHHDCLQuan.
Reason expected_forms(int kind, bool for_template) {
  switch (kind) {
    case 1:
      return for_template ? Reason{"one digit 1 to 9", "một chữ số từ 1 đến 9"}
                          : Reason{"6 characters such as C25TAA", "6 ký tự, ví dụ C25TAA"};
    case 2:
    case 3:
      return for_template
                 ? Reason{"an old-regime template code such as 01GTKT0/001", "ký hiệu mẫu số cũ, ví dụ 01GTKT0/001"}
                 : Reason{"an old-regime series such as AA/20E", "ký hiệu cũ, ví dụ AA/20E"};
    default:
      return for_template ? Reason{"at most 11 characters", "tối đa 11 ký tự"}
                          : Reason{"at most 8 characters", "tối đa 8 ký tự"};
  }
}

constexpr std::string_view kKindEn[] = {
    "", "an e-invoice under Decree 123", "an authenticated e-invoice of the Decree 51/04 regime",
    "another invoice of the Decree 51/04 regime", "a paper invoice under Decree 123"};
constexpr std::string_view kKindVi[] = {"", "hóa đơn điện tử theo Nghị định 123",
                                        "hóa đơn điện tử có mã xác thực theo Nghị định 51/04",
                                        "hóa đơn khác theo Nghị định 51/04", "hóa đơn giấy theo Nghị định 123"};

void check_symbols_form(const xmlNode* related, int kind, const Out& out) {
  const auto tmpl = value_of(related, "KHMSHDCLQuan");
  const auto series = value_of(related, "KHHDCLQuan");
  if (!tmpl || !series) return;  // which of them the related invoice must state is the schema's concern
  const RelatedSymbolsVerdict v = check_related_symbols(kind, *tmpl, *series);
  if (v != RelatedSymbolsVerdict::bad_template && v != RelatedSymbolsVerdict::bad_series) return;
  const bool bad_template = v == RelatedSymbolsVerdict::bad_template;
  const std::string_view tag = bad_template ? "KHMSHDCLQuan" : "KHHDCLQuan";
  const xmlNode* node = xml::child(related, tag);
  const std::string& written = bad_template ? *tmpl : *series;
  const Reason form = expected_forms(kind, bad_template);
  const auto k = static_cast<std::size_t>(kind);
  out.add(Code::RelSymbols, node,
          fmt::format("{} \"{}\": LHDCLQuan {} ({}) calls for {}", label(node), written, kind, kKindEn[k], form.en),
          fmt::format("{} \"{}\": LHDCLQuan {} ({}) phải ghi {}", label(node), written, kind, kKindVi[k], form.vi));
}

void check_number(const xmlNode* related, const Out& out) {
  const auto text = value_of(related, "SHDCLQuan");
  if (!text || parse_invoice_number(*text).ok()) return;
  const xmlNode* node = xml::child(related, "SHDCLQuan");
  out.add(Code::RelNumber, node, fmt::format("{} \"{}\" is not a number from 1 to 99,999,999", label(node), *text),
          fmt::format("{} \"{}\" không phải số từ 1 đến 99.999.999", label(node), *text));
}

void check_dates(const Invoice& inv, std::optional<int> kind, const Out& out) {
  const xmlNode* node = xml::child(inv.related, "NLHDCLQuan");
  const auto text = value_of(inv.related, "NLHDCLQuan");
  const auto date = text ? parse_date(*text).date : std::nullopt;
  if (!date) return;
  // An invoice can only replace or adjust one issued before it [I §7.4].
  if (inv.issue_date && *date > *inv.issue_date)
    out.add(Code::RelDate, node,
            fmt::format("{} {} is after this invoice's date NLap {}", label(node), show(*date), show(*inv.issue_date)),
            fmt::format("{} {} sau ngày lập hóa đơn này NLap {}", label(node), show(*date), show(*inv.issue_date)));
  // A Decree 123 related invoice follows the same year rule as KHHDon itself [T §2.2].
  if (kind != 1) return;
  const auto series_text = value_of(inv.related, "KHHDCLQuan");
  const auto series = series_text ? parse_series(*series_text).series : std::nullopt;
  if (series && !series->matches_year(date->year)) {
    const xmlNode* s = xml::child(inv.related, "KHHDCLQuan");
    out.add(Code::RelSeriesYear, s,
            fmt::format("{} \"{}\" is for year 20{:02}, but NLHDCLQuan is {}", label(s), *series_text, series->year,
                        show(*date)),
            fmt::format("{} \"{}\" dùng cho năm 20{:02}, nhưng NLHDCLQuan là {}", label(s), *series_text, series->year,
                        show(*date)));
  }
}

// The same template, series and number as the invoice itself.
void check_self(const Invoice& inv, const Out& out) {
  const auto tmpl = value_of(inv.general, "KHMSHDon");
  const auto series = value_of(inv.general, "KHHDon");
  const auto number = value_of(inv.general, "SHDon");
  const auto rel_number = value_of(inv.related, "SHDCLQuan");
  if (!tmpl || !series || !number || !rel_number) return;
  const auto n = parse_invoice_number(*number).value;
  if (!n || n != parse_invoice_number(*rel_number).value) return;
  if (series != value_of(inv.related, "KHHDCLQuan") || tmpl != value_of(inv.related, "KHMSHDCLQuan")) return;
  out.add(Code::RelSelf, inv.related,
          fmt::format("TTHDLQuan (Thông tin hóa đơn liên quan) names invoice {} {} no. {}, which is this invoice",
                      *tmpl, *series, *number),
          fmt::format("TTHDLQuan (Thông tin hóa đơn liên quan) ghi hóa đơn {} {} số {}, chính là hóa đơn này", *tmpl,
                      *series, *number));
}

}  // namespace

void check_related(const Invoice& inv, const Out& out) {
  if (!inv.related) return;
  const auto kind = related_kind(inv.related);
  if (kind) check_symbols_form(inv.related, *kind, out);
  check_number(inv.related, out);
  check_dates(inv, kind, out);
  check_self(inv, out);
}

}  // namespace hoadon::rules::checks
