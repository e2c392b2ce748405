// The business rules: one pass over the document's invoices, each family of checks in its own
// file under checks/ (see checks/checks.hpp for the list and their codes).
#include "rules/check.hpp"

#include <fmt/format.h>

#include <chrono>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules {
namespace {

Instant current_time() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return {std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count(), 0};
}

// The rules are written for the Decision 1450/1510/1271 formats. A pre-TT78 invoice (PBan
// 1.0.0, old template codes, TDLap instead of NLap [S 005]) follows other rules entirely, so
// its rules are not applied; an absent PBan is the schema's finding and the rules still run.
bool rules_apply(const checks::Invoice& inv, const checks::Out& out) {
  if (inv.version.empty() || templates_in_version(inv.version)) return true;
  const xmlNode* node = xml::child(inv.general, "PBan");
  out.add(Code::InvVersion, node,
          fmt::format("{} \"{}\" is not 2.0.0, 2.0.1 or 2.1.0; the business rules of this invoice were not applied",
                      checks::label(node), inv.version),
          fmt::format("{} \"{}\" không phải 2.0.0, 2.0.1 hoặc 2.1.0; chưa kiểm tra quy tắc nghiệp vụ của hóa đơn này",
                      checks::label(node), inv.version));
  return false;
}

}  // namespace

void check(const xml::Document& doc, const model::Index& index, const Settings& settings, Report& report) {
  const checks::Out out(doc, report);
  checks::check_envelope(doc, index, out);
  const Date today = vietnam_date(settings.now.value_or(current_time()));
  for (std::size_t i = 0; i < index.invoices.size(); ++i) {
    if (!index.invoices[i].dlhdon) continue;  // DOC-NO-DATA
    const checks::Invoice inv = checks::read_invoice(index, static_cast<int>(i), settings);
    if (!rules_apply(inv, out)) continue;
    checks::check_tax_codes(inv, out);
    checks::check_symbols(inv, today, out);
    checks::check_related(inv, out);
    checks::check_currency(inv, out);
    checks::check_money(inv, out);
    checks::check_words(inv, out);
    checks::check_authority_code(inv, out);
    checks::check_qr(inv, out);
    checks::check_signatures(inv, out);
    checks::check_buyer(inv, out);
    checks::check_special_goods(inv, out);
  }
}

}  // namespace hoadon::rules
