// The verifier's hardening: one signing time, not in the future; the tax authority's slots
// for the tax authority only; look-alike elements; attribute floods refused before parsing.
#include <doctest/doctest.h>

#include <openssl/x509.h>

#include "dsig/verify_helpers.hpp"
#include "pki/authority.hpp"
#include "pki/time.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using hoadon::dsig::VerifyOptions;
using testing::replace_once;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

std::string seller_signed(const tp::SignSpec& spec = {}) {
  const auto& w = tp::world();
  return tp::sign(tp::invoice_template(), w.signer_key, {w.signer}, spec);
}

std::string with_seller_template(const std::string& signature) {
  return replace_once(tp::invoice_template(), "<NBan/>", "<NBan>" + signature + "</NBan>");
}

VerifyOptions at(const char* when) {
  VerifyOptions o;
  o.at = *hoadon::pki::parse_time(when);
  return o;
}

const std::string kSecondTime =
    "<Object Id=\"Other\"><SignatureProperties><SignatureProperty Target=\"#seller\"><SigningTime>2026-11-01T10:00:00"
    "</SigningTime></SignatureProperty></SignatureProperties></Object></Signature>";

}  // namespace

TEST_CASE("signing time: a seller's signature without one is invalid, never silently dated now") {
  const auto& w = tp::world();
  const auto t = tp::signature_template({.references = {{"#data", {tp::uri::kEnveloped}}}, .object_id = ""});
  const auto v = verify(tp::sign_templates(with_seller_template(t), w.signer_key, {w.signer}), &world_trust());
  CHECK(v.sig().intact);
  CHECK(v.sig().outcome == Outcome::Invalid);
  CHECK(v.sig().reason == "signing-time-missing");
  CHECK(v.has(Code::DsigTimeMissing));
  CHECK_FALSE(v.result.ok());
  // The same under the XMLDSig profile, where no role asks for a signing time: fine.
  VerifyOptions generic;
  generic.profile = hoadon::dsig::VerifyProfile::XmlDsig;
  generic.integrity_only = true;
  CHECK(verify(tp::sign_templates(with_seller_template(t), w.signer_key, {w.signer}), &world_trust(), generic)
            .sig()
            .reason != "signing-time-missing");
}

TEST_CASE("signing time: two SigningTime elements are ambiguous, whichever is covered") {
  const auto signed_doc = seller_signed();
  // An uncovered one added after signing: the signature stays intact.
  const auto added = verify(replace_once(signed_doc, "</Signature>", kSecondTime), &world_trust());
  CHECK(added.sig().intact);
  CHECK(added.sig().reason == "signing-time-ambiguous");
  CHECK(added.has(Code::DsigTimeAmbiguous));
  CHECK(added.sig().signing_time.empty());  // neither is reported as the signing time
  // Both covered, signed that way: still two answers to one question.
  const auto& w = tp::world();
  const auto t = replace_once(
      tp::signature_template({.references = {{"#data", {tp::uri::kEnveloped}}, {"#SigningTime"}, {"#Other"}}}),
      "</Signature>", kSecondTime);
  const auto both = verify(tp::sign_templates(with_seller_template(t), w.signer_key, {w.signer}), &world_trust());
  CHECK(both.sig().intact);
  CHECK(both.sig().reason == "signing-time-ambiguous");
  // A deeper (XAdES-like) second SigningTime counts too.
  const auto deep = verify(
      replace_once(signed_doc, "</Signature>",
                   "<Object><Q><S><P><SigningTime>2026-11-01T10:00:00</SigningTime></P></S></Q></Object></Signature>"),
      &world_trust());
  CHECK(deep.sig().reason == "signing-time-ambiguous");
}

TEST_CASE("signing time: later than the validation time (the time asked for, or now) is invalid") {
  const auto doc = seller_signed();  // signed 2026-11-20T10:00:00 (Vietnam)
  const auto before = verify(doc, &world_trust(), at("2026-11-20T09:59:59"));
  CHECK(before.sig().outcome == Outcome::Invalid);
  CHECK(before.sig().reason == "signing-time-future");
  CHECK(before.message(Code::DsigTimeFuture).find("2026-11-20T10:00:00") != std::string::npos);
  // Exactly at the signing time, or after: valid.
  CHECK(verify(doc, &world_trust(), at("2026-11-20T10:00:00")).sig().outcome == Outcome::Valid);
  // Integrity-only mode checks it too (it needs no trust).
  auto io = at("2026-11-19T00:00:00");
  io.integrity_only = true;
  CHECK(verify(doc, &world_trust(), io).sig().reason == "signing-time-future");
  // Now: a signature dated an hour from now is refused; five minutes of clock skew are not.
  tp::SignSpec later;
  later.signing_time = static_cast<std::int64_t>(std::time(nullptr)) + 3600;
  CHECK(verify(seller_signed(later), &world_trust()).sig().reason == "signing-time-future");
  tp::SignSpec skew;
  skew.signing_time = static_cast<std::int64_t>(std::time(nullptr)) + 60;
  CHECK(verify(seller_signed(skew), &world_trust()).sig().reason != "signing-time-future");
}

