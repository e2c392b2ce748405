// The essentials of a document, read from the index without a second parse: the fields an
// accountant looks at first. Amounts stay exact decimal strings, never binary floating point.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/index.hpp"

namespace hoadon::model {

// Invoice fields. The numbering is mirrored by hoadon_field in the C API.
enum class InvoiceField {
  Version = 1,       // TTChung/PBan
  Title,             // TTChung/THDon
  Template,          // TTChung/KHMSHDon
  Series,            // TTChung/KHHDon
  Number,            // TTChung/SHDon
  IssueDate,         // TTChung/NLap
  Currency,          // TTChung/DVTTe
  ExchangeRate,      // TTChung/TGia
  PaymentMethod,     // TTChung/HTTToan
  SellerName,        // NDHDon/NBan/Ten
  SellerTaxCode,     // NDHDon/NBan/MST
  BuyerName,         // NDHDon/NMua/Ten
  BuyerTaxCode,      // NDHDon/NMua/MST
  TotalBeforeTax,    // NDHDon/TToan/TgTCThue
  TotalTax,          // NDHDon/TToan/TgTThue
  Total,             // NDHDon/TToan/TgTTTBSo
  TotalInWords,      // NDHDon/TToan/TgTTTBChu
  TaxAuthorityCode,  // HDon/MCCQT
  DataId,            // DLHDon/@Id
  LineCount,         // number of DSHHDVu/HHDVu
  Last = LineCount
};

// Document fields: the envelope header, or the form's own header.
enum class DocField {
  MessageVersion = 100,  // TDiep/TTChung/PBan
  MessageType,           // MLTDiep
  MessageId,             // MTDiep
  MessageRef,            // MTDTChieu
  Sender,                // MNGui
  Receiver,              // MNNhan
  TaxCode,               // MST
  Count,                 // SLuong
  FormCode,              // MSo of the form (TBao, TKhai, BTHDLieu)
  FormVersion,           // PBan of the form
  Last = FormVersion
};

struct FieldInfo {
  std::string_view json;  // name in JSON output
  std::string_view tag;   // where it comes from, for documentation
};

[[nodiscard]] const FieldInfo* invoice_field_info(InvoiceField f) noexcept;
[[nodiscard]] const FieldInfo* doc_field_info(DocField f) noexcept;

struct SignatureSummary {
  std::string slot;          // NBan, NMua, CQT, CCKSKhac, CKSNNT, NNT, TTCQT, …
  int invoice = -1;          // owning invoice or -1
  std::string id;            // Signature/@Id
  std::string algorithm;     // short name (rsa-sha256…) or the URI when unknown
  std::string c14n;          // canonicalisation short name
  std::string signing_time;  // as written, or "" when absent
  std::string path;          // XPath of the ds:Signature element
};

struct InvoiceEssentials {
  std::array<std::optional<std::string>, static_cast<std::size_t>(InvoiceField::Last)> fields;
  [[nodiscard]] const std::optional<std::string>& get(InvoiceField f) const noexcept {
    return fields[static_cast<std::size_t>(f) - 1];
  }
};

struct Essentials {
  std::array<std::optional<std::string>, static_cast<std::size_t>(DocField::Last) - 99> fields;
  std::vector<InvoiceEssentials> invoices;
  std::vector<SignatureSummary> signatures;
  [[nodiscard]] const std::optional<std::string>& get(DocField f) const noexcept {
    return fields[static_cast<std::size_t>(f) - 100];
  }
};

[[nodiscard]] Essentials read_essentials(const xml::Document& doc, const Index& idx);

// Short names for XMLDSig algorithm URIs ("rsa-sha256", "c14n", "sha1"…); the URI itself
// when it is not one hoadon knows.
[[nodiscard]] std::string algorithm_short_name(std::string_view uri);

// Every SigningTime element of a signature: found by local name, in any namespace (real signers
// vary), at any depth below its ds:Object elements (SignatureProperties, or XAdES' deeper
// SignedSignatureProperties), in document order.
[[nodiscard]] std::vector<xmlNode*> signing_times(const xmlNode* signature);

// The signature's SigningTime when it has exactly one, else null: with two, which one the
// signer meant is unknown, and neither is relied on (the verifier reports it).
[[nodiscard]] xmlNode* find_signing_time(const xmlNode* signature);

}  // namespace hoadon::model
