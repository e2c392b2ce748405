// INV-*: the template code, series symbol, number and issue date of an invoice (spec §2).
#include <fmt/format.h>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "util/vntext.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

bool version_known(std::string_view v) { return templates_in_version(v).has_value(); }

void check_template(const Invoice& inv, const Out& out) {
  const xmlNode* node = xml::child(inv.general, "KHMSHDon");
  const auto text = value_of(inv.general, "KHMSHDon");
  if (!text) return;
  const std::string name = label(node);
  if (!inv.template_code) {
    if (parse_old_template_code(*text))
      out.add(Code::InvTemplate, node,
              fmt::format("{} \"{}\" is an old-regime template code (Circular 39/2014); since Circular 78/2021 it is "
                          "one digit 1 to 9, and old codes only appear for related invoices (KHMSHDCLQuan)",
                          name, *text),
              fmt::format("{} \"{}\" là ký hiệu mẫu số theo quy định cũ (Thông tư 39/2014); từ Thông tư 78/2021 ký "
                          "hiệu mẫu số là một chữ số từ 1 đến 9, mẫu cũ chỉ ghi cho hóa đơn có liên quan "
                          "(KHMSHDCLQuan)",
                          name, *text));
    else
      out.add(Code::InvTemplate, node, fmt::format("{} \"{}\" is not one digit 1 to 9", name, *text),
              fmt::format("{} \"{}\" không phải một chữ số từ 1 đến 9", name, *text));
    return;
  }
  if (version_known(inv.version) && !templates_in_version(inv.version)->contains(*inv.template_code))
    out.add(Code::InvTemplate, node,
            fmt::format("{} {}: templates 7, 8 and 9 (Circular 32/2025) exist from format version 2.1.0, not {}", name,
                        *inv.template_code, inv.version),
            fmt::format("{} {}: mẫu số 7, 8 và 9 (Thông tư 32/2025) chỉ có từ phiên bản định dạng 2.1.0, không có ở "
                        "phiên bản {}",
                        name, *inv.template_code, inv.version));
}

Reason series_reason(const SeriesParse& p, std::string_view text) {
  const std::string_view c = character_at(text, p.position);
  switch (p.error) {
    case SeriesError::none:
    case SeriesError::empty:
      break;
    case SeriesError::template_digit_included:
      return {fmt::format("7 characters: the template digit {} is written in front; the series symbol is the 6 "
                          "characters after it ({})",
                          c, text.substr(1)),
              fmt::format("7 ký tự: chữ số mẫu số {} bị ghi vào đầu; ký hiệu hóa đơn là 6 ký tự sau nó ({})", c,
                          text.substr(1))};
    case SeriesError::wrong_length: {
      // Lengths are in bytes: a Vietnamese letter ("Đ") makes six characters look like seven.
      std::size_t chars = 0, first_wide = std::string_view::npos;
      for (std::size_t i = 0; i < text.size(); i += utf8_length_at(text, i), ++chars)
        if (static_cast<unsigned char>(text[i]) >= 0x80 && first_wide == std::string_view::npos) first_wide = chars;
      if (chars == 6 && first_wide != std::string_view::npos) {
        std::size_t byte = 0;
        for (std::size_t k = 0; k < first_wide; ++k) byte += utf8_length_at(text, byte);
        return {
            fmt::format("character {} '{}' is not an ASCII letter or digit", first_wide + 1, character_at(text, byte)),
            fmt::format("ký tự thứ {} '{}' không phải chữ cái hoặc chữ số ASCII", first_wide + 1,
                        character_at(text, byte))};
      }
      return {fmt::format("has {} characters; a series symbol has 6", chars),
              fmt::format("có {} ký tự; ký hiệu hóa đơn có 6 ký tự", chars)};
    }
    case SeriesError::bad_code_letter:
      return {fmt::format("it starts with '{}', not C (with the tax authority's code) or K (without)", c),
              fmt::format("ký tự đầu là '{}', không phải C (có mã của cơ quan thuế) hoặc K (không có mã)", c)};
    case SeriesError::bad_year:
      return {"characters 2 and 3 must be the last two digits of the year of issue",
              "ký tự thứ 2 và 3 phải là hai chữ số cuối của năm lập hóa đơn"};
    case SeriesError::bad_type_letter:
      return {fmt::format("character 4 '{}' is not a type letter (T, D, L, M, N, B, G, H, X)", c),
              fmt::format("ký tự thứ 4 '{}' không phải chữ cái loại hóa đơn (T, D, L, M, N, B, G, H, X)", c)};
    case SeriesError::bad_suffix:
      return {"characters 5 and 6 must be two uppercase letters chosen by the seller",
              "ký tự thứ 5 và 6 phải là hai chữ cái in hoa do người bán tự đặt"};
  }
  return {"is not a series symbol", "không phải ký hiệu hóa đơn"};
}

struct Finding {
  Code code;
  Reason why;
};

