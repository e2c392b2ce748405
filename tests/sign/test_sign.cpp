// Signing: the signature hoadon makes (shape, byte preservation, verification by hoadon), the
// refusals, and the signature of each role on invoices, forms and messages.
#include <doctest/doctest.h>

#include "dsig/verify.hpp"
#include "dsig/verify_helpers.hpp"
#include "keys/key.hpp"
#include "pki/time.hpp"
#include "sign/sign.hpp"
#include "sign/sign_helpers.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"
#include "validate/validate.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using hoadon::sign::SignerRole;
using testing::erase_first;
using testing::erase_signature;
using testing::replace_once;
using testing::sign_with;
using testing::signature_start;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

// The demo invoice as a vendor's draft without DLHDon's Id, so that the tests see one added
// (the bundled file carries Id="data", as most real invoices do).
std::string bundled() {
  auto s = testing::read_file(testing::source_dir() / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
  const auto at = s.find("<DLHDon Id=\"data\">");
  REQUIRE(at != std::string::npos);
  return s.replace(at, 18, "<DLHDon>");
}

bool has(const hoadon::Report& r, Code c) { return r.has(c); }

std::string message(const hoadon::Report& r, Code c) {
  for (const auto& d : r.items())
    if (d.code == c) return d.message;
  return {};
}

hoadon::sign::Options with(SignerRole role) {
  hoadon::sign::Options o;
  o.role = role;
  return o;
}

}  // namespace

TEST_CASE("a seller signature: the format's shape, only the signature and the data's Id added, valid") {
  const auto in = bundled();
  const auto r = sign_with(in, testing::seller());
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  REQUIRE(r.made);
  CHECK(r.made->slot == "NBan");
  CHECK(r.made->invoice == 0);
  CHECK(r.made->path == "/HDon/DSCKS/NBan/ds:Signature");
  CHECK(r.made->id == "NBan");
  CHECK(r.made->algorithm == "rsa-sha256");
  CHECK(r.made->digest_algorithm == "sha256");
  CHECK(r.made->signing_time == "2026-11-20T10:00:00");
  CHECK(r.made->signer.tax_code == "4800123456");
  CHECK_FALSE(r.pending);
  CHECK(r.report.count(hoadon::Severity::Error) == 0);

  // Every byte outside the signature is the input's: the DLHDon got an Id, <NBan/> was opened.
  const auto& out = r.bytes;
  CHECK(erase_first(erase_signature(out, signature_start("NBan")), " Id=\"data\"") ==
        replace_once(in, "<NBan/>", "<NBan></NBan>"));
  CHECK(out.find("<DLHDon Id=\"data\">") != std::string::npos);

  // The shape of §5.5: own default namespace, inclusive C14N, rsa-sha256, a Reference to the
  // data with the enveloped transform and one to the signing-time Object, KeyInfo/X509Data.
  const auto sig = out.substr(out.find(signature_start("NBan")));
  for (const char* part :
       {"<SignedInfo><CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>",
        "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>",
        "<Reference URI=\"#data\"><Transforms><Transform "
        "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/></Transforms><DigestMethod "
        "Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue>",
        "<Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\" URI=\"#SigningTime-NBan\">",
        "<KeyInfo><X509Data><X509SubjectName>",
        "<Object Id=\"SigningTime-NBan\"><SignatureProperties><SignatureProperty Target=\"#NBan\"><SigningTime>2026-"
        "11-20T10:00:00</SigningTime></SignatureProperty></SignatureProperties></Object></Signature>"})
    CHECK_MESSAGE(sig.find(part) != std::string::npos, std::string(part));
  CHECK(sig.find("Hợp tác xã Phia Oắc") != std::string::npos);  // the subject's UTF-8, not character references

  const auto v = verify(out, &world_trust());
  CHECK(v.result.ok());
  CHECK(v.sig().outcome == Outcome::Valid);
  CHECK(v.sig().warnings.empty());
  CHECK(v.sig().covers == std::vector<std::string>{"/HDon/DLHDon", "/HDon/DSCKS/NBan/ds:Signature/ds:Object"});

  // The signed invoice is what the schemas expect of a signature: no deviation reported.
  hoadon::Report parsed;
  auto doc = hoadon::xml::parse(out, {}, parsed);
  const auto index = hoadon::model::build_index(*doc, parsed);
  const auto checked = hoadon::validate::run(doc.get(), index, parsed, {});
  CHECK(checked.ok());
  CHECK_FALSE(checked.has(Code::SchemaDevSignature));
  for (const auto& d : checked.items()) CHECK_MESSAGE(!d.where.path.ends_with("/@Id"), d.message);  // it has one now
}

