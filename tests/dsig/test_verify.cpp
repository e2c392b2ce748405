// Verification of invoices signed with the test PKI: each certificate situation and each
// policy choice gives its expected outcome and reason.
#include <doctest/doctest.h>

#include "dsig/verify_helpers.hpp"
#include "pki/time.hpp"
#include "support/pki.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using hoadon::dsig::Policy;
using hoadon::dsig::VerifyOptions;
using hoadon::pki::Material;
using testing::replace_once;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

std::string signed_with(const tp::Cert& cert, const tp::Key& key, const tp::SignSpec& spec = {}) {
  return tp::sign(tp::invoice_template(), key, {cert}, spec);
}

VerifyOptions strict() {
  VerifyOptions o;
  o.policy = Policy::Strict;
  return o;
}

}  // namespace

TEST_CASE("a seller signature from a valid chain is valid, and says what it covers and who signed") {
  const auto& w = tp::world();
  const auto v = verify(signed_with(w.signer, w.signer_key), &world_trust());
  CHECK(v.result.ok());
  const auto& s = v.sig();
  CHECK(s.outcome == Outcome::Valid);
  CHECK(s.intact);
  CHECK(s.reason.empty());
  CHECK(s.slot == "NBan");
  CHECK(s.algorithm == "rsa-sha256");
  CHECK(s.signing_time == "2026-11-20T10:00:00");
  CHECK(s.trust_checked);
  REQUIRE(s.signer);
  CHECK(s.signer->tax_code == "4800123456");
  CHECK(s.signer->identifiers == std::vector<std::string>{"MST:4800123456"});
  CHECK(s.signer->subject.find("CN=Hợp tác xã Phia Oắc") != std::string::npos);
  CHECK(s.signer->issuer.find("CN=hoadon Test Issuing CA") != std::string::npos);
  CHECK(s.signer->serial == "64");
  CHECK(s.signer->not_before == "2024-12-31T17:00:00Z");  // 2025-01-01 in Vietnam
  CHECK(s.signer->not_after == "2027-12-31T17:00:00Z");
  CHECK(s.signer->key_bits == 2048);
  CHECK(s.covers == std::vector<std::string>{"/HDon/DLHDon", "/HDon/DSCKS/NBan/ds:Signature/ds:Object"});
  CHECK(s.warnings.empty());
  CHECK(v.result.report.count(hoadon::Severity::Error) == 0);
}

TEST_CASE("certificate situations: each with its outcome and reason") {
  const auto& w = tp::world();
  struct Case {
    const char* name;
    const tp::Cert& cert;
    const tp::Key& key;
    Outcome outcome;
    const char* reason;
    Code code;
  };
  const Case cases[] = {
      {"expired at the signing time", w.expired, w.signer_key, Outcome::Invalid, "expired", Code::PkiExpired},
      {"not yet valid at the signing time", w.not_yet_valid, w.signer_key, Outcome::Invalid, "not-yet-valid",
       Code::PkiNotYetValid},
      {"revoked by the CRL before the signing time", w.revoked, w.signer_key, Outcome::Invalid, "revoked",
       Code::PkiRevoked},
      {"key usage without digitalSignature or nonRepudiation", w.no_signing, w.signer_key, Outcome::Invalid,
       "key-usage", Code::PkiKeyUsage},
      {"a root nobody trusts", w.stranger, w.signer_key, Outcome::Indeterminate, "untrusted", Code::PkiUntrusted},
      {"the certificate of another taxpayer", w.other_mst, w.signer_key, Outcome::Invalid, "tax-code-mismatch",
       Code::PkiTaxCode},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto v = verify(signed_with(c.cert, c.key), &world_trust());
    CHECK_FALSE(v.result.ok());
    CHECK(v.sig().intact);  // the cryptography is fine in every case
    CHECK(v.sig().outcome == c.outcome);
    CHECK(v.sig().reason == c.reason);
    CHECK(v.has(c.code));
  }
}

