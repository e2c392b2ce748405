// CUR-*: the currency (DVTTe) and the exchange rate (TGia), spec §1.3, §7.1.
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {

void check_currency(const Invoice& inv, const Out& out) {
  // The bank invoice with several exchange rates states its currencies per line (spec §1.3).
  if (!inv.general || value_of(inv.general, "HDNTGia")) return;
  const xmlNode* code_node = xml::child(inv.general, "DVTTe");
  const auto written = value_of(inv.general, "DVTTe");
  bool vnd = true;  // cash-register models have no DVTTe: VND
  if (written) {
    const std::string name = label(code_node);
    if (is_dong_spelling(*written)) {
      // TS24's "đ" passed the tax authority's test system [S 001]; the code is VND.
      out.add(Code::CurVndSymbol, code_node,
              fmt::format("{} \"{}\" is a local symbol of the đồng; the ISO 4217 code is VND (read as VND)", name,
                          *written),
              fmt::format("{} \"{}\" là ký hiệu của đồng; mã ISO 4217 là VND (được hiểu là VND)", name, *written));
    } else if (!inv.currency) {
      out.add(Code::CurCode, code_node,
              fmt::format("{} \"{}\" is not an ISO 4217 alphabetic code such as VND or USD", name, *written),
              fmt::format("{} \"{}\" không phải mã chữ ISO 4217, ví dụ VND hoặc USD", name, *written));
      return;  // no rule about the exchange rate of an unknown currency
    } else if (inv.currency->withdrawn) {
      out.add(Code::CurWithdrawn, code_node,
              fmt::format("{} \"{}\" ({}) was withdrawn from ISO 4217", name, *written, inv.currency->name),
              fmt::format("{} \"{}\" ({}) đã bị hủy khỏi ISO 4217", name, *written, inv.currency->name));
    }
    vnd = inv.currency && inv.currency->code == "VND";
  }
  const xmlNode* rate_node = xml::child(inv.general, "TGia");
  const auto rate_text = value_of(inv.general, "TGia");
  const auto rate = amount(rate_node);
  if (vnd) {
    // "1" or "1.00" for VND in practice [S]; anything else would convert đồng to đồng.
    if (rate && *rate != Decimal::from_int(1))
      out.add(Code::CurRateVnd, rate_node,
              fmt::format("{} {} on an invoice in VND; the rate of VND to VND is 1", label(rate_node), show(*rate)),
              fmt::format("{} {} trên hóa đơn bằng VND; tỷ giá VND sang VND là 1", label(rate_node), show(*rate)));
    return;
  }
  if (rate && !rate->is_negative() && !rate->is_zero()) return;
  if (rate_text && !rate) return;  // not a number at all: the schema's finding
  const std::string name = rate_node ? label(rate_node) : label(inv.general, "TGia");
  const std::string code = written.value_or("");
  out.add(Code::CurRate, rate_node ? rate_node : inv.general,
          rate ? fmt::format("{} {} must be positive for an invoice in {}", name, show(*rate), code)
               : fmt::format("{} is required for an invoice in {} (only VND needs none)", name, code),
          rate ? fmt::format("{} {} phải là số dương với hóa đơn bằng {}", name, show(*rate), code)
               : fmt::format("{} là bắt buộc với hóa đơn bằng {} (chỉ VND không cần)", name, code));
}

}  // namespace hoadon::rules::checks
