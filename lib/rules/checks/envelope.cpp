// ENV-* and MST-ENVELOPE: the transmission envelope's header (TDiep/TTChung) against what the
// message carries (spec §6.1, §6.2, §6.4).
#include <fmt/format.h>

#include <array>

#include "model/essentials.hpp"
#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "rules/checks/taxcodes.hpp"
#include "util/ascii.hpp"
#include "util/vntext.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// What each message type carries in DLieu: the payload's root and, for forms, their MSo [T §6.2,
// §6.4]. Types not listed (106, the 5xx flows, the 2.1.0 additions) are not checked.
struct Payload {
  std::string_view type, root, form;
};
constexpr std::array kPayloads = {
    Payload{"100", "TKhai", "01/ĐKTĐ-HĐĐT"},
    Payload{"101", "TKhai", ""},
    Payload{"102", "TBao", "01/TB-TNĐT"},
    Payload{"103", "TBao", "01/TB-ĐKĐT"},
    Payload{"104", "TBao", ""},
    Payload{"105", "TBao", "01/TB-KTT"},
    Payload{"200", "HDon", ""},
    Payload{"201", "HDon", ""},
    Payload{"202", "HDon", ""},
    Payload{"203", "HDon", ""},
    Payload{"204", "TBao", "01/TB-KTDL"},
    Payload{"205", "TBao", ""},
    Payload{"206", "HDon", ""},
    Payload{"208", "HDon", ""},
    Payload{"300", "TBao", "04/SS-HĐĐT"},
    Payload{"301", "TBao", "01/TB-SSĐT"},
    Payload{"302", "TBao", "01/TB-RSĐT"},
    Payload{"303", "TBao", "04/SS-HĐĐT"},
    Payload{"400", "BTHDLieu", "01/TH-HĐĐT"},
    Payload{"500", "HDon", ""},
    Payload{"999", "TBao", ""},
};

const Payload* payload_of(std::string_view type) {
  for (const auto& p : kPayloads)
    if (p.type == type) return &p;
  return nullptr;
}

void check_parties(const xmlNode* header, const Out& out) {
  for (std::string_view tag : {"MNGui", "MNNhan"}) {
    const auto code = value_of(header, tag);
    if (!code) continue;
    TaxCodeResult r = check_party_code(*code);
    if (r.ok()) continue;
    const xmlNode* node = xml::child(header, tag);
    // Explain the tax code after the V or K, with positions relative to it.
    std::string_view tax_code = *code;
    if (r.party_prefix) {
      tax_code.remove_prefix(1);
      r.position = r.position > 0 ? r.position - 1 : 0;
    }
    out.add(Code::EnvParty, node, *code, explain(r, tax_code));
  }
}

// MTDiep = MNGui + 32 uppercase hex digits of a UUID [T][S §6.1].
void check_message_id(const xmlNode* header, const Out& out) {
  const auto id = value_of(header, "MTDiep");
  const auto sender = value_of(header, "MNGui");
  if (!id || !sender) return;
  const std::string_view rest = std::string_view(*id).substr(std::min(sender->size(), id->size()));
  if (id->starts_with(*sender) && rest.size() == 32 && ascii::all_of(rest, ascii::is_upper_hex)) return;
  const xmlNode* node = xml::child(header, "MTDiep");
  out.add(
      Code::EnvMessageId, node,
      fmt::format("{} \"{}\" is not MNGui \"{}\" followed by 32 uppercase hexadecimal digits", label(node), *id,
                  *sender),
      fmt::format("{} \"{}\" không phải MNGui \"{}\" kèm 32 chữ số thập lục phân viết hoa", label(node), *id, *sender));
}

