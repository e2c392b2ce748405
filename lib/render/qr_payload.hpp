// What an invoice's QR code says when the document carries no DLQRCode: the EMVCo payload with
// the invoice-lookup template 99 of the spec digest (§4.2) — GUID A000000775, the seller's tax
// code without hyphen, KHMSHDon, KHHDon, SHDon, NLap as YYYYMMDD, TgTTTBSo — and the CRC.
#pragma once

#include <string>

namespace hoadon::render {

struct LookupFields {
  std::string seller_tax_code, template_code, series, number, issue_date, total;
};

// The payload; values that cannot be written as an EMV object (empty, not ASCII, longer than
// 99 characters) are left out, as EMVCo leaves out empty objects.
[[nodiscard]] std::string lookup_qr_payload(const LookupFields& f);

}  // namespace hoadon::render