namespace {

// The invoice signed by the seller, then `cqt_cert` signs in DSCKS/CQT over DLHDon, its time
// and MCCQT.
std::string with_cqt(const std::vector<tp::Cert>& chain, const tp::Key& key) {
  const auto& w = tp::world();
  const auto seller = replace_once(seller_signed(), "</DLHDon>",
                                   "</DLHDon><MCCQT Id=\"code\">00ABCDEF0123456789ABCDEF0123456789</MCCQT>");
  const auto t =
      tp::signature_template({.id = "cqt", .references = {{"#data"}, {"#CqtTime"}, {"#code"}}, .object_id = "CqtTime"});
  (void)w;
  return tp::sign_templates(replace_once(seller, "</DSCKS>", "<CQT>" + t + "</CQT></DSCKS>"), key, chain);
}

struct Authority {
  tp::Key key = tp::rsa(2048);
  tp::Cert gov_ca, cqt, lookalike, fake_gov_ca, official;
  Authority() {
    const auto& w = tp::world();
    const auto from = *hoadon::pki::parse_time("2025-01-01T00:00:00");
    const auto until = *hoadon::pki::parse_time("2030-01-01T00:00:00");
    gov_ca = tp::issue(
        {"CA phục vụ các cơ quan Nhà nước G2", {}, from, until, true, -2, 7001, {{"O", "Ban Cơ yếu Chính phủ"}}}, key,
        &w.root, w.root_key);
    cqt = tp::issue({"CỤC THUẾ", {}, from, until, false, -2, 7002, {{"O", "BỘ TÀI CHÍNH"}, {"L", "Hà Nội"}}}, key,
                    &gov_ca, key);
    // A named official of a notice: CN is a person, the agency in OU, the CA's name unaccented.
    fake_gov_ca = tp::issue(
        {"Co quan chung thuc so Bo Tai chinh", {}, from, until, true, -2, 7003, {{"O", "Ban Co yeu Chinh phu"}}}, key,
        &w.root, w.root_key);
    official = tp::issue({"Phó Chi cục Trưởng Nguyễn Văn A",
                          {},
                          from,
                          until,
                          false,
                          -2,
                          7004,
                          {{"OU", "Cục Thuế thành phố Hải Phòng"}, {"OU", "Tổng cục Thuế"}, {"O", "Bộ Tài chính"}}},
                         key, &fake_gov_ca, key);
    // The same subject as the tax authority's, issued by a public CA (the test world's).
    lookalike =
        tp::issue({"CỤC THUẾ", {}, from, until, false, -2, 7005, {{"O", "BỘ TÀI CHÍNH"}}}, key, &w.ca, w.ca_key);
  }
};

const Authority& authority() {
  static const Authority a;
  return a;
}

}  // namespace

TEST_CASE("the tax authority's slot: any trusted certificate is not enough") {
  const auto& w = tp::world();
  // A seller that invents an MCCQT and signs it with its own, trusted certificate.
  const auto forged = verify(with_cqt({w.signer}, w.signer_key), &world_trust());
  REQUIRE(forged.result.signatures.size() == 2);
  CHECK(forged.sig(0).outcome == Outcome::Valid);
  CHECK(forged.sig(1).intact);
  CHECK(forged.sig(1).outcome == Outcome::Invalid);
  CHECK(forged.sig(1).reason == "not-tax-authority");
  CHECK(forged.has(Code::PkiNotTaxAuthority));
  CHECK(forged.message(Code::PkiNotTaxAuthority).find("MST:4800123456") != std::string::npos);
  CHECK_FALSE(forged.result.ok());
  // Without any trust configured, and in integrity-only mode, the rule applies as well.
  VerifyOptions io;
  io.integrity_only = true;
  CHECK(verify(with_cqt({w.signer}, w.signer_key), nullptr, io).sig(1).reason == "not-tax-authority");
  // Designated as the tax authority (a test system's certificate, say): accepted.
  CHECK(verify(with_cqt({w.signer}, w.signer_key), &testing::authority_trust()).result.ok());
}

