#include "sign/placement.hpp"

#include <fmt/format.h>

#include "dsig/binding.hpp"
#include "xml/node.hpp"

namespace hoadon::sign {

// The verifier's engine, which signing shares.
using dsig::form_data;
using dsig::role_of;
using dsig::VerifyProfile;
namespace {

using xml::child;

// The taxpayer's own forms: the ones a taxpayer signs and sends (the tax authority's notices,
// TBao other than 04/SS, carry the authority's signatures).
bool taxpayer_form(const xmlNode* form) {
  if (xml::is_plain(form, "TKhai") || xml::is_plain(form, "BTHDLieu")) return true;
  if (!xml::is_plain(form, "TBao")) return false;
  const auto code = xml::child_text(child(form, "DLTBao"), "MSo");
  return code && code->starts_with("04/SS");
}

// A form's taxpayer tax code: data/TTChung/MST (01/ĐKTĐ, 01/TH) or data/MST (04/SS).
const xmlNode* form_tax_code(const xmlNode* data) {
  if (const xmlNode* m = xml::child_path(data, {"TTChung", "MST"})) return m;
  return child(data, "MST");
}

struct Refusal {
  Report& report;
  Location where;
  std::nullopt_t operator()(Code code, const std::string& en, const std::string& vi) const {
    report.add(code, where, fmt::format("Not signed: {}", en), fmt::format("Không ký: {}", vi));
    return std::nullopt;
  }
};

std::optional<Placement> invoice_slot(const model::Index& index, SignerRole role, int invoice, const Refusal& refuse) {
  const auto n = static_cast<int>(index.invoices.size());
  if (n == 0)
    return refuse(Code::SignNoRole, fmt::format("the document holds no invoice for a {} to sign", role_name(role)),
                  "tài liệu không chứa hóa đơn nào để ký");
  if (invoice < 0 && n > 1)
    return refuse(Code::SignNoRole, fmt::format("the message holds {} invoices: say which one to sign", n),
                  fmt::format("thông điệp chứa {} hóa đơn: cần chỉ rõ hóa đơn cần ký", n));
  if (invoice >= n)
    return refuse(Code::SignNoRole, fmt::format("there is no invoice {} (the message holds {})", invoice + 1, n),
                  fmt::format("không có hóa đơn thứ {} (thông điệp chứa {})", invoice + 1, n));
  const int i = invoice < 0 ? 0 : invoice;
  const auto& inv = index.invoices[static_cast<std::size_t>(i)];
  Placement p;
  p.role = role;
  p.invoice = i;
  p.slot = role == SignerRole::Seller ? "NBan" : "NMua";
  p.data = inv.dlhdon;
  p.owner = inv.hdon;
  p.list = inv.dscks;
  p.slots = {"NBan", "NMua", "CCKSKhac"};
  if (!p.data) return refuse(Code::SignNoRole, "the invoice has no DLHDon to sign", "hóa đơn không có DLHDon để ký");
  return p;
}

std::optional<Placement> taxpayer_slot(const model::Index& index, const Refusal& refuse) {
  Placement p;
  p.role = SignerRole::Taxpayer;
  if (index.form && taxpayer_form(index.form)) {
    p.slot = "NNT";
    p.owner = index.form;
    p.data = form_data(index.form);
    p.list = child(index.form, "DSCKS");
    p.slots = {"NNT", "CCKSKhac"};
    if (!p.data)
      return refuse(Code::SignNoRole, fmt::format("{} has no data element to sign", xml::name_of(index.form)),
                    fmt::format("{} không có phần dữ liệu để ký", xml::name_of(index.form)));
    return p;
  }
  if (index.kind == model::Kind::Envelope && index.message_type == "206") {
    p.slot = "CKSNNT";
    p.owner = index.root;
    p.data = child(index.root, "DLieu");
    if (!p.data) return refuse(Code::SignNoRole, "the message has no DLieu to sign", "thông điệp không có DLieu để ký");
    return p;
  }
  const std::string what =
      index.form ? std::string(xml::name_of(index.form)) : std::string(model::kind_name(index.kind));
  return refuse(Code::SignNoRole,
                fmt::format("a taxpayer signs the forms 01/ĐKTĐ-HĐĐT (TKhai), 04/SS-HĐĐT (TBao), 01/TH-HĐĐT "
                            "(BTHDLieu) and the message 206 (TDiep/CKSNNT), not this {}",
                            what),
                fmt::format("người nộp thuế ký tờ khai 01/ĐKTĐ-HĐĐT (TKhai), thông báo 04/SS-HĐĐT (TBao), bảng tổng "
                            "hợp 01/TH-HĐĐT (BTHDLieu) và thông điệp 206 (TDiep/CKSNNT), không ký {} này",
                            what));
}

}  // namespace

std::string_view role_name(SignerRole r) noexcept {
  switch (r) {
    case SignerRole::Seller:
      return "seller";
    case SignerRole::Buyer:
      return "buyer";
    case SignerRole::Taxpayer:
      return "taxpayer";
  }
  return "seller";
}

std::optional<Placement> place(const xml::Document& doc, const model::Index& index, SignerRole role, int invoice,
                               Report& report) {
  const Refusal refuse{report, doc.locate(index.root)};
  auto p = role == SignerRole::Taxpayer ? taxpayer_slot(index, refuse) : invoice_slot(index, role, invoice, refuse);
  if (!p) return p;
  p->slot_node = p->list ? child(p->list, p->slot) : p->slot == "CKSNNT" ? child(p->owner, "CKSNNT") : nullptr;
  if (p->slot_node && xml::first_child_element(p->slot_node))
    return Refusal{report, doc.locate(p->slot_node)}(
        Code::SignSlotTaken, fmt::format("{} already holds a signature", xml::xpath(p->slot_node)),
        fmt::format("{} đã có chữ ký", xml::xpath(p->slot_node)));
  if (p->slot_node && !xml::trimmed_text(p->slot_node).empty())
    return Refusal{report, doc.locate(p->slot_node)}(
        Code::SignSlotTaken, fmt::format("{} holds text where the signature goes", xml::xpath(p->slot_node)),
        fmt::format("{} chứa văn bản tại vị trí của chữ ký", xml::xpath(p->slot_node)));
  return p;
}

std::vector<const xmlNode*> party_tax_codes(const model::Index& index, const model::SignatureNodes& s) {
  auto codes = role_of(index, s, VerifyProfile::Invoice).tax_codes;
  const xmlNode* slot = s.signature->parent;
  const xmlNode* form =
      slot && xml::is_plain(slot, "NNT") && xml::is_plain(slot->parent, "DSCKS") ? slot->parent->parent : nullptr;
  if (form && taxpayer_form(form))
    if (const xmlNode* mst = form_tax_code(form_data(form)); mst && !xml::trimmed_text(mst).empty())
      codes.push_back(mst);
  return codes;
}

}  // namespace hoadon::sign
