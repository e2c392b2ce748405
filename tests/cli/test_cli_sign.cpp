// hoadon sign as users and scripts run it: keys, outputs, refusals, two phases with openssl, a
// SoftHSM2 token, and every signature cross-checked by hoadon verify and by xmlsec1.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/softhsm.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;
using testing::parse_ndjson;
namespace fs = std::filesystem;
namespace tp = testing::pki;

namespace {

constexpr const char* kTime = "2026-11-20T10:00:00";  // the test world's signing time

// A folder with the test world's keys, certificates and trust, and the bundled invoice.
struct Fixture {
  testing::TempDir dir;
  std::string key, encrypted_key, cert, buyer_cert, other_cert, expired_cert, p12, invoice, original;
  Fixture() {
    const auto& w = tp::world();
    tp::write_trust(dir.path());
    auto put = [&](const char* name, const std::string& bytes) {
      testing::write_file(dir / name, bytes);
      return (dir / name).string();
    };
    key = put("signer.key", tp::key_pem(w.signer_key));
    encrypted_key = put("signer-encrypted.key", tp::key_pem(w.signer_key, "mật khẩu"));
    cert = put("signer.pem", w.signer.pem());
    buyer_cert = put("buyer.pem", w.buyer.pem());
    other_cert = put("other.pem", w.other_mst.pem());
    expired_cert = put("expired.pem", w.expired.pem());
    p12 = put("signer.p12", tp::pkcs12(w.signer_key, w.signer, {w.ca}, "p12-pass"));
    original = testing::read_file(testing::source_dir() / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
    invoice = put("invoice.xml", original);
  }
  [[nodiscard]] std::string path(const std::string& name) const { return (dir / name).string(); }
  // hoadon sign with the seller's key file and the world's time, then `extra`.
  [[nodiscard]] std::vector<std::string> sign(std::vector<std::string> extra) const {
    std::vector<std::string> a = {"sign", "--key", key, "--cert", cert, "--time", kTime};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  // hoadon verify with the world's trust: the exit status.
  [[nodiscard]] int verify(const std::string& file) const {
    return hoadon({"verify", "--trust", path("anchors.pem"), "--intermediate", path("ca.pem"), "--crl", path("crl.pem"),
                   file})
        .exit_code;
  }
  // xmlsec1 --verify of the signature with this Id (the Debian command line, another
  // implementation): 0 when it verifies; 77 when xmlsec1 is not installed.
  [[nodiscard]] int xmlsec1(const std::string& file, const std::string& signature_id,
                            const std::string& data = "DLHDon") const {
    const auto tool = testing::find_program("xmlsec1");
    if (!tool) return 77;
    return testing::run({*tool, "--verify", "--id-attr:Id", data, "--id-attr:Id",
                         "http://www.w3.org/2000/09/xmldsig#:Signature", "--node-id", signature_id, "--trusted-pem",
                         path("anchors.pem"), "--untrusted-pem", path("ca.pem"), "--verification-gmt-time",
                         "2026-11-20 03:00:00", file})
        .exit_code;
  }
};

// Files of a folder whose name starts with '.' (temporary files left behind).
std::vector<std::string> hidden_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().starts_with(".")) out.push_back(e.path().string());
  return out;
}

bool xmlsec1_missing() {
  if (testing::find_program("xmlsec1")) return false;
  if (std::getenv("HOADON_REQUIRE_TOOLS")) FAIL_CHECK("xmlsec1 is not installed (Debian xmlsec1)");
  MESSAGE("skipped: the xmlsec1 cross-check (Debian xmlsec1 is not installed)");
  return true;
}

}  // namespace

