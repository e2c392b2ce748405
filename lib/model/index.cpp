#include "model/index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "xml/node.hpp"

namespace hoadon::model {
namespace {

using xml::child;
using xml::children;
using xml::is_element;
using xml::is_plain;

struct RootKind {
  std::string_view name;
  Kind kind;
};

constexpr std::array kRoots = {
    RootKind{"HDon", Kind::Invoice},       RootKind{"TDiep", Kind::Envelope},   RootKind{"TBao", Kind::Notice},
    RootKind{"TKhai", Kind::Registration}, RootKind{"BTHDLieu", Kind::Summary}, RootKind{"BBan", Kind::Minutes},
};

Kind kind_of(const xmlNode* n) noexcept {
  for (const auto& r : kRoots)
    if (is_plain(n, r.name)) return r.kind;
  return Kind::Unknown;
}

void duplicate(const xml::Document& doc, Report& report, const xmlNode* second, std::string_view what_vi) {
  const auto name = xml::name_of(second);
  report.add(Code::DocDuplicate, doc.locate(second),
             fmt::format("{} occurs more than once in {}; only one is allowed", name, xml::name_of(second->parent)),
             fmt::format("{} ({}) xuất hiện nhiều lần trong {}; chỉ được có một", name, what_vi,
                         xml::name_of(second->parent)));
}

InvoiceNodes index_invoice(const xml::Document& doc, xmlNode* hdon, Report& report) {
  InvoiceNodes inv;
  inv.hdon = hdon;
  const auto data = children(hdon, "DLHDon");
  if (data.empty())
    report.add(Code::DocNoData, doc.locate(hdon));
  else
    inv.dlhdon = data.front();
  // A second DLHDon is how wrapping attacks smuggle unsigned data next to signed data.
  if (data.size() > 1) duplicate(doc, report, data[1], "dữ liệu hóa đơn");
  const auto codes = children(hdon, "MCCQT");
  if (!codes.empty()) inv.mccqt = codes.front();
  if (codes.size() > 1) duplicate(doc, report, codes[1], "mã của cơ quan thuế");
  const auto qr = children(hdon, "DLQRCode");
  if (!qr.empty()) inv.qrcode = qr.front();
  if (qr.size() > 1) duplicate(doc, report, qr[1], "dữ liệu mã QR");
  // TS24 emits a second, empty DSCKS: keep the first that holds anything.
  for (xmlNode* d : children(hdon, "DSCKS")) {
    if (!inv.dscks) inv.dscks = d;
    if (xml::first_child_element(d) && !xml::first_child_element(inv.dscks)) inv.dscks = d;
  }
  return inv;
}

bool in_signature_list(const xmlNode* sig) noexcept {
  const xmlNode* slot = sig->parent;
  if (!slot || slot->type != XML_ELEMENT_NODE) return false;
  if (is_plain(slot, "CKSNNT")) return true;
  return is_plain(slot->parent, "DSCKS");
}

void add_signature(const xml::Document& doc, xmlNode* sig, Index& idx, Report& report) {
  SignatureNodes s;
  s.signature = sig;
  s.slot = is_element(sig->parent) ? std::string(xml::name_of(sig->parent)) : std::string();
  for (std::size_t i = 0; i < idx.invoices.size(); ++i)
    for (const xmlNode* a = sig->parent; a; a = a->parent)
      if (a == idx.invoices[i].hdon) s.invoice = static_cast<int>(i);
  if (!in_signature_list(sig)) {
    const std::string where = is_element(sig->parent) ? xml::xpath(sig->parent) : std::string("the document itself");
    report.add(Code::DocSigOutside, doc.locate(sig),
               fmt::format("A signature lies in {} instead of a DSCKS slot or TDiep/CKSNNT", where),
               fmt::format("Chữ ký số nằm trong {} thay vì một mục của DSCKS hoặc TDiep/CKSNNT",
                           is_element(sig->parent) ? where : std::string("chính tài liệu")));
  }
  idx.signatures.push_back(std::move(s));
}

void collect_signatures(const xml::Document& doc, xmlNode* n, Index& idx, Report& report) {
  for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
    if (xml::is_dsig(c, "Signature"))
      add_signature(doc, c, idx, report);  // signatures do not nest in e-invoices: not looked into
    else
      collect_signatures(doc, c, idx, report);
  }
}

void index_envelope(const xml::Document& doc, Index& idx, Report& report) {
  idx.envelope_header = child(idx.root, "TTChung");
  idx.payload = child(idx.root, "DLieu");
  if (idx.envelope_header)
    if (auto t = xml::child_text(idx.envelope_header, "MLTDiep")) idx.message_type = *t;
  if (!idx.envelope_header || idx.message_type.empty() || !idx.payload) {
    const char* missing = !idx.envelope_header ? "TTChung" : idx.message_type.empty() ? "TTChung/MLTDiep" : "DLieu";
    report.add(Code::DocEnvelope, doc.locate(idx.root), fmt::format("The transmission envelope has no {}", missing),
               fmt::format("Thông điệp truyền nhận không có {}", missing));
  }
  if (!idx.payload) return;
  // A message re-wrapped whole inside another one's DLieu (seen in real exports): read the
  // inner message's data, and say so, since the outer signatures cannot cover it as sent.
  while (xmlNode* inner = child(idx.payload, "TDiep")) {
    report.add(
        Code::DocNestedEnvelope, doc.locate(inner),
        "A transmission envelope is nested inside another one's DLieu; the inner message is read",
        "Thông điệp truyền nhận nằm lồng trong DLieu của một thông điệp khác; hệ thống đọc thông điệp bên trong");
    xmlNode* inner_payload = child(inner, "DLieu");
    if (!inner_payload) break;
    idx.payload = inner_payload;
  }
  for (xmlNode* h : children(idx.payload, "HDon")) idx.invoices.push_back(index_invoice(doc, h, report));
  if (idx.invoices.empty()) {
    xmlNode* first = xml::first_child_element(idx.payload);
    if (first && kind_of(first) != Kind::Unknown && kind_of(first) != Kind::Envelope) idx.form = first;
    if (carries_invoices(idx.message_type))
      report.add(Code::DocNoInvoice, doc.locate(idx.payload),
                 fmt::format("Message type {} carries invoices, but DLieu holds no HDon", idx.message_type),
                 fmt::format("Thông điệp loại {} phải chứa hóa đơn nhưng DLieu không có HDon nào", idx.message_type));
  }
}

bool is_form(const xmlNode* n) noexcept {
  switch (kind_of(n)) {
    case Kind::Notice:
    case Kind::Registration:
    case Kind::Summary:
    case Kind::Minutes:
      return true;
    default:
      return is_plain(n, "BKe");
  }
}

// An element named like a part applications read — the data, the tax authority's code, the QR
// data, the signature list — that is not the part the index reads: in another namespace, or a
// copy elsewhere (inside a signature's Object, in another element). Wrapping attacks put the
// signed original in such a place next to forged data; whatever its purpose, it is an error.
void report_lookalikes(const xml::Document& doc, const Index& idx, Report& report) {
  constexpr std::array<std::string_view, 4> kNames = {"DLHDon", "MCCQT", "DLQRCode", "DSCKS"};
  std::vector<const xmlNode*> read, invoices;
  for (const auto& inv : idx.invoices) {
    read.insert(read.end(), {inv.dlhdon, inv.mccqt, inv.qrcode, inv.dscks});
    invoices.push_back(inv.hdon);
  }
  const auto among = [](const std::vector<const xmlNode*>& v, const xmlNode* n) {
    return std::find(v.begin(), v.end(), n) != v.end();
  };
  xml::for_each_element(idx.root, [&](xmlNode* e) {
    const auto name = xml::name_of(e);
    if (std::find(kNames.begin(), kNames.end(), name) == kNames.end() || among(read, e)) return;
    const bool plain = !e->ns;
    if (plain && among(invoices, e->parent)) {
      if (name != "DSCKS") return;               // a second copy in HDon: DOC-DUPLICATE says so
      if (!xml::first_child_element(e)) return;  // TS24's second, empty DSCKS
    }
    if (plain && name == "DSCKS" && is_form(e->parent)) return;
    const auto ns = xml::ns_of(e);
    const std::string why_en = !plain ? fmt::format("it is in the namespace {}", ns)
                                      : std::string("it is a second copy, which applications do not read");
    const std::string why_vi = !plain ? fmt::format("nó thuộc không gian tên {}", ns)
                                      : std::string("đây là bản sao thứ hai, ứng dụng không đọc");
    report.add(Code::DocLookalike, doc.locate(e),
               fmt::format("{} is named like the invoice's {}, but {}: a look-alike element is how signature "
                           "wrapping smuggles data",
                           xml::xpath(e), name, why_en),
               fmt::format("{} mang tên giống {} của hóa đơn, nhưng {}: phần tử giả dạng là cách tấn công bọc chữ "
                           "ký đưa dữ liệu vào",
                           xml::xpath(e), name, why_vi));
  });
}

}  // namespace