TEST_CASE("chains that are not chains, and certificates that cannot be read or chosen") {
  const auto& w = tp::world();
  // "Issued" by the seller's own certificate, which is no CA.
  const auto by_leaf = tp::issue({"Mạo danh",
                                  {"MST:4800123456"},
                                  *hoadon::pki::parse_time("2025-01-01"),
                                  *hoadon::pki::parse_time("2028-01-01"),
                                  false,
                                  -2,
                                  300},
                                 w.signer_key, &w.signer, w.signer_key);
  const auto bad = verify(tp::sign(tp::invoice_template(), w.signer_key, {by_leaf, w.signer}), &world_trust());
  CHECK(bad.sig().outcome == Outcome::Indeterminate);
  CHECK(bad.sig().reason == "bad-chain");
  CHECK(bad.has(Code::PkiChain));
  // Two unrelated certificates in KeyInfo: which one signed?
  const auto two = verify(tp::sign(tp::invoice_template(), w.signer_key, {w.signer, w.other_mst}), &world_trust());
  CHECK(two.sig().reason == "no-certificate");
  CHECK(two.message(Code::DsigKey).find("several certificates") != std::string::npos);
  // A certificate that is not one.
  auto doc = signed_with(w.signer, w.signer_key);
  const auto b = doc.find("<X509Certificate>") + 17;
  doc.replace(b, 8, "AAAAAAAA");
  const auto unreadable = verify(doc, &world_trust());
  CHECK(unreadable.sig().reason == "no-certificate");
  CHECK(unreadable.has(Code::PkiCertificate));
}

TEST_CASE("the signing time: missing (invalid, never dated now), unreadable (a warning), not signed (binding)") {
  const auto& w = tp::world();
  auto sign_template = [&](const tp::TemplateSpec& spec, const std::string& time = {}) {
    auto t = tp::signature_template(spec);
    if (!time.empty()) t = replace_once(t, hoadon::pki::format_vietnam(w.signing_time), time);
    return tp::sign_templates(replace_once(tp::invoice_template(), "<NBan/>", "<NBan>" + t + "</NBan>"), w.signer_key,
                              {w.signer});
  };
  const tp::RefSpec data{"#data", {tp::uri::kEnveloped}}, time{"#SigningTime"};
  const auto missing = verify(sign_template({.references = {data}, .object_id = ""}), &world_trust());
  CHECK(missing.sig().outcome == Outcome::Invalid);
  CHECK(missing.sig().reason == "signing-time-missing");
  CHECK(missing.has(Code::DsigTimeMissing));
  CHECK(missing.sig().signing_time.empty());
  const auto garbled = verify(sign_template({.references = {data, time}}, "hôm nay"), &world_trust());
  CHECK(garbled.warns(0, "DSIG-SIGNING-TIME"));
  CHECK(garbled.message(Code::DsigSigningTime).find("\"hôm nay\" is not a date-time") != std::string::npos);
  // With the Z of some signers: read as UTC.
  const auto utc = verify(sign_template({.references = {data, time}}, "2026-11-20T03:00:00Z"), &world_trust());
  CHECK(utc.sig().outcome == Outcome::Valid);
  CHECK(utc.sig().signing_time == "2026-11-20T03:00:00Z");
  // A seller whose signing time is not covered could claim any time: binding fails.
  const auto unsigned_time = verify(sign_template({.references = {data}}), &world_trust());
  CHECK(unsigned_time.sig().reason == "binding");
}

TEST_CASE("a 1024-bit key: a warning by default, an error under the strict policy") {
  const auto& w = tp::world();
  const auto doc = signed_with(w.weak, w.weak_key);
  const auto lax = verify(doc, &world_trust());
  CHECK(lax.result.ok());
  CHECK(lax.sig().outcome == Outcome::Valid);
  CHECK(lax.warns(0, "PKI-WEAK-KEY"));
  CHECK(lax.sig().signer->key_bits == 1024);
  const auto hard = verify(doc, &world_trust(), strict());
  CHECK(hard.sig().outcome == Outcome::Invalid);
  CHECK(hard.sig().reason == "weak-key");
}

TEST_CASE("SHA-1: a warning by default, an error under the strict policy") {
  const auto& w = tp::world();
  const auto doc = signed_with(w.signer, w.signer_key, {.method = "rsa-sha1", .digest = "sha1"});
  const auto lax = verify(doc, &world_trust());
  CHECK(lax.sig().outcome == Outcome::Valid);
  CHECK(lax.sig().algorithm == "rsa-sha1");
  CHECK(lax.warns(0, "DSIG-SHA1"));
  const auto hard = verify(doc, &world_trust(), strict());
  CHECK(hard.sig().outcome == Outcome::Invalid);
  CHECK(hard.sig().reason == "weak-algorithm");
  CHECK(hard.sig().intact);
}