TEST_CASE("sign: a key file signs the invoice — hoadon and xmlsec1 verify it — the JSON names the contract's members") {
  Fixture f;
  const auto out = f.path("signed.xml");
  const auto r = hoadon(f.sign({"--format", "json", "-o", out, f.invoice}));
  REQUIRE_MESSAGE(r.exit_code == 0, (r.out + r.err));
  const auto j = parse_json(r.out);
  for (const char* k : {"file", "output", "kind", "ok", "pending", "signature", "diagnostics"})
    CHECK_MESSAGE(j.has(k), k);
  CHECK(j["file"].str() == f.invoice);
  CHECK(j["output"].str() == out);
  CHECK(j["ok"].boolean());
  CHECK_FALSE(j["pending"].boolean());
  const auto& s = j["signature"];
  for (const char* k : {"slot", "invoice", "path", "id", "algorithm", "digest_algorithm", "signing_time", "signer",
                        "to_be_signed", "digest"})
    CHECK_MESSAGE(s.has(k), k);
  CHECK(s["slot"].str() == "NBan");
  CHECK(s["algorithm"].str() == "rsa-sha256");
  CHECK(s["signing_time"].str() == kTime);
  CHECK(s["signer"]["tax_code"].str() == "4800123456");
  CHECK(s["digest"].is_null());
  CHECK(testing::read_file(f.invoice) == f.original);  // the input untouched
  CHECK(f.verify(out) == 0);
  if (!xmlsec1_missing()) CHECK(f.xmlsec1(out, "NBan") == 0);

  // The buyer after the seller: both verify, with both tools.
  const auto both = f.path("both.xml");
  const auto b =
      hoadon({"sign", "--role", "buyer", "--key", f.key, "--cert", f.buyer_cert, "--time", kTime, "-o", both, out});
  CHECK(b.exit_code == 0);
  CHECK(f.verify(both) == 0);
  if (!xmlsec1_missing()) {
    CHECK(f.xmlsec1(both, "NBan") == 0);
    CHECK(f.xmlsec1(both, "NMua") == 0);
    // And xmlsec1 sees a change: a signature over nothing else would also "verify".
    auto tampered = testing::read_file(both);
    tampered.replace(tampered.find("51570000"), 8, "51570009");
    testing::write_file(f.path("tampered.xml"), tampered);
    CHECK(f.xmlsec1(f.path("tampered.xml"), "NMua") != 0);
  }
}

TEST_CASE(
    "sign: PKCS#12 and encrypted keys take their password from the environment or a file, never the command line") {
  Fixture f;
  std::vector<std::string> base = {"sign", "--time", kTime};
  auto with = [&](std::vector<std::string> extra) {
    auto a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  ::setenv("HOADON_TEST_PASS", "p12-pass", 1);
  CHECK(hoadon(with({"--p12", f.p12, "--pass-env", "HOADON_TEST_PASS", "-o", f.path("a.xml"), f.invoice})).exit_code ==
        0);
  CHECK(f.verify(f.path("a.xml")) == 0);
  testing::write_file(f.path("pass.txt"), "mật khẩu\n");
  CHECK(hoadon(with({"--key", f.encrypted_key, "--cert", f.cert, "--pass-file", f.path("pass.txt"), "-o",
                     f.path("b.xml"), f.invoice}))
            .exit_code == 0);
  // No password and no terminal to ask on: a clear failure, nothing written.
  auto r = hoadon(with({"--p12", f.p12, "-o", f.path("c.xml"), f.invoice}));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("password") != std::string::npos);
  CHECK(r.err.find("--pass-env") != std::string::npos);
  CHECK_FALSE(fs::exists(f.path("c.xml")));
  ::setenv("HOADON_TEST_PASS", "wrong", 1);
  r = hoadon(with({"--p12", f.p12, "--pass-env", "HOADON_TEST_PASS", "-o", f.path("c.xml"), f.invoice}));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("wrong") == std::string::npos);  // the password is never echoed
  // There is no option that takes a secret.
  CHECK(hoadon(with({"--p12", f.p12, "--password", "p12-pass", "-o", f.path("c.xml"), f.invoice})).exit_code == 2);
  CHECK(hoadon(with({"--p12", f.p12, "--pass-env", "UNSET_HOADON_VAR", "-o", f.path("c.xml"), f.invoice})).exit_code ==
        2);
}