TEST_CASE("the buyer signs after the seller: only the buyer's signature is added, the seller's stays valid") {
  const auto seller_signed = sign_with(bundled(), testing::seller());
  REQUIRE(seller_signed.ok());
  const auto r = sign_with(seller_signed.bytes, testing::buyer(), with(SignerRole::Buyer));
  REQUIRE(r.ok());
  CHECK(r.made->slot == "NMua");
  CHECK(r.made->signer.tax_code == "0108987656");
  CHECK(erase_signature(r.bytes, signature_start("NMua")) ==
        replace_once(seller_signed.bytes, "<NMua/>", "<NMua></NMua>"));
  const auto v = verify(r.bytes, &world_trust());
  REQUIRE(v.result.signatures.size() == 2);
  CHECK(v.result.ok());
  CHECK(v.sig(0).slot == "NBan");
  CHECK(v.sig(0).outcome == Outcome::Valid);
  CHECK(v.sig(1).slot == "NMua");
  CHECK(v.sig(1).outcome == Outcome::Valid);
  CHECK(v.sig(1).covers == std::vector<std::string>{"/HDon/DLHDon", "/HDon/DSCKS/NMua/ds:Signature/ds:Object"});
}

TEST_CASE("the buyer signs real seller-signed invoices: every signature already there keeps verifying") {
  const auto samples = testing::manifest();
  SKIP_UNLESS(!samples.empty(), "../shared/vn-invoice-samples is absent");
  hoadon::dsig::VerifyOptions integrity;
  integrity.integrity_only = true;
  int signed_count = 0;
  for (const auto& s : samples) {
    if (s.root != "HDon" || s.signatures.empty()) continue;
    CAPTURE(s.file);
    const auto in = testing::read_file(s.path);
    const auto before = verify(in, nullptr, integrity);
    hoadon::sign::Options o = with(SignerRole::Buyer);
    o.force = true;  // the test buyer's certificate is not these buyers'; some samples have rule errors
    const auto r = sign_with(in, testing::buyer(), o);
    if (!r.ok()) {
      // Refused only where signing would break a signature (or the slot is taken).
      CHECK((has(r.report, Code::SignBreaks) || has(r.report, Code::SignSlotTaken)));
      continue;
    }
    ++signed_count;
    // Outside the new signature (and the NMua slot opened or created for it), the bytes are the input's.
    const auto stripped = erase_signature(r.bytes, signature_start(r.made->id));
    const bool same = stripped == in;
    const bool opened =
        in.find("<NMua/>") != std::string::npos && stripped == replace_once(in, "<NMua/>", "<NMua></NMua>");
    const bool opened_spaced =
        in.find("<NMua />") != std::string::npos && stripped == replace_once(in, "<NMua />", "<NMua ></NMua>");
    const bool created =
        stripped.find("<NMua></NMua>") != std::string::npos && erase_first(stripped, "<NMua></NMua>") == in;
    CHECK((same || opened || opened_spaced || created));
    const auto after = verify(r.bytes, &world_trust(), integrity);
    REQUIRE(after.result.signatures.size() == before.result.signatures.size() + 1);
    std::size_t j = 0;
    for (const auto& b : before.result.signatures) {
      while (after.result.signatures[j].path != b.path) ++j;  // the buyer's may come in between
      CHECK_MESSAGE(after.result.signatures[j].intact == b.intact, b.path);
      ++j;
    }
    const auto buyer = std::find_if(after.result.signatures.begin(), after.result.signatures.end(),
                                    [](const auto& x) { return x.slot == "NMua"; });
    REQUIRE(buyer != after.result.signatures.end());
    CHECK(buyer->intact);
  }
  CHECK(signed_count >= 10);
}