TEST_CASE("the tax authority's default rule: O=BỘ TÀI CHÍNH, CỤC THUẾ, issued by Ban Cơ yếu Chính phủ") {
  const auto& a = authority();
  CHECK(hoadon::pki::looks_like_tax_authority(a.cqt.get()));
  CHECK(hoadon::pki::looks_like_tax_authority(a.official.get()));         // accents and case differ
  CHECK_FALSE(hoadon::pki::looks_like_tax_authority(a.lookalike.get()));  // issued by a public CA
  CHECK_FALSE(hoadon::pki::looks_like_tax_authority(a.gov_ca.get()));
  CHECK_FALSE(hoadon::pki::looks_like_tax_authority(tp::world().signer.get()));

  hoadon::pki::TrustStore trust;
  trust.add_memory(hoadon::pki::Material::Anchor, tp::world().root.pem());
  trust.add_memory(hoadon::pki::Material::Intermediate, tp::world().ca.pem());
  trust.add_memory(hoadon::pki::Material::Intermediate, a.gov_ca.pem());
  const auto good = verify(with_cqt({a.cqt}, a.key), &trust);
  CHECK(good.sig(1).outcome == Outcome::Valid);
  const auto bad = verify(with_cqt({a.lookalike}, a.key), &trust);
  CHECK(bad.sig(1).reason == "not-tax-authority");

  // Configurable: the default off leaves only what is designated or listed.
  trust.use_default_tax_authority(false);
  CHECK(verify(with_cqt({a.cqt}, a.key), &trust).sig(1).reason == "not-tax-authority");
  trust.add_tax_authority_subject(hoadon::pki::name_text(X509_get_subject_name(a.lookalike.get())));
  CHECK(verify(with_cqt({a.lookalike}, a.key), &trust).sig(1).outcome == Outcome::Valid);
}

TEST_CASE("the real tax authority's signatures are recognised — its 2021 test system's are not") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  VerifyOptions io;
  io.integrity_only = true;
  int production = 0, test_system = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (entry.path().extension() != ".xml") continue;
    const auto v = verify(testing::read_file(entry.path()), nullptr, io);
    for (const auto& s : v.result.signatures) {
      if (s.slot != "CQT" && s.slot != "TTCQT") continue;
      if (!s.signer || !s.intact) continue;
      CAPTURE(entry.path().filename().string());
      CAPTURE(s.signer->subject);
      const bool test = s.signer->issuer == "CN=CYBERLOTUS-CA";
      CHECK((s.reason == "not-tax-authority") == test);
      ++(test ? test_system : production);
    }
  }
  CHECK(production >= 15);
  CHECK(test_system == 2);
}

TEST_CASE("look-alikes: DLHDon in another namespace, or a second copy anywhere, is an error") {
  const auto doc = seller_signed();
  const auto ns = verify(replace_once(doc, "<DLHDon Id=\"data\">", "<x:DLHDon xmlns:x=\"urn:x\"/><DLHDon Id=\"data\">"),
                         &world_trust());
  CHECK(ns.has(Code::DocLookalike));
  CHECK(ns.find(Code::DocLookalike)->severity == hoadon::Severity::Error);
  CHECK(ns.message(Code::DocLookalike).find("urn:x") != std::string::npos);
  CHECK(ns.sig().outcome == Outcome::Valid);  // the signature is fine; the document is not
  CHECK_FALSE(ns.result.ok());
  // A copy of MCCQT where no one reads it.
  const auto copy = verify(replace_once(doc, "<NMua/>", "<NMua><MCCQT>00ABC</MCCQT></NMua>"), &world_trust());
  CHECK(copy.has(Code::DocLookalike));
  // A second DSCKS holding signatures, and one in another namespace.
  CHECK(verify(replace_once(doc, "</HDon>", "<DSCKS><NBan><X/></NBan></DSCKS></HDon>"), &world_trust())
            .has(Code::DocLookalike));
  CHECK(verify(replace_once(doc, "</HDon>", "<y:DSCKS xmlns:y=\"urn:y\"/></HDon>"), &world_trust())
            .has(Code::DocLookalike));
  // Near misses: TS24's second, empty DSCKS, and the invoice itself.
  const auto ts24 = verify(replace_once(doc, "</HDon>", "<DSCKS/></HDon>"), &world_trust());
  CHECK_FALSE(ts24.has(Code::DocLookalike));
  CHECK(ts24.result.ok());
  CHECK_FALSE(verify(doc, &world_trust()).has(Code::DocLookalike));
}

