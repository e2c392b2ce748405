// Envelopes and forms (format §6): the messages that carry invoices (TDiep 200, 202, 203, 206),
// the taxpayer's forms (01/ĐKTĐ-HĐĐT, 04/SS-HĐĐT, 01/TH-HĐĐT) and the tax authority's notices
// (102, 103, 204, 301, 999), each signed by its party with the suite's keys, and the envelope
// rules (ENV-*, MST-ENVELOPE). Forms and notices are the schema samples of lib/schema/samples,
// their placeholder signatures replaced by real ones.
#include <regex>

#include "documents.hpp"
#include "sign.hpp"

namespace conformance {
namespace {

std::string header(const std::string& type, const std::string& count, const std::string& mst = "4800123456") {
  const bool from_authority = type == "202";
  return "<TTChung><PBan>2.1.0</PBan><MNGui>" + std::string(from_authority ? "TCT" : "V0101234565") +
         "</MNGui><MNNhan>" + (from_authority ? "V0101234565" : "TCT") + "</MNNhan><MLTDiep>" + type +
         "</MLTDiep><MTDiep>" +
         (from_authority ? "TCTBDE3DA3CB31844988A039A773AFA84BD" : "V0101234565F6CA05C0FAD546FCA237A8E930E7CB49") +
         "</MTDiep>" + (from_authority ? "<MTDTChieu>V0101234565F6CA05C0FAD546FCA237A8E930E7CB49</MTDTChieu>" : "") +
         "<MST>" + mst + "</MST><SLuong>" + count + "</SLuong></TTChung>";
}

std::string message(const std::string& type, const std::string& payload, const std::string& count = "1") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep>" + header(type, count) + "<DLieu>" + payload +
         "</DLieu></TDiep>";
}

// The placeholder values of the signature `id` emptied: a template again.
std::string as_template(const std::string& xml, const std::string& id) {
  const auto b = xml.find("Id=\"" + id + "\"");
  const auto e = xml.find("</Signature>", b);
  std::string sig = xml.substr(b, e - b);
  for (const char* tag : {"DigestValue", "SignatureValue", "X509SubjectName", "X509Certificate"})
    sig = std::regex_replace(sig, std::regex(std::string("<") + tag + ">[^<]*</" + tag + ">"),
                             std::string("<") + tag + "></" + tag + ">");
  return xml.substr(0, b) + sig + xml.substr(e);
}

// A schema sample with its placeholder signatures signed for real, each by its party.
std::string resigned(const Suite& s, const std::string& sample, const std::vector<std::pair<std::string, bool>>& sigs) {
  const auto& p = s.pki();
  std::string doc = source("lib/schema/samples/valid/" + sample);
  for (const auto& [id, authority] : sigs)
    doc = authority ? sign_pending(as_template(doc, id), p.authority_key, {p.authority})
                    : sign_pending(as_template(doc, id), p.signer_key, {p.signer});
  return doc;
}

void env(Suite& s, const std::string& name, const std::string& doc, const std::string& op, bool pass, std::string sigs,
         std::vector<std::string> codes, const char* en, const char* vi) {
  add_case(s, "envelopes/" + name, doc, op,
           op == "validate" ? validate_options() : verify_options({{"now", std::string(kNow)}}), pass, std::move(sigs),
           std::move(codes), en, vi);
}

}  // namespace

