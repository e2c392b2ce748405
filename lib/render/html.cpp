#include "render/html.hpp"

#include <fmt/format.h>

#include "render/qr_image.hpp"

namespace hoadon::render {
namespace {

constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; background: #eee; }
.invoice { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm; background: #fff; }
.invoice + .invoice { page-break-before: always; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; }
header .heading { flex: 1; text-align: center; }
h1 { font-size: 16pt; margin: 0 0 1mm; text-transform: uppercase; }
.sub { font-style: italic; margin: 0.5mm 0; }
.symbols { min-width: 48mm; }
.symbols div, .party div, .fields div { margin: 0.6mm 0; }
.label { color: #444; }
.value { font-weight: bold; }
.qr { text-align: center; font-size: 7pt; max-width: 34mm; word-break: break-all; }
section { margin-top: 4mm; }
h2 { font-size: 10.5pt; margin: 0 0 1mm; border-bottom: 1px solid #999; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #f0f0f0; font-size: 9pt; }
td.num { text-align: right; white-space: nowrap; }
td.c { text-align: center; }
tr.note td { font-style: italic; color: #333; }
.extra { font-size: 8pt; color: #444; }
.totals td:first-child { width: 70%; }
.grand td { font-weight: bold; font-size: 11pt; }
.words { font-style: italic; margin-top: 2mm; }
.panel { border: 2px solid #777; padding: 2mm 3mm; margin: 2mm 0; page-break-inside: avoid; }
.panel.valid { border-color: #1a7f37; background: #eaf6ec; }
.panel.invalid { border-color: #c62828; background: #fdecea; }
.panel.indeterminate { border-color: #b26a00; background: #fff4e0; }
.panel.not-checked { border-color: #777; background: #f3f3f3; }
.status { font-weight: bold; font-size: 11pt; }
.valid .status { color: #1a7f37; } .invalid .status { color: #c62828; } .indeterminate .status { color: #b26a00; }
.signatures { display: flex; flex-wrap: wrap; gap: 3mm; }
.signatures .panel { flex: 1 1 80mm; }
.unsigned { outline: 2px dashed #c62828; outline-offset: 1mm; }
.badge { display: inline-block; border: 1px solid #c62828; color: #c62828; font-size: 8pt; padding: 0 1.5mm; margin: 1mm 0; }
.small { font-size: 8pt; color: #444; word-break: break-all; }
footer { margin-top: 4mm; font-size: 8pt; color: #555; }
@media print { body { background: #fff; } .invoice { margin: 0; padding: 0; width: auto; min-height: 0; } }
)";

std::string status_class(SignatureStatus s) {
  switch (s) {
    case SignatureStatus::Valid:
      return "valid";
    case SignatureStatus::Invalid:
      return "invalid";
    case SignatureStatus::Indeterminate:
      return "indeterminate";
    case SignatureStatus::NotChecked:
      return "not-checked";
  }
  return {};
}

bool unsigned_part(Coverage c) { return c == Coverage::Unsigned || c == Coverage::Partly; }

// The marker of a part no signature covers (or whose signatures were not checked).
std::string badge(Coverage c) {
  if (c == Coverage::Signed) return {};
  return fmt::format("<div class=\"badge\" data-coverage=\"{}\">{}</div>",
                     c == Coverage::NotChecked ? "not-checked"
                     : c == Coverage::Partly   ? "partly"
                                               : "unsigned",
                     escape_html(coverage_words(c)));
}

void fields(std::string& out, const std::vector<Field>& fs) {
  for (const auto& f : fs)
    out += fmt::format("<div><span class=\"label\">{}:</span> <span class=\"value\">{}</span></div>",
                       escape_html(f.label), escape_html(f.value));
}

void lines_table(std::string& out, const InvoiceView& v) {
  out += "<section class=\"lines\"><table><thead><tr>";
  for (Column c : v.layout.columns) out += fmt::format("<th>{}</th>", escape_html(column_heading(c)));
  out += "</tr></thead><tbody>";
  for (const auto& l : v.lines) {
    out += l.nature == "4" ? "<tr class=\"note\">" : "<tr>";
    for (Column c : v.layout.columns) {
      const std::string cls = is_numeric(c) ? " class=\"num\"" : is_centred(c) ? " class=\"c\"" : "";
      out += fmt::format("<td{}>{}", cls, escape_html(l.cell(c)));
      if (c == Column::Name) {
        if (l.nature == "2") out += " <span class=\"extra\">(Khuyến mại)</span>";
        if (l.nature == "3") out += " <span class=\"extra\">(Chiết khấu thương mại)</span>";
        for (const auto& x : l.extra)
          out += fmt::format("<div class=\"extra\">{}: {}</div>", escape_html(x.label), escape_html(x.value));
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table></section>";
}

void totals(std::string& out, const InvoiceView& v) {
  out += "<section class=\"totals\">";
  if (!v.rate_totals.empty()) {
    out +=
        "<table class=\"rates\"><thead><tr><th>Thuế suất</th><th>Thành tiền chưa thuế</th><th>Tiền thuế GTGT</th>"
        "</tr></thead><tbody>";
    for (const auto& r : v.rate_totals)
      out += fmt::format("<tr><td class=\"c\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                         escape_html(r.rate), escape_html(r.base), escape_html(r.tax));
    out += "</tbody></table>";
  }
  out += "<table class=\"totals\"><tbody>";
  for (const auto& t : v.totals)
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>", escape_html(t.label), escape_html(t.value));
  out += fmt::format(
      "<tr class=\"grand\"><td>Tổng tiền thanh toán</td><td class=\"num\" id=\"grand-total\">{} {}</td></tr>",
      escape_html(v.grand_total), escape_html(v.currency));
  out += "</tbody></table>";
  out += fmt::format("<div class=\"words\">Số tiền viết bằng chữ: <span class=\"value\">{}</span></div>",
                     escape_html(v.amount_in_words));
  out += "</section>";
}

void signatures(std::string& out, const InvoiceView& v) {
  out += "<section class=\"signature-section\"><h2>Chữ ký số (digital signatures)</h2>";
  if (!v.verified)
    out += fmt::format("<p class=\"panel not-checked\"><span class=\"status\">{}</span></p>", kNotVerified);
  else if (!v.trust_checked)
    out += fmt::format("<p class=\"small\">{}</p>", kIntegrityOnly);
  if (v.signatures.empty())
    out += fmt::format("<div class=\"panel invalid\" data-status=\"none\"><span class=\"status\">{}</span></div>",
                       kNoSignature);
  out += "<div class=\"signatures\">";
  for (const auto& s : v.signatures) {
    out += fmt::format(
        "<div class=\"panel {}\" data-slot=\"{}\" data-status=\"{}\"><div>{}</div>"
        "<div class=\"status\">{}</div>",
        status_class(s.status), escape_html(s.slot), status_class(s.status), escape_html(s.role),
        escape_html(s.status_text));
    for (const auto& d : s.details())
      out += fmt::format("<div class=\"detail\">{}: <b>{}</b></div>", escape_html(d.label), escape_html(d.value));
    out += "</div>";
  }
  out += "</div>";
  if (!v.unsigned_paths.empty()) {
    out += fmt::format("<div class=\"panel invalid unsigned-list\"><div class=\"status\">{}</div>", kUnsignedContent);
    for (const auto& p : v.unsigned_paths)
      out += fmt::format("<div class=\"small\"><code>{}</code></div>", escape_html(p));
    out += "</div>";
  }
  out += "</section>";
}

void invoice(std::string& out, const InvoiceView& v) {
  out += fmt::format("<article class=\"invoice\" data-layout=\"{}\">", escape_html(v.layout.kind));
  out += fmt::format("<div class=\"data{}\">", unsigned_part(v.data_coverage) ? " unsigned" : "");
  out += badge(v.data_coverage);
  // Heading: title, date, symbols; the QR code on the side.
  out += "<header><div class=\"qr\">";
  std::string why;
  if (const auto m = encode_qr(v.qr_payload, why))
    out += qr_svg(*m, 30);
  else
    out += fmt::format("<div class=\"small\">QR: {}</div>", escape_html(why));
  out += fmt::format("<div class=\"small\">{}</div>", v.qr_from_document ? "DLQRCode" : "Tra cứu (lookup)");
  if (v.qr_from_document && unsigned_part(v.qr_coverage)) out += badge(v.qr_coverage);
  out += "</div><div class=\"heading\">";
  out += fmt::format("<h1 id=\"title\">{}</h1>", escape_html(v.title));
  if (!v.layout.subheading.empty()) out += fmt::format("<div class=\"sub\">{}</div>", escape_html(v.layout.subheading));
  out += "<div class=\"sub\">(Bản thể hiện của hóa đơn điện tử)</div>";
  out += fmt::format("<div class=\"sub\">{}</div>", escape_html(v.issue_date_long));
  if (!v.mccqt.empty())
    out +=
        fmt::format("<div class=\"mccqt{}\">Mã của cơ quan thuế: <b id=\"mccqt\">{}</b>{}</div>",
                    unsigned_part(v.mccqt_coverage) ? " unsigned" : "", escape_html(v.mccqt), badge(v.mccqt_coverage));
  out += "</div><div class=\"symbols fields\">";
  fields(out, {{"Mẫu số (template)", v.template_code},
               {"Ký hiệu (series)", v.series},
               {"Số (number)", v.number},
               {"Ngày lập", v.issue_date}});
  out += "</div></header>";
  if (v.related) {
    out += fmt::format("<section class=\"related\"><h2>{}</h2><div class=\"fields\">", escape_html(v.related_nature));
    fields(out, *v.related);
    out += "</div></section>";
  }
  out += fmt::format("<section class=\"party seller\"><h2>{}</h2>", escape_html(v.layout.seller));
  fields(out, v.seller);
  out += "</section>";
  out += fmt::format("<section class=\"party buyer\"><h2>{}</h2>", escape_html(v.layout.buyer));
  fields(out, v.buyer);
  out += "</section><section class=\"general fields\">";
  fields(out, v.general);
  out += "</section>";
  lines_table(out, v);
  totals(out, v);
  if (!v.notes.empty()) {
    out += "<section class=\"notes\"><h2>Thông tin khác (notes)</h2>";
    fields(out, v.notes);
    out += "</section>";
  }
  out += "</div>";  // .data
  signatures(out, v);
  out += fmt::format("<footer>Hiển thị bởi hoadon · PBan {} · {} dòng</footer></article>", escape_html(v.version),
                     v.lines.size());
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string to_html(const std::vector<InvoiceView>& invoices) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src "
      "data:\">"
      "<meta name=\"viewport\" content=\"width=device-width\">";
  const std::string title = invoices.empty() ? std::string("hoadon")
                                             : fmt::format("{} {} {}", invoices.front().title, invoices.front().series,
                                                           invoices.front().number);
  out += fmt::format("<title>{}</title><style>{}</style></head><body>", escape_html(title), kStyle);
  for (const auto& v : invoices) invoice(out, v);
  out += "</body></html>\n";
  return out;
}

}  // namespace hoadon::render
