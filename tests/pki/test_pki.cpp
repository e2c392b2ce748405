// lib/pki: times, identities, loading trust material, chains, validity, revocation, the cache.
#include <doctest/doctest.h>

#include <openssl/pem.h>

#include <thread>

#include "dsig/verify_helpers.hpp"
#include "pki/certificate.hpp"
#include "pki/time.hpp"
#include "pki/trust.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"

using hoadon::pki::ChainCheck;
using hoadon::pki::Material;
using hoadon::pki::TrustStore;
namespace tp = testing::pki;
namespace pki = hoadon::pki;

TEST_CASE("times as invoices write them: Vietnam's time unless a zone is given") {
  CHECK(pki::parse_time("2021-11-05T14:48:47") == 1636098527);  // 07:48:47Z
  CHECK(pki::parse_time("2021-11-05T07:48:47Z") == 1636098527);
  CHECK(pki::parse_time("2021-11-05T09:48:47+02:00") == 1636098527);
  CHECK(pki::parse_time(" \n\t2021-11-05T14:48:47.123\n ") == 1636098527);
  CHECK(pki::parse_time("2021-11-05") == 1636045200);  // midnight in Vietnam
  CHECK(pki::parse_time("2024-02-29T00:00:00Z") == 1709164800);
  for (const char* bad : {"", "2021-11-05T14:48", "2021-13-01", "2023-02-29", "2021-11-05T24:00:00", "05/11/2021",
                          "2021-11-05T14:48:47+7", "2021-11-05T14:48:47ZZ", "2021-11-05 14:48:47"}) {
    CAPTURE(bad);
    CHECK_FALSE(pki::parse_time(bad));
  }
  CHECK(pki::format_utc(1636098527) == "2021-11-05T07:48:47Z");
  CHECK(pki::format_vietnam(1636098527) == "2021-11-05T14:48:47");
}

TEST_CASE("identities come from the certificate's UID attributes, several, branch hyphen kept") {
  const auto& w = tp::world();
  const auto cert =
      tp::issue({"Chi nhánh", {"MST:0104831030-091", "cccd: 001201012345", "MNS:1234567", "plain"}, 0, 1, false, -2, 9},
                w.signer_key, &w.ca, w.ca_key);
  const auto ids = pki::identifiers(cert.get());
  REQUIRE(ids.size() == 4);
  CHECK(ids[0].kind == "MST");
  CHECK(ids[0].value == "0104831030-091");
  CHECK(ids[1].kind == "CCCD");
  CHECK(ids[1].value == "001201012345");
  CHECK(ids[1].text == "cccd: 001201012345");
  CHECK(ids[2].kind == "MNS");
  CHECK(ids[3].kind == "");
  CHECK(ids[3].value == "plain");
  CHECK(pki::identifiers(w.root.get()).empty());
  CHECK(pki::allows_signing(w.signer.get()));
  CHECK_FALSE(pki::allows_signing(w.no_signing.get()));
}

TEST_CASE("certificates from KeyInfo text: white space allowed, anything else refused") {
  const auto& w = tp::world();
  std::string b64(((w.signer.der().size() + 2) / 3) * 4, '\0');
  EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                  reinterpret_cast<const unsigned char*>(w.signer.der().data()),
                  static_cast<int>(w.signer.der().size()));
  auto wrapped = b64;
  wrapped.insert(64, "\r\n ");
  const auto c = pki::decode_base64(wrapped);
  REQUIRE(c);
  CHECK(X509_cmp(c.get(), w.signer.get()) == 0);
  CHECK_FALSE(pki::decode_base64(""));
  CHECK_FALSE(pki::decode_base64("not base64 at all!"));
  CHECK_FALSE(pki::decode_base64(b64.substr(0, b64.size() - 8)));  // truncated
  CHECK_FALSE(pki::decode_base64(b64 + "AAAA"));                   // trailing bytes
}

