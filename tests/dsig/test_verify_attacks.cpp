// Signature wrapping and the other ways to make a signature vouch for something it does not
// cover: each one must fail, for the right reason, even when the cryptography is intact.
#include <doctest/doctest.h>

#include "dsig/verify_helpers.hpp"
#include "model/essentials.hpp"
#include "support/pki.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using testing::replace_once;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

const std::string kSignedArea = "<DLHDon Id=\"data\">";

std::string seller_signed() {
  const auto& w = tp::world();
  return tp::sign(tp::invoice_template(), w.signer_key, {w.signer});
}

// The signed DLHDon element, as signed.
std::string signed_data(const std::string& doc) {
  const auto b = doc.find(kSignedArea), e = doc.find("</DLHDon>");
  REQUIRE(b != std::string::npos);
  return doc.substr(b, e + 9 - b);
}

std::string forged(std::string data, const std::string& id_attr) {
  data = replace_once(data, kSignedArea, "<DLHDon" + id_attr + ">");
  return replace_once(data, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>1000</TgTTTBSo>");
}

// An invoice with the seller's signature slot holding `signature` (a template to sign).
std::string with_seller_template(const std::string& signature) {
  return replace_once(tp::invoice_template(), "<NBan/>", "<NBan>" + signature + "</NBan>");
}

std::string sign_all(const std::string& doc, bool permissive = false) {
  const auto& w = tp::world();
  return tp::sign_templates(doc, w.signer_key, {w.signer}, permissive);
}

tp::RefSpec data_ref() { return {"#data", {tp::uri::kEnveloped}}; }
tp::RefSpec time_ref() { return {"#SigningTime"}; }

}  // namespace

TEST_CASE("wrapping: the signed DLHDon moved into the signature, a forged one in its place") {
  const auto doc = seller_signed();
  const auto original = signed_data(doc);
  // The original keeps its bytes (xmlns="" undoes the signature's default namespace), so its
  // digest still matches: only binding can tell.
  auto attack = replace_once(doc, original, forged(original, ""));
  attack = replace_once(
      attack, "</Signature>",
      "<Object>" + replace_once(original, kSignedArea, "<DLHDon xmlns=\"\" Id=\"data\">") + "</Object></Signature>");
  const auto v = verify(attack, &world_trust());
  CHECK(v.sig().intact);  // xmlsec alone would say "valid"
  CHECK(v.sig().outcome == Outcome::Invalid);
  CHECK(v.sig().reason == "binding");
  CHECK(v.has(Code::DsigBinding));
  CHECK_FALSE(v.result.ok());
  // What an application reads is the forged one, and the report says it is unsigned.
  const auto e = hoadon::model::read_essentials(*v.doc, v.index);
  CHECK(e.invoices[0].get(hoadon::model::InvoiceField::Total).value() == "1000");
  CHECK(v.has(Code::DsigUnsigned));
}

TEST_CASE("wrapping: the signed DLHDon moved elsewhere in the invoice") {
  const auto doc = seller_signed();
  const auto original = signed_data(doc);
  auto attack = replace_once(doc, original, forged(original, ""));
  attack = replace_once(attack, "<NMua/>", "<NMua><Luu>" + original + "</Luu></NMua>");
  const auto v = verify(attack, &world_trust());
  CHECK(v.sig().intact);
  CHECK(v.sig().reason == "binding");
  CHECK(v.has(Code::DsigExtraReference));  // it covers something inside the invoice, not the data
  CHECK_FALSE(v.result.ok());
}