TEST_CASE("look-alikes: no real sample has one") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (entry.path().extension() != ".xml") continue;
    CAPTURE(entry.path().filename().string());
    CHECK_FALSE(verify(testing::read_file(entry.path())).has(Code::DocLookalike));
  }
}

namespace {

std::string element_with_attributes(std::size_t n, const std::string& prefix = "a") {
  std::string s = "<HDon";
  for (std::size_t i = 0; i < n; ++i) s += " " + prefix + std::to_string(i) + "=\"u:v\"";
  return s + "/>";
}

bool parses(const std::string& bytes, hoadon::Report& report, const hoadon::xml::Limits& limits = {}) {
  return hoadon::xml::parse(bytes, limits, report) != nullptr;
}

}  // namespace

TEST_CASE("attribute floods are refused from a count on the raw bytes") {
  hoadon::Report ok;
  CHECK(parses(element_with_attributes(256), ok));
  hoadon::Report over;
  CHECK_FALSE(parses(element_with_attributes(257), over));
  REQUIRE(over.has(Code::XmlLimit));
  CHECK(over.items().front().message.find("more than 256 attributes") != std::string::npos);
  // 40,000 attributes (0.4 MB): what made libxml2 spend minutes.
  hoadon::Report flood;
  CHECK_FALSE(parses(element_with_attributes(40000), flood));
  CHECK(flood.has(Code::XmlLimit));
  // Namespace declarations count as attributes, and those in scope are bounded too.
  hoadon::Report ns;
  CHECK_FALSE(parses(element_with_attributes(300, "xmlns:p"), ns));
  std::string nested;
  for (int level = 0; level < 5; ++level) {
    nested += "<e";
    for (int i = 0; i < 250; ++i) nested += " xmlns:n" + std::to_string(level) + "_" + std::to_string(i) + "=\"u:x\"";
    nested += ">";
  }
  for (int level = 0; level < 5; ++level) nested += "</e>";
  hoadon::Report scope;
  CHECK_FALSE(parses(nested, scope));
  CHECK(scope.items().front().message.find("namespace declarations") != std::string::npos);
  // Siblings do not add up: their declarations go out of scope.
  std::string siblings = "<r>";
  for (int i = 0; i < 10; ++i) siblings += element_with_attributes(250, "xmlns:s");
  siblings += "</r>";
  hoadon::Report fine;
  CHECK(parses(siblings, fine));
  // The document total, with a small limit; markup in comments, CDATA and values is not counted.
  hoadon::xml::Limits small;
  small.max_document_attributes = 10;
  hoadon::Report total;
  CHECK_FALSE(parses("<r>" + element_with_attributes(6) + element_with_attributes(6) + "</r>", total, small));
  hoadon::Report text;
  CHECK(parses("<r v=\"a=1 b=2 c='3'\"><!-- x=\"1\" y=\"2\" --><![CDATA[<e a=\"1\" b=\"2\">]]>" +
                   element_with_attributes(6) + "</r>",
               text, small));
}

TEST_CASE("encodings: UTF-8 only for invoices, any that libxml2 decodes for the XMLDSig profile") {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r a=\"caf\xE9\"/>";
  hoadon::Report strict;
  CHECK_FALSE(parses(latin1, strict));
  CHECK(strict.has(Code::XmlEncoding));
  hoadon::xml::Limits any;
  any.any_encoding = true;
  hoadon::Report lax;
  CHECK(parses(latin1, lax, any));
  hoadon::Report unknown;
  CHECK_FALSE(parses("<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?><r/>", unknown, any));
  CHECK(unknown.has(Code::XmlEncoding));
  // UTF-16 is decoded, and its attributes counted like any other's.
  auto utf16 = [](const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) out += c, out += '\0';
    return out;
  };
  hoadon::Report u16;
  CHECK(parses(utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r a=\"1\"/>"), u16, any));
  hoadon::Report u16flood;
  CHECK_FALSE(parses(utf16(element_with_attributes(400)), u16flood, any));
  CHECK(u16flood.has(Code::XmlLimit));
  hoadon::Report u16strict;
  CHECK_FALSE(parses(utf16("<r/>"), u16strict));
}
