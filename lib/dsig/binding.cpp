#include "dsig/binding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

using xml::child;
using xml::is_plain;

struct FormData {
  std::string_view form, data;
};
// The signed part of each form or list, as the tax authority's formats name it; other forms
// name it DL… (dữ liệu) or ND… (nội dung).
constexpr std::array kFormData = {FormData{"TBao", "DLTBao"}, FormData{"TKhai", "DLTKhai"},
                                  FormData{"BTHDLieu", "DLBTHop"}, FormData{"BBan", "NDBBan"},
                                  FormData{"BKe", "NDBKe"}};

}  // namespace

xmlNode* form_data(const xmlNode* form) {
  const auto name = xml::name_of(form);
  const auto it = std::find_if(kFormData.begin(), kFormData.end(), [&](const FormData& f) { return f.form == name; });
  if (it != kFormData.end()) return child(form, it->data);
  for (xmlNode* c = xml::first_child_element(form); c; c = xml::next_element(c)) {
    const auto n = xml::name_of(c);
    if (!c->ns && (n.starts_with("DL") || n.starts_with("ND"))) return c;
  }
  return nullptr;
}

namespace {

std::string path_of(const xmlNode* parent, std::string_view name) {
  return fmt::format("{}/{}", xml::xpath(parent), name);
}

Role::Need need(const xmlNode* parent, std::string_view name) {
  const xmlNode* n = child(parent, name);
  return {n, n ? xml::xpath(n) : path_of(parent, name)};
}

// A non-empty element (its text is what the signer's tax code must equal).
const xmlNode* filled(const xmlNode* n) { return n && !xml::trimmed_text(n).empty() ? n : nullptr; }

Role invoice_role(const model::InvoiceNodes& inv, std::string_view slot) {
  Role r;
  r.scope = inv.hdon;
  r.signing_time_required = r.signing_time_expected = true;
  r.required.push_back(need(inv.hdon, "DLHDon"));
  const xmlNode* content = xml::child(inv.dlhdon, "NDHDon");
  if (slot == "CQT") {
    r.tax_authority = true;
    r.name_en = "tax authority signature";
    r.name_vi = "Chữ ký của cơ quan thuế";
    r.required.push_back(need(inv.hdon, "MCCQT"));
  } else if (slot == "NBan") {
    r.name_en = "seller signature";
    r.name_vi = "Chữ ký người bán";
    if (const xmlNode* mst = filled(xml::child_path(content, {"NBan", "MST"}))) r.tax_codes.push_back(mst);
    // Delegated issuing: the delegate signs in the seller's slot.
    if (const xmlNode* d = filled(xml::child_path(inv.dlhdon, {"TTChung", "MSTDVNUNLHDon"}))) r.tax_codes.push_back(d);
  } else if (slot == "NMua") {
    r.name_en = "buyer signature";
    r.name_vi = "Chữ ký người mua";
    const xmlNode* buyer = xml::child(content, "NMua");
    if (const xmlNode* mst = filled(xml::child(buyer, "MST")))
      r.tax_codes.push_back(mst);
    else if (const xmlNode* id = filled(xml::child(buyer, "CCCDan")))
      r.tax_codes.push_back(id);
  } else {
    r.name_en = fmt::format("{} signature", slot);
    r.name_vi = fmt::format("Chữ ký {}", slot);
  }
  return r;
}

Role named(std::string en, std::string vi) {
  Role r;
  r.name_en = std::move(en);
  r.name_vi = std::move(vi);
  return r;
}

std::string where(const xmlNode* n, const Reference& r) { return r.whole_document ? "/" : xml::xpath(n); }

}  // namespace