TEST_CASE("sign: several inputs with --suffix and -j — each output beside its input — inputs untouched") {
  Fixture f;
  std::vector<std::string> inputs;
  for (int i = 0; i < 6; ++i) {
    inputs.push_back(f.path("inv" + std::to_string(i) + ".xml"));
    testing::write_file(inputs.back(), f.original);
  }
  auto args = f.sign({"--format", "json", "-j", "3", "--suffix", ".signed.xml"});
  args.insert(args.end(), inputs.begin(), inputs.end());
  const auto r = hoadon(args);
  CHECK(r.exit_code == 0);
  const auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto out = f.path("inv" + std::to_string(i) + ".signed.xml");
    CHECK(docs[i]["file"].str() == inputs[i]);
    CHECK(docs[i]["output"].str() == out);
    CHECK(testing::read_file(inputs[i]) == f.original);
    CHECK(f.verify(out) == 0);
  }
  CHECK(hidden_files(f.dir.path()).empty());
}

TEST_CASE("sign: a refused input leaves no output, and an existing output as it was") {
  Fixture f;
  const auto out = f.path("out.xml");
  testing::write_file(out, "previous content");
  // Another taxpayer's certificate: refused, exit 1.
  auto r = hoadon(
      {"sign", "--key", f.key, "--cert", f.other_cert, "--time", kTime, "--format", "json", "-o", out, f.invoice});
  CHECK(r.exit_code == 1);
  auto j = parse_json(r.out);
  CHECK_FALSE(j["ok"].boolean());
  CHECK(j["output"].is_null());
  CHECK(j["diagnostics"].array().back()["code"].str() == "SIGN-TAX-CODE");
  CHECK(testing::read_file(out) == "previous content");
  // --force signs over the mismatch, with a warning.
  r = hoadon({"sign", "--key", f.key, "--cert", f.other_cert, "--time", kTime, "--force", "--format", "json", "-o", out,
              f.invoice});
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out)["diagnostics"].array().back()["code"].str() == "SIGN-FORCED");
  // An expired certificate, now; at a time it was valid it signs.
  r = hoadon({"sign", "--key", f.key, "--cert", f.expired_cert, "--time", kTime, "-o", f.path("e.xml"), f.invoice});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("SIGN-CERT-EXPIRED") != std::string::npos);
  CHECK_FALSE(fs::exists(f.path("e.xml")));
  CHECK(hoadon({"sign", "--key", f.key, "--cert", f.expired_cert, "--time", "2020-06-01T09:00:00", "-o",
                f.path("e.xml"), f.invoice})
            .exit_code == 0);
  // A malformed input.
  testing::write_file(f.path("bad.xml"), "<HDon><DLHDon>");
  r = hoadon(f.sign({"-o", f.path("bad-out.xml"), f.path("bad.xml")}));
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(f.path("bad-out.xml")));
  // An output that cannot be written: exit 3, nothing left in the folder.
  fs::create_directory(f.path("ro"));
  fs::permissions(f.path("ro"), fs::perms::owner_read | fs::perms::owner_exec);
  r = hoadon(f.sign({"-o", f.path("ro/out.xml"), f.invoice}));
  if (::geteuid() != 0) {  // root writes anywhere
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("IO-WRITE") != std::string::npos);
  }
  CHECK(hidden_files(f.path("ro")).empty());
  r = hoadon(f.sign({"-o", f.path("missing/out.xml"), f.invoice}));
  CHECK(r.exit_code == 3);
  CHECK_FALSE(fs::exists(f.path("missing")));
  CHECK(hidden_files(f.dir.path()).empty());
  fs::permissions(f.path("ro"), fs::perms::owner_all);
}