TEST_CASE("loading trust material: PEM, DER, directories, memory — nothing found is an error") {
  const auto& w = tp::world();
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "certs/sub");
  testing::write_file(dir / "certs/root.pem", w.root.pem());
  testing::write_file(dir / "certs/sub/ca.der", w.ca.der());
  testing::write_file(dir / "certs/README", "not a certificate");
  testing::write_file(dir / "crl.pem", w.crl);
  testing::write_file(dir / "bundle.pem", w.root.pem() + w.ca.pem());
  TrustStore t;
  CHECK(t.add_path(Material::Anchor, (dir / "certs").string()) == 2);
  CHECK(t.add_path(Material::Intermediate, (dir / "bundle.pem").string()) == 2);
  CHECK(t.add_path(Material::Crl, (dir / "crl.pem").string()) == 2);
  CHECK(t.add_memory(Material::PinnedKey, w.signer.pem()) == 1);
  CHECK(t.count(Material::Anchor) == 2);
  CHECK(t.count(Material::Intermediate) == 2);
  CHECK(t.count(Material::Crl) == 2);
  CHECK(t.pinned_keys().size() == 1);
  CHECK_THROWS_WITH_AS(t.add_path(Material::Anchor, (dir / "missing.pem").string()), doctest::Contains("cannot read"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(t.add_path(Material::Crl, (dir / "certs").string()), doctest::Contains("no CRL found"),
                       std::runtime_error);
  CHECK_THROWS_AS(t.add_memory(Material::Anchor, "garbage"), std::runtime_error);
}

TEST_CASE("chains, validity and revocation at a chosen time") {
  const auto& w = tp::world();
  const auto& trust = testing::world_trust();
  const auto at = *pki::parse_time("2026-11-20T10:00:00");
  auto good = trust.check(w.signer.get(), {}, at);
  CHECK(good.status == ChainCheck::Status::Trusted);
  CHECK(good.chain.size() == 3);
  CHECK(good.chain.back().find("hoadon Test Root CA") != std::string::npos);
  CHECK(good.validity == ChainCheck::Validity::Ok);
  CHECK(good.revocation == ChainCheck::Revocation::Good);
  CHECK(trust.check(w.expired.get(), {}, at).validity == ChainCheck::Validity::Expired);
  CHECK(trust.check(w.not_yet_valid.get(), {}, at).validity == ChainCheck::Validity::NotYetValid);
  const auto revoked = trust.check(w.revoked.get(), {}, at);
  CHECK(revoked.revocation == ChainCheck::Revocation::Revoked);
  CHECK(revoked.revocation_detail.find("revoked on 2026-01-14T17:00:00Z") != std::string::npos);
  CHECK(trust.check(w.revoked.get(), {}, *pki::parse_time("2026-01-01")).revocation == ChainCheck::Revocation::Good);
  // A CRL says nothing about times after its nextUpdate.
  CHECK(trust.check(w.signer.get(), {}, *pki::parse_time("2027-06-01")).revocation == ChainCheck::Revocation::Unknown);
  CHECK(trust.check(w.stranger.get(), {}, at).status == ChainCheck::Status::NoAnchor);
  // A CRL claiming to be the CA's but signed by someone else is ignored.
  TrustStore forged;
  forged.add_memory(Material::Anchor, w.root.pem());
  forged.add_memory(Material::Intermediate, w.ca.pem());
  const auto impostor =
      tp::issue({"hoadon Test Issuing CA", {}, 0, 4102444800, true, -2, 2}, w.stranger_key, nullptr, w.stranger_key);
  forged.add_memory(Material::Crl, tp::crl_pem(impostor, w.stranger_key, {{100, at - 86400}}, at - 86400, at + 86400));
  CHECK(forged.check(w.signer.get(), {}, at).revocation == ChainCheck::Revocation::Unknown);
}

TEST_CASE("the public xmlsec test keys: intermediate, wrong anchor, same-subject anchor, offline CRL") {
  const auto shared = testing::shared_dir();
  SKIP_UNLESS(shared && std::filesystem::exists(*shared / "xmldsig-vectors/keys/cacert.pem"),
              "xmldsig-vectors are absent");
  const auto keys = *shared / "xmldsig-vectors/keys";
  TrustStore t;
  t.add_path(Material::Anchor, (keys / "cacert.der").string());
  pki::Certificate signer;
  {
    const auto pem = testing::read_file(keys / "rsa/rsa-2048-cert.pem");
    BIO* b = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    signer.reset(PEM_read_bio_X509(b, nullptr, nullptr, nullptr));
    BIO_free(b);
  }
  REQUIRE(signer);
  const auto april = *pki::parse_time("2026-04-01T00:00:00Z");
  CHECK(t.check(signer.get(), {}, april).status == ChainCheck::Status::NoAnchor);  // intermediate missing
  t.add_path(Material::Intermediate, (keys / "ca2cert.der").string());
  auto ok = t.check(signer.get(), {}, april);
  CHECK(ok.status == ChainCheck::Status::Trusted);
  CHECK(ok.revocation == ChainCheck::Revocation::Unknown);
  t.add_path(Material::Crl, (keys / "rsa/rsa-2048-cert-revoked-crl.der").string());
  CHECK(t.check(signer.get(), {}, april).revocation == ChainCheck::Revocation::Revoked);
  TrustStore wrong;
  wrong.add_path(Material::Anchor, (keys / "rsa/rsa-4096-cert.der").string());
  wrong.add_path(Material::Intermediate, (keys / "ca2cert.der").string());
  CHECK(wrong.check(signer.get(), {}, april).status == ChainCheck::Status::NoAnchor);
  // Same subject, different key: a name match is not trust.
  TrustStore same;
  same.add_path(Material::Anchor, (keys / "same-subj-cert2.der").string());
  pki::Certificate one;
  {
    const auto der = testing::read_file(keys / "same-subj-cert1.der");
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    one.reset(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  }
  REQUIRE(one);
  CHECK(same.check(one.get(), {}, april).status != ChainCheck::Status::Trusted);
}

TEST_CASE("one trust store, many threads: same answers, the cache shared") {
  const auto& w = tp::world();
  const auto& trust = testing::world_trust();
  const auto good = tp::sign(tp::invoice_template(), w.signer_key, {w.signer});
  const auto revoked = tp::sign(tp::invoice_template(), w.signer_key, {w.revoked});
  std::vector<std::thread> threads;
  std::vector<int> failures(6, 0);
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const auto a = testing::verify(good, &trust);
        const auto b = testing::verify(revoked, &trust);
        if (!a.result.ok() || b.sig().reason != "revoked") ++failures[static_cast<std::size_t>(t)];
      }
    });
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
}