Role role_of(const model::Index& index, const model::SignatureNodes& sig, VerifyProfile profile) {
  if (profile == VerifyProfile::XmlDsig) return named("signature", "Chữ ký số");
  const xmlNode* slot = sig.signature->parent;
  const xmlNode* list = slot ? slot->parent : nullptr;
  if (sig.invoice >= 0 && is_plain(list, "DSCKS") &&
      list->parent == index.invoices[static_cast<std::size_t>(sig.invoice)].hdon)
    return invoice_role(index.invoices[static_cast<std::size_t>(sig.invoice)], sig.slot);
  if (is_plain(slot, "CKSNNT") && index.kind == model::Kind::Envelope && slot->parent == index.root) {
    Role r = named("taxpayer signature of the message", "Chữ ký của người nộp thuế trên thông điệp");
    r.scope = index.root;
    r.signing_time_required = r.signing_time_expected = true;
    r.required.push_back(need(index.root, "DLieu"));
    if (const xmlNode* mst = filled(xml::child_path(index.root, {"TTChung", "MST"}))) r.tax_codes.push_back(mst);
    return r;
  }
  // A form (TBao, TKhai, BTHDLieu, BBan…) or a list (BKe) signed in its own DSCKS, at the root
  // or in an envelope's DLieu.
  const xmlNode* form = is_plain(list, "DSCKS") ? list->parent : nullptr;
  if (form && !is_plain(form, "HDon") && (form == index.root || is_plain(form->parent, "DLieu"))) {
    Role r = named(fmt::format("{} signature of {}", sig.slot, xml::name_of(form)),
                   fmt::format("Chữ ký {} trên {}", sig.slot, xml::name_of(form)));
    r.scope = form;
    r.signing_time_expected = true;
    // The tax authority's notices: its agency (CQT) and its named official (TTCQT).
    r.tax_authority = sig.slot == "CQT" || sig.slot == "TTCQT";
    const xmlNode* data = form_data(form);
    r.required.push_back({data, data ? xml::xpath(data) : fmt::format("the data of {}", xml::xpath(form))});
    // The tax authority's notices carry their number apart (STBao); signing it too is usual.
    if (const xmlNode* number = child(form, "STBao")) r.optional.push_back(number);
    return r;
  }
  Role r = named("signature", "Chữ ký số");
  r.placed = false;
  return r;
}