TEST_CASE("sign: never over the input unless --in-place, which keeps the file's mode") {
  Fixture f;
  CHECK(hoadon(f.sign({"-o", f.invoice, f.invoice})).exit_code == 2);
  CHECK(hoadon(f.sign({"--suffix", ".xml", f.invoice})).exit_code == 2);
  CHECK(testing::read_file(f.invoice) == f.original);
  fs::permissions(f.invoice, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  CHECK(hoadon(f.sign({"--in-place", f.invoice})).exit_code == 0);
  CHECK(testing::read_file(f.invoice) != f.original);
  CHECK(f.verify(f.invoice) == 0);
  struct stat st {};
  REQUIRE(::stat(f.invoice.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  // Signing it again is refused, and it stays as it is.
  const auto signed_once = testing::read_file(f.invoice);
  CHECK(hoadon(f.sign({"--in-place", f.invoice})).exit_code == 1);
  CHECK(testing::read_file(f.invoice) == signed_once);
}

TEST_CASE("sign: usage errors exit 2") {
  Fixture f;
  const auto out = f.path("o.xml");
  CHECK(hoadon({"sign", "-o", out, f.invoice}).exit_code == 2);                                  // no key
  CHECK(hoadon({"sign", "--key", f.key, "-o", out, f.invoice}).exit_code == 2);                  // no --cert
  CHECK(hoadon({"sign", "--p12", f.p12, "--key", f.key, "-o", out, f.invoice}).exit_code == 2);  // two keys
  CHECK(hoadon(f.sign({f.invoice})).exit_code == 2);                                             // no output
  CHECK(hoadon(f.sign({"-o", out, "--in-place", f.invoice})).exit_code == 2);                    // two outputs
  CHECK(hoadon(f.sign({"-o", out, f.invoice, f.invoice})).exit_code == 2);                       // -o, two inputs
  CHECK(hoadon(f.sign({"--suffix", ".s.xml", "-"})).exit_code == 2);                             // stdin needs -o
  CHECK(hoadon(f.sign({"--pin-env", "X", "-o", out, f.invoice})).exit_code == 2);                // PIN without token
  CHECK(hoadon(f.sign({"--role", "notary", "-o", out, f.invoice})).exit_code == 2);
  CHECK(hoadon(f.sign({"--time", "soon", "-o", out, f.invoice})).exit_code == 2);
  CHECK(hoadon(f.sign({"--prepare", "-o", out, f.invoice})).exit_code == 2);
  CHECK_FALSE(fs::exists(out));
  CHECK(hoadon({"sign", "--help"}).out.find("--pkcs11-module") != std::string::npos);
}

TEST_CASE("sign in two phases: --prepare, a signer with openssl pkeyutl, --complete") {
  const auto openssl = testing::find_program("openssl");
  SKIP_UNLESS_TOOL(openssl, "openssl is not installed");
  Fixture f;
  const auto pending = f.path("pending.xml");
  auto r =
      hoadon({"sign", "--prepare", "--cert", f.cert, "--time", kTime, "--format", "json", "-o", pending, f.invoice});
  REQUIRE_MESSAGE(r.exit_code == 0, (r.out + r.err));
  const auto j = parse_json(r.out);
  CHECK(j["pending"].boolean());
  CHECK(j["signature"]["digest"].str().size() == 44);  // base64 of 32 bytes
  CHECK(testing::read_file(pending + ".digest").size() == 32);
  CHECK(f.verify(pending) == 1);  // a pending signature is no signature yet
  // The external signer: RSA PKCS#1 v1.5 over the SHA-256 digest.
  CHECK(testing::run({*openssl, "pkeyutl", "-sign", "-inkey", f.key, "-pkeyopt", "digest:sha256", "-in",
                      pending + ".digest", "-out", pending + ".sig"})
            .exit_code == 0);
  r = hoadon({"sign", "--complete", "--format", "json", "--suffix", ".done.xml", pending});
  REQUIRE_MESSAGE(r.exit_code == 0, (r.out + r.err));
  const auto done = f.path("pending.done.xml");
  CHECK(parse_json(r.out)["output"].str() == done);
  CHECK(f.verify(done) == 0);
  if (!xmlsec1_missing()) CHECK(f.xmlsec1(done, "NBan") == 0);
  // The same document as signing in one go.
  CHECK(hoadon(f.sign({"-o", f.path("one-go.xml"), f.invoice})).exit_code == 0);
  CHECK(testing::read_file(done) == testing::read_file(f.path("one-go.xml")));
  // A value in base64 works as well; a value of another key does not.
  const auto value = testing::read_file(pending + ".sig");
  r = testing::run({*openssl, "base64", "-A", "-in", pending + ".sig"});
  testing::write_file(f.path("value.b64"), r.out);
  CHECK(
      hoadon({"sign", "--complete", "--signature", f.path("value.b64"), "-o", f.path("b64.xml"), pending}).exit_code ==
      0);
  testing::write_file(f.path("stranger.key"), tp::key_pem(tp::world().stranger_key));
  testing::run({*openssl, "pkeyutl", "-sign", "-inkey", f.path("stranger.key"), "-pkeyopt", "digest:sha256", "-in",
                pending + ".digest", "-out", f.path("stranger.sig")});
  r = hoadon({"sign", "--complete", "--signature", f.path("stranger.sig"), "-o", f.path("x.xml"), pending});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("SIGN-VALUE") != std::string::npos);
  CHECK_FALSE(fs::exists(f.path("x.xml")));
}

TEST_CASE("sign with a PKCS#11 token (SoftHSM2): the PIN from the environment, hoadon and xmlsec1 verify") {
  const auto why = testing::SoftHsmToken::unavailable();
  SKIP_UNLESS_TOOL(why.empty(), why);
  Fixture f;
  const auto& w = tp::world();
  const testing::SoftHsmToken token(tp::key_pem(w.signer_key), w.signer.der());  // sets SOFTHSM2_CONF for hoadon
  ::setenv("HOADON_TEST_PIN", testing::SoftHsmToken::kPin, 1);
  const auto out = f.path("token.xml");
  auto r = hoadon({"sign", "--pkcs11", token.uri(), "--pkcs11-module", testing::SoftHsmToken::module(), "--pin-env",
                   "HOADON_TEST_PIN", "--time", kTime, "-o", out, f.invoice});
  REQUIRE_MESSAGE(r.exit_code == 0, (r.out + r.err));
  CHECK(f.verify(out) == 0);
  if (!xmlsec1_missing()) CHECK(f.xmlsec1(out, "NBan") == 0);
  // The PIN from a file; the module given in the URI.
  testing::write_file(f.path("pin"), std::string(testing::SoftHsmToken::kPin) + "\n");
  r = hoadon({"sign", "--pkcs11", token.uri() + "?module-path=" + testing::SoftHsmToken::module(), "--pin-file",
              f.path("pin"), "--time", kTime, "-o", f.path("token2.xml"), f.invoice});
  CHECK(r.exit_code == 0);
  // A wrong PIN: exit 3, told, not echoed.
  ::setenv("HOADON_TEST_PIN", "999999", 1);
  r = hoadon({"sign", "--pkcs11", token.uri(), "--pkcs11-module", testing::SoftHsmToken::module(), "--pin-env",
              "HOADON_TEST_PIN", "--time", kTime, "-o", f.path("token3.xml"), f.invoice});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("PIN") != std::string::npos);
  CHECK(r.err.find("999999") == std::string::npos);
  CHECK_FALSE(fs::exists(f.path("token3.xml")));
}

TEST_CASE("sign --sha1, --chain, and a taxpayer's form: hoadon and xmlsec1 agree") {
  Fixture f;
  const auto sha1 = f.path("sha1.xml");
  CHECK(hoadon(f.sign({"--sha1", "-o", sha1, f.invoice})).exit_code == 0);
  CHECK(testing::read_file(sha1).find("xmldsig#rsa-sha1") != std::string::npos);
  CHECK(f.verify(sha1) == 0);
  const auto chain = f.path("chain.xml");
  CHECK(hoadon(f.sign({"--chain", f.path("ca.pem"), "-o", chain, f.invoice})).exit_code == 0);
  CHECK(hoadon({"verify", "--trust", f.path("anchors.pem"), "--crl", f.path("crl.pem"), chain}).exit_code == 0);
  // A 01/ĐKTĐ-HĐĐT registration with its DSCKS emptied, signed by its taxpayer.
  auto form = testing::read_file(testing::source_dir() / "lib/schema/samples/valid/forms/tkhai.xml");
  const auto b = form.find("<DSCKS>"), e = form.find("</DSCKS>");
  form.replace(b, e + 8 - b, "<DSCKS><NNT/><CCKSKhac/></DSCKS>");
  testing::write_file(f.path("tkhai.xml"), form);
  const auto signed_form = f.path("tkhai.signed.xml");
  CHECK(hoadon(f.sign({"--role", "taxpayer", "-o", signed_form, f.path("tkhai.xml")})).exit_code == 0);
  CHECK(f.verify(signed_form) == 0);
  if (!xmlsec1_missing()) {
    CHECK(f.xmlsec1(sha1, "NBan") == 0);
    CHECK(f.xmlsec1(chain, "NBan") == 0);
    CHECK(f.xmlsec1(signed_form, "NNT", "DLTKhai") == 0);
  }
}
