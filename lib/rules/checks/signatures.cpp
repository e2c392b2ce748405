// SIG-*: which signatures an invoice must carry, by stage and series (spec §1.10, §7.4), and
// the order of the seller's and the tax authority's signing times [S]. Whether they verify is
// lib/dsig's concern.
#include <fmt/format.h>

#include "model/essentials.hpp"
#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// Invoices that need no seller's signature (Decree 123 Art.10 cl.14, "e.g. MTT" in spec §1.10):
// cash-register invoices, whose message 206 the taxpayer signs as a whole (CKSNNT) [T][S 110,
// 111, 115]; invoices the tax authority issues per occurrence (L, cl.14 b); stamps, tickets and
// cards without the tax authority's code (K + G/H, cl.14 đ) [I: the clause is not in the spec
// digest; read in Decree 123].
bool seller_signature_exempt(const Invoice& inv) {
  const char letter = inv.series_letter();
  if (letter == 'M' || letter == 'L') return true;
  return (letter == 'G' || letter == 'H') && !inv.code_series();
}

std::optional<Instant> signing_instant(const model::SignatureNodes* s) {
  const xmlNode* t = s ? model::find_signing_time(s->signature) : nullptr;
  if (!t) return std::nullopt;
  const auto p = parse_datetime(xml::trimmed_text(t));
  if (!p.value) return std::nullopt;
  return to_instant(*p.value);
}

void check_seller(const Invoice& inv, const Out& out) {
  if (inv.stage == Lifecycle::draft || inv.signature("NBan") || seller_signature_exempt(inv)) return;
  const xmlNode* list = inv.nodes->dscks;
  const xmlNode* slot = xml::child(list, "NBan");
  const char* stage = inv.stage == Lifecycle::issued ? "issued" : "signed";
  const char* stage_vi = inv.stage == Lifecycle::issued ? "đã phát hành" : "đã ký";
  out.add(Code::SigSellerMissing,
          slot   ? slot
          : list ? list
                 : inv.nodes->hdon,
          fmt::format("DSCKS/NBan (Chữ ký số người bán) holds no signature, but the invoice is {}{}", stage,
                      inv.message_type.empty() ? "" : fmt::format(" (message {})", inv.message_type)),
          fmt::format("DSCKS/NBan (Chữ ký số người bán) không có chữ ký, nhưng hóa đơn {}{}", stage_vi,
                      inv.message_type.empty() ? "" : fmt::format(" (thông điệp {})", inv.message_type)));
}

void check_authority(const Invoice& inv, const Out& out) {
  const model::SignatureNodes* cqt = inv.signature("CQT");
  const std::string series = value_of(inv.general, "KHHDon").value_or("");
  if (!cqt) {
    // Cash-register invoices carry a code but no tax authority's signature [T §1.2].
    if (inv.stage != Lifecycle::issued || !inv.code_series() || inv.series_letter() == 'M') return;
    const xmlNode* list = inv.nodes->dscks;
    out.add(
        Code::SigCqtMissing, list ? list : inv.nodes->hdon,
        fmt::format("DSCKS has no CQT (Chữ ký số cơ quan thuế) signature, but the invoice is issued on code series {}",
                    series),
        fmt::format("DSCKS không có chữ ký CQT (Chữ ký số cơ quan thuế), nhưng hóa đơn ký hiệu {} đã được cấp mã",
                    series));
    return;
  }
  const xmlNode* at = cqt->signature;
  if (inv.series && !inv.series->with_code)
    out.add(Code::SigCqtUnexpected, at,
            fmt::format("A tax authority's signature (DSCKS/CQT) on no-code series {}", series),
            fmt::format("Có chữ ký số cơ quan thuế (DSCKS/CQT) trên hóa đơn không có mã ký hiệu {}", series));
  else if (is_code_request(inv.message_type))
    out.add(Code::SigCqtUnexpected, at,
            fmt::format("A tax authority's signature (DSCKS/CQT) in a code request (MLTDiep {})", inv.message_type),
            fmt::format("Có chữ ký số cơ quan thuế (DSCKS/CQT) trong thông điệp đề nghị cấp mã (MLTDiep {})",
                        inv.message_type));
  // The tax authority signs seconds after the seller [S 16:05:32 vs 16:05:48].
  const auto seller_time = signing_instant(inv.signature("NBan"));
  const auto cqt_time = signing_instant(cqt);
  if (!seller_time || !cqt_time || *cqt_time >= *seller_time) return;
  const xmlNode* seller_node = model::find_signing_time(inv.signature("NBan")->signature);
  const xmlNode* cqt_node = model::find_signing_time(cqt->signature);
  const std::string seller_text = xml::trimmed_text(seller_node), cqt_text = xml::trimmed_text(cqt_node);
  out.add(Code::SigCqtBeforeSeller, cqt_node,
          fmt::format("The tax authority's SigningTime {} is before the seller's {}", cqt_text, seller_text),
          fmt::format("Thời điểm ký của cơ quan thuế {} trước thời điểm ký của người bán {}", cqt_text, seller_text));
}

}  // namespace

void check_signatures(const Invoice& inv, const Out& out) {
  check_seller(inv, out);
  check_authority(inv, out);
}

}  // namespace hoadon::rules::checks
