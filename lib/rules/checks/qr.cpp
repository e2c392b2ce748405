// QR-*: the QR code data (DLQRCode, spec §4.2): EMVCo TLV structure, CRC-16 (tag 63), and the
// invoice lookup template (tag 99) against the invoice. Optional data the tax authority does not
// check, so warnings by default: Nacencomm copies the official example's CRC "383C" [S].
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "rules/qrcode.hpp"
#include "rules/taxcode.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

Reason parse_reason(const QrParse& p) {
  const std::size_t at = p.position + 1;
  switch (p.error) {
    case QrError::none:
    case QrError::empty:
      break;
    case QrError::bad_id:
      return {fmt::format("no two-digit object id at character {}", at),
              fmt::format("không có mã đối tượng hai chữ số ở ký tự thứ {}", at)};
    case QrError::bad_length:
      return {fmt::format("no valid two-digit length at character {}", at),
              fmt::format("không có độ dài hai chữ số hợp lệ ở ký tự thứ {}", at)};
    case QrError::truncated:
      return {fmt::format("the object at character {} runs past the end", at),
              fmt::format("đối tượng ở ký tự thứ {} vượt quá cuối dữ liệu", at)};
    case QrError::bad_template:
      return {fmt::format("the template object's content at character {} is not TLV", at),
              fmt::format("nội dung đối tượng mẫu ở ký tự thứ {} không đúng cấu trúc TLV", at)};
  }
  return {"is not EMVCo TLV", "không đúng cấu trúc TLV của EMVCo"};
}

void check_crc(std::string_view text, const xmlNode* node, const Out& out) {
  const CrcCheck crc = check_qr_crc(text);
  if (crc.status == CrcStatus::ok) return;
  const std::string name = label(node);
  if (crc.status == CrcStatus::mismatch) {
    const bool example = crc.stated == 0x383C;  // the CRC of the official example, copied
    out.add(Code::QrCrc, node,
            fmt::format("{}: CRC {:04X} stated, {:04X} computed{}", name, crc.stated, crc.computed,
                        example ? " (383C is the official example's CRC, copied)" : ""),
            fmt::format("{}: CRC ghi {:04X}, tính được {:04X}{}", name, crc.stated, crc.computed,
                        example ? " (383C là CRC của ví dụ chính thức, bị chép lại)" : ""));
  } else {
    out.add(Code::QrCrc, node, fmt::format("{}: the payload does not end with a CRC object 6304 + 4 hex digits", name),
            fmt::format("{}: dữ liệu không kết thúc bằng đối tượng CRC 6304 + 4 chữ số thập lục phân", name));
  }
}

// The invoice's own values in template 99's form.
struct Mismatch {
  std::string_view sub, tag;
  std::string qr, invoice;
};

std::vector<Mismatch> compare(const Invoice& inv, const InvoiceLookup& l, const std::vector<std::string_view>& bad) {
  std::vector<Mismatch> m;
  auto usable = [&](std::string_view id) { return std::find(bad.begin(), bad.end(), id) == bad.end(); };
  const auto mst = value_of(inv.seller, "MST");
  if (usable("01") && mst) {
    std::string compact = *mst;
    std::erase(compact, '-');
    if (compact != *l.seller_tax_code) m.push_back({"01", "NBan/MST", std::string(*l.seller_tax_code), *mst});
  }
  const auto tmpl = value_of(inv.general, "KHMSHDon");
  if (usable("02") && tmpl && *tmpl != *l.template_code)
    m.push_back({"02", "KHMSHDon", std::string(*l.template_code), *tmpl});
  const auto series = value_of(inv.general, "KHHDon");
  if (usable("03") && series && *series != *l.series) m.push_back({"03", "KHHDon", std::string(*l.series), *series});
  const auto number = value_of(inv.general, "SHDon");
  if (usable("04") && number && parse_invoice_number(*number).value != parse_invoice_number(*l.number).value)
    m.push_back({"04", "SHDon", std::string(*l.number), *number});
  if (usable("05") && inv.issue_date && parse_compact_date(*l.issue_date).date != inv.issue_date)
    m.push_back({"05", "NLap", std::string(*l.issue_date), show(*inv.issue_date)});
  const auto total = amount_of(inv.totals, "TgTTTBSo");
  if (usable("06") && total && parse_decimal(*l.total).value != total)
    m.push_back({"06", "TgTTTBSo", std::string(*l.total), show(*total)});
  return m;
}

void check_lookup(const Invoice& inv, const QrParse& parsed, const xmlNode* node, const Out& out) {
  const std::string name = label(node);
  const auto lookup = invoice_lookup(parsed);
  if (!lookup) {
    out.add(Code::QrLookup, node, fmt::format("{} has no invoice lookup template (tag 99)", name),
            fmt::format("{} không có mẫu tra cứu hóa đơn (thẻ 99)", name));
    return;
  }
  const std::vector<std::string_view> bad = invoice_lookup_problems(*lookup);
  if (!bad.empty())
    out.add(Code::QrLookup, node,
            fmt::format("{}: template 99 sub-fields {} are missing or malformed", name, fmt::join(bad, ", ")),
            fmt::format("{}: các trường con {} của thẻ 99 bị thiếu hoặc sai dạng", name, fmt::join(bad, ", ")));
  const std::vector<Mismatch> diffs = compare(inv, *lookup, bad);
  if (diffs.empty()) return;
  std::string en, vi;
  for (const auto& d : diffs) {
    en += fmt::format("{}99.{} says \"{}\" but {} is \"{}\"", en.empty() ? "" : "; ", d.sub, d.qr, d.tag, d.invoice);
    vi += fmt::format("{}99.{} ghi \"{}\" còn {} là \"{}\"", vi.empty() ? "" : "; ", d.sub, d.qr, d.tag, d.invoice);
  }
  out.add(Code::QrMismatch, node, fmt::format("{}: {}", name, en), fmt::format("{}: {}", name, vi));
}

}  // namespace

void check_qr(const Invoice& inv, const Out& out) {
  const xmlNode* node = inv.nodes->qrcode;
  const std::string text = node ? xml::trimmed_text(node) : std::string();
  if (text.empty()) return;
  const std::string name = label(node);
  // Vendors put other content there (MISA's pipe-delimited MTT string); parse EMV only when it
  // starts with the payload format indicator "000201" (spec §4.2).
  if (!text.starts_with("000201")) {
    out.add(Code::QrFormat, node, fmt::format("{} is not an EMVCo payload (it does not start with 000201)", name),
            fmt::format("{} không phải dữ liệu EMVCo (không bắt đầu bằng 000201)", name));
    return;
  }
  QrParse parsed = parse_emv_qr(text);
  if (!parsed.ok()) {
    QrOptions lenient;
    lenient.lenient_lengths = true;
    QrParse retry = parse_emv_qr(text, lenient);
    if (retry.ok()) {
      out.add(Code::QrFormat, node,
              fmt::format("{}: object lengths are written without zero padding (1 or 3 digits instead of 2)", name),
              fmt::format("{}: độ dài đối tượng không viết đủ hai chữ số (1 hoặc 3 chữ số thay vì 2)", name));
      parsed = std::move(retry);
    } else {
      const Reason why = parse_reason(parsed);
      out.add(Code::QrFormat, node, fmt::format("{}: {}", name, why.en), fmt::format("{}: {}", name, why.vi));
    }
  }
  check_crc(text, node, out);
  if (parsed.ok()) check_lookup(inv, parsed, node, out);
}

}  // namespace hoadon::rules::checks