bool check_binding(const xml::Document& doc, const Role& role, const ParsedSignature& sig, Findings& f) {
  auto& covers = f.result().covers;
  for (const auto& ref : sig.references) {
    if (!ref.target) continue;
    const auto c = where(ref.target, ref);
    if (std::find(covers.begin(), covers.end(), c) == covers.end()) covers.push_back(c);
  }
  const auto here = doc.locate(sig.node);
  if (!role.placed)
    f.problem(Code::DsigBinding, here,
              fmt::format("The signature lies in {}, where no signature role is defined: it vouches for nothing an "
                          "application reads",
                          xml::xpath(sig.node->parent)),
              fmt::format("Chữ ký nằm trong {}, nơi không có vai trò chữ ký nào: nó không bảo đảm cho dữ liệu nào "
                          "mà ứng dụng đọc",
                          xml::xpath(sig.node->parent)),
              Stage::Binding, Outcome::Invalid, "binding");

  for (const auto& ref : sig.references) {
    if (ref.target == sig.node)  // signing itself: empty after the enveloped transform, else impossible
      f.problem(Code::DsigBinding, doc.locate(ref.node),
                fmt::format("Reference \"{}\" points to the signature itself: it covers nothing", ref.uri),
                fmt::format("Tham chiếu \"{}\" trỏ tới chính chữ ký: nó không bao phủ gì", ref.uri), Stage::Binding,
                Outcome::Invalid, "binding");
    if (!ref.target || inside(ref.target, sig.node)) continue;  // its own Object, KeyInfo…
    const bool needed = std::any_of(role.required.begin(), role.required.end(),
                                    [&](const Role::Need& n) { return n.node && inside(n.node, ref.target); });
    const bool welcome = std::find(role.optional.begin(), role.optional.end(), ref.target) != role.optional.end();
    if (needed || welcome || !role.scope) continue;
    const auto target = where(ref.target, ref);
    if (!inside(ref.target, role.scope))
      f.problem(Code::DsigBinding, doc.locate(ref.node),
                fmt::format("The {} points to {}, outside {}: it covers a node elsewhere", role.name_en, target,
                            xml::xpath(role.scope)),
                fmt::format("{} trỏ tới {}, nằm ngoài {}: nó bao phủ một nút ở nơi khác", role.name_vi, target,
                            xml::xpath(role.scope)),
                Stage::Binding, Outcome::Invalid, "binding");
    else
      f.note(Code::DsigExtraReference, doc.locate(ref.node),
             fmt::format("The {} also covers {}, which its role does not require", role.name_en, target),
             fmt::format("{} còn bao phủ {}, điều mà vai trò của nó không yêu cầu", role.name_vi, target));
  }

  for (const auto& n : role.required) {
    const bool covered = n.node && std::any_of(sig.references.begin(), sig.references.end(), [&](const Reference& r) {
                           return r.target && inside(n.node, r.target);
                         });
    if (covered) continue;
    if (!n.node)
      f.problem(Code::DsigBinding, here,
                fmt::format("The document has no {}, which a {} must cover", n.what, role.name_en),
                fmt::format("Tài liệu không có {}, phần mà {} phải bao phủ", n.what, role.name_vi), Stage::Binding,
                Outcome::Invalid, "binding");
    else
      f.problem(Code::DsigBinding, here, fmt::format("The {} does not cover {}", role.name_en, n.what),
                fmt::format("{} không bao phủ {}", role.name_vi, n.what), Stage::Binding, Outcome::Invalid, "binding");
  }

  if (sig.signing_times.size() > 1) {
    // Never "the first one wins": a covered time and an uncovered one, or two covered ones,
    // leave the real signing time unknown.
    f.problem(Code::DsigTimeAmbiguous, doc.locate(sig.signing_times[1]),
              fmt::format("The {} carries {} SigningTime elements: which one is the signing time is unknown",
                          role.name_en, sig.signing_times.size()),
              fmt::format("{} có {} phần tử SigningTime: không biết đâu là thời điểm ký", role.name_vi,
                          sig.signing_times.size()),
              Stage::Binding, Outcome::Invalid, "signing-time-ambiguous");
    return false;
  }
  if (!sig.signing_time) {
    if (role.signing_time_required)
      f.problem(
          Code::DsigTimeMissing, here,
          fmt::format("The {} carries no SigningTime: when it was made cannot be known", role.name_en),
          fmt::format("{} không có thời điểm ký (SigningTime): không thể biết chữ ký được tạo khi nào", role.name_vi),
          Stage::Binding, Outcome::Invalid, "signing-time-missing");
    else if (role.signing_time_expected)
      f.note(Code::DsigSigningTime, here, "The signature carries no SigningTime",
             "Chữ ký không có thời điểm ký (SigningTime)");
    return false;
  }
  // Only a reference into the signature itself covers its Object: a whole-document reference
  // removes the signature through the enveloped-signature transform.
  const bool time_signed = std::any_of(sig.references.begin(), sig.references.end(), [&](const Reference& r) {
    return r.target && inside(r.target, sig.node) && inside(sig.signing_time, r.target);
  });
  if (!time_signed) {
    const auto at = doc.locate(sig.signing_time);
    if (role.signing_time_required)
      f.problem(Code::DsigBinding, at, fmt::format("The {} does not cover its own signing time", role.name_en),
                fmt::format("{} không bao phủ thời điểm ký của chính nó", role.name_vi), Stage::Binding,
                Outcome::Invalid, "binding");
    else
      f.note(Code::DsigSigningTime, at,
             "The signing time is not covered by the signature: it is not relied on (the current time is used)",
             "Thời điểm ký không được chữ ký bao phủ nên không được dùng (dùng thời điểm hiện tại)");
  }
  return time_signed;
}

}  // namespace hoadon::dsig
