#include "render/view.hpp"

#include <fmt/format.h>

#include <string_view>

#include "model/glossary.hpp"
#include "render/format.hpp"
#include "render/qr_payload.hpp"
#include "util/decimal.hpp"
#include "xml/node.hpp"

namespace hoadon::render {
namespace {

using model::InvoiceField;

// Elements whose value is a number to group, and those that are dates.
bool is_amount_tag(std::string_view tag) {
  for (std::string_view t : {"SLuong", "DGia", "TLCKhau", "STCKhau", "ThTien", "TThue", "TgTCThue", "TgTThue",
                             "TGTKCThue", "TTCKTMai", "TGTKhac", "TgTTTBSo", "TPhi", "TGia", "TTPhi"})
    if (tag == t) return true;
  return false;
}
bool is_date_tag(std::string_view tag) {
  return tag.size() > 1 && tag.front() == 'N' && tag != "NBan" && tag != "NMua";
}

std::string shown(std::string_view tag, const std::string& value) {
  if (is_amount_tag(tag)) return vn_number(value);
  if (is_date_tag(tag)) return vn_date(value);
  return value;
}

std::string label_of(std::string_view parent, std::string_view tag) {
  const model::Term* t = model::term(parent, tag);
  return t && !t->vi.empty() ? std::string(t->vi) : std::string(tag);
}

// TTKhac/TTin: the field's own name and value.
void read_other(const xmlNode* ttkhac, std::vector<Field>& out) {
  for (const xmlNode* tt : xml::children(ttkhac, "TTin")) {
    const auto name = xml::child_text(tt, "TTruong").value_or("");
    auto value = xml::child_text(tt, "DLieu").value_or("");
    if (value.empty()) continue;  // vendors declare fields they leave empty
    const auto type = xml::child_text(tt, "KDLieu").value_or("");
    if (type == "numeric" || type == "number" || type == "numberic") value = vn_number(value);
    out.push_back({name, value});
  }
}

// Every child element with text, in document order, except the groups named in `skip`.
std::vector<Field> read_fields(const xmlNode* parent, std::initializer_list<std::string_view> skip) {
  std::vector<Field> out;
  if (!parent) return out;
  const std::string_view pname = xml::name_of(parent);
  for (const xmlNode* c = xml::first_child_element(parent); c; c = xml::next_element(c)) {
    if (!xml::ns_of(c).empty()) continue;
    const std::string_view tag = xml::name_of(c);
    bool skipped = tag == "TTKhac";
    for (auto s : skip) skipped = skipped || tag == s;
    if (skipped) continue;
    const std::string value = xml::trimmed_text(c);
    if (value.empty()) continue;
    out.push_back({label_of(pname, tag), shown(tag, value)});
  }
  if (const xmlNode* other = xml::child(parent, "TTKhac")) read_other(other, out);
  return out;
}

std::string child_value(const xmlNode* n, std::string_view tag) { return xml::child_text(n, tag).value_or(""); }

Line read_line(const xmlNode* h) {
  Line l;
  l.nature = child_value(h, "TChat");
  l.stt = child_value(h, "STT");
  l.code = child_value(h, "MHHDVu");
  l.name = child_value(h, "THHDVu");
  l.unit = child_value(h, "DVTinh");
  l.quantity = vn_number(child_value(h, "SLuong"));
  l.price = vn_number(child_value(h, "DGia"));
  const auto rate = child_value(h, "TLCKhau");
  const auto amount = child_value(h, "STCKhau");
  const auto nonzero = [](const std::string& v) {
    const auto p = parse_decimal(v);
    return !v.empty() && (!p.ok() || !p.value->is_zero());
  };
  if (nonzero(rate) && nonzero(amount))
    l.discount = fmt::format("{}% ({})", vn_number(rate), vn_number(amount));
  else if (nonzero(rate))
    l.discount = vn_number(rate) + "%";
  else if (nonzero(amount))
    l.discount = vn_number(amount);
  l.rate = child_value(h, "TSuat");
  l.amount = vn_number(child_value(h, "ThTien"));
  if (const auto tax = xml::child_text(h, "TThue"); tax && !tax->empty())
    l.extra.push_back({label_of("HHDVu", "TThue"), vn_number(*tax)});
  if (const xmlNode* other = xml::child(h, "TTKhac")) read_other(other, l.extra);
  if (const xmlNode* special = xml::child(h, "TTHHDTrung")) read_other(special, l.extra);
  return l;
}

SignatureStatus status_of(const dsig::SignatureResult& s) {
  switch (s.outcome) {
    case dsig::Outcome::Valid:
      return SignatureStatus::Valid;
    case dsig::Outcome::Invalid:
      return SignatureStatus::Invalid;
    case dsig::Outcome::Indeterminate:
      return SignatureStatus::Indeterminate;
  }
  return SignatureStatus::NotChecked;
}

std::string role_of(std::string_view slot) {
  const model::Term* t = model::term("DSCKS", slot);
  return t ? std::string(t->vi) : fmt::format("Chữ ký số ({})", slot.empty() ? "?" : slot);
}

// How much of the subtree at `path` lies outside every intact signature.
Coverage coverage_of(const std::string& path, const std::vector<std::string>& unsigned_paths) {
  if (path.empty()) return Coverage::Unsigned;
  Coverage c = Coverage::Signed;
  for (const auto& u : unsigned_paths) {
    if (u == path || (path.size() > u.size() && path.compare(0, u.size(), u) == 0 && path[u.size()] == '/') || u == "/")
      return Coverage::Unsigned;
    if (u.size() > path.size() && u.compare(0, path.size(), path) == 0 && u[path.size()] == '/') c = Coverage::Partly;
  }
  return c;
}

}  // namespace

std::string Line::cell(Column c) const {
  switch (c) {
    case Column::Stt:
      return stt;
    case Column::Code:
      return code;
    case Column::Name:
      return name;
    case Column::Unit:
      return unit;
    case Column::Quantity:
      return quantity;
    case Column::Price:
      return price;
    case Column::Discount:
      return discount;
    case Column::Rate:
      return rate;
    case Column::Amount:
      return amount;
  }
  return {};
}

std::vector<Field> SignaturePanel::details() const {
  std::vector<Field> out;
  const auto add = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out.push_back({std::string(label), value});
  };
  add("Lý do (reason)", reason);
  add("Ký bởi (signed by)", subject);
  add("Mã định danh (identifier)", tax_code);
  add("Ký ngày (signing time)", signing_time);
  add("Tổ chức cấp (issuer)", issuer);
  add("Serial", serial);
  add("Hiệu lực (validity)", validity);
  std::string c;
  for (const auto& p : covers) c += (c.empty() ? "" : " ") + p;
  add("Bao phủ (covers)", c);
  return out;
}

