#include "rules/checks/context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "util/vntext.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// How an invoice's stage follows from where it travels and what it carries (spec §6.1, §7.4).
Lifecycle resolve_stage(Stage stage, const Invoice& inv) {
  switch (stage) {
    case Stage::draft:
      return Lifecycle::draft;
    case Stage::seller_signed:
      return Lifecycle::seller_signed;
    case Stage::issued:
      return Lifecycle::issued;
    case Stage::automatic:
      break;
  }
  // 202 returns the coded invoice; 206 carries cash-register invoices already coded [T §6.2].
  if (inv.message_type == "202" || inv.message_type == "206") return Lifecycle::issued;
  // A code request carries the seller-signed invoice before its code; 203 sends no-code invoices.
  if (is_code_request(inv.message_type) || inv.message_type == "203") return Lifecycle::seller_signed;
  // A bare invoice: what it carries. An invoice with no signature at all is a draft (the
  // template §5.5 builds for signing); integrators checking received invoices set the stage.
  if (value_of(inv.nodes->hdon, "MCCQT") || inv.signature("CQT")) return Lifecycle::issued;
  return inv.signatures.empty() ? Lifecycle::draft : Lifecycle::seller_signed;
}

// DVTTe as a currency: VND when absent (cash-register models have no DVTTe, spec §1.3) or
// written as a local spelling of the đồng.
const CurrencyInfo* currency_of(const xmlNode* general) {
  const auto written = value_of(general, "DVTTe");
  if (!written || is_dong_spelling(*written)) return find_currency("VND");
  return find_currency(*written);
}

}  // namespace

void Out::add(Code code, const xmlNode* at, std::string en, std::string vi) const {
  report_.add(code, at ? doc_.locate(at) : Location{}, std::move(en), std::move(vi));
}

void Out::add(Code code, const xmlNode* element, std::string_view value, const Reason& why) const {
  const std::string name = label(element);
  add(code, element, fmt::format("{} \"{}\": {}", name, value, why.en),
      fmt::format("{} \"{}\": {}", name, value, why.vi));
}

bool is_code_request(std::string_view message_type) noexcept {
  return message_type == "200" || message_type == "201" || message_type == "208";
}

bool is_dong_spelling(std::string_view text) {
  // Seen: "đ" (TS24, accepted by the test system [S 001]); the others are the usual ways of
  // writing the đồng on Vietnamese documents [I]. "VND" itself is the ISO code, not a spelling.
  constexpr std::array<std::string_view, 6> kSpellings = {"đ", "vnđ", "vnd", "đồng", "dong", "vn đồng"};
  if (text == "VND") return false;
  const std::string folded = fold_vietnamese(text);
  return std::find(kSpellings.begin(), kSpellings.end(), folded) != kSpellings.end();
}

const model::SignatureNodes* Invoice::signature(std::string_view slot) const noexcept {
  for (const auto* s : signatures)
    if (s->slot == slot) return s;
  return nullptr;
}

Invoice read_invoice(const model::Index& index, int i, const Settings& settings) {
  Invoice inv;
  inv.nodes = &index.invoices[static_cast<std::size_t>(i)];
  inv.index = i;
  const xmlNode* data = inv.nodes->dlhdon;
  inv.general = xml::child(data, "TTChung");
  inv.related = xml::child(inv.general, "TTHDLQuan");
  const xmlNode* content = xml::child(data, "NDHDon");
  inv.seller = xml::child(content, "NBan");
  inv.buyer = xml::child(content, "NMua");
  inv.lines = xml::child(content, "DSHHDVu");
  inv.totals = xml::child(content, "TToan");
  inv.version = value_of(inv.general, "PBan").value_or("");
  if (const auto t = value_of(inv.general, "KHMSHDon")) inv.template_code = parse_template_code(*t);
  if (const auto s = value_of(inv.general, "KHHDon")) {
    // "1C21TAA" (the template digit written in front) is reported by the series rule; the other
    // rules read the six characters that follow, which is what the seller meant.
    const SeriesParse p = parse_series(*s);
    inv.series = p.error == SeriesError::template_digit_included ? parse_series(s->substr(1)).series : p.series;
  }
  if (const auto d = value_of(inv.general, "NLap")) inv.issue_date = parse_date(*d).date;
  inv.currency = currency_of(inv.general);
  inv.minor_units = inv.currency ? std::max<int>(0, inv.currency->minor_units) : 0;
  inv.tolerance = settings.tolerance ? *settings.tolerance : Decimal::pow10(-inv.minor_units);
  inv.message_type = index.message_type;
  inv.adjustment = value_of(inv.related, "TCHDon") == "2";
  for (const auto& s : index.signatures)
    if (s.invoice == i) inv.signatures.push_back(&s);
  inv.stage = resolve_stage(settings.stage, inv);
  return inv;
}

std::optional<std::string> value_of(const xmlNode* parent, std::string_view name) {
  auto text = xml::child_text(parent, name);
  if (text && text->empty()) return std::nullopt;
  return text;
}

std::optional<Decimal> amount(const xmlNode* node) {
  if (!node) return std::nullopt;
  return parse_decimal(xml::trimmed_text(node)).value;
}

std::optional<Decimal> amount_of(const xmlNode* parent, std::string_view name) {
  return amount(xml::child(parent, name));
}

std::string_view character_at(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return {};
  return text.substr(pos, utf8_length_at(text, pos));
}

std::string show(const Decimal& d) { return d.to_string(); }

std::string show(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

}  // namespace hoadon::rules::checks