void add_envelopes(Suite& s) {
  const auto& p = s.pki();
  env(s, "tdiep-200", message("200", body(seller_signed(s, seller_template(), true))), "both", true, "NBan=valid", {},
      "Message 200: an invoice on a code series, signed by the seller, sent to be coded",
      "Thông điệp 200: hóa đơn có mã, người bán đã ký, gửi để cấp mã");
  env(s, "tdiep-202", message("202", body(issued(s))), "both", true, "NBan=valid,CQT=valid", {},
      "Message 202: the coded invoice returned with MCCQT and the tax authority's signature",
      "Thông điệp 202: hóa đơn đã cấp mã trả về kèm MCCQT và chữ ký của cơ quan thuế");
  env(s, "tdiep-200-with-code", message("200", body(issued(s))), "validate", false, "",
      {"MCCQT-UNEXPECTED", "SIG-CQT-UNEXPECTED"}, "A code request (200) carrying an invoice that already has its code",
      "Thông điệp đề nghị cấp mã (200) mang hóa đơn đã có mã");
  std::string second = edit(edit(body(demo_vat()), "<DLHDon Id=\"data\">", "<DLHDon Id=\"data2\">"),
                            "<SHDon>123</SHDon>", "<SHDon>124</SHDon>");
  dsig::Template t2 = seller_template();
  t2.id = "seller2";
  t2.object_id = "SigningTime2";
  t2.refs = {dsig::data_ref("data2"), dsig::time_ref("SigningTime2")};
  second = put_in_slot(second, "NBan", dsig::render(t2));
  const auto first = put_in_slot(body(demo_vat()), "NBan", dsig::render(seller_template()));
  const auto m203 = sign_pending(message("203", first + second, "2"), p.signer_key, {p.signer});
  env(s, "tdiep-203", m203, "both", true, "NBan=valid,NBan=valid", {},
      "Message 203: two no-code invoices, each signed by the seller",
      "Thông điệp 203: hai hóa đơn không có mã, mỗi hóa đơn có chữ ký người bán");
  env(s, "nested-envelope", message("203", body(m203), "2"), "both", true, "NBan=valid,NBan=valid",
      {"DOC-NESTED-ENVELOPE"},
      "A 203 message nested in another one's DLieu (BKSOFT): the inner message is read, with a warning",
      "Thông điệp 203 lồng trong DLieu của thông điệp khác (BKSOFT): thông điệp bên trong được đọc, kèm cảnh báo");
  env(s, "env-count", edit(m203, "<SLuong>2</SLuong>", "<SLuong>3</SLuong>"), "validate", false, "", {"ENV-COUNT"},
      "SLuong says 3 invoices, the message carries 2", "SLuong ghi 3 hóa đơn, thông điệp mang 2");
  env(s, "env-mst-seller", edit(m203, "<MST>4800123456</MST><SLuong>", "<MST>0101243150</MST><SLuong>"), "validate",
      false, "", {"ENV-MST-SELLER"}, "The message's tax code is not the seller's",
      "Mã số thuế trên thông điệp không phải của người bán");
  env(s, "mst-envelope", edit(m203, "<MST>4800123456</MST><SLuong>", "<MST>4800123457</MST><SLuong>"), "validate",
      false, "", {"MST-ENVELOPE", "ENV-MST-SELLER"}, "The message's tax code has a wrong check digit",
      "Mã số thuế trên thông điệp sai chữ số kiểm tra");
  env(s, "env-mtdiep",
      edit(m203, "V0101234565F6CA05C0FAD546FCA237A8E930E7CB49", "V0101234565f6ca05c0fad546fca237a8e930e7cb49"),
      "validate", false, "", {"ENV-MTDIEP"}, "A message id in lower-case hexadecimal",
      "Mã thông điệp viết chữ thập lục phân thường");
  env(s, "env-party", edit(m203, "<MNNhan>TCT</MNNhan>", "<MNNhan>CQT</MNNhan>"), "validate", false, "",
      {"ENV-PARTY", "SCHEMA-PATTERN"}, "A receiver code that is neither TCT nor V/K + tax code",
      "Mã nơi nhận không phải TCT hoặc V/K + mã số thuế");
  env(s, "env-type", edit(m203, "<MLTDiep>203</MLTDiep>", "<MLTDiep>300</MLTDiep>"), "validate", false, "",
      {"ENV-TYPE"}, "Message type 300 (error notice) carrying invoices",
      "Thông điệp loại 300 (thông báo sai sót) lại mang hóa đơn");
  env(s, "empty-code-request", message("200", ""), "validate", false, "",
      {"DOC-NO-INVOICE", "ENV-COUNT", "SCHEMA-TEMPLATE"},
      "A code request (200) without any invoice: nothing to check, and SLuong (1) counts none",
      "Thông điệp đề nghị cấp mã (200) không có hóa đơn nào: không có gì để kiểm tra, SLuong (1) không khớp");
  env(s, "no-dlieu", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep>" + header("203", "0") + "</TDiep>",
      "validate", false, "", {"DOC-ENVELOPE", "SCHEMA-TEMPLATE"}, "An envelope without DLieu: nothing to check",
      "Thông điệp không có DLieu: không có gì để kiểm tra");
  // Cash-register invoices (206): the seller's POS generates the code; the taxpayer signs the
  // message's DLieu in CKSNNT.
  {
    auto invoice = edit(body(demo_vat()), "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26MCB</KHHDon>");
    invoice = edit(invoice, "<HDCTTChinh>0</HDCTTChinh>", "");  // not in the cash-register tables
    invoice = edit(invoice, "</DLHDon>", "</DLHDon><MCCQT>M1-26-A1B2C-00000000123</MCCQT>");
    dsig::Template nnt = seller_template();
    nnt.id = "nnt";
    nnt.refs = {{"#payload", {}, dsig::uri::kSha256, "", ""}, dsig::time_ref()};
    const auto doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep>" + header("206", "1") +
                     "<DLieu Id=\"payload\">" + invoice + "</DLieu><CKSNNT>" + dsig::render(nnt) + "</CKSNNT></TDiep>";
    env(s, "tdiep-206", sign_pending(doc, p.signer_key, {p.signer}), "both", true, "CKSNNT=valid", {"SCHEMA-DEV-EXTRA"},
        "Message 206: a cash-register invoice with its POS code, the message signed by the taxpayer (CKSNNT)",
        "Thông điệp 206: hóa đơn máy tính tiền có mã do máy tạo, thông điệp có chữ ký người nộp thuế (CKSNNT)");
  }
  struct Form {
    const char* name;
    const char* sample;
    std::vector<std::pair<std::string, bool>> sigs;  // signature Id, signed by the tax authority
    const char* outcomes;
    const char* en;
    const char* vi;
  };
  const Form forms[] = {
      {"form-01-dktd",
       "tdiep/tdiep-100.xml",
       {{"SIG-NNT", false}, {"SIG-CCKSKhac", false}},
       "NNT=valid,CCKSKhac=valid",
       "Form 01/ĐKTĐ-HĐĐT (registration, message 100) signed by the taxpayer",
       "Tờ khai 01/ĐKTĐ-HĐĐT (đăng ký, thông điệp 100) có chữ ký người nộp thuế"},
      {"form-04-ss",
       "tdiep/tdiep-300.xml",
       {{"SIG-NNT", false}, {"SIG-CCKSKhac", false}},
       "NNT=valid,CCKSKhac=valid",
       "Form 04/SS-HĐĐT (notice of erroneous invoices, message 300) signed by the taxpayer",
       "Mẫu 04/SS-HĐĐT (thông báo hóa đơn có sai sót, thông điệp 300) có chữ ký người nộp thuế"},
      {"form-01-th",
       "tdiep/tdiep-400.xml",
       {{"SIG-NNT", false}, {"SIG-CCKSKhac", false}},
       "NNT=valid,CCKSKhac=valid",
       "Form 01/TH-HĐĐT (summary table, message 400) signed by the taxpayer",
       "Bảng tổng hợp 01/TH-HĐĐT (thông điệp 400) có chữ ký người nộp thuế"},
      {"notice-102",
       "tdiep/tdiep-102.xml",
       {{"SIG-TTCQT", true}, {"SIG-CQT", true}},
       "TTCQT=valid,CQT=valid",
       "Notice 01/TB-TNĐT (message 102) signed by the tax official and the tax authority",
       "Thông báo 01/TB-TNĐT (thông điệp 102) có chữ ký của thủ trưởng cơ quan thuế và cơ quan thuế"},
      {"notice-103",
       "tdiep/tdiep-103.xml",
       {{"SIG-TTCQT", true}, {"SIG-CQT", true}},
       "TTCQT=valid,CQT=valid",
       "Notice 01/TB-ĐKĐT (message 103) with DLTBao and STBao signed",
       "Thông báo 01/TB-ĐKĐT (thông điệp 103) có DLTBao và STBao được ký"},
      {"notice-204",
       "tdiep/tdiep-204.xml",
       {{"SIG-TTCQT", true}, {"SIG-CQT", true}},
       "TTCQT=valid,CQT=valid",
       "Notice 01/TB-KTDL (message 204) signed by the tax authority",
       "Thông báo 01/TB-KTDL (thông điệp 204) có chữ ký của cơ quan thuế"},
      {"notice-301",
       "tdiep/tdiep-301.xml",
       {{"SIG-TTCQT", true}, {"SIG-CQT", true}},
       "TTCQT=valid,CQT=valid",
       "Notice 01/TB-SSĐT (message 301) signed by the tax authority",
       "Thông báo 01/TB-SSĐT (thông điệp 301) có chữ ký của cơ quan thuế"},
  };
  for (const auto& f : forms) env(s, f.name, resigned(s, f.sample, f.sigs), "both", true, f.outcomes, {}, f.en, f.vi);
  env(s, "notice-999", source("lib/schema/samples/valid/tdiep/tdiep-999.xml"), "validate", true, "", {},
      "Technical acknowledgement (message 999)", "Thông điệp phản hồi kỹ thuật (999)");
  env(s, "notice-103-tampered",
      edit(resigned(s, "tdiep/tdiep-103.xml", {{"SIG-TTCQT", true}, {"SIG-CQT", true}}), "<TTXNCQT>1</TTXNCQT>",
           "<TTXNCQT>2</TTXNCQT>"),
      "verify", false, "TTCQT=invalid/digest-mismatch,CQT=invalid/digest-mismatch", {"DSIG-DIGEST"},
      "Notice 103 with its decision (TTXNCQT) changed after signing",
      "Thông báo 103 bị sửa kết quả chấp nhận (TTXNCQT) sau khi ký");
}

}  // namespace conformance
