// MST-*: the tax codes of an invoice's parties (spec §3): 10 digits with the check digit, the
// 14-character branch form, the 12-digit personal ID (structure only: it has no check digit).
#include "rules/checks/taxcodes.hpp"

#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {

Reason explain(const TaxCodeResult& r, std::string_view text) {
  const std::size_t at = r.position + 1;  // 1-based for people
  switch (r.reason) {
    case TaxCodeReason::ok:
    case TaxCodeReason::empty:
      break;
    case TaxCodeReason::wrong_length:
      return {fmt::format("has {} characters; a tax code is 10 digits, 10 digits + '-' + 3 digits (a dependent "
                          "unit) or a 12-digit personal ID",
                          text.size()),
              fmt::format("có {} ký tự; mã số thuế gồm 10 chữ số, 10 chữ số + '-' + 3 chữ số (đơn vị phụ thuộc) "
                          "hoặc số định danh cá nhân 12 chữ số",
                          text.size())};
    case TaxCodeReason::non_digit:
      return {fmt::format("character {} is not a digit", at), fmt::format("ký tự thứ {} không phải chữ số", at)};
    case TaxCodeReason::bad_separator:
      return {fmt::format("the '-' at character {} is misplaced: only NNNNNNNNNN-NNN has one", at),
              fmt::format("dấu '-' ở ký tự thứ {} sai chỗ: chỉ dạng NNNNNNNNNN-NNN có dấu '-'", at)};
    case TaxCodeReason::missing_branch_hyphen:
      return {"13 digits: a dependent unit's tax code is written NNNNNNNNNN-NNN, with the hyphen",
              "13 chữ số: mã số thuế đơn vị phụ thuộc phải viết dạng NNNNNNNNNN-NNN, có dấu '-'"};
    case TaxCodeReason::leading_zero_lost:
      return {fmt::format("9 digits: its leading 0 was lost (0{} is a valid tax code)", text),
              fmt::format("9 chữ số: đã mất số 0 ở đầu (0{} là mã số thuế hợp lệ)", text)};
    case TaxCodeReason::bad_check_digit:
      return {
          fmt::format("check digit is {}, expected {}", text.substr(r.position, 1), r.expected_check_digit),
          fmt::format("chữ số kiểm tra là {}, đúng ra phải là {}", text.substr(r.position, 1), r.expected_check_digit)};
    case TaxCodeReason::zero_remainder:
      return {
          "no check digit can be valid after these nine digits (their weighted sum is divisible by 11), so "
          "no such tax code is issued",
          "không chữ số kiểm tra nào hợp lệ với chín chữ số đầu này (tổng có trọng số chia hết cho 11), nên "
          "mã số thuế này không được cấp"};
    case TaxCodeReason::bad_branch:
      return {"dependent unit number 000 does not exist (001 to 999)",
              "số thứ tự đơn vị phụ thuộc 000 không tồn tại (từ 001 đến 999)"};
    case TaxCodeReason::bad_province:
      return {fmt::format("a 12-digit personal ID starts with a province code, and {} is none", text.substr(0, 3)),
              fmt::format("số định danh cá nhân 12 chữ số bắt đầu bằng mã tỉnh, và {} không phải mã tỉnh",
                          text.substr(0, 3))};
    case TaxCodeReason::bad_party_prefix:
      return {"a party code is TCT, V or K followed by a tax code, or a tax code",
              "mã nơi gửi/nhận là TCT, V hoặc K kèm mã số thuế, hoặc mã số thuế"};
  }
  return {"is not a valid tax code", "không phải mã số thuế hợp lệ"};
}

void check_tax_code_element(const xmlNode* element, Code code, Holder holder, const Out& out) {
  if (!element) return;
  const std::string text = xml::trimmed_text(element);
  if (text.empty()) return;  // an empty optional element is absent (spec §1.1)
  const TaxCodeResult r = check_tax_code(text);
  Reason why;
  if (!r.ok())
    why = explain(r, text);
  else if (holder == Holder::organisation && r.kind == TaxCodeKind::personal_id)
    why = {"a 12-digit personal ID, but this party is an organisation with a 10-digit tax code",
           "là số định danh cá nhân 12 chữ số, nhưng bên này là tổ chức có mã số thuế 10 chữ số"};
  else
    return;
  out.add(code, element, text, why);
}

void check_tax_codes(const Invoice& inv, const Out& out) {
  const xmlNode* seller_mst = xml::child(inv.seller, "MST");
  check_tax_code_element(seller_mst, Code::MstSeller, Holder::anyone, out);
  // A public-asset seller (template 3) may be identified by its budget-unit code instead of an
  // MST, but needs one of the two [T BKSOFT model, spec §1.5]. Other templates require the MST
  // itself, which the schema checks.
  if (inv.seller && inv.template_code == 3 && !value_of(inv.seller, "MST") && !value_of(inv.seller, "MDVQHNSach"))
    out.add(Code::MstSeller, inv.seller,
            "NBan (Người bán) of a public-asset invoice has neither a tax code (MST) nor a budget-unit code "
            "(MDVQHNSach)",
            "NBan (Người bán) của hóa đơn bán tài sản công không có mã số thuế (MST) lẫn mã đơn vị có quan hệ với "
            "ngân sách (MDVQHNSach)");
  check_tax_code_element(xml::child(inv.buyer, "MST"), Code::MstBuyer, Holder::anyone, out);
  check_tax_code_element(xml::child(inv.general, "MSTTCGP"), Code::MstProvider, Holder::organisation, out);
  check_tax_code_element(xml::child(inv.general, "MSTDVNUNLHDon"), Code::MstDelegate, Holder::organisation, out);
}

}  // namespace hoadon::rules::checks
