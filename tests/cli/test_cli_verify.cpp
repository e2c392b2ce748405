// hoadon verify as users and scripts run it: exit codes, the JSON contract, trust options.
#include <doctest/doctest.h>

#include <set>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"
#include "verify_fixture.hpp"

using testing::hoadon;
using testing::parse_json;
using testing::parse_ndjson;
namespace tp = testing::pki;

namespace {

using Fixture = testing::VerifyFixture;

}  // namespace

TEST_CASE("verify: a valid invoice exits 0 — the JSON has every name of the contract") {
  Fixture f;
  const auto r = hoadon(f.args({"--format", "json", f.good}));
  CHECK(r.exit_code == 0);
  const auto j = parse_json(r.out);
  for (const char* k : {"file", "kind", "ok", "signatures", "diagnostics"}) CHECK_MESSAGE(j.has(k), k);
  CHECK(j["file"].str() == f.good);
  CHECK(j["kind"].str() == "HDon");
  CHECK(j["ok"].boolean());
  REQUIRE(j["signatures"].array().size() == 1);
  const auto& s = j["signatures"][0];
  for (const char* k :
       {"slot", "outcome", "integrity", "reason", "algorithm", "signing_time", "signer", "covers", "warnings"})
    CHECK_MESSAGE(s.has(k), k);
  for (const char* k : {"subject", "tax_code", "issuer", "serial", "not_before", "not_after"})
    CHECK_MESSAGE(s["signer"].has(k), k);
  CHECK(s["slot"].str() == "NBan");
  CHECK(s["outcome"].str() == "valid");
  CHECK(s["integrity"].str() == "intact");
  CHECK(s["reason"].str() == "");
  CHECK(s["algorithm"].str() == "rsa-sha256");
  CHECK(s["signing_time"].str() == "2026-11-20T10:00:00");
  CHECK(s["signer"]["tax_code"].str() == "4800123456");
  CHECK(s["covers"][0].str() == "/HDon/DLHDon");
  CHECK(s["warnings"].array().empty());
}

TEST_CASE("verify: outcomes set the exit status — --integrity-only and --at change what is asked") {
  Fixture f;
  auto r = hoadon(f.args({"--format", "json", f.expired}));
  CHECK(r.exit_code == 1);
  auto j = parse_json(r.out);
  CHECK(j["signatures"][0]["outcome"].str() == "invalid");
  CHECK(j["signatures"][0]["reason"].str() == "expired");
  // Signed in 2020 and verified then: valid. Verified then, with the 2026 signing time: the
  // signing time is later than the verification time, which is invalid.
  tp::SignSpec in_2020;
  in_2020.signing_time = 1590984000;  // 2020-06-01T11:00:00+07:00
  const auto old = (f.dir / "signed-2020.xml").string();
  testing::write_file(old, tp::sign(tp::invoice_template(), tp::world().signer_key, {tp::world().expired}, in_2020));
  CHECK(hoadon(f.args({old})).exit_code == 0);
  CHECK(hoadon(f.args({"--at", "2020-06-01T12:00:00", old})).exit_code == 0);
  CHECK(hoadon(f.args({"--at", "2020-06-01T12:00:00", f.expired})).exit_code == 1);
  // The tax code check, on and off.
  const auto other = (f.dir / "other.xml").string();
  testing::write_file(other, tp::sign(tp::invoice_template(), tp::world().signer_key, {tp::world().other_mst}));
  CHECK(hoadon(f.args({other})).exit_code == 1);
  CHECK(hoadon(f.args({"--no-tax-code-check", other})).exit_code == 0);
  // Strict policy: SHA-1 no longer passes.
  const auto sha1 = (f.dir / "sha1.xml").string();
  testing::write_file(sha1, tp::sign(tp::invoice_template(), tp::world().signer_key, {tp::world().signer},
                                     {.method = "rsa-sha1", .digest = "sha1"}));
  CHECK(hoadon(f.args({sha1})).exit_code == 0);
  CHECK(hoadon(f.args({"--policy", "strict", sha1})).exit_code == 1);
  // Without trust: indeterminate, a failure; with --integrity-only: intact is enough.
  r = hoadon({"verify", "--format", "json", f.good});
  CHECK(r.exit_code == 1);
  j = parse_json(r.out);
  CHECK(j["signatures"][0]["outcome"].str() == "indeterminate");
  CHECK(j["signatures"][0]["reason"].str() == "untrusted");
  r = hoadon({"verify", "--integrity-only", "--format", "json", f.good});
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out)["signatures"][0]["reason"].str() == "trust-not-checked");
  // A document without signature fails, and says why.
  r = hoadon(f.args({"--format", "json", f.unsigned_invoice}));
  CHECK(r.exit_code == 1);
  CHECK(parse_json(r.out)["diagnostics"][0]["code"].str() == "DSIG-NONE");
  // Text for people.
  r = hoadon(f.args({"--lang", "en", f.good, f.expired}));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("✓ Seller's signature: valid") != std::string::npos);
  CHECK(r.out.find("✗ Seller's signature: INVALID — the certificate had expired") != std::string::npos);
  CHECK(r.out.find(f.good + ": VALID — invoice ") != std::string::npos);
}