TEST_CASE("duplicate Ids: refused, not first-wins — plainly, and through a DTD") {
  const auto doc = seller_signed();
  const auto original = signed_data(doc);
  for (const bool forged_first : {true, false}) {
    CAPTURE(forged_first);
    // A forged DLHDon carrying the same Id, in place; the original hidden in an Object.
    const auto hidden =
        "<Object>" + replace_once(original, kSignedArea, "<DLHDon xmlns=\"\" Id=\"data\">") + "</Object>";
    auto attack = replace_once(doc, original, forged(original, " Id=\"data\""));
    attack = forged_first ? replace_once(attack, "</Signature>", hidden + "</Signature>")
                          : replace_once(attack, "<HDon>", "<HDon><Extra>" + original + "</Extra>");
    const auto v = verify(attack, &world_trust());
    CHECK(v.has(Code::DsigDuplicateId));
    CHECK(v.sig().outcome == Outcome::Invalid);
    CHECK(v.sig().reason == "duplicate-id");
    CHECK_FALSE(v.result.ok());
  }
  // A DTD could declare another attribute as the ID: the parser refuses any DOCTYPE.
  const auto dtd = replace_once(doc, "<HDon>", "<!DOCTYPE HDon [<!ATTLIST DLHDon Id ID #IMPLIED>]><HDon>");
  const auto v = verify(dtd, &world_trust());
  CHECK_FALSE(v.result.ok());
  CHECK(v.result.signatures.empty());
  CHECK(v.has(Code::XmlDoctype));
}

TEST_CASE("a signature covering only its signing time vouches for nothing") {
  const auto v =
      verify(sign_all(with_seller_template(tp::signature_template({.references = {time_ref()}}))), &world_trust());
  CHECK(v.sig().intact);
  CHECK(v.sig().outcome == Outcome::Invalid);
  CHECK(v.sig().reason == "binding");
  CHECK(v.message(Code::DsigBinding).find("does not cover /HDon/DLHDon") != std::string::npos);
}

TEST_CASE("a reference to the signature itself covers nothing, in every profile") {
  // With the enveloped transform, the signature removes itself: the digest is of nothing.
  const auto doc = sign_all(with_seller_template(
      tp::signature_template({.references = {{"#seller", {tp::uri::kEnveloped}}, data_ref(), time_ref()}})));
  const auto v = verify(doc, &world_trust());
  CHECK(v.sig().intact);
  CHECK(v.sig().reason == "binding");
  CHECK(v.message(Code::DsigBinding).find("points to the signature itself") != std::string::npos);
  hoadon::dsig::VerifyOptions generic;
  generic.profile = hoadon::dsig::VerifyProfile::XmlDsig;
  const auto x = verify(sign_all(with_seller_template(tp::signature_template(
                            {.references = {{"#seller", {tp::uri::kEnveloped}}}, .object_id = ""}))),
                        &world_trust(), generic);
  CHECK(x.sig().intact);
  CHECK(x.sig().reason == "binding");
}