// The type letter against the template (spec §2.2): template_not_in_version is INV-TEMPLATE's.
std::optional<Finding> letter_finding(SeriesTemplateVerdict verdict, char letter, int template_code) {
  const TypeLetterRule* rule = find_type_letter_rule(letter);
  const std::string_view meaning = rule ? rule->meaning : "";
  switch (verdict) {
    case SeriesTemplateVerdict::letter_not_for_template:
      return Finding{Code::InvSeriesTemplate,
                     {fmt::format("type letter {} ({}) does not go with template {}", letter, meaning, template_code),
                      fmt::format("chữ cái loại {} không dùng với mẫu số {}", letter, template_code)}};
    case SeriesTemplateVerdict::code_required:
      return Finding{Code::InvSeriesTemplate,
                     {fmt::format("type letter {} ({}) only exists on invoices with the tax authority's code (C), not "
                                  "on K series",
                                  letter, meaning),
                      fmt::format("chữ cái loại {} chỉ dùng cho hóa đơn có mã của cơ quan thuế (C), không dùng với ký "
                                  "hiệu K",
                                  letter)}};
    case SeriesTemplateVerdict::unusual_pairing:
      return Finding{Code::InvSeriesUnusual,
                     {fmt::format("type letter {} ({}) is unusual with template {}", letter, meaning, template_code),
                      fmt::format("chữ cái loại {} ít khi dùng với mẫu số {}", letter, template_code)}};
    default:
      return std::nullopt;
  }
}

void check_series(const Invoice& inv, const Out& out) {
  const xmlNode* node = xml::child(inv.general, "KHHDon");
  const auto text = value_of(inv.general, "KHHDon");
  if (!text) return;
  const std::string name = label(node);
  if (const SeriesParse p = parse_series(*text); !p.ok()) {
    out.add(Code::InvSeries, node, *text, series_reason(p, *text));
  }
  if (!inv.series) return;
  if (inv.template_code) {
    // Without a known version, judge the letter against the widest table (2.1.0).
    const std::string_view version = version_known(inv.version) ? std::string_view(inv.version) : "2.1.0";
    const auto verdict = check_series_template(*inv.series, *inv.template_code, version);
    if (const auto finding = letter_finding(verdict, inv.series->type, *inv.template_code))
      out.add(finding->code, node, *text, finding->why);
  }
  if (inv.issue_date && !inv.series->matches_year(inv.issue_date->year))
    out.add(Code::InvSeriesYear, node,
            fmt::format("{} \"{}\" is for year 20{:02}, but the invoice is dated {}", name, *text, inv.series->year,
                        inv.issue_date->year),
            fmt::format("{} \"{}\" dùng cho năm 20{:02}, nhưng hóa đơn lập năm {}", name, *text, inv.series->year,
                        inv.issue_date->year));
}

void check_number(const Invoice& inv, const Out& out) {
  const xmlNode* node = xml::child(inv.general, "SHDon");
  const auto text = value_of(inv.general, "SHDon");
  if (!text) return;  // not required in the cases of Decree 123 Art.10 cl.14 (spec §2.3)
  const InvoiceNumberParse p = parse_invoice_number(*text);
  Reason why;
  switch (p.error) {
    case InvoiceNumberError::none:
    case InvoiceNumberError::empty:
      return;
    case InvoiceNumberError::non_digit:
      why = {fmt::format("character {} '{}' is not a digit", p.position + 1, character_at(*text, p.position)),
             fmt::format("ký tự thứ {} '{}' không phải chữ số", p.position + 1, character_at(*text, p.position))};
      break;
    case InvoiceNumberError::too_long:
      why = {"more than 8 digits", "quá 8 chữ số"};
      break;
    case InvoiceNumberError::zero:
      why = {"numbers start at 1", "số hóa đơn bắt đầu từ 1"};
      break;
  }
  out.add(Code::InvNumber, node, *text, why);
}

}  // namespace

void check_symbols(const Invoice& inv, Date today, const Out& out) {
  if (!inv.general) return;
  check_template(inv, out);
  check_series(inv, out);
  check_number(inv, out);
  // Vendor platforms reject an issue date after today (VNPT ERR:1501) [T2]; the tax authority
  // presumably too [I]. "Today" is the date in Vietnam at the validation's "now".
  if (inv.issue_date && *inv.issue_date > today) {
    const xmlNode* node = xml::child(inv.general, "NLap");
    out.add(Code::InvDateFuture, node,
            fmt::format("{} {} is after today ({})", label(node), show(*inv.issue_date), show(today)),
            fmt::format("{} {} sau ngày hôm nay ({})", label(node), show(*inv.issue_date), show(today)));
  }
  // Letter L: issued by the tax authority per occurrence, which needs the dossier code [T §1.3, §2.2].
  if (inv.series_letter() == 'L' && !value_of(inv.general, "MHSo"))
    out.add(Code::InvDossier, inv.general,
            "TTChung (Thông tin chung): series letter L (issued by the tax authority per occurrence) needs MHSo "
            "(Mã hồ sơ)",
            "TTChung (Thông tin chung): ký hiệu chữ L (cơ quan thuế cấp theo từng lần phát sinh) phải có MHSo (Mã "
            "hồ sơ)");
}

}  // namespace hoadon::rules::checks
