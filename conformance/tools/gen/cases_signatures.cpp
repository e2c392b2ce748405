// Signature rules (format §5; README "Verifying signatures"): the algorithms and C14N variants
// in use, those refused, the references a signature may make, and the real-world signer
// shapes of §5.2 reproduced with the suite's test keys: TS24 (namespaces declared on HDon,
// which enter the digests), Viettel (the .NET quirk on the #TimeStamp reference), BKAV
// (#WithComments, rsa-sha1, RSA-1024), VNPT (Fkey after DSCKS) and the tax authority's layout.
#include "documents.hpp"
#include "sign.hpp"

namespace conformance {
namespace {

using dsig::Ref;
using dsig::Template;
namespace uri = dsig::uri;

Template algorithms(const char* method, const char* digest, const char* c14n = uri::kC14n) {
  Template t = seller_template();
  t.method = method;
  t.c14n = c14n;
  t.refs = {dsig::data_ref("data", digest), dsig::time_ref("SigningTime", digest)};
  return t;
}

void algorithm_cases(Suite& s) {
  add_case(s, "signatures/library-seller",
           sign_as_library(demo_vat(), s.pki().signer_key, {s.pki().signer}, vn_time(kSellerTime)), "both",
           verify_options(), true, "NBan=valid", {},
           "The seller's signature exactly as the format prescribes (§5.5): rsa-sha256, inclusive C14N",
           "Chữ ký người bán đúng như định dạng quy định (§5.5): rsa-sha256, C14N bao hàm");
  struct Alg {
    const char* name;
    const char* method;
    const char* digest;
    const char* c14n;
    std::vector<std::string> codes;
    const char* en;
    const char* vi;
  };
  const Alg ok[] = {
      {"rsa-sha1",
       uri::kRsaSha1,
       uri::kSha1,
       uri::kC14n,
       {"DSIG-SHA1"},
       "rsa-sha1 with SHA-1 digests, still used in 2025: valid, with a warning",
       "rsa-sha1 với giá trị băm SHA-1, vẫn được dùng năm 2025: hợp lệ, kèm cảnh báo"},
      {"rsa-sha384",
       uri::kRsaSha384,
       uri::kSha384,
       uri::kC14n,
       {},
       "rsa-sha384 with SHA-384 digests",
       "rsa-sha384 với giá trị băm SHA-384"},
      {"rsa-sha512",
       uri::kRsaSha512,
       uri::kSha512,
       uri::kC14n,
       {},
       "rsa-sha512 with SHA-512 digests",
       "rsa-sha512 với giá trị băm SHA-512"},
      {"c14n-with-comments",
       uri::kRsaSha256,
       uri::kSha256,
       uri::kC14nComments,
       {},
       "Canonical XML 1.0 with comments for SignedInfo",
       "Canonical XML 1.0 có chú thích cho SignedInfo"},
      {"c14n11",
       uri::kRsaSha256,
       uri::kSha256,
       uri::kC14n11,
       {},
       "Canonical XML 1.1 for SignedInfo",
       "Canonical XML 1.1 cho SignedInfo"},
      {"exc-c14n",
       uri::kRsaSha256,
       uri::kSha256,
       uri::kExcC14n,
       {},
       "Exclusive C14N for SignedInfo",
       "C14N loại trừ (exclusive) cho SignedInfo"},
  };
  for (const auto& a : ok)
    add_case(s, std::string("signatures/") + a.name, seller_signed(s, algorithms(a.method, a.digest, a.c14n)), "verify",
             verify_options(), true, "NBan=valid", a.codes, a.en, a.vi);
  s.add({"signatures/rsa-sha1-strict",
         "signatures/rsa-sha1.xml",
         "verify",
         verify_options({{"policy", "strict"}}),
         false,
         "NBan=invalid/weak-algorithm",
         {"DSIG-SHA1"},
         "The same rsa-sha1 signature under the strict policy",
         "Cùng chữ ký rsa-sha1 theo chính sách nghiêm ngặt"});

  // Refused algorithms, signed for real (permissively) so that only the algorithm is wrong.
  add_case(s, "signatures/rsa-md5", seller_signed(s, algorithms(uri::kRsaMd5, uri::kSha256), false, nullptr, true),
           "verify", verify_options(), false, "NBan=invalid/forbidden-algorithm", {"DSIG-ALGORITHM"},
           "An rsa-md5 signature: MD5 is broken", "Chữ ký rsa-md5: MD5 không còn an toàn");
  add_case(s, "signatures/md5-digest", seller_signed(s, algorithms(uri::kRsaSha256, uri::kMd5), false, nullptr, true),
           "verify", verify_options(), false, "NBan=invalid/forbidden-algorithm", {"DSIG-ALGORITHM"},
           "References digested with MD5", "Các tham chiếu băm bằng MD5");
  const auto good = seller_signed(s);
  add_case(s, "signatures/dsa-sha1", edit(good, uri::kRsaSha256, "http://www.w3.org/2000/09/xmldsig#dsa-sha1"),
           "verify", verify_options(), false, "NBan=invalid/forbidden-algorithm", {"DSIG-ALGORITHM"},
           "A DSA signature method", "Phương thức ký DSA");
  add_case(s, "signatures/hmac", edit(good, uri::kRsaSha256, uri::kHmacSha256), "verify", verify_options(), false,
           "NBan=invalid/forbidden-algorithm", {"DSIG-ALGORITHM"},
           "An HMAC \"signature\": a shared secret proves nothing about the seller",
           "\"Chữ ký\" HMAC: khóa bí mật dùng chung không chứng minh được người bán");
}

void reference_cases(Suite& s) {
  const auto good = seller_signed(s);
  const std::string enveloped = std::string("<Transform Algorithm=\"") + uri::kEnveloped + "\"/>";
  Template xpath = seller_template();
  xpath.refs[0].transforms.push_back(uri::kXPath);
  xpath.refs[0].inner = "<XPath>not(ancestor-or-self::TToan)</XPath>";
  add_case(s, "signatures/xpath-transform", seller_signed(s, xpath, false, nullptr, true), "verify", verify_options(),
           false, "NBan=invalid/forbidden-transform", {"DSIG-TRANSFORM", "DSIG-STRUCTURE"},
           "An XPath transform that leaves the totals unsigned", "Phép biến đổi XPath để phần tổng tiền không được ký");
  add_case(s, "signatures/xslt-transform",
           edit(good, enveloped, enveloped + "<Transform Algorithm=\"" + uri::kXslt + "\"/>"), "verify",
           verify_options(), false, "NBan=invalid/forbidden-transform", {"DSIG-TRANSFORM"},
           "An XSLT transform (code run by the verifier)", "Phép biến đổi XSLT (mã chạy trong bộ xác minh)");
  add_case(s, "signatures/base64-transform",
           edit(good, enveloped, enveloped + "<Transform Algorithm=\"" + uri::kBase64 + "\"/>"), "verify",
           verify_options(), false, "NBan=invalid/forbidden-transform", {"DSIG-TRANSFORM"}, "A Base64 transform",
           "Phép biến đổi Base64");
  add_case(s, "signatures/remote-uri", edit(good, "URI=\"#data\"", "URI=\"http://example.com/data.xml\""), "verify",
           verify_options(), false, "NBan=invalid/forbidden-uri", {"DSIG-URI", "DSIG-BINDING"},
           "A reference to a remote document", "Tham chiếu tới tài liệu ở xa");
  add_case(s, "signatures/xpointer-uri", edit(good, "URI=\"#data\"", "URI=\"#xpointer(id('data'))\""), "verify",
           verify_options(), false, "NBan=invalid/forbidden-uri", {"DSIG-URI", "DSIG-BINDING"}, "An XPointer reference",
           "Tham chiếu XPointer");
  add_case(s, "signatures/unresolved-reference", edit(good, "URI=\"#data\"", "URI=\"#nowhere\""), "verify",
           verify_options(), false, "NBan=invalid/unresolved-reference", {"DSIG-UNRESOLVED", "DSIG-BINDING"},
           "A reference to an Id that no element carries", "Tham chiếu tới Id không có phần tử nào mang");
  add_case(s, "signatures/digest-mismatch", edit(good, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>5157000</TgTTTBSo>"),
           "verify", verify_options(), false, "NBan=invalid/digest-mismatch", {"DSIG-DIGEST"},
           "The grand total changed after signing", "Tổng tiền thanh toán bị sửa sau khi ký");
  {
    auto tampered = good;
    const auto at = tampered.find("<SignatureValue>") + 16;
    tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
    add_case(s, "signatures/value-mismatch", tampered, "verify", verify_options(), false,
             "NBan=invalid/signature-mismatch", {"DSIG-VALUE"}, "A signature value altered by one character",
             "Giá trị chữ ký bị sửa một ký tự");
  }
  {
    auto doc = good;
    const auto b = doc.find("<X509Data>"), e = doc.find("</X509Data>") + 11;
    doc.replace(b, e - b,
                "<KeyValue><RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue></KeyValue>");
    add_case(s, "signatures/keyvalue-only", doc, "verify", verify_options(), false, "NBan=invalid/no-certificate",
             {"DSIG-KEY"}, "A bare KeyValue instead of the signer's certificate",
             "Chỉ có KeyValue thay vì chứng thư số của người ký");
  }
  add_case(s, "signatures/retrieval-method", edit(good, "<X509Data>", "<RetrievalMethod URI=\"#x\"/><X509Data>"),
           "verify", verify_options(), false, "NBan=invalid/key-info", {"DSIG-KEY"}, "A RetrievalMethod in KeyInfo",
           "RetrievalMethod trong KeyInfo");
  add_case(s, "signatures/manifest", edit(good, "</Signature>", "<Object><Manifest/></Object></Signature>"), "verify",
           verify_options(), false, "NBan=invalid/manifest", {"DSIG-STRUCTURE"}, "A Manifest inside the signature",
           "Manifest bên trong chữ ký");
  add_case(s, "signatures/unsigned-invoice", demo_vat(), "verify", verify_options(), false, "", {"DSIG-NONE"},
           "An invoice without any signature", "Hóa đơn không có chữ ký nào");
  Template whole = seller_template();
  whole.refs[0].uri = "";
  add_case(s, "signatures/whole-document", seller_signed(s, whole), "verify", verify_options(), true, "NBan=valid", {},
           "A whole-document reference (URI=\"\") with the enveloped transform covers the invoice",
           "Tham chiếu toàn bộ tài liệu (URI=\"\") với phép enveloped bao phủ hóa đơn");
  Template unreadable = seller_template();
  unreadable.signing_time = "20/11/2026 10:00";
  // No verification time here: the signature's own time is what is unreadable, so
  // certificates are checked now (the suite's certificates are valid until 2060).
  add_case(s, "signatures/signing-time-unreadable", seller_signed(s, unreadable), "verify",
           verify_options({{"at", ""}}), true, "NBan=valid", {"DSIG-SIGNING-TIME"},
           "A signing time that is not an xs:dateTime: reported, and certificates checked at the current time",
           "Thời điểm ký không đúng dạng xs:dateTime: được báo, chứng thư được kiểm tra tại thời điểm hiện tại");
  Template buyer = seller_template();
  buyer.id = "buyer";
  buyer.object_id = "BuyerTime";
  buyer.refs = {dsig::data_ref(), dsig::time_ref("BuyerTime")};
  buyer.signing_time = "2026-11-21T08:30:00";
  add_case(s, "signatures/buyer-signed",
           sign_pending(put_in_slot(good, "NMua", dsig::render(buyer)), s.pki().signer_key, {s.pki().buyer}), "both",
           verify_options(), true, "NBan=valid,NMua=valid", {},
           "Signed by the seller, then by the buyer with a certificate of the buyer's tax code",
           "Người bán ký, sau đó người mua ký bằng chứng thư số mang mã số thuế người mua");

  // The signing time: exactly one, and not after the verification time (suite 1.1.0).
  Template no_time = seller_template();
  no_time.object_id = "";
  no_time.refs = {dsig::data_ref()};
  add_case(s, "signatures/signing-time-missing", seller_signed(s, no_time), "verify", verify_options(), false,
           "NBan=invalid/signing-time-missing", {"DSIG-SIGNING-TIME-MISSING"},
           "A seller's signature without any SigningTime: when it was made cannot be known",
           "Chữ ký người bán không có SigningTime: không thể biết chữ ký được tạo khi nào");
  add_case(s, "signatures/signing-time-ambiguous",
           edit(good, "</Signature>",
                "<Object Id=\"Earlier\"><SignatureProperties><SignatureProperty Target=\"#seller\"><SigningTime>"
                "2026-11-01T10:00:00</SigningTime></SignatureProperty></SignatureProperties></Object></Signature>"),
           "verify", verify_options(), false, "NBan=invalid/signing-time-ambiguous", {"DSIG-SIGNING-TIME-AMBIGUOUS"},
           "A second, uncovered SigningTime added after signing: two times, never \"the first one wins\"",
           "Thêm SigningTime thứ hai, không được ký, sau khi ký: hai thời điểm, không bao giờ \"lấy cái đầu tiên\"");
  add_case(s, "signatures/signing-time-future", good, "verify", verify_options({{"at", "2026-11-19T10:00:00+07:00"}}),
           false, "NBan=invalid/signing-time-future", {"DSIG-SIGNING-TIME-FUTURE"},
           "Verified on 2026-11-19, a signature that says it was made on 2026-11-20",
           "Kiểm tra ngày 19/11/2026 một chữ ký ghi thời điểm ký 20/11/2026");
}

// TS24 (2021): HDon declares xmlns:inv and xmlns:ds; inclusive C14N puts both into the
// canonical form of DLHDon and of the Object, so the digests depend on them (§5.3.1).
void ts24(Suite& s) {
  const auto& p = s.pki();
  Template seller = seller_template();
  seller.id = "NBan";
  seller.object_id = "TimeStamp";
  seller.property_id = "proid";
  seller.refs = {dsig::data_ref(), {"#TimeStamp", {}, uri::kSha256, uri::kPropertiesType, ""}};
  std::string invoice = put_in_slot(demo_on_series(true), "NBan", dsig::render(seller));
  invoice = edit(invoice, "<HDon>",
                 "<HDon xmlns:inv=\"http://laphoadon.gdt.gov.vn/2014/09/invoicexml/v1\" "
                 "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">");
  const std::string message =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep><TTChung><PBan>2.0.0</PBan><MNGui>TCT</MNGui><MNNhan>"
      "V0101234565</MNNhan><MLTDiep>202</MLTDiep><MTDiep>TCTBDE3DA3CB31844988A039A773AFA84BD</MTDiep><MTDTChieu>"
      "V0101234565F6CA05C0FAD546FCA237A8E930E7CB49</MTDTChieu><MST>4800123456</MST><SLuong>1</SLuong></TTChung>"
      "<DLieu>" +
      body(invoice) + "</DLieu></TDiep>";
  const auto doc = issue_code(s, sign_pending(message, p.signer_key, {p.signer}), authority_template());
  add_case(
      s, "signatures/shape-ts24", doc, "both", verify_options(), true, "NBan=valid,CQT=valid", {},
      "TS24's shape: namespaces declared on HDon enter the digests; coded invoice returned in a 202 message",
      "Dạng của TS24: khai báo không gian tên trên HDon đi vào giá trị băm; hóa đơn có mã trả về trong thông điệp 202");
  add_case(s, "signatures/shape-ts24-namespace-dropped",
           edit(doc, " xmlns:inv=\"http://laphoadon.gdt.gov.vn/2014/09/invoicexml/v1\"", ""), "verify",
           verify_options(), false, "NBan=invalid/digest-mismatch,CQT=invalid/digest-mismatch", {"DSIG-DIGEST"},
           "The same message with the unused xmlns:inv removed: every digest breaks (re-serialising is tampering)",
           "Cùng thông điệp bỏ khai báo xmlns:inv không dùng: mọi giá trị băm đều sai (tuần tự hóa lại là sửa đổi)");
}

// Viettel (2023): rsa-sha1, and an enveloped-signature transform on the reference to the
// signing-time Object inside the signature. .NET's SignedXml applies it as identity; a literal
// reading removes the whole Object. The digest here is .NET's: the Object is signed while it
// still stands outside the signature, then moved in (the signature value covers SignedInfo only).
void viettel(Suite& s) {
  const auto& p = s.pki();
  Template t = seller_template();
  t.method = uri::kRsaSha1;
  t.object_id = "TimeStamp";
  t.properties_id = "id1";
  t.refs = {dsig::data_ref("data", uri::kSha1), {"#TimeStamp", {uri::kEnveloped}, uri::kSha1, "", ""}};
  const std::string object = dsig::render_object(t, true);
  Template without_object = t;
  without_object.object_id.clear();
  std::string doc =
      sign_pending(put_in_slot(demo_vat(), "NBan", dsig::render(without_object) + object), p.signer_key, {p.signer});
  doc = edit(doc, object + "</NBan>", "</NBan>");
  doc = edit(doc, "</Signature></NBan>", dsig::render_object(t, false) + "</Signature></NBan>");
  add_case(s, "signatures/shape-viettel", doc, "both", verify_options(), true, "NBan=valid",
           {"DSIG-DOTNET-COMPAT", "DSIG-SHA1"},
           "Viettel's shape: the enveloped transform on #TimeStamp is applied as .NET does (identity), with a warning",
           "Dạng của Viettel: phép enveloped trên #TimeStamp được áp dụng như .NET (không đổi), kèm cảnh báo");
  add_case(s, "signatures/shape-viettel-tampered",
           edit(doc, "<SigningTime>2026-11-20T10:00:00<", "<SigningTime>2026-11-19T10:00:00<"), "verify",
           verify_options(), false, "NBan=invalid/digest-mismatch", {"DSIG-DIGEST"},
           "Viettel's shape with the signing time changed: the .NET semantics still check the Object's digest",
           "Dạng của Viettel bị sửa thời điểm ký: ngữ nghĩa .NET vẫn kiểm tra giá trị băm của Object");
}

// BKAV (2025): no Signature Id, #WithComments C14N, rsa-sha1, "#Timestamp", Target="", an
// RSA-1024 seller certificate; the invoice is then coded and signed by the tax authority.
void bkav(Suite& s) {
  const auto& p = s.pki();
  Template t = seller_template();
  t.id.reset();
  t.c14n = uri::kC14nComments;
  t.method = uri::kRsaSha1;
  t.object_id = "Timestamp";
  t.target = "";
  t.refs = {dsig::data_ref("data", uri::kSha1), dsig::time_ref("Timestamp", uri::kSha1)};
  const auto doc =
      issue_code(s, sign_pending(put_in_slot(demo_on_series(true), "NBan", dsig::render(t)), p.weak_key, {p.weak}),
                 authority_template());
  add_case(s, "signatures/shape-bkav", doc, "both", verify_options(), true, "NBan=valid,CQT=valid",
           {"DSIG-SHA1", "PKI-WEAK-KEY"},
           "BKAV's shape: #WithComments, rsa-sha1, an RSA-1024 key: valid by default, with warnings",
           "Dạng của BKAV: #WithComments, rsa-sha1, khóa RSA-1024: mặc định hợp lệ, kèm cảnh báo");
  s.add({"signatures/shape-bkav-strict",
         "signatures/shape-bkav.xml",
         "verify",
         verify_options({{"policy", "strict"}}),
         false,
         "NBan=invalid/weak-algorithm,CQT=valid",
         {"DSIG-SHA1", "PKI-WEAK-KEY"},
         "BKAV's shape under the strict policy: SHA-1 and RSA-1024 refused",
         "Dạng của BKAV theo chính sách nghiêm ngặt: từ chối SHA-1 và RSA-1024"});
}

void vnpt_and_authority(Suite& s) {
  add_case(s, "signatures/shape-vnpt-fkey", edit(seller_signed(s), "</DSCKS>", "</DSCKS><Fkey>VNPT-260000123</Fkey>"),
           "both", verify_options(), true, "NBan=valid", {"DSIG-UNSIGNED", "SCHEMA-DEV-EXTRA"},
           "VNPT's shape: a Fkey element after DSCKS, which no signature covers (reported, never trusted)",
           "Dạng của VNPT: phần tử Fkey sau DSCKS, không chữ ký nào bao phủ (được báo, không được tin)");
  add_case(s, "signatures/shape-authority", issued(s), "both", verify_options({{"stage", "issued"}}), true,
           "NBan=valid,CQT=valid", {},
           "The tax authority's layout: Tct-… Id, no transforms, references to DLHDon, its signing time and MCCQT",
           "Bố cục của cơ quan thuế: Id Tct-…, không có phép biến đổi, tham chiếu DLHDon, thời điểm ký và MCCQT");
}

}  // namespace

void add_signatures(Suite& s) {
  algorithm_cases(s);
  reference_cases(s);
  ts24(s);
  viettel(s);
  bkav(s);
  vnpt_and_authority(s);
}

}  // namespace conformance