TEST_CASE("an XPath transform that leaves the totals unsigned is refused") {
  tp::RefSpec ref{
      "#data", {tp::uri::kEnveloped, tp::uri::kXPath}, tp::uri::kSha256, "<XPath>not(ancestor-or-self::TToan)</XPath>"};
  const auto doc = sign_all(with_seller_template(tp::signature_template({.references = {ref, time_ref()}})), true);
  // The totals are indeed outside the digest: changing them keeps xmlsec happy…
  const auto changed = replace_once(doc, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>1000</TgTTTBSo>");
  for (const auto* d : {&doc, &changed}) {
    const auto v = verify(*d, &world_trust());
    CHECK(v.sig().outcome == Outcome::Invalid);
    CHECK(v.sig().reason == "forbidden-transform");
    CHECK(v.has(Code::DsigTransform));
    CHECK_FALSE(v.sig().intact);  // never handed to xmlsec
  }
}

TEST_CASE("a signature outside DSCKS, and a signature pointing at another invoice's data") {
  // Outside the signature list: inside the data itself.
  auto inside_data = replace_once(
      tp::invoice_template(), "</NDHDon>",
      "</NDHDon><TTKhac>" + tp::signature_template({.references = {data_ref(), time_ref()}}) + "</TTKhac>");
  const auto v = verify(sign_all(inside_data), &world_trust());
  CHECK(v.has(Code::DocSigOutside));
  CHECK(v.sig().reason == "binding");
  CHECK_FALSE(v.result.ok());

  // Two invoices in one message; the second one's seller signature covers the first one's data.
  const auto first = replace_once(tp::invoice_template(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
  auto second = replace_once(first, "<DLHDon Id=\"data\">", "<DLHDon Id=\"data2\">");
  second = replace_once(second, "<NBan/>",
                        "<NBan>" + tp::signature_template({.references = {data_ref(), time_ref()}}) + "</NBan>");
  const auto message = "<TDiep><TTChung><MLTDiep>203</MLTDiep><MST>4800123456</MST></TTChung><DLieu>" + first + second +
                       "</DLieu></TDiep>";
  const auto m = verify(sign_all(message), &world_trust());
  REQUIRE(m.result.signatures.size() == 1);
  CHECK(m.sig().invoice == 1);
  CHECK(m.sig().intact);
  CHECK(m.sig().reason == "binding");
  CHECK(m.message(Code::DsigBinding).find("outside /TDiep/DLieu/HDon[2]") != std::string::npos);
}

TEST_CASE("an extra DLHDon next to the signed one, before or after it") {
  const auto doc = seller_signed();
  const auto original = signed_data(doc);
  const auto before = replace_once(doc, original, forged(original, "") + original);
  const auto after = replace_once(doc, original, original + forged(original, ""));
  for (const auto* d : {&before, &after}) {
    const auto v = verify(*d, &world_trust());
    CHECK(v.has(Code::DocDuplicate));
    CHECK_FALSE(v.result.ok());
  }
  // When the forged copy comes first, it is what the model reads: the signature does not cover it.
  CHECK(verify(before, &world_trust()).sig().reason == "binding");
}

TEST_CASE("comments inside signed text: still valid, and the model reads the whole text") {
  const auto doc =
      replace_once(seller_signed(), "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>515<!-- x -->70000</TgTTTBSo>");
  const auto v = verify(doc, &world_trust());
  CHECK(v.result.ok());  // #Id references are canonicalised without comments
  const auto e = hoadon::model::read_essentials(*v.doc, v.index);
  CHECK(e.invoices[0].get(hoadon::model::InvoiceField::Total).value() == "51570000");
}

TEST_CASE("refused outright: MD5, remote URIs, KeyValue-only keys, RetrievalMethod, Manifest") {
  SUBCASE("MD5") {
    const auto doc = sign_all(with_seller_template(tp::signature_template(
                                  {.references = {data_ref(), time_ref()}, .method = tp::uri::kRsaMd5})),
                              true);
    const auto v = verify(doc, &world_trust());
    CHECK(v.sig().reason == "forbidden-algorithm");
    CHECK(v.message(Code::DsigAlgorithm).find("MD5 is broken") != std::string::npos);
  }
  SUBCASE("DSA") {
    const auto dsa = replace_once(seller_signed(), "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                                  "http://www.w3.org/2000/09/xmldsig#dsa-sha1");
    const auto v = verify(dsa, &world_trust());
    CHECK(v.sig().reason == "forbidden-algorithm");
    CHECK(v.message(Code::DsigAlgorithm).find("DSA signatures are always refused") != std::string::npos);
  }
  SUBCASE("an MD5 digest") {
    const auto v = verify(replace_once(seller_signed(), "http://www.w3.org/2001/04/xmlenc#sha256",
                                       "http://www.w3.org/2001/04/xmldsig-more#md5"),
                          &world_trust());
    CHECK(v.sig().reason == "forbidden-algorithm");
  }
  SUBCASE("a remote URI") {
    const auto v =
        verify(replace_once(seller_signed(), "URI=\"#data\"", "URI=\"http://example.com/data.xml\""), &world_trust());
    CHECK(v.sig().reason == "forbidden-uri");
    CHECK(v.has(Code::DsigUri));
  }
  SUBCASE("an XPointer URI") {
    const auto v =
        verify(replace_once(seller_signed(), "URI=\"#data\"", "URI=\"#xpointer(id('data'))\""), &world_trust());
    CHECK(v.sig().reason == "forbidden-uri");
  }
  SUBCASE("a KeyValue instead of the certificate") {
    auto doc = seller_signed();
    const auto b = doc.find("<X509Data>"), e = doc.find("</X509Data>") + 11;
    doc.replace(b, e - b,
                "<KeyValue><RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue></KeyValue>");
    const auto v = verify(doc, &world_trust());
    CHECK(v.sig().reason == "no-certificate");
    CHECK(v.has(Code::DsigKey));
  }
  SUBCASE("RetrievalMethod") {
    const auto v =
        verify(replace_once(seller_signed(), "<X509Data>", "<RetrievalMethod URI=\"#x\"/><X509Data>"), &world_trust());
    CHECK(v.sig().reason == "key-info");
  }
  SUBCASE("Manifest") {
    const auto v = verify(replace_once(seller_signed(), "</Signature>", "<Object><Manifest/></Object></Signature>"),
                          &world_trust());
    CHECK(v.sig().reason == "manifest");
  }
}

TEST_CASE("the tax authority's signature must cover DLHDon, its signing time and MCCQT") {
  const auto& w = tp::world();
  const auto seller = replace_once(seller_signed(), "</DLHDon>",
                                   "</DLHDon><MCCQT Id=\"code\">00ABCDEF0123456789ABCDEF0123456789</MCCQT>");
  auto with_cqt = [&](std::vector<tp::RefSpec> refs) {
    const auto t = tp::signature_template({.id = "cqt", .references = std::move(refs), .object_id = "CqtTime"});
    return tp::sign_templates(replace_once(seller, "</DSCKS>", "<CQT>" + t + "</CQT></DSCKS>"), w.signer_key,
                              {w.signer});
  };
  const auto good = verify(with_cqt({{"#data"}, {"#CqtTime"}, {"#code"}}), &testing::authority_trust());
  REQUIRE(good.result.signatures.size() == 2);
  CHECK(good.result.ok());
  CHECK(good.sig(1).slot == "CQT");
  CHECK(good.sig(1).covers.back() == "/HDon/MCCQT");
  const auto no_code = verify(with_cqt({{"#data"}, {"#CqtTime"}}), &world_trust());
  CHECK(no_code.sig(1).reason == "binding");
  CHECK(no_code.message(Code::DsigBinding).find("does not cover /HDon/MCCQT") != std::string::npos);
}

TEST_CASE("a whole-document reference covers the invoice — the signing time still needs its own") {
  const auto whole = verify(
      sign_all(with_seller_template(tp::signature_template({.references = {{"", {tp::uri::kEnveloped}}, time_ref()}}))),
      &world_trust());
  CHECK(whole.result.ok());
  CHECK(whole.sig().covers.front() == "/");
  const auto only =
      verify(sign_all(with_seller_template(tp::signature_template({.references = {{"", {tp::uri::kEnveloped}}}}))),
             &world_trust());
  CHECK(only.sig().reason == "binding");  // the enveloped transform removed the signing time with the signature
}

TEST_CASE("the taxpayer's signature of a message covers TDiep/DLieu, and so every invoice in it") {
  const auto invoice = replace_once(tp::invoice_template(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
  const auto message = [&](const std::string& mst, const std::string& ref) {
    return "<TDiep><TTChung><MLTDiep>206</MLTDiep><MST>" + mst + "</MST></TTChung><DLieu Id=\"payload\">" + invoice +
           invoice + "</DLieu><CKSNNT>" +
           tp::signature_template({.id = "nnt", .references = {{ref}, {"#SigningTime"}}}) + "</CKSNNT></TDiep>";
  };
  // Two copies of the invoice carry the same DLHDon Id: that alone fails the document.
  const auto v =
      verify(sign_all(replace_once(message("4800123456", "#payload"), "Id=\"data\"", "Id=\"data1\"")), &world_trust());
  REQUIRE(v.result.signatures.size() == 1);
  CHECK(v.sig().slot == "CKSNNT");
  CHECK(v.sig().outcome == Outcome::Valid);
  CHECK(v.sig().covers.front() == "/TDiep/DLieu");
  CHECK(v.has(Code::DsigUnsigned));  // the envelope header
  CHECK(verify(sign_all(replace_once(message("0101243150", "#payload"), "Id=\"data\"", "Id=\"data1\"")), &world_trust())
            .sig()
            .reason == "tax-code-mismatch");
  CHECK(verify(sign_all(replace_once(message("4800123456", "#data1"), "Id=\"data\"", "Id=\"data1\"")), &world_trust())
            .sig()
            .reason == "binding");
}