std::string status_words(SignatureStatus s) {
  switch (s) {
    case SignatureStatus::Valid:
      return "Hợp lệ (valid)";
    case SignatureStatus::Invalid:
      return "KHÔNG hợp lệ (invalid)";
    case SignatureStatus::Indeterminate:
      return "Chưa xác định (indeterminate)";
    case SignatureStatus::NotChecked:
      return "Chưa kiểm tra (not checked)";
  }
  return {};
}

std::string coverage_words(Coverage c) {
  switch (c) {
    case Coverage::Signed:
      return "Được chữ ký số bao phủ (signed)";
    case Coverage::Partly:
      return "Một phần không được chữ ký số nào bao phủ (partly unsigned)";
    case Coverage::Unsigned:
      return "KHÔNG được chữ ký số nào bao phủ (not covered by any signature)";
    case Coverage::NotChecked:
      return "Chữ ký số chưa được kiểm tra (signatures not checked)";
  }
  return {};
}

InvoiceView build_view(const xml::Document& doc, const model::Index& index, const model::Essentials& essentials,
                       std::size_t invoice, const dsig::Verification* verification) {
  (void)doc;
  InvoiceView v;
  const auto& nodes = index.invoices.at(invoice);
  const auto& e = essentials.invoices.at(invoice);
  const auto get = [&](InvoiceField f) { return e.get(f).value_or(""); };
  v.template_code = get(InvoiceField::Template);
  v.series = get(InvoiceField::Series);
  v.layout = layout_for(v.template_code, v.series);
  v.title = get(InvoiceField::Title);
  if (v.title.empty()) v.title = std::string(v.layout.heading);
  v.number = get(InvoiceField::Number);
  v.issue_date = vn_date(get(InvoiceField::IssueDate));
  v.issue_date_long = vn_long_date(get(InvoiceField::IssueDate));
  v.version = get(InvoiceField::Version);
  v.currency = get(InvoiceField::Currency);
  v.exchange_rate = vn_number(get(InvoiceField::ExchangeRate));
  v.grand_total = vn_number(get(InvoiceField::Total));
  v.amount_in_words = get(InvoiceField::TotalInWords);
  v.mccqt = get(InvoiceField::TaxAuthorityCode);

  const xmlNode* dl = nodes.dlhdon;
  const xmlNode* general = xml::child(dl, "TTChung");
  v.general =
      read_fields(general, {"PBan", "THDon", "KHMSHDon", "KHHDon", "SHDon", "NLap", "DVTTe", "TGia", "TTHDLQuan"});
  std::vector<Field> money = {{"Đơn vị tiền tệ (currency)", v.currency}};
  if (!v.exchange_rate.empty()) money.push_back({"Tỷ giá (exchange rate)", v.exchange_rate});
  v.general.insert(v.general.begin(), money.begin(), money.end());
  if (const xmlNode* related = xml::child(general, "TTHDLQuan")) {
    v.related = read_fields(related, {});
    const auto nature = child_value(related, "TCHDon");
    v.related_nature = nature == "1"   ? "Hóa đơn thay thế cho hóa đơn (replacement of)"
                       : nature == "2" ? "Hóa đơn điều chỉnh cho hóa đơn (adjustment of)"
                                       : "Hóa đơn liên quan (related invoice)";
  }
  const xmlNode* content = xml::child(dl, "NDHDon");
  v.seller = read_fields(xml::child(content, "NBan"), {});
  v.buyer = read_fields(xml::child(content, "NMua"), {});
  for (const xmlNode* h : xml::children(xml::child(content, "DSHHDVu"), "HHDVu")) v.lines.push_back(read_line(h));

  const xmlNode* totals = xml::child(content, "TToan");
  for (const xmlNode* r : xml::children(xml::child(totals, "THTTLTSuat"), "LTSuat"))
    v.rate_totals.push_back(
        {child_value(r, "TSuat"), vn_number(child_value(r, "ThTien")), vn_number(child_value(r, "TThue"))});
  if (totals) {
    for (const xmlNode* c = xml::first_child_element(totals); c; c = xml::next_element(c)) {
      const std::string_view tag = xml::name_of(c);
      if (!xml::ns_of(c).empty() || tag == "THTTLTSuat" || tag == "TTKhac" || tag == "TgTTTBSo" || tag == "TgTTTBChu")
        continue;
      if (tag == "DSLPhi") {
        for (const xmlNode* fee : xml::children(c, "LPhi"))
          v.totals.push_back({child_value(fee, "TLPhi"), vn_number(child_value(fee, "TPhi"))});
        continue;
      }
      const auto value = xml::trimmed_text(c);
      if (!value.empty()) v.totals.push_back({label_of("TToan", tag), shown(tag, value)});
    }
  }
  // TTChung's and the parties' own TTKhac are shown with them.
  for (const xmlNode* holder : {dl, content, totals})
    if (const xmlNode* other = xml::child(holder, "TTKhac")) read_other(other, v.notes);

  if (nodes.qrcode) {
    v.qr_payload = xml::trimmed_text(nodes.qrcode);
    v.qr_from_document = !v.qr_payload.empty();
  }
  if (!v.qr_from_document)
    v.qr_payload = lookup_qr_payload({get(InvoiceField::SellerTaxCode), v.template_code, v.series, v.number,
                                      get(InvoiceField::IssueDate), get(InvoiceField::Total)});

  const int own = static_cast<int>(invoice);
  if (!verification) {
    for (const auto& s : essentials.signatures) {
      if (s.invoice != own && s.invoice != -1) continue;
      SignaturePanel p;
      p.slot = s.slot;
      p.role = role_of(s.slot);
      p.status = SignatureStatus::NotChecked;
      p.status_text = status_words(p.status);
      p.signing_time = s.signing_time;
      v.signatures.push_back(std::move(p));
    }
    return v;
  }
  v.verified = true;
  v.trust_checked = !verification->integrity_only;
  for (const auto& s : verification->signatures) {
    if (s.invoice != own && s.invoice != -1) continue;
    SignaturePanel p;
    p.slot = s.slot;
    p.role = role_of(s.slot);
    p.status = status_of(s);
    p.status_text = status_words(p.status);
    if (p.status == SignatureStatus::Indeterminate && s.intact && !s.trust_checked)
      p.status_text = "Nguyên vẹn, chưa kiểm tra tin cậy (intact, trust not checked)";
    p.reason = s.reason;
    p.signing_time = s.signing_time;
    if (s.signer) {
      p.subject = s.signer->subject;
      p.tax_code = s.signer->tax_code;
      p.issuer = s.signer->issuer;
      p.serial = s.signer->serial;
      if (!s.signer->not_before.empty()) p.validity = fmt::format("{} → {}", s.signer->not_before, s.signer->not_after);
    }
    p.covers = s.covers;
    v.signatures.push_back(std::move(p));
  }
  for (const auto& d : verification->report.items())
    if (d.code == Code::DsigUnsigned) v.unsigned_paths.push_back(d.where.path);
  const bool any_intact = [&] {
    for (const auto& s : verification->signatures)
      if (s.intact) return true;
    return false;
  }();
  const auto cover = [&](const xmlNode* n) {
    if (!n) return Coverage::Signed;  // nothing to cover
    if (!any_intact) return Coverage::Unsigned;
    return coverage_of(xml::xpath(n), v.unsigned_paths);
  };
  v.data_coverage = cover(nodes.dlhdon);
  v.mccqt_coverage = cover(nodes.mccqt);
  v.qr_coverage = cover(nodes.qrcode);
  return v;
}

}  // namespace hoadon::render