std::string_view kind_name(Kind k) noexcept {
  for (const auto& r : kRoots)
    if (r.kind == k) return r.name;
  return "unknown";
}

bool carries_invoices(std::string_view t) noexcept {
  // 200/201 code requests, 202 coded result, 203 no-code data, 206 cash-register data,
  // 208 one invoice adjusting many (2.1.0), 500 data of authorised code issuers.
  constexpr std::array kTypes = {"200", "201", "202", "203", "206", "208", "500"};
  for (std::string_view k : kTypes)
    if (t == k) return true;
  return false;
}

Index build_index(const xml::Document& doc, Report& report) {
  Index idx;
  idx.root = doc.root();
  idx.kind = kind_of(idx.root);
  switch (idx.kind) {
    case Kind::Invoice:
      idx.invoices.push_back(index_invoice(doc, idx.root, report));
      break;
    case Kind::Envelope:
      index_envelope(doc, idx, report);
      break;
    case Kind::Unknown: {
      const auto name = xml::name_of(idx.root);
      const auto ns = xml::ns_of(idx.root);
      const std::string shown = ns.empty() ? std::string(name) : fmt::format("{{{}}}{}", ns, name);
      report.add(Code::DocUnknownRoot, doc.locate(idx.root),
                 fmt::format("The root element {} is not an e-invoice document (expected HDon, TDiep, TBao, TKhai, "
                             "BTHDLieu or BBan, without namespace)",
                             shown),
                 fmt::format("Phần tử gốc {} không phải tài liệu hóa đơn điện tử (cần HDon, TDiep, TBao, TKhai, "
                             "BTHDLieu hoặc BBan, không có không gian tên)",
                             shown));
      break;
    }
    default:
      idx.form = idx.root;
      break;
  }
  if (xml::is_dsig(idx.root, "Signature"))
    add_signature(doc, idx.root, idx, report);  // an enveloping signature (XMLDSig profile)
  else if (idx.root)
    collect_signatures(doc, idx.root, idx, report);
  if (idx.kind != Kind::Unknown) report_lookalikes(doc, idx, report);
  report.set_kind(std::string(kind_name(idx.kind)));
  return idx;
}

}  // namespace hoadon::model
