// The C++ convenience layer (include/hoadon/hoadon.hpp), compiled as C++17 against the public
// headers and libhoadon only, as a C++ integrator would use it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "hoadon/hoadon.hpp"

namespace {
const std::string kDemo = std::string(HOADON_SOURCE_DIR) + "/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml";
}

TEST_CASE("a document: essentials, validation, JSON") {
  auto doc = hoadon::Document::open(kDemo);
  CHECK(doc.parsed());
  CHECK(doc.kind() == "HDon");
  CHECK(doc.invoices() == 1);
  CHECK(doc.invoice(0, HOADON_FIELD_SERIES) == std::string_view("K26TCB"));
  CHECK(doc.invoice(0, HOADON_FIELD_TOTAL) == std::string_view("51570000"));
  CHECK_FALSE(doc.invoice(0, HOADON_FIELD_TAX_AUTHORITY_CODE).has_value());
  CHECK_FALSE(doc.invoice(3, HOADON_FIELD_SERIES).has_value());
  CHECK(doc.report().ok());
  CHECK(doc.bytes().find("<HDon>") != std::string_view::npos);

  const auto report = doc.validate();
  CHECK(report.ok());
  CHECK(report.size() == 0);
  CHECK(doc.to_json("demo.xml").rfind("{\"file\":\"demo.xml\"", 0) == 0);

  auto strict = hoadon::validate_options();
  strict.strict = 1;
  CHECK(doc.validate(strict).ok());
}

TEST_CASE("a rejected input is a value, with its diagnostics") {
  const auto doc = hoadon::Document::parse("<!DOCTYPE x><x/>");
  CHECK_FALSE(doc.parsed());
  CHECK(doc.status() == HOADON_EREJECTED);
  CHECK(doc.kind() == "unknown");
  const auto r = doc.report();
  REQUIRE(r.size() == 1);
  CHECK(r[0].code == "XML-DOCTYPE");
  CHECK(r[0].severity == HOADON_SEVERITY_ERROR);
  int n = 0;
  for (const auto& d : r) n += d.code == "XML-DOCTYPE";
  CHECK(n == 1);
  CHECK_THROWS_AS(r[1], hoadon::Error);
}

TEST_CASE("rule profiles and option errors throw hoadon::Error with the status") {
  hoadon::RuleProfile profile;
  profile.set("MST-BUYER", HOADON_SEVERITY_WARNING);
  try {
    profile.set("NO-SUCH-CODE", HOADON_RULE_OFF);
    FAIL("no exception");
  } catch (const hoadon::Error& e) {
    CHECK(e.status() == HOADON_ENOTFOUND);
    CHECK(std::string(e.what()).find("NO-SUCH-CODE") != std::string::npos);
  }
  auto doc = hoadon::Document::open(kDemo);
  auto o = hoadon::validate_options();
  o.version = "9.9.9";
  CHECK_THROWS_AS(doc.validate(o), hoadon::Error);
  o.version = nullptr;
  o.profile = profile.get();
  CHECK(doc.validate(o).ok());
}

TEST_CASE("verification and trust") {
  hoadon::Trust trust;
  CHECK(trust.count(HOADON_TRUST_ANCHOR) == 0);
  CHECK_THROWS_AS(trust.add(HOADON_TRUST_ANCHOR, "/nonexistent/anchors.pem"), hoadon::Error);
  auto doc = hoadon::Document::open(kDemo);
  const auto v = doc.verify(&trust);
  CHECK_FALSE(v.ok());  // the demo invoice is unsigned
  CHECK(v.size() == 0);
  CHECK(v.report()[0].code == "DSIG-NONE");
  CHECK(v.to_json("demo.xml").find("\"signatures\":[]") != std::string::npos);
}

TEST_CASE("render: HTML with the verification's panel — a form throws") {
  hoadon::Trust trust;
  auto doc = hoadon::Document::open(kDemo);
  auto o = hoadon::render_options();
  o.trust = trust.get();
  const auto html = doc.render(o);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("the invoice carries no signature") != std::string::npos);
  auto form = hoadon::Document::parse("<TBao><DLTBao><PBan>2.0.0</PBan></DLTBao></TBao>");
  CHECK_THROWS_AS(form.render(), hoadon::Error);
}

