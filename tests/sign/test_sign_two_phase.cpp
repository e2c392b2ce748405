// Two-phase signing: hoadon prepares the signature and says what to sign; a signer it never sees
// (a remote service, a token plugin) signs; hoadon completes the document.
#include <doctest/doctest.h>

#include <openssl/evp.h>

#include "dsig/verify_helpers.hpp"
#include "sign/sign_helpers.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using testing::replace_once;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

struct Parsed {
  std::unique_ptr<hoadon::xml::Document> doc;
  hoadon::model::Index index;
  hoadon::Report report;
  explicit Parsed(const std::string& bytes) {
    doc = hoadon::xml::parse(bytes, {}, report);
    if (doc) index = hoadon::model::build_index(*doc, report);
  }
};

hoadon::sign::Options at_world_time() {
  hoadon::sign::Options o;
  o.time = tp::world().signing_time;
  return o;
}

hoadon::sign::Result prepare(const std::string& bytes, const hoadon::keys::Signer& signer,
                             hoadon::sign::Options o = at_world_time()) {
  const Parsed p(bytes);
  return hoadon::sign::prepare(p.doc.get(), p.index, p.report, signer, o);
}

hoadon::sign::Result complete(const std::string& pending, std::string_view value, hoadon::sign::Options o = {}) {
  const Parsed p(pending);
  return hoadon::sign::complete(p.doc.get(), p.index, p.report, value, o);
}

// What an external signer does with the digest: RSASSA-PKCS1-v1_5 over a hash already computed.
std::string sign_hash(const tp::Key& key, std::string_view digest, const EVP_MD* md = EVP_sha256()) {
  EVP_PKEY_up_ref(key.get());
  return hoadon::keys::evp_key(key.get())->sign_digest(md, digest);
}

// …or with the bytes: a signature of the canonical SignedInfo, hashed by the signer.
std::string sign_data(const tp::Key& key, std::string_view data) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t len = 0;
  EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key.get());
  EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string out(len, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                 reinterpret_cast<const unsigned char*>(data.data()), data.size());
  EVP_MD_CTX_free(ctx);
  return out;
}

std::string invoice() {
  return testing::read_file(testing::source_dir() / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
}

}  // namespace

TEST_CASE("phase 1 prepares a pending document and the digest — phase 2 completes it into a valid signature") {
  const auto& w = tp::world();
  const auto external = hoadon::keys::from_certificate(w.signer.pem());
  const auto p = prepare(invoice(), external);
  REQUIRE(p.ok());
  CHECK(p.pending);
  REQUIRE(p.made);
  CHECK(p.made->algorithm == "rsa-sha256");
  CHECK(p.made->digest.size() == 32);
  CHECK(p.made->to_be_signed.starts_with("<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"));
  CHECK(p.bytes.find("<SignatureValue/>") != std::string::npos);
  // A pending document verifies as nothing.
  CHECK_FALSE(verify(p.bytes, &world_trust()).result.ok());

  const auto c = complete(p.bytes, sign_hash(w.signer_key, p.made->digest));
  REQUIRE_MESSAGE(c.ok(), (c.report.items().empty() ? "" : c.report.items().back().message));
  CHECK_FALSE(c.pending);
  CHECK(c.made->slot == "NBan");
  CHECK(c.made->signer.tax_code == "4800123456");
  // Only the SignatureValue's content differs from the pending document.
  const auto d = testing::erase_first(
      c.bytes, c.bytes.substr(c.bytes.find("<SignatureValue>") + 16,
                              c.bytes.find("</SignatureValue>") - c.bytes.find("<SignatureValue>") - 16));
  CHECK(d == replace_once(p.bytes, "<SignatureValue/>", "<SignatureValue></SignatureValue>"));
  const auto v = verify(c.bytes, &world_trust());
  CHECK(v.result.ok());
  CHECK(v.sig().outcome == Outcome::Valid);

  // The same as signing in one call with the key at hand.
  CHECK(c.bytes == testing::sign_with(invoice(), testing::seller()).bytes);
  // Signing the canonical SignedInfo (a signer that hashes itself) gives the same value.
  CHECK(complete(p.bytes, sign_data(w.signer_key, p.made->to_be_signed)).bytes == c.bytes);
}

TEST_CASE("phase 2 refuses a value of another key, a changed document, and a document with nothing pending") {
  const auto& w = tp::world();
  const auto p = prepare(invoice(), hoadon::keys::from_certificate(w.signer.pem()));
  REQUIRE(p.ok());
  const auto wrong_key = complete(p.bytes, sign_hash(w.stranger_key, p.made->digest));
  CHECK_FALSE(wrong_key.ok());
  CHECK(wrong_key.report.has(Code::SignValue));
  const auto garbage = complete(p.bytes, "not a signature");
  CHECK(garbage.report.has(Code::SignValue));

  // The amount changed between the phases: the value verifies over SignedInfo, the data's digest does not.
  const auto changed = replace_once(p.bytes, "<TgTTTBSo>51570000</TgTTTBSo>", "<TgTTTBSo>1000</TgTTTBSo>");
  const auto c = complete(changed, sign_hash(w.signer_key, p.made->digest));
  CHECK_FALSE(c.ok());
  CHECK(c.report.has(Code::SignPending));

  const auto done = complete(testing::sign_with(invoice(), testing::seller()).bytes, "x");
  CHECK_FALSE(done.ok());
  CHECK(done.report.has(Code::SignPending));
}

TEST_CASE("two phases check what one phase checks: tax code, validity — and the buyer after the seller") {
  const auto& w = tp::world();
  const auto other = prepare(invoice(), hoadon::keys::from_certificate(w.other_mst.pem()));
  CHECK_FALSE(other.ok());
  CHECK(other.report.has(Code::SignTaxCode));
  const auto expired = prepare(invoice(), hoadon::keys::from_certificate(w.expired.pem()));
  CHECK(expired.report.has(Code::SignCertExpired));

  const auto seller_signed = testing::sign_with(invoice(), testing::seller());
  auto o = at_world_time();
  o.role = hoadon::sign::SignerRole::Buyer;
  o.sha1 = true;
  const auto p = prepare(seller_signed.bytes, hoadon::keys::from_certificate(w.buyer.pem()), o);
  REQUIRE(p.ok());
  CHECK(p.made->digest.size() == 20);
  const auto c = complete(p.bytes, sign_hash(w.signer_key, p.made->digest, EVP_sha1()));
  REQUIRE(c.ok());
  CHECK(c.made->slot == "NMua");
  CHECK(c.made->algorithm == "rsa-sha1");
  const auto v = verify(c.bytes, &world_trust());
  REQUIRE(v.result.signatures.size() == 2);
  CHECK(v.sig(0).outcome == Outcome::Valid);
  CHECK(v.sig(1).outcome == Outcome::Valid);
}