TEST_CASE("refused: a taken slot, another taxpayer's certificate, an expired one, one that cannot sign") {
  const auto& w = tp::world();
  const auto signed_once = sign_with(bundled(), testing::seller());
  REQUIRE(signed_once.ok());
  const auto twice = sign_with(signed_once.bytes, testing::seller());
  CHECK_FALSE(twice.ok());
  CHECK(twice.bytes.empty());
  CHECK(has(twice.report, Code::SignSlotTaken));

  const auto other = testing::pem_signer(w.signer_key, w.other_mst);
  const auto mismatch = sign_with(bundled(), other);
  CHECK_FALSE(mismatch.ok());
  CHECK(has(mismatch.report, Code::SignTaxCode));
  CHECK(message(mismatch.report, Code::SignTaxCode).find("MST:0101243150") != std::string::npos);
  CHECK(message(mismatch.report, Code::SignTaxCode).find("4800123456") != std::string::npos);
  hoadon::sign::Options force;
  force.force = true;
  const auto forced = sign_with(bundled(), other, force);
  CHECK(forced.ok());
  CHECK(has(forced.report, Code::SignForced));
  CHECK_FALSE(has(forced.report, Code::SignTaxCode));
  CHECK(verify(forced.bytes, &world_trust()).sig().reason == "tax-code-mismatch");

  for (const auto* c : {&w.expired, &w.not_yet_valid}) {
    const auto r = sign_with(bundled(), testing::pem_signer(w.signer_key, *c), force);  // --force does not help
    CHECK_FALSE(r.ok());
    CHECK(has(r.report, c == &w.expired ? Code::SignCertExpired : Code::SignCertNotYetValid));
  }
  // At a time when it was valid, the expired certificate signs.
  hoadon::sign::Options in_2020;
  in_2020.time = *hoadon::pki::parse_time("2020-06-01T08:00:00");
  CHECK(sign_with(bundled(), testing::pem_signer(w.signer_key, w.expired), in_2020).ok());

  const auto usage = sign_with(bundled(), testing::pem_signer(w.signer_key, w.no_signing), force);
  CHECK_FALSE(usage.ok());
  CHECK(has(usage.report, Code::SignKeyUsage));
}

TEST_CASE("refused: a key that is not the certificate's, and a signer without a key") {
  const auto& w = tp::world();
  // Loading refuses the pair outright…
  CHECK_THROWS_AS((void)hoadon::keys::from_pem(tp::key_pem(w.stranger_key), w.signer.pem(), nullptr),
                  hoadon::keys::KeyError);
  // …and a key that signs for another certificate (a token holding several) is caught by
  // checking each signature value against the certificate.
  auto s = testing::seller();
  EVP_PKEY_up_ref(w.stranger_key.get());
  s.key = hoadon::keys::evp_key(w.stranger_key.get());
  const auto r = sign_with(bundled(), s);
  CHECK_FALSE(r.ok());
  CHECK(has(r.report, Code::SignKeyMismatch));

  const auto external = hoadon::keys::from_certificate(w.signer.pem());
  const auto e = sign_with(bundled(), external);
  CHECK_FALSE(e.ok());
  CHECK(has(e.report, Code::SignKey));
}

TEST_CASE("refused: an invoice that fails validation, unless forced") {
  const auto broken = replace_once(bundled(), "<NLap>2026-11-20</NLap>", "");
  const auto r = sign_with(broken, testing::seller());
  CHECK_FALSE(r.ok());
  CHECK(has(r.report, Code::SignInvalid));
  CHECK(has(r.report, Code::SchemaMissing));  // validation's own diagnostics come with it
  hoadon::sign::Options force;
  force.force = true;
  const auto forced = sign_with(broken, testing::seller(), force);
  CHECK(forced.ok());
  CHECK(has(forced.report, Code::SignForced));
  CHECK(verify(forced.bytes, &world_trust()).result.signatures.front().intact);
  // A malformed input is no document at all.
  const auto bad = sign_with("<HDon><DLHDon>", testing::seller());
  CHECK_FALSE(bad.ok());
  CHECK(has(bad.report, Code::XmlMalformed));
}

TEST_CASE("refused: signing where another signature would break") {
  const auto& w = tp::world();
  // A seller signature over the whole document (URI=""): any byte added breaks it.
  const auto t = tp::signature_template({.id = "whole", .references = {{"", {tp::uri::kEnveloped}}, {"#SigningTime"}}});
  const auto whole = tp::sign_templates(replace_once(tp::invoice_template(), "<NBan/>", "<NBan>" + t + "</NBan>"),
                                        w.signer_key, {w.signer});
  hoadon::sign::Options buyer = with(SignerRole::Buyer);
  buyer.force = true;
  const auto r = sign_with(whole, testing::buyer(), buyer);
  CHECK_FALSE(r.ok());
  CHECK(has(r.report, Code::SignBreaks));
  CHECK(message(r.report, Code::SignBreaks).find("/HDon/DSCKS/NBan/ds:Signature") != std::string::npos);
}

TEST_CASE("refused: data whose Id a reference cannot name, or that another element carries too") {
  hoadon::sign::Options force;
  force.force = true;
  const auto spaced = sign_with(replace_once(bundled(), "<DLHDon>", "<DLHDon Id=\"a b\">"), testing::seller(), force);
  CHECK_FALSE(spaced.ok());
  CHECK(has(spaced.report, Code::DsigUri));
  const auto twice = sign_with(
      replace_once(replace_once(bundled(), "<DLHDon>", "<DLHDon Id=\"d\">"), "<NDHDon>", "<NDHDon><TTKhac Id=\"d\"/>"),
      testing::seller(), force);
  CHECK_FALSE(twice.ok());
  CHECK(has(twice.report, Code::DsigDuplicateId));
}