TEST_CASE("verify: usage and trust errors") {
  Fixture f;
  CHECK(hoadon({"verify"}).exit_code == 2);
  CHECK(hoadon({"verify", "--policy", "lax", f.good}).exit_code == 2);
  CHECK(hoadon({"verify", "--at", "yesterday", f.good}).exit_code == 2);
  CHECK(hoadon({"verify", "--pin-key", (f.dir / "anchors.pem").string(), f.good}).exit_code == 2);
  auto r = hoadon({"verify", "--trust", (f.dir / "missing.pem").string(), f.good});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("missing.pem") != std::string::npos);
  r = hoadon({"verify", "--crl", (f.dir / "anchors.pem").string(), f.good});  // a certificate, not a CRL
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no CRL found") != std::string::npos);
  CHECK(hoadon({"verify", "--help"}).out.find("--integrity-only") != std::string::npos);
}

TEST_CASE("verify: one trust for many inputs in parallel, output in input order") {
  Fixture f;
  std::vector<std::string> files;
  for (int i = 0; i < 30; ++i) files.push_back(i % 3 ? f.good : f.expired);
  auto args = f.args({"--format", "json", "-j", "4"});
  args.insert(args.end(), files.begin(), files.end());
  const auto r = hoadon(args);
  CHECK(r.exit_code == 1);
  const auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) CHECK(docs[i]["ok"].boolean() == (i % 3 != 0));
}

TEST_CASE("verify --integrity-only: the real samples as MANIFEST.tsv says") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto r = hoadon({"verify", "--integrity-only", "--format", "json", "-j", "4", dir->string()});
  CHECK(r.exit_code == 1);  // some samples are broken
  const auto docs = parse_ndjson(r.out);
  const auto samples = testing::manifest();
  REQUIRE(docs.size() == samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    CAPTURE(samples[i].file);
    const auto& sigs = docs[i]["signatures"].array();
    REQUIRE(sigs.size() == samples[i].signatures.size());
    for (std::size_t k = 0; k < sigs.size(); ++k) {
      const auto& want = samples[i].signatures[k].integrity;
      CHECK(sigs[k]["slot"].str() == samples[i].signatures[k].slot);
      CHECK(sigs[k]["integrity"].str() == (want == "broken" ? "broken" : "intact"));
    }
  }
}

TEST_CASE("verify --profile xmldsig: a public interop vector with its trust anchor") {
  const auto shared = testing::shared_dir();
  SKIP_UNLESS(shared && std::filesystem::exists(*shared / "xmldsig-vectors/manifest.tsv"),
              "xmldsig-vectors are absent");
  const auto v = *shared / "xmldsig-vectors";
  const auto file = (v / "aleksey-xmldsig-01/enveloping-sha256-rsa-sha256.xml").string();
  auto r =
      hoadon({"verify", "--profile", "xmldsig", "--trust", (v / "keys/cacert.der").string(), "--format", "json", file});
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out)["signatures"][0]["outcome"].str() == "valid");
  // A pinned key instead of KeyInfo (which holds only a KeyValue here).
  const auto pinned = (v / "xmldsig11-interop-2012/signature-enveloping-rsa-sha256.xml").string();
  CHECK(hoadon({"verify", "--profile", "xmldsig", pinned}).exit_code == 1);
  CHECK(hoadon({"verify", "--profile", "xmldsig", "--pin-key", (v / "xmldsig11-interop-2012/keys/rsa-key.crt").string(),
                pinned})
            .exit_code == 0);
  // The invoice profile refuses it: it is no e-invoice, and its signature has no role.
  r = hoadon({"verify", "--trust", (v / "keys/cacert.der").string(), "--format", "json", file});
  CHECK(r.exit_code == 1);
}