TEST_CASE("the other allowed algorithms: SHA-384/512, C14N 1.1, exclusive C14N with comments") {
  const auto& w = tp::world();
  for (const auto& [method, digest] :
       {std::pair{"rsa-sha384", "sha384"}, std::pair{"rsa-sha512", "sha512"}, std::pair{"rsa-sha224", "sha224"}}) {
    CAPTURE(method);
    const auto v = verify(signed_with(w.signer, w.signer_key, {.method = method, .digest = digest}), &world_trust());
    CHECK(v.sig().outcome == Outcome::Valid);
    CHECK(v.sig().algorithm == method);
  }
  const auto t = tp::signature_template(
      {.references = {{"#data", {tp::uri::kEnveloped, "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"}},
                      {"#SigningTime", {"http://www.w3.org/2006/12/xml-c14n11"}}},
       .c14n = "http://www.w3.org/2006/12/xml-c14n11#WithComments"});
  const auto doc = tp::sign_templates(replace_once(tp::invoice_template(), "<NBan/>", "<NBan>" + t + "</NBan>"),
                                      w.signer_key, {w.signer});
  CHECK(verify(doc, &world_trust()).sig().outcome == Outcome::Valid);
}

TEST_CASE("revocation unknown (no CRL): info by default, indeterminate under the strict policy") {
  const auto& w = tp::world();
  hoadon::pki::TrustStore no_crl;
  no_crl.add_memory(Material::Anchor, w.root.pem());
  no_crl.add_memory(Material::Intermediate, w.ca.pem());
  const auto doc = signed_with(w.signer, w.signer_key);
  const auto lax = verify(doc, &no_crl);
  CHECK(lax.sig().outcome == Outcome::Valid);
  CHECK(lax.has(Code::PkiRevocationUnknown));
  CHECK(lax.result.ok());
  const auto hard = verify(doc, &no_crl, strict());
  CHECK(hard.sig().outcome == Outcome::Indeterminate);
  CHECK(hard.sig().reason == "revocation-unknown");
  // A revoked certificate is still valid without the CRL that says so: revocation needs data.
  CHECK(verify(signed_with(w.revoked, w.signer_key), &no_crl).sig().outcome == Outcome::Valid);
}

TEST_CASE("the verification time: the signing time by default, or the one asked for") {
  const auto& w = tp::world();
  VerifyOptions at;
  // Signatures made at (or before) the time asked for: a later signing time is refused.
  tp::SignSpec in_2020;
  in_2020.signing_time = *hoadon::pki::parse_time("2020-06-01T11:00:00");
  at.at = *hoadon::pki::parse_time("2020-06-01T12:00:00");
  CHECK(verify(signed_with(w.expired, w.signer_key, in_2020), &world_trust(), at).sig().outcome == Outcome::Valid);
  CHECK(verify(signed_with(w.signer, w.signer_key, in_2020), &world_trust(), at).sig().reason == "not-yet-valid");
  // Before its revocation (2026-01-15), the revoked certificate was good.
  tp::SignSpec in_2025;
  in_2025.signing_time = *hoadon::pki::parse_time("2025-11-30T00:00:00");
  at.at = *hoadon::pki::parse_time("2025-12-01T00:00:00");
  CHECK(verify(signed_with(w.revoked, w.signer_key, in_2025), &world_trust(), at).sig().outcome == Outcome::Valid);
  // Without a time asked for, the signing time is used: the expired certificate signed in 2020.
  CHECK(verify(signed_with(w.expired, w.signer_key, in_2020), &world_trust()).sig().outcome == Outcome::Valid);
}

TEST_CASE("chains: intermediates from KeyInfo or from the trust store — none means untrusted") {
  const auto& w = tp::world();
  hoadon::pki::TrustStore root_only;
  root_only.add_memory(Material::Anchor, w.root.pem());
  root_only.add_memory(Material::Crl, w.crl);
  const auto bare = verify(signed_with(w.signer, w.signer_key), &root_only);
  CHECK(bare.sig().outcome == Outcome::Indeterminate);
  CHECK(bare.sig().reason == "untrusted");
  const auto with_chain = verify(tp::sign(tp::invoice_template(), w.signer_key, {w.signer, w.ca}), &root_only);
  CHECK(with_chain.sig().outcome == Outcome::Valid);
  // An intermediate CA can itself be the trust anchor.
  hoadon::pki::TrustStore ca_anchor;
  ca_anchor.add_memory(Material::Anchor, w.ca.pem());
  ca_anchor.add_memory(Material::Crl, w.crl);
  CHECK(verify(signed_with(w.signer, w.signer_key), &ca_anchor).sig().outcome == Outcome::Valid);
  // No trust configured at all.
  const auto none = verify(signed_with(w.signer, w.signer_key));
  CHECK(none.sig().outcome == Outcome::Indeterminate);
  CHECK(none.sig().reason == "untrusted");
  CHECK(none.message(Code::PkiUntrusted).find("no trust anchor is configured") != std::string::npos);
}

