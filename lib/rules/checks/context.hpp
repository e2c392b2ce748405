// What every check needs, read once per invoice: the key nodes, the parsed version, template,
// series, date and currency, the tolerance, the invoice's stage; and where to report.
//
// Every value here tolerates garbage: a field that is absent, empty or malformed is simply
// unknown (nullopt / null), and the rules that need it skip. Reporting malformed values is the
// schema's job; the rules judge what can be read.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/index.hpp"
#include "report/report.hpp"
#include "rules/check.hpp"
#include "rules/checks/names.hpp"
#include "rules/currency.hpp"
#include "rules/series.hpp"
#include "util/dates.hpp"
#include "util/decimal.hpp"
#include "xml/document.hpp"

namespace hoadon::rules::checks {

// Adds located diagnostics. The location (an XPath) is only built when a diagnostic is emitted,
// so checks stay linear in the size of the invoice.
class Out {
 public:
  Out(const xml::Document& doc, Report& report) : doc_(doc), report_(report) {}
  void add(Code code, const xmlNode* at, std::string en, std::string vi) const;
  // "Label (meaning) "value": why", at the element whose value is wrong.
  void add(Code code, const xmlNode* element, std::string_view value, const Reason& why) const;

 private:
  const xml::Document& doc_;
  Report& report_;
};

// The stage of one invoice once Stage::automatic is resolved.
enum class Lifecycle { draft, seller_signed, issued };

// Message types that send an invoice to the tax authority to get its code: 200 (code request),
// 201 (per occurrence), 208 (one invoice adjusting many, 2.1.0) [T §6.1, §6.2; I for 208].
[[nodiscard]] bool is_code_request(std::string_view message_type) noexcept;

// A local way of writing the đồng in DVTTe ("đ", "VNĐ", "vnd"…), read as VND.
[[nodiscard]] bool is_dong_spelling(std::string_view text);

struct Invoice {
  const model::InvoiceNodes* nodes = nullptr;
  int index = 0;                           // in model::Index::invoices
  xmlNode* general = nullptr;              // DLHDon/TTChung
  xmlNode* related = nullptr;              // TTChung/TTHDLQuan
  xmlNode* seller = nullptr;               // NDHDon/NBan
  xmlNode* buyer = nullptr;                // NDHDon/NMua
  xmlNode* lines = nullptr;                // NDHDon/DSHHDVu
  xmlNode* totals = nullptr;               // NDHDon/TToan
  std::string version;                     // PBan, trimmed ("" when absent)
  std::optional<int> template_code;        // KHMSHDon 1..9
  std::optional<Series> series;            // KHHDon, also when written with the template digit in front
  std::optional<Date> issue_date;          // NLap
  const CurrencyInfo* currency = nullptr;  // DVTTe as ISO 4217 (VND for a local spelling of the đồng)
  int minor_units = 0;                     // decimals of the currency's minor unit
  Decimal tolerance;                       // per comparison, in the invoice currency
  Lifecycle stage = Lifecycle::draft;
  std::string_view message_type;                         // MLTDiep of the carrying envelope, "" for a bare HDon
  bool adjustment = false;                               // TTHDLQuan/TCHDon = 2: amounts may be negative
  std::vector<const model::SignatureNodes*> signatures;  // this invoice's, in document order

  [[nodiscard]] bool code_series() const noexcept { return series && series->with_code; }
  [[nodiscard]] char series_letter() const noexcept { return series ? series->type : '\0'; }
  // The first signature in this DSCKS slot ("NBan", "CQT"…), or null.
  [[nodiscard]] const model::SignatureNodes* signature(std::string_view slot) const noexcept;
};

// Reads one invoice of the index (which must have its DLHDon).
[[nodiscard]] Invoice read_invoice(const model::Index& index, int i, const Settings& settings);

// The trimmed text of a child, or nullopt when it is absent or empty: vendors emit empty
// optional elements (`<MST/>`), which the format treats as absent (spec §1.1).
[[nodiscard]] std::optional<std::string> value_of(const xmlNode* parent, std::string_view name);
// The child's value as an exact decimal, or nullopt when absent, empty or not a number.
[[nodiscard]] std::optional<Decimal> amount_of(const xmlNode* parent, std::string_view name);
// The same for a node itself.
[[nodiscard]] std::optional<Decimal> amount(const xmlNode* node);

// The UTF-8 character of `text` that starts at byte `pos` ("" past the end), for messages that
// quote the offending character.
[[nodiscard]] std::string_view character_at(std::string_view text, std::size_t pos) noexcept;

// Values as messages write them: the canonical decimal ("1244545.5"), the ISO date.
[[nodiscard]] std::string show(const Decimal& d);
[[nodiscard]] std::string show(const Date& d);

}  // namespace hoadon::rules::checks
