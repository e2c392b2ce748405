// MCCQT-*: the tax authority's code (spec §4.1) — its form, where it may be, and its presence
// on issued invoices of code series (C), spec §2.2, §7.4.
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "rules/mccqt.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

Reason form_reason(const MccqtCheck& c, std::string_view text) {
  const std::size_t at = c.position + 1;
  const std::string_view ch = character_at(text, c.position);
  switch (c.error) {
    case MccqtError::none:
    case MccqtError::empty:
      break;
    case MccqtError::wrong_length:
      return {fmt::format("has {} characters; the tax authority's code has 34, a cash-register code 23", text.size()),
              fmt::format("có {} ký tự; mã của cơ quan thuế có 34 ký tự, mã hóa đơn máy tính tiền có 23 ký tự",
                          text.size())};
    case MccqtError::bad_character:
      return {fmt::format("character {} '{}' is not allowed there", at, ch),
              fmt::format("ký tự thứ {} '{}' không được phép ở vị trí đó", at, ch)};
    case MccqtError::bad_issuer:
      return {fmt::format("starts with \"{}\", not \"00\"", text.substr(0, 2)),
              fmt::format("bắt đầu bằng \"{}\", không phải \"00\"", text.substr(0, 2))};
    case MccqtError::bad_separator:
      return {fmt::format("a '-' is expected at character {} (M1-25-XXXXX-00000000001)", at),
              fmt::format("cần dấu '-' ở ký tự thứ {} (M1-25-XXXXX-00000000001)", at)};
  }
  return {"is not a tax authority's code", "không phải mã của cơ quan thuế"};
}

Reason series_reason(MccqtInvoiceVerdict v, const Mccqt& code, const Invoice& inv) {
  switch (v) {
    case MccqtInvoiceVerdict::not_cash_register:
      return {"a cash-register series (letter M) carries the 23-character code M<template>-<year>-…",
              "ký hiệu máy tính tiền (chữ M) phải có mã 23 ký tự dạng M<mẫu số>-<năm>-…"};
    case MccqtInvoiceVerdict::unexpected_cash_register:
      return {fmt::format("a cash-register code on series letter {}, which is not M", inv.series_letter()),
              fmt::format("mã hóa đơn máy tính tiền trên ký hiệu chữ {}, không phải chữ M", inv.series_letter())};
    case MccqtInvoiceVerdict::template_mismatch:
      return {fmt::format("its template digit {} differs from KHMSHDon {}", code.template_code, *inv.template_code),
              fmt::format("chữ số mẫu số {} khác KHMSHDon {}", code.template_code, *inv.template_code)};
    case MccqtInvoiceVerdict::year_mismatch:
      return {fmt::format("its year {:02} differs from the series year {:02}", code.year, inv.series->year),
              fmt::format("năm {:02} khác năm trong ký hiệu hóa đơn {:02}", code.year, inv.series->year)};
    case MccqtInvoiceVerdict::ok:
      break;
  }
  return {};
}

void check_present(const Invoice& inv, const xmlNode* node, const std::string& text, const Out& out) {
  const std::string name = label(node);
  const MccqtCheck lenient = check_mccqt(text, MccqtStrictness::lenient);
  if (!lenient.ok()) {
    out.add(Code::MccqtFormat, node, text, form_reason(lenient, text));
    return;
  }
  // Every real code is "00" + 32 uppercase hex [S]; other issuer prefixes may exist [I].
  if (const MccqtCheck strict = check_mccqt(text); !strict.ok())
    out.add(Code::MccqtUnusual, node, text, form_reason(strict, text));
  if (inv.series && !inv.series->with_code) {
    out.add(Code::MccqtUnexpected, node,
            fmt::format("{} \"{}\" on a no-code series ({}): K invoices carry no tax authority's code", name, text,
                        *value_of(inv.general, "KHHDon")),
            fmt::format("{} \"{}\" trên hóa đơn không có mã ({}): hóa đơn ký hiệu K không có mã của cơ quan thuế", name,
                        text, *value_of(inv.general, "KHHDon")));
  } else if (is_code_request(inv.message_type)) {
    // The code request carries the invoice before the tax authority codes it [T §6.1].
    out.add(Code::MccqtUnexpected, node,
            fmt::format("{} \"{}\" in a code request (MLTDiep {}), which carries the invoice before its code", name,
                        text, inv.message_type),
            fmt::format("{} \"{}\" trong thông điệp đề nghị cấp mã (MLTDiep {}), là thông điệp gửi hóa đơn chưa có mã",
                        name, text, inv.message_type));
  }
  if (!inv.series || !inv.template_code) return;
  const MccqtInvoiceVerdict v =
      check_mccqt_for_invoice(*lenient.value, inv.series->type, *inv.template_code, inv.series->year);
  if (v == MccqtInvoiceVerdict::ok) return;
  out.add(Code::MccqtSeries, node, text, series_reason(v, *lenient.value, inv));
}

}  // namespace

void check_authority_code(const Invoice& inv, const Out& out) {
  const xmlNode* node = inv.nodes->mccqt;
  const std::string text = node ? xml::trimmed_text(node) : std::string();
  if (!text.empty()) return check_present(inv, node, text, out);
  // Code series need their code once issued, the cash-register one included (generated by the
  // seller's software, spec §4.1).
  if (inv.stage != Lifecycle::issued || !inv.code_series()) return;
  out.add(Code::MccqtMissing, node ? node : inv.nodes->hdon,
          fmt::format("HDon has no MCCQT (Mã của cơ quan thuế), but the invoice is issued on code series {}",
                      value_of(inv.general, "KHHDon").value_or("")),
          fmt::format("HDon không có MCCQT (Mã của cơ quan thuế), nhưng hóa đơn có mã ký hiệu {} đã được cấp mã",
                      value_of(inv.general, "KHHDon").value_or("")));
}

}  // namespace hoadon::rules::checks
