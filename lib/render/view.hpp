// The view model of an invoice: every value a human-readable form (bản thể hiện) shows, read
// once from the parsed document, and the signature panel from a verification of this same run.
// Writers (HTML, PDF) only lay it out; they read nothing from the document themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsig/result.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "render/layout.hpp"
#include "xml/document.hpp"

namespace hoadon::render {

struct Field {
  std::string label;  // Vietnamese meaning of the element (glossary), or the TTKhac field name
  std::string value;  // as people read it (amounts grouped, dates dd/mm/yyyy)
};

struct Line {
  std::string nature;  // TChat: "1" goods, "2" promotion, "3" discount, "4" note, "5" special goods
  std::string stt, code, name, unit, quantity, price, discount, rate, amount;
  std::vector<Field> extra;  // the line's TTKhac and TTHHDTrung
  [[nodiscard]] std::string cell(Column c) const;
};

struct RateTotal {
  std::string rate, base, tax;
};

enum class SignatureStatus { Valid, Invalid, Indeterminate, NotChecked };

struct SignaturePanel {
  std::string slot;  // NBan, CQT, …
  std::string role;  // "Chữ ký số người bán", …
  SignatureStatus status = SignatureStatus::NotChecked;
  std::string status_text;  // "Hợp lệ (valid)", …
  std::string reason;       // verification's sub-reason, "" when valid or not checked
  std::string subject, tax_code, issuer, serial, validity;
  std::string signing_time;
  std::vector<std::string> covers;  // what the signature covers, as XPaths
  // What the panel lists under the status: reason, signer, time, issuer, serial, validity, covers.
  [[nodiscard]] std::vector<Field> details() const;
};

// Whether a part of the document is covered by an intact signature.
enum class Coverage { Signed, Partly, Unsigned, NotChecked };

struct InvoiceView {
  Layout layout;
  std::string title;  // THDon, else the layout's heading
  std::string template_code, series, number, issue_date, issue_date_long;
  std::string version;  // PBan
  std::string currency, exchange_rate;
  std::vector<Field> general;                 // the rest of TTChung
  std::optional<std::vector<Field>> related;  // TTHDLQuan
  std::string related_nature;                 // "Hóa đơn thay thế cho…" / "Hóa đơn điều chỉnh cho…"
  std::vector<Field> seller, buyer;
  std::vector<Line> lines;
  std::vector<RateTotal> rate_totals;
  std::vector<Field> totals;  // TgTCThue, TgTThue, fees, discounts… in document order
  std::string grand_total;
  std::string amount_in_words;
  std::string mccqt;
  std::vector<Field> notes;       // TTKhac of DLHDon, TTChung, NDHDon, TToan
  std::string qr_payload;         // what the QR code encodes
  bool qr_from_document = false;  // DLQRCode (true) or built from the invoice's fields (false)
  std::vector<SignaturePanel> signatures;
  bool verified = false;  // false: signatures not checked
  bool trust_checked = false;
  Coverage data_coverage = Coverage::NotChecked;   // DLHDon
  Coverage mccqt_coverage = Coverage::NotChecked;  // MCCQT
  Coverage qr_coverage = Coverage::NotChecked;     // DLQRCode
  std::vector<std::string> unsigned_paths;         // DSIG-UNSIGNED of the verification
};

// Sentences both writers show.
inline constexpr std::string_view kNotVerified =
    "Chữ ký số chưa được kiểm tra trong lần hiển thị này (signatures were not verified for this rendering)";
inline constexpr std::string_view kIntegrityOnly =
    "Chỉ kiểm tra tính nguyên vẹn, không kiểm tra chuỗi tin cậy (integrity only, trust not checked)";
inline constexpr std::string_view kNoSignature = "Hóa đơn không có chữ ký số (the invoice carries no signature)";
inline constexpr std::string_view kUnsignedContent =
    "Nội dung không được chữ ký số nào bao phủ (content no signature covers)";

// The view of the index-th invoice of `doc`. `verification` null: signatures not checked.
[[nodiscard]] InvoiceView build_view(const xml::Document& doc, const model::Index& index,
                                     const model::Essentials& essentials, std::size_t invoice,
                                     const dsig::Verification* verification);

// Words for a signature status, Vietnamese with English: "Hợp lệ (valid)".
[[nodiscard]] std::string status_words(SignatureStatus s);
[[nodiscard]] std::string coverage_words(Coverage c);

}  // namespace hoadon::render