TEST_CASE("refused: no place for the role") {
  const auto taxpayer = sign_with(bundled(), testing::seller(), with(SignerRole::Taxpayer));
  CHECK_FALSE(taxpayer.ok());
  CHECK(has(taxpayer.report, Code::SignNoRole));
  const auto notice = testing::read_file(testing::source_dir() / "lib/schema/samples/valid/forms/tbao-103.xml");
  const auto n = sign_with(notice, testing::seller(), with(SignerRole::Taxpayer));
  CHECK_FALSE(n.ok());
  CHECK(has(n.report, Code::SignNoRole));
}

TEST_CASE("rsa-sha1 on request, with a warning — the CA certificates embedded on request") {
  const auto& w = tp::world();
  hoadon::sign::Options sha1;
  sha1.sha1 = true;
  const auto r = sign_with(bundled(), testing::seller(), sha1);
  REQUIRE(r.ok());
  CHECK(r.made->algorithm == "rsa-sha1");
  CHECK(r.made->digest_algorithm == "sha1");
  CHECK(has(r.report, Code::SignWeak));
  CHECK(r.bytes.find("http://www.w3.org/2000/09/xmldsig#rsa-sha1") != std::string::npos);
  const auto v = verify(r.bytes, &world_trust());
  CHECK(v.sig().outcome == Outcome::Valid);
  CHECK(v.warns(0, "DSIG-SHA1"));

  // The chain: the issuing CA goes into KeyInfo, the self-signed root does not.
  const auto signer = testing::pem_signer(w.signer_key, w.signer, {w.ca, w.root});
  hoadon::sign::Options chain;
  chain.include_chain = true;
  const auto c = sign_with(bundled(), signer, chain);
  REQUIRE(c.ok());
  std::size_t certs = 0;
  for (auto p = c.bytes.find("<X509Certificate>"); p != std::string::npos; p = c.bytes.find("<X509Certificate>", p + 1))
    ++certs;
  CHECK(certs == 2);
  hoadon::pki::TrustStore root_only;
  root_only.add_memory(hoadon::pki::Material::Anchor, w.root.pem());
  root_only.add_memory(hoadon::pki::Material::Crl, w.crl);
  CHECK(verify(c.bytes, &root_only).sig().outcome == Outcome::Valid);
  // Without the option, only the signer's certificate.
  const auto one = sign_with(bundled(), signer);
  CHECK(one.bytes.find("<X509Certificate>") == one.bytes.rfind("<X509Certificate>"));
}

TEST_CASE("signing leaves the parsed document as it was: the same output twice, then it still verifies") {
  hoadon::Report parsed;
  auto doc = hoadon::xml::parse(bundled(), {}, parsed);
  const auto index = hoadon::model::build_index(*doc, parsed);
  hoadon::sign::Options o;
  o.time = tp::world().signing_time;
  const auto signer = testing::seller();
  const auto first = hoadon::sign::sign(doc.get(), index, parsed, signer, o);
  const auto second = hoadon::sign::sign(doc.get(), index, parsed, signer, o);
  REQUIRE(first.ok());
  CHECK(first.bytes == second.bytes);
  auto other = testing::pem_signer(tp::world().signer_key, tp::world().other_mst);
  CHECK_FALSE(hoadon::sign::sign(doc.get(), index, parsed, other, o).ok());  // refused after the draft was made
  CHECK(hoadon::sign::sign(doc.get(), index, parsed, signer, o).bytes == first.bytes);
  const auto v = hoadon::dsig::verify_document(*doc, index, parsed, &world_trust(), {});
  CHECK(v.signatures.empty());  // the unsigned input, still
  CHECK(v.report.has(Code::DsigNone));
}

TEST_CASE("Ids already used in the document are not reused") {
  // A document whose TTKhac already carries Id="NBan" and Id="data".
  const auto in = replace_once(bundled(), "<NDHDon>", "<NDHDon><TTKhac Id=\"NBan\"/>");
  const auto r = sign_with(replace_once(in, "<DLHDon>", "<DLHDon Id=\"x\">"), testing::seller(), [] {
    hoadon::sign::Options o;
    o.force = true;  // TTKhac there is not where the schema wants it
    return o;
  }());
  REQUIRE(r.ok());
  CHECK(r.made->id == "NBan-2");
  CHECK(r.bytes.find("Target=\"#NBan-2\"") != std::string::npos);
  CHECK(verify(r.bytes, &world_trust()).sig().intact);
}
