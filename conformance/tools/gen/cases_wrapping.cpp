// Wrapping attacks (format §5.3.9; README "Verifying signatures", binding): ways to make an
// intact signature vouch for content it does not cover. Each must fail for the right reason:
// the cryptography stays intact, only binding (or the refusal of what makes the trick work)
// can tell.
#include "documents.hpp"
#include "sign.hpp"

namespace conformance {
namespace {

const std::string kSignedArea = "<DLHDon Id=\"data\">";

std::string signed_data(const std::string& doc) {
  const auto b = doc.find(kSignedArea), e = doc.find("</DLHDon>");
  return doc.substr(b, e + 9 - b);
}

// The signed data with another grand total (and Id attribute).
std::string forged(std::string data, const std::string& id_attr) {
  data = edit(data, kSignedArea, "<DLHDon" + id_attr + ">");
  return edit(data, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>1000</TgTTTBSo>");
}

void attack(Suite& s, const std::string& name, const std::string& doc, std::string sigs, std::vector<std::string> codes,
            const char* en, const char* vi, bool pass = false) {
  add_case(s, "wrapping/" + name, doc, "verify", verify_options(), pass, std::move(sigs), std::move(codes), en, vi);
}

}  // namespace

namespace {

// Look-alikes (suite 1.1.0): an element named like the data an application reads, but not it.
void lookalikes(Suite& s) {
  const auto doc = seller_signed(s);
  const auto original = signed_data(doc);
  attack(s, "lookalike-namespace",
         edit(doc, original, edit(forged(original, ""), "<DLHDon>", "<DLHDon xmlns=\"urn:x-forged\">") + original),
         "NBan=valid", {"DOC-LOOKALIKE"},
         "A forged DLHDon in another namespace before the signed one: readers matching the local name take it",
         "DLHDon giả mạo thuộc không gian tên khác đặt trước DLHDon đã ký: chương trình đọc theo tên cục bộ sẽ lấy nó");
  attack(s, "lookalike-copy", edit(doc, "<CCKSKhac/>", "<CCKSKhac>" + mccqt_element() + "</CCKSKhac>"), "NBan=valid",
         {"DOC-LOOKALIKE"},
         "An MCCQT copied into the signature list (DSCKS/CCKSKhac): a tax-authority code no signature vouches for",
         "MCCQT được chép vào danh sách chữ ký (DSCKS/CCKSKhac): mã của cơ quan thuế không chữ ký nào bảo đảm", false);
}

}  // namespace

void add_wrapping(Suite& s) {
  const auto& p = s.pki();
  const auto doc = seller_signed(s);
  const auto original = signed_data(doc);
  {
    auto a = edit(doc, original, forged(original, ""));
    a = edit(a, "</Signature>",
             "<Object>" + edit(original, kSignedArea, "<DLHDon xmlns=\"\" Id=\"data\">") + "</Object></Signature>");
    attack(s, "moved-into-object", a, "NBan=invalid/binding", {"DSIG-BINDING", "DSIG-UNSIGNED", "DOC-LOOKALIKE"},
           "The signed DLHDon moved into an Object of the signature, a forged one in its place",
           "DLHDon đã ký bị chuyển vào một Object của chữ ký, DLHDon giả thế chỗ");
  }
  {
    auto a = edit(doc, original, forged(original, ""));
    a = edit(a, "<NMua/>", "<NMua><Luu>" + original + "</Luu></NMua>");
    attack(s, "moved-into-invoice", a, "NBan=invalid/binding",
           {"DSIG-BINDING", "DSIG-EXTRA-REFERENCE", "DOC-LOOKALIKE"},
           "The signed DLHDon moved elsewhere in the invoice, a forged one in its place",
           "DLHDon đã ký bị chuyển sang chỗ khác trong hóa đơn, DLHDon giả thế chỗ");
  }
  {
    const auto hidden = "<Object>" + edit(original, kSignedArea, "<DLHDon xmlns=\"\" Id=\"data\">") + "</Object>";
    auto a = edit(doc, original, forged(original, " Id=\"data\""));
    attack(s, "duplicate-id-in-object", edit(a, "</Signature>", hidden + "</Signature>"), "NBan=invalid/duplicate-id",
           {"DSIG-DUPLICATE-ID", "DSIG-BINDING", "DOC-LOOKALIKE"},
           "A forged DLHDon with the signed one's Id; the original hidden in the signature",
           "DLHDon giả mang cùng Id với DLHDon đã ký; bản gốc bị giấu trong chữ ký");
    attack(s, "duplicate-id-before", edit(a, "<HDon>", "<HDon><Extra>" + original + "</Extra>"),
           "NBan=invalid/duplicate-id", {"DSIG-DUPLICATE-ID", "DSIG-BINDING", "DOC-LOOKALIKE"},
           "The original DLHDon first in the document, a forged one with the same Id in place (never first-wins)",
           "DLHDon gốc đứng đầu tài liệu, DLHDon giả cùng Id ở đúng chỗ (không bao giờ lấy phần tử đầu tiên)");
  }
  attack(s, "dtd-id-attribute", edit(doc, "<HDon>", "<!DOCTYPE HDon [<!ATTLIST DLHDon Id ID #IMPLIED>]><HDon>"), "",
         {"XML-DOCTYPE"}, "A DTD that would declare which attribute is the Id: refused before anything else",
         "DTD khai báo thuộc tính nào là Id: bị từ chối trước mọi bước khác");
  {
    dsig::Template t = seller_template();
    t.refs = {dsig::time_ref()};
    attack(s, "covers-only-signing-time", seller_signed(s, t), "NBan=invalid/binding", {"DSIG-BINDING"},
           "A signature that covers only its own signing time vouches for nothing",
           "Chữ ký chỉ bao phủ thời điểm ký của chính nó không bảo đảm gì");
    t.refs = {{"#seller", {dsig::uri::kEnveloped}, dsig::uri::kSha256, "", ""}, dsig::data_ref(), dsig::time_ref()};
    attack(s, "references-itself", seller_signed(s, t), "NBan=invalid/binding", {"DSIG-BINDING"},
           "A reference to the signature itself, which covers nothing",
           "Tham chiếu tới chính chữ ký, vốn không bao phủ gì");
    t = seller_template();
    t.refs = {{"", {dsig::uri::kEnveloped}, dsig::uri::kSha256, "", ""}};
    attack(s, "whole-document-without-time", seller_signed(s, t), "NBan=invalid/binding", {"DSIG-BINDING"},
           "A whole-document reference alone: the enveloped transform removes the signing time with the signature",
           "Chỉ tham chiếu toàn bộ tài liệu: phép enveloped loại bỏ thời điểm ký cùng với chữ ký");
  }
  {
    const auto inside =
        edit(demo_vat(), "</NDHDon>", "</NDHDon><TTKhac>" + dsig::render(seller_template()) + "</TTKhac>");
    attack(s, "signature-inside-data", sign_pending(inside, p.signer_key, {p.signer}), "TTKhac=invalid/binding",
           {"DSIG-BINDING", "DOC-SIG-OUTSIDE"}, "A signature placed inside the data it signs instead of DSCKS",
           "Chữ ký đặt bên trong dữ liệu được ký thay vì trong DSCKS");
  }
  {
    const auto first = body(demo_vat());
    auto second = edit(edit(first, kSignedArea, "<DLHDon Id=\"data2\">"), "<SHDon>123</SHDon>", "<SHDon>124</SHDon>");
    second = put_in_slot(second, "NBan", dsig::render(seller_template()));
    const auto message =
        "<TDiep><TTChung><PBan>2.1.0</PBan><MNGui>V0101234565</MNGui><MNNhan>TCT</MNNhan><MLTDiep>203</MLTDiep>"
        "<MTDiep>V0101234565F6CA05C0FAD546FCA237A8E930E7CB49</MTDiep><MST>4800123456</MST><SLuong>2</SLuong>"
        "</TTChung><DLieu>" +
        first + second + "</DLieu></TDiep>";
    attack(s, "other-invoice-data", sign_pending(message, p.signer_key, {p.signer}), "NBan=invalid/binding",
           {"DSIG-BINDING"}, "In a message of two invoices, the second one's signature covers the first one's data",
           "Trong thông điệp có hai hóa đơn, chữ ký của hóa đơn thứ hai bao phủ dữ liệu của hóa đơn thứ nhất");
  }
  attack(s, "extra-data-before", edit(doc, original, forged(original, "") + original), "NBan=invalid/binding",
         {"DOC-DUPLICATE", "DSIG-BINDING"},
         "A forged DLHDon without Id placed before the signed one: applications would read the forged one",
         "DLHDon giả không có Id đặt trước DLHDon đã ký: ứng dụng sẽ đọc DLHDon giả");
  attack(s, "comment-in-signed-text",
         edit(doc, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>515<!-- x -->70000</TgTTTBSo>"), "NBan=valid", {},
         "Near miss: a comment inside signed text changes nothing (#Id references drop comments)",
         "Gần đúng: chú thích trong văn bản đã ký không thay đổi gì (tham chiếu #Id bỏ qua chú thích)", true);
  {
    const auto issued_doc = issued(s);
    attack(s, "authority-code-changed", edit(issued_doc, kMccqt, "00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
           "NBan=valid,CQT=invalid/digest-mismatch", {"DSIG-DIGEST"},
           "The tax authority's code replaced after it signed (the seller's signature does not cover it)",
           "Mã của cơ quan thuế bị thay sau khi cơ quan thuế ký (chữ ký người bán không bao phủ mã này)");
    dsig::Template t = authority_template();
    t.refs.pop_back();
    attack(s, "authority-without-code", issue_code(s, seller_signed(s, seller_template(), true), t),
           "NBan=valid,CQT=invalid/binding", {"DSIG-BINDING"},
           "A tax authority's signature that does not cover MCCQT: the code could be anything",
           "Chữ ký của cơ quan thuế không bao phủ MCCQT: mã có thể bị thay bằng bất kỳ giá trị nào");
  }
  lookalikes(s);
}

}  // namespace conformance