TEST_CASE("integrity-only: everything but trust — the result says so") {
  const auto& w = tp::world();
  VerifyOptions io;
  io.integrity_only = true;
  const auto v = verify(signed_with(w.stranger, w.signer_key), nullptr, io);
  CHECK(v.result.ok());
  CHECK(v.result.integrity_only);
  CHECK(v.sig().intact);
  CHECK(v.sig().outcome == Outcome::Indeterminate);
  CHECK(v.sig().reason == "trust-not-checked");
  CHECK_FALSE(v.sig().trust_checked);
  CHECK(v.has(Code::PkiIntegrityOnly));
  // The certificate's own content is still checked.
  const auto mismatch = verify(signed_with(w.other_mst, w.signer_key), nullptr, io);
  CHECK_FALSE(mismatch.result.ok());
  CHECK(mismatch.sig().reason == "tax-code-mismatch");
  // And a broken document is still broken.
  const auto broken = verify(replace_once(signed_with(w.signer, w.signer_key), "51570000", "51570001"), nullptr, io);
  CHECK_FALSE(broken.result.ok());
  CHECK_FALSE(broken.sig().intact);
}

TEST_CASE("tax codes: the seller's, the delegate's, the buyer's — the check can be turned off") {
  const auto& w = tp::world();
  const auto other = signed_with(w.other_mst, w.signer_key);
  VerifyOptions off;
  off.check_tax_code = false;
  CHECK(verify(other, &world_trust(), off).sig().outcome == Outcome::Valid);
  // Delegated issuing: the delegate (MSTDVNUNLHDon) signs in the seller's slot.
  const auto delegated =
      replace_once(tp::invoice_template(), "</MSTTCGP>", "</MSTTCGP><MSTDVNUNLHDon>0101243150</MSTDVNUNLHDon>");
  const auto d = verify(tp::sign(delegated, w.signer_key, {w.other_mst}), &world_trust());
  CHECK(d.sig().outcome == Outcome::Valid);
  CHECK(d.sig().signer->tax_code == "0101243150");
  // The buyer signs with a certificate of the buyer's tax code (NMua/MST 0108987656).
  const auto buyer_cert = tp::issue({"Công ty TNHH Thực phẩm Sạch Hà Nội",
                                     {"MNS:1234567", "MST:0108987656"},
                                     *hoadon::pki::parse_time("2025-01-01"),
                                     *hoadon::pki::parse_time("2028-01-01"),
                                     false,
                                     -2,
                                     200},
                                    w.signer_key, &w.ca, w.ca_key);
  const auto seller_signed = signed_with(w.signer, w.signer_key);
  const tp::SignSpec buyer{.slot = "NMua", .signature_id = "buyer", .object_id = "BuyerTime"};
  const auto both = verify(tp::sign(seller_signed, w.signer_key, {buyer_cert}, buyer), &world_trust());
  REQUIRE(both.result.signatures.size() == 2);
  CHECK(both.result.ok());
  CHECK(both.sig(1).slot == "NMua");
  CHECK(both.sig(1).signer->tax_code == "0108987656");  // the matching one of several identifiers
  const auto wrong = verify(tp::sign(seller_signed, w.signer_key, {w.signer}, buyer), &world_trust());
  CHECK(wrong.sig(0).outcome == Outcome::Valid);
  CHECK(wrong.sig(1).reason == "tax-code-mismatch");
}

TEST_CASE("a changed amount breaks the signature — a changed signature value too") {
  const auto& w = tp::world();
  const auto doc = signed_with(w.signer, w.signer_key);
  const auto amount =
      verify(replace_once(doc, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>51570009</TgTTTBSo>"), &world_trust());
  CHECK(amount.sig().outcome == Outcome::Invalid);
  CHECK_FALSE(amount.sig().intact);
  CHECK(amount.sig().reason == "digest-mismatch");
  CHECK(amount.has(Code::DsigDigest));
  CHECK(amount.path(Code::DsigDigest) == "/HDon/DSCKS/NBan/ds:Signature/ds:SignedInfo/ds:Reference[1]");
  const auto time = verify(replace_once(doc, "2026-11-20T10:00:00", "2026-11-20T09:00:00"), &world_trust());
  CHECK(time.sig().reason == "digest-mismatch");
  const auto pos = doc.find("<SignatureValue>") + 16;
  std::string value = doc;
  value[pos] = value[pos] == 'A' ? 'B' : 'A';
  const auto sv = verify(value, &world_trust());
  CHECK(sv.sig().reason == "signature-mismatch");
  CHECK(sv.has(Code::DsigValue));
}

TEST_CASE("a document without any signature fails with a clear diagnostic") {
  const auto v = verify(tp::invoice_template(), &world_trust());
  CHECK_FALSE(v.result.ok());
  CHECK(v.result.signatures.empty());
  CHECK(v.path(Code::DsigNone) == "/HDon");
}
