#include "model/essentials.hpp"

#include <array>

#include "xml/node.hpp"

namespace hoadon::model {
namespace {

struct InvoiceFieldDef {
  InvoiceField field;
  FieldInfo info;
  std::array<std::string_view, 4> path;  // from DLHDon ("" ends the path)
};

constexpr std::array kInvoiceFields = {
    InvoiceFieldDef{InvoiceField::Version, {"version", "TTChung/PBan"}, {"TTChung", "PBan"}},
    InvoiceFieldDef{InvoiceField::Title, {"title", "TTChung/THDon"}, {"TTChung", "THDon"}},
    InvoiceFieldDef{InvoiceField::Template, {"template", "TTChung/KHMSHDon"}, {"TTChung", "KHMSHDon"}},
    InvoiceFieldDef{InvoiceField::Series, {"series", "TTChung/KHHDon"}, {"TTChung", "KHHDon"}},
    InvoiceFieldDef{InvoiceField::Number, {"number", "TTChung/SHDon"}, {"TTChung", "SHDon"}},
    InvoiceFieldDef{InvoiceField::IssueDate, {"issue_date", "TTChung/NLap"}, {"TTChung", "NLap"}},
    InvoiceFieldDef{InvoiceField::Currency, {"currency", "TTChung/DVTTe"}, {"TTChung", "DVTTe"}},
    InvoiceFieldDef{InvoiceField::ExchangeRate, {"exchange_rate", "TTChung/TGia"}, {"TTChung", "TGia"}},
    InvoiceFieldDef{InvoiceField::PaymentMethod, {"payment_method", "TTChung/HTTToan"}, {"TTChung", "HTTToan"}},
    InvoiceFieldDef{InvoiceField::SellerName, {"seller_name", "NDHDon/NBan/Ten"}, {"NDHDon", "NBan", "Ten"}},
    InvoiceFieldDef{InvoiceField::SellerTaxCode, {"seller_tax_code", "NDHDon/NBan/MST"}, {"NDHDon", "NBan", "MST"}},
    InvoiceFieldDef{InvoiceField::BuyerName, {"buyer_name", "NDHDon/NMua/Ten"}, {"NDHDon", "NMua", "Ten"}},
    InvoiceFieldDef{InvoiceField::BuyerTaxCode, {"buyer_tax_code", "NDHDon/NMua/MST"}, {"NDHDon", "NMua", "MST"}},
    InvoiceFieldDef{
        InvoiceField::TotalBeforeTax, {"total_before_tax", "NDHDon/TToan/TgTCThue"}, {"NDHDon", "TToan", "TgTCThue"}},
    InvoiceFieldDef{InvoiceField::TotalTax, {"total_tax", "NDHDon/TToan/TgTThue"}, {"NDHDon", "TToan", "TgTThue"}},
    InvoiceFieldDef{InvoiceField::Total, {"total", "NDHDon/TToan/TgTTTBSo"}, {"NDHDon", "TToan", "TgTTTBSo"}},
    InvoiceFieldDef{
        InvoiceField::TotalInWords, {"total_in_words", "NDHDon/TToan/TgTTTBChu"}, {"NDHDon", "TToan", "TgTTTBChu"}},
    InvoiceFieldDef{InvoiceField::TaxAuthorityCode, {"mccqt", "HDon/MCCQT"}, {}},
    InvoiceFieldDef{InvoiceField::DataId, {"data_id", "DLHDon/@Id"}, {}},
    InvoiceFieldDef{InvoiceField::LineCount, {"line_count", "count(NDHDon/DSHHDVu/HHDVu)"}, {}},
};
static_assert(kInvoiceFields.size() == static_cast<std::size_t>(InvoiceField::Last));

struct DocFieldDef {
  DocField field;
  FieldInfo info;
};

constexpr std::array kDocFields = {
    DocFieldDef{DocField::MessageVersion, {"message_version", "TDiep/TTChung/PBan"}},
    DocFieldDef{DocField::MessageType, {"message_type", "TDiep/TTChung/MLTDiep"}},
    DocFieldDef{DocField::MessageId, {"message_id", "TDiep/TTChung/MTDiep"}},
    DocFieldDef{DocField::MessageRef, {"message_ref", "TDiep/TTChung/MTDTChieu"}},
    DocFieldDef{DocField::Sender, {"sender", "TDiep/TTChung/MNGui"}},
    DocFieldDef{DocField::Receiver, {"receiver", "TDiep/TTChung/MNNhan"}},
    DocFieldDef{DocField::TaxCode, {"tax_code", "TDiep/TTChung/MST"}},
    DocFieldDef{DocField::Count, {"count", "TDiep/TTChung/SLuong"}},
    DocFieldDef{DocField::FormCode, {"form_code", "MSo of the form"}},
    DocFieldDef{DocField::FormVersion, {"form_version", "PBan of the form"}},
};
static_assert(kDocFields.size() == static_cast<std::size_t>(DocField::Last) - 99);

// Envelope header tags in DocField order (MessageVersion … Count).
constexpr std::array<std::string_view, 8> kEnvelopeTags = {"PBan",  "MLTDiep", "MTDiep", "MTDTChieu",
                                                           "MNGui", "MNNhan",  "MST",    "SLuong"};

std::optional<std::string> text_at(const xmlNode* from, const std::array<std::string_view, 4>& path) {
  const xmlNode* cur = from;
  for (auto step : path) {
    if (step.empty()) break;
    cur = xml::child(cur, step);
    if (!cur) return std::nullopt;
  }
  return xml::trimmed_text(cur);
}

// First descendant element with this plain name, depth first, not inside signatures.
const xmlNode* find_descendant(const xmlNode* n, std::string_view name, int depth) {
  if (depth < 0) return nullptr;
  for (const xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
    if (xml::is_plain(c, name)) return c;
    if (xml::is_plain(c, "DSCKS") || xml::ns_of(c) == xml::kDsigNs) continue;
    if (const xmlNode* d = find_descendant(c, name, depth - 1)) return d;
  }
  return nullptr;
}

InvoiceEssentials invoice_essentials(const InvoiceNodes& inv) {
  InvoiceEssentials e;
  auto set = [&](InvoiceField f, std::optional<std::string> v) {
    e.fields[static_cast<std::size_t>(f) - 1] = std::move(v);
  };
  for (const auto& def : kInvoiceFields)
    if (!def.path[0].empty() && inv.dlhdon) set(def.field, text_at(inv.dlhdon, def.path));
  if (inv.mccqt) set(InvoiceField::TaxAuthorityCode, xml::trimmed_text(inv.mccqt));
  if (inv.dlhdon) {
    set(InvoiceField::DataId, xml::attribute(inv.dlhdon, "Id"));
    const xmlNode* list = xml::child_path(inv.dlhdon, {"NDHDon", "DSHHDVu"});
    set(InvoiceField::LineCount, std::to_string(list ? xml::children(list, "HHDVu").size() : 0));
  }
  return e;
}

SignatureSummary summarize(const xml::Document& doc, const SignatureNodes& s) {
  SignatureSummary out;
  out.slot = s.slot;
  out.invoice = s.invoice;
  out.id = xml::attribute(s.signature, "Id").value_or("");
  out.path = doc.locate(s.signature).path;
  for (xmlNode* si = xml::first_child_element(s.signature); si; si = xml::next_element(si)) {
    if (!xml::is_dsig(si, "SignedInfo")) continue;
    for (xmlNode* c = xml::first_child_element(si); c; c = xml::next_element(c)) {
      if (xml::is_dsig(c, "SignatureMethod"))
        out.algorithm = algorithm_short_name(xml::attribute(c, "Algorithm").value_or(""));
      else if (xml::is_dsig(c, "CanonicalizationMethod"))
        out.c14n = algorithm_short_name(xml::attribute(c, "Algorithm").value_or(""));
    }
    break;
  }
  if (const xmlNode* t = find_signing_time(s.signature)) out.signing_time = xml::trimmed_text(t);
  return out;
}

}  // namespace

const FieldInfo* invoice_field_info(InvoiceField f) noexcept {
  for (const auto& d : kInvoiceFields)
    if (d.field == f) return &d.info;
  return nullptr;
}

const FieldInfo* doc_field_info(DocField f) noexcept {
  for (const auto& d : kDocFields)
    if (d.field == f) return &d.info;
  return nullptr;
}

std::string algorithm_short_name(std::string_view uri) {
  struct Alias {
    std::string_view uri, name;
  };
  static constexpr std::array kAliases = {
      Alias{"http://www.w3.org/2000/09/xmldsig#rsa-sha1", "rsa-sha1"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", "rsa-sha224"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "rsa-sha256"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "rsa-sha384"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "rsa-sha512"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#rsa-md5", "rsa-md5"},
      Alias{"http://www.w3.org/2000/09/xmldsig#dsa-sha1", "dsa-sha1"},
      Alias{"http://www.w3.org/2009/xmldsig11#dsa-sha256", "dsa-sha256"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "ecdsa-sha256"},
      Alias{"http://www.w3.org/2000/09/xmldsig#hmac-sha1", "hmac-sha1"},
      Alias{"http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "rsa-pss-sha256"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#md5", "md5"},
      Alias{"http://www.w3.org/2000/09/xmldsig#sha1", "sha1"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#sha224", "sha224"},
      Alias{"http://www.w3.org/2001/04/xmlenc#sha256", "sha256"},
      Alias{"http://www.w3.org/2001/04/xmldsig-more#sha384", "sha384"},
      Alias{"http://www.w3.org/2001/04/xmlenc#sha512", "sha512"},
      Alias{"http://www.w3.org/TR/2001/REC-xml-c14n-20010315", "c14n"},
      Alias{"http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", "c14n-with-comments"},
      Alias{"http://www.w3.org/2001/10/xml-exc-c14n#", "exc-c14n"},
      Alias{"http://www.w3.org/2001/10/xml-exc-c14n#WithComments", "exc-c14n-with-comments"},
      Alias{"http://www.w3.org/2006/12/xml-c14n11", "c14n11"},
      Alias{"http://www.w3.org/2006/12/xml-c14n11#WithComments", "c14n11-with-comments"},
      Alias{"http://www.w3.org/2000/09/xmldsig#enveloped-signature", "enveloped-signature"},
      Alias{"http://www.w3.org/TR/1999/REC-xpath-19991116", "xpath"},
      Alias{"http://www.w3.org/2002/06/xmldsig-filter2", "xpath-filter2"},
      Alias{"http://www.w3.org/TR/1999/REC-xslt-19991116", "xslt"},
      Alias{"http://www.w3.org/2000/09/xmldsig#base64", "base64"},
  };
  for (const auto& a : kAliases)
    if (a.uri == uri) return std::string(a.name);
  return std::string(uri);
}

std::vector<xmlNode*> signing_times(const xmlNode* signature) {
  std::vector<xmlNode*> out;
  for (xmlNode* obj = xml::first_child_element(signature); obj; obj = xml::next_element(obj)) {
    if (!xml::is_dsig(obj, "Object")) continue;
    for (xmlNode* c = xml::first_child_element(obj); c; c = xml::next_element(c))
      xml::for_each_element(c, [&](xmlNode* e) {
        if (xml::name_of(e) == "SigningTime") out.push_back(e);
      });
  }
  return out;
}

xmlNode* find_signing_time(const xmlNode* signature) {
  const auto all = signing_times(signature);
  return all.size() == 1 ? all.front() : nullptr;
}

Essentials read_essentials(const xml::Document& doc, const Index& idx) {
  Essentials e;
  auto set = [&](DocField f, std::optional<std::string> v) {
    e.fields[static_cast<std::size_t>(f) - 100] = std::move(v);
  };
  if (idx.envelope_header)
    for (std::size_t i = 0; i < kEnvelopeTags.size(); ++i)
      set(static_cast<DocField>(100 + i), xml::child_text(idx.envelope_header, kEnvelopeTags[i]));
  if (idx.form) {
    if (const xmlNode* mso = find_descendant(idx.form, "MSo", 3)) set(DocField::FormCode, xml::trimmed_text(mso));
    if (const xmlNode* pban = find_descendant(idx.form, "PBan", 3)) set(DocField::FormVersion, xml::trimmed_text(pban));
  }
  for (const auto& inv : idx.invoices) e.invoices.push_back(invoice_essentials(inv));
  for (const auto& s : idx.signatures) e.signatures.push_back(summarize(doc, s));
  return e;
}

}  // namespace hoadon::model