void check_type(const xml::Document& doc, const model::Index& index, const Payload& expected, const Out& out) {
  const xmlNode* type_node = xml::child(index.envelope_header, "MLTDiep");
  const bool invoices = expected.root == "HDon";
  if (invoices) return;  // an invoice message without HDon is DOC-NO-INVOICE (lib/model)
  const xmlNode* carried = xml::first_child_element(index.payload);
  if (!carried) return;
  const std::string_view root = xml::name_of(carried);
  if (root != expected.root || carried->ns) {
    out.add(
        Code::EnvType, type_node,
        fmt::format("{} {} carries {}, but DLieu holds {}", label(type_node), index.message_type, expected.root, root),
        fmt::format("{} {} mang {}, nhưng DLieu chứa {}", label(type_node), index.message_type, expected.root, root));
    return;
  }
  if (expected.form.empty()) return;
  const auto form = model::read_essentials(doc, index).get(model::DocField::FormCode);
  if (!form || form->empty() || fold_vietnamese(*form) == fold_vietnamese(expected.form)) return;
  out.add(Code::EnvType, type_node,
          fmt::format("{} {} carries form {}, but the form is {}", label(type_node), index.message_type, expected.form,
                      *form),
          fmt::format("{} {} mang mẫu {}, nhưng mẫu trong thông điệp là {}", label(type_node), index.message_type,
                      expected.form, *form));
}

void check_count(const model::Index& index, const Payload* expected, const Out& out) {
  const xmlNode* node = xml::child(index.envelope_header, "SLuong");
  const auto text = value_of(index.envelope_header, "SLuong");
  const auto stated = text ? ascii::parse_uint(*text) : std::nullopt;
  if (!stated || !index.payload) return;
  const bool invoices = expected ? expected->root == "HDon" : !index.invoices.empty();
  std::size_t count = 0;
  if (invoices) {
    count = index.invoices.size();  // 208 also carries a list (BKe) that is not counted [S 151]
  } else {
    for (const xmlNode* c = xml::first_child_element(index.payload); c; c = xml::next_element(c)) ++count;
  }
  const char* what = invoices ? "invoices (HDon)" : "items";
  const char* what_vi = invoices ? "hóa đơn (HDon)" : "dữ liệu";
  if (*stated != count) {
    out.add(Code::EnvCount, node, fmt::format("{} {}, but DLieu carries {} {}", label(node), *stated, count, what),
            fmt::format("{} {}, nhưng DLieu chứa {} {}", label(node), *stated, count, what_vi));
    return;
  }
  // A code request and its answer carry exactly one invoice [T §6.1].
  const std::string_view t = index.message_type;
  if ((t == "200" || t == "201" || t == "202") && count > 1)
    out.add(Code::EnvCount, node, fmt::format("{} {}: message {} carries exactly one invoice", label(node), count, t),
            fmt::format("{} {}: thông điệp {} chỉ chứa đúng một hóa đơn", label(node), count, t));
}

std::string compact(std::string code) {
  std::erase(code, '-');
  return code;
}

// The envelope names the taxpayer whose data it carries [T §6.1], for invoices the seller [I §7.4].
void check_seller(const model::Index& index, const Out& out) {
  const auto mst = value_of(index.envelope_header, "MST");
  if (!mst) return;
  const xmlNode* node = xml::child(index.envelope_header, "MST");
  for (const auto& inv : index.invoices) {
    const xmlNode* seller = xml::child_path(inv.dlhdon, {"NDHDon", "NBan"});
    const auto seller_mst = value_of(seller, "MST");
    if (!seller_mst || compact(*seller_mst) == compact(*mst)) continue;
    out.add(Code::EnvMstSeller, node,
            fmt::format("{} \"{}\" is not the seller's NBan/MST \"{}\"", label(node), *mst, *seller_mst),
            fmt::format("{} \"{}\" không phải mã số thuế người bán NBan/MST \"{}\"", label(node), *mst, *seller_mst));
    return;  // one finding per envelope
  }
}

}  // namespace

void check_envelope(const xml::Document& doc, const model::Index& index, const Out& out) {
  if (index.kind != model::Kind::Envelope || !index.envelope_header) return;
  const xmlNode* header = index.envelope_header;
  check_tax_code_element(xml::child(header, "MST"), Code::MstEnvelope, Holder::anyone, out);
  check_parties(header, out);
  check_message_id(header, out);
  const Payload* expected = payload_of(index.message_type);
  if (expected && index.payload) check_type(doc, index, *expected, out);
  check_count(index, expected, out);
  check_seller(index, out);
}

}  // namespace hoadon::rules::checks