TEST_CASE("amount in words") {
  CHECK(hoadon::amount_in_words("51570000") == "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng");
  CHECK_THROWS_AS(hoadon::amount_in_words("12,5"), hoadon::Error);
  CHECK_FALSE(hoadon::version().empty());
}

// ---- Signing ----
// Keys and certificates come from the test PKI that the CTest fixture "capi: test material"
// writes (tests/support/pki_tool.cpp): signer.key with signer.pem (MST:4800123456, the bundled
// invoice's seller, valid 2025–2028), other.pem (MST:0101243150, same key), signer.p12, and the
// trust files anchors.pem, ca.pem, crl.pem.

namespace {

std::string material(const std::string& name) { return std::string(HOADON_TEST_MATERIAL) + "/" + name; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The options every test signs with: a signing time within the test certificates' validity.
hoadon_sign_options at_signing_time() {
  auto o = hoadon::sign_options();
  REQUIRE(hoadon_time_parse("2026-11-20T10:00:00", &o.time) == HOADON_OK);
  return o;
}

hoadon::Signer seller() { return hoadon::Signer::from_pem_files(material("signer.key"), material("signer.pem")); }

bool has_code(const hoadon::Report& r, const std::string& code) {
  for (const auto& d : r)
    if (d.code == code) return true;
  return false;
}

// Verifies `bytes` with the test world's trust.
hoadon::Verification verify_with_world(std::string_view bytes) {
  hoadon::Trust trust;
  trust.add(HOADON_TRUST_ANCHOR, material("anchors.pem"))
      .add(HOADON_TRUST_INTERMEDIATE, material("ca.pem"))
      .add(HOADON_TRUST_CRL, material("crl.pem"));
  auto doc = hoadon::Document::parse(bytes);
  REQUIRE(doc.parsed());
  return doc.verify(&trust);
}

void check_throws_status(int status, void (*call)()) {
  try {
    call();
    FAIL("no exception");
  } catch (const hoadon::Error& e) {
    CHECK(e.status() == status);
    CHECK(std::string(e.what()).size() > 0);
  }
}

}  // namespace

TEST_CASE("signers: PEM files and memory, PKCS#12, certificates, and failures that throw with their status") {
  auto s = seller();
  CHECK(s.kind() == "pem");
  CHECK(s.subject().find("MST:4800123456") != std::string_view::npos);
  const hoadon::Signer moved = std::move(s);  // move-only, like every handle here
  CHECK(moved.kind() == "pem");

  const std::string key = slurp(material("signer.key")), cert = slurp(material("signer.pem"));
  CHECK(hoadon::Signer::from_pem(key, cert).kind() == "pem");
  CHECK(hoadon::Signer::from_pem_files(material("signer-encrypted.key"), material("signer.pem"), "test-pass").kind() ==
        "pem");
  check_throws_status(HOADON_EAUTH, [] {
    (void)hoadon::Signer::from_pem_files(material("signer-encrypted.key"), material("signer.pem"));
  });
  check_throws_status(HOADON_EAUTH, [] {
    (void)hoadon::Signer::from_pem_files(material("signer-encrypted.key"), material("signer.pem"), "wrong");
  });
  check_throws_status(HOADON_EIO,
                      [] { (void)hoadon::Signer::from_pem_files("/nonexistent/key.pem", material("signer.pem")); });
  check_throws_status(HOADON_EINVAL,
                      [] { (void)hoadon::Signer::from_pem_files(material("signer.key"), material("ca.pem")); });

  CHECK(hoadon::Signer::from_pkcs12_file(material("signer.p12"), "p12-pass").kind() == "pkcs12");
  CHECK(hoadon::Signer::from_pkcs12(slurp(material("signer.p12")), "p12-pass").kind() == "pkcs12");
  check_throws_status(HOADON_EAUTH, [] { (void)hoadon::Signer::from_pkcs12_file(material("signer.p12")); });

  check_throws_status(HOADON_EINVAL, [] { (void)hoadon::Signer::from_pkcs11("pkcs11:token=t?pin-value=1234"); });
  check_throws_status(HOADON_EIO,
                      [] { (void)hoadon::Signer::from_pkcs11("pkcs11:token=t", "/nonexistent.so", "1234"); });

  auto external = hoadon::Signer::from_certificate(cert);
  CHECK(external.kind() == "external");
  external.add_chain(slurp(material("ca.pem")));
  check_throws_status(HOADON_EINVAL, [] { (void)hoadon::Signer::from_certificate("junk"); });
  CHECK_THROWS_AS(external.add_chain("junk"), hoadon::Error);
}

TEST_CASE("signing the bundled invoice: the output verifies with the test CA and is written atomically") {
  auto doc = hoadon::Document::open(kDemo);
  const auto signer = seller();
  const auto o = at_signing_time();
  auto r = doc.sign(signer, o);
  CHECK(r.ok());
  CHECK(r.status() == HOADON_OK);
  CHECK_FALSE(r.pending());
  CHECK(r.report().ok());
  const auto info = r.info();
  REQUIRE(info.has_value());
  CHECK(info->slot == "NBan");
  CHECK(info->invoice == 0);
  CHECK(info->algorithm == "rsa-sha256");
  CHECK(info->signing_time == "2026-11-20T10:00:00");
  CHECK(info->signer_tax_code == "4800123456");
  CHECK(info->digest.empty());  // only phase 1 says what to sign
  CHECK(info->to_be_signed.empty());

  const auto v = verify_with_world(r.bytes());
  CHECK(v.ok());
  REQUIRE(v.size() == 1);
  CHECK(v[0].slot == "NBan");
  CHECK(v[0].outcome == HOADON_OUTCOME_VALID);
  CHECK(v[0].signer_tax_code == "4800123456");

  // The document is left as it was: signing again gives the same bytes.
  CHECK(doc.sign(signer, o).bytes() == r.bytes());
  CHECK(doc.signatures() == 0);

  const std::string out = material("signed-by-cpp.xml");
  r.write(out, 0644);
  CHECK(slurp(out) == r.bytes());
  CHECK(r.to_json("in.xml").find("\"output\":\"" + out + "\"") != std::string::npos);
  CHECK(r.to_text("in.xml").find("in.xml") != std::string::npos);

  // A failed write throws, and the result says so from then on.
  try {
    r.write("/nonexistent/dir/out.xml");
    FAIL("no exception");
  } catch (const hoadon::Error& e) {
    CHECK(e.status() == HOADON_EIO);
  }
  CHECK_FALSE(r.ok());
  CHECK(has_code(r.report(), "IO-WRITE"));

  // With the chain: KeyInfo carries the issuing CA too, and the output still verifies.
  auto chained = seller();
  chained.add_chain(slurp(material("ca.pem")));
  auto with_chain = o;
  with_chain.include_chain = 1;
  const auto c = doc.sign(chained, with_chain);
  REQUIRE(c.ok());
  CHECK(c.bytes().size() > r.bytes().size());
  CHECK(verify_with_world(c.bytes()).ok());
}

TEST_CASE("a refusal is a result: another taxpayer's certificate, a slot already signed, a rejected input") {
  auto doc = hoadon::Document::open(kDemo);
  const auto o = at_signing_time();
  const auto other = hoadon::Signer::from_pem_files(material("signer.key"), material("other.pem"));
  const auto refused = doc.sign(other, o);
  CHECK_FALSE(refused.ok());
  CHECK(refused.status() == HOADON_EREFUSED);
  CHECK(refused.bytes().empty());
  CHECK_FALSE(refused.report().ok());
  CHECK(has_code(refused.report(), "SIGN-TAX-CODE"));
  CHECK(refused.to_json().find("\"ok\":false") != std::string::npos);

  auto forced = o;
  forced.force = 1;
  const auto anyway = doc.sign(other, forced);
  CHECK(anyway.ok());
  CHECK(has_code(anyway.report(), "SIGN-FORCED"));

  // The seller's slot, once signed, is taken.
  const auto signer = seller();
  auto signed_doc = hoadon::Document::parse(doc.sign(signer, o).bytes());
  REQUIRE(signed_doc.signatures() == 1);
  const auto twice = signed_doc.sign(signer, o);
  CHECK_FALSE(twice.ok());
  CHECK(twice.status() == HOADON_EREFUSED);
  CHECK_FALSE(twice.info().has_value());
  CHECK(has_code(twice.report(), "SIGN-SLOT-TAKEN"));

  // A document the parser rejected: a result too, holding why.
  auto rejected = hoadon::Document::parse("<!DOCTYPE x><x/>");
  const auto r = rejected.sign(signer, o);
  CHECK(r.status() == HOADON_EREJECTED);
  CHECK_FALSE(r.ok());
  CHECK(has_code(r.report(), "XML-DOCTYPE"));

  // Bad options are the caller's error: they throw.
  auto bad = o;
  bad.role = static_cast<hoadon_sign_role>(7);
  CHECK_THROWS_AS(doc.sign(signer, bad), hoadon::Error);
}

TEST_CASE("two phases: prepare with a certificate only, complete with the signature value") {
  auto doc = hoadon::Document::open(kDemo);
  const auto o = at_signing_time();
  const auto external = hoadon::Signer::from_certificate(slurp(material("signer.pem")));

  // One phase needs a key.
  const auto keyless = doc.sign(external, o);
  CHECK_FALSE(keyless.ok());
  CHECK(has_code(keyless.report(), "SIGN-KEY"));

  const auto prepared = doc.sign_prepare(external, o);
  REQUIRE(prepared.ok());
  CHECK(prepared.pending());
  const auto info = prepared.info();
  REQUIRE(info.has_value());
  CHECK(info->digest.size() == 32);  // SHA-256
  CHECK(info->digest_algorithm == "sha256");
  CHECK(info->to_be_signed.rfind("<SignedInfo", 0) == 0);
  CHECK_FALSE(prepared.bytes().empty());
  CHECK_FALSE(verify_with_world(prepared.bytes()).ok());  // pending: not valid yet

  auto pending = hoadon::Document::parse(prepared.bytes());
  REQUIRE(pending.parsed());
  const auto wrong = hoadon::sign_complete(pending, "bad");
  CHECK_FALSE(wrong.ok());
  CHECK(wrong.status() == HOADON_EREFUSED);
  CHECK(has_code(wrong.report(), "SIGN-VALUE"));

  // Nothing is pending in an unsigned document.
  auto forced = o;
  forced.force = 1;
  const auto nothing = hoadon::sign_complete(doc, "bad", forced);  // force does not make one
  CHECK_FALSE(nothing.ok());
  CHECK(has_code(nothing.report(), "SIGN-PENDING"));

  // The external signer: the openssl command (not the library: this target links libhoadon only)
  // signs the digest as PKCS#1 v1.5 with SHA-256's DigestInfo.
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: completing with openssl pkeyutl (openssl is not installed)");
    CHECK(std::getenv("HOADON_REQUIRE_TOOLS") == nullptr);  // in CI the tools must be there
    return;
  }
  const std::string digest_path = material("cpp.digest"), value_path = material("cpp.sig");
  hoadon::file_write(digest_path, info->digest);
  const std::string command = "openssl pkeyutl -sign -inkey '" + material("signer.key") +
                              "' -pkeyopt digest:sha256 -in '" + digest_path + "' -out '" + value_path + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string value = slurp(value_path);
  CHECK(value.size() == 256);

  const auto completed = hoadon::sign_complete(pending, value);
  REQUIRE(completed.ok());
  CHECK_FALSE(completed.pending());
  REQUIRE(completed.info().has_value());
  CHECK(completed.info()->slot == "NBan");
  CHECK(verify_with_world(completed.bytes()).ok());
  // Byte for byte what one phase writes with the same key and time.
  CHECK(completed.bytes() == doc.sign(seller(), o).bytes());
}

TEST_CASE("file_write is atomic and throws when it cannot write") {
  const std::string path = material("cpp-file-write.bin");
  hoadon::file_write(path, std::string_view("a\0b", 3));
  CHECK(slurp(path) == std::string("a\0b", 3));
  check_throws_status(HOADON_EIO, [] { hoadon::file_write("/nonexistent/dir/x.bin", "x"); });
}
