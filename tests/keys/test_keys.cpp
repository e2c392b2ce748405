// Keys: PEM files (encrypted or not), PKCS#12, PKCS#11 URIs, and a SoftHSM2 token.
#include <doctest/doctest.h>

#include <atomic>
#include <functional>
#include <thread>

#include "dsig/verify_helpers.hpp"
#include "keys/key.hpp"
#include "keys/pkcs11_uri.hpp"
#include "sign/sign_helpers.hpp"
#include "support/pki.hpp"
#include "support/softhsm.hpp"
#include "support/support.hpp"

using hoadon::keys::KeyError;
using hoadon::keys::Secret;
namespace tp = testing::pki;

namespace {

KeyError::Kind kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const KeyError& e) {
    return e.kind();
  }
  FAIL("no KeyError");
  return KeyError::Kind::Invalid;
}

}  // namespace

TEST_CASE("PEM keys: plain, encrypted with the right, a wrong and no password — a certificate file with the chain") {
  const auto& w = tp::world();
  const auto plain = hoadon::keys::from_pem(tp::key_pem(w.signer_key), w.signer.pem() + w.ca.pem(), nullptr);
  CHECK(plain.kind == "pem");
  CHECK(plain.key);
  CHECK(X509_cmp(plain.certificate.get(), w.signer.get()) == 0);
  REQUIRE(plain.chain.size() == 1);
  CHECK(X509_cmp(plain.chain.front().get(), w.ca.get()) == 0);
  // The certificate is found by its key, wherever it is in the file.
  const auto swapped = hoadon::keys::from_pem(tp::key_pem(w.signer_key), w.ca.pem() + w.signer.pem(), nullptr);
  CHECK(X509_cmp(swapped.certificate.get(), w.signer.get()) == 0);

  // DER (PKCS#8) as well.
  unsigned char* der = nullptr;
  const int n = i2d_PrivateKey(w.signer_key.get(), &der);
  const std::string der_key(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  CHECK(hoadon::keys::from_pem(der_key, w.signer.der(), nullptr).key);

  const auto encrypted = tp::key_pem(w.signer_key, "mật khẩu");
  CHECK(encrypted.find("ENCRYPTED") != std::string::npos);
  const Secret right("mật khẩu"), wrong("mat khau");
  CHECK(hoadon::keys::from_pem(encrypted, w.signer.pem(), &right).key);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pem(encrypted, w.signer.pem(), &wrong); }) == KeyError::Kind::Auth);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pem(encrypted, w.signer.pem(), nullptr); }) == KeyError::Kind::Auth);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pem("junk", w.signer.pem(), nullptr); }) == KeyError::Kind::Invalid);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pem(tp::key_pem(w.signer_key), "junk", nullptr); }) ==
        KeyError::Kind::Invalid);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pem(tp::key_pem(w.stranger_key), w.signer.pem(), nullptr); }) ==
        KeyError::Kind::Invalid);
}

TEST_CASE("PKCS#12: the password opens it — without or with a wrong one, an authentication error") {
  const auto& w = tp::world();
  const auto p12 = tp::pkcs12(w.signer_key, w.signer, {w.ca}, "p12-pass");
  const Secret pass("p12-pass"), wrong("nope");
  const auto s = hoadon::keys::from_pkcs12(p12, &pass);
  CHECK(s.kind == "pkcs12");
  CHECK(X509_cmp(s.certificate.get(), w.signer.get()) == 0);
  CHECK(s.chain.size() == 1);
  CHECK(testing::sign_with(tp::invoice_template(), s).ok());
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs12(p12, &wrong); }) == KeyError::Kind::Auth);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs12(p12, nullptr); }) == KeyError::Kind::Auth);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs12("junk", &pass); }) == KeyError::Kind::Invalid);
  // An empty password needs none given.
  CHECK(hoadon::keys::from_pkcs12(tp::pkcs12(w.signer_key, w.signer, {}, ""), nullptr).key);
}

TEST_CASE("secrets are wiped when done with") {
  Secret s("246810");
  CHECK(s.view() == "246810");
  Secret moved(std::move(s));
  CHECK(moved.view() == "246810");
  CHECK(s.view().empty());  // NOLINT(bugprone-use-after-move): the moved-from secret holds nothing
  char buf[] = "secret";
  hoadon::keys::wipe(buf, sizeof buf);
  for (char c : buf) CHECK(c == 0);
}

TEST_CASE("PKCS#11 URIs (RFC 7512)") {
  const auto u = hoadon::keys::parse_pkcs11_uri(
      "pkcs11:token=H%C3%B3a%20%C4%91%C6%A1n;object=signer;id=%01%02;type=private?module-path=/usr/lib/x.so");
  CHECK(*u.get("token") == "Hóa đơn");
  CHECK(*u.get("object") == "signer");
  CHECK(*u.get("id") == std::string("\x01\x02", 2));
  CHECK(u.module_path == "/usr/lib/x.so");
  CHECK(u.get("serial") == nullptr);
  CHECK(hoadon::keys::parse_pkcs11_uri("pkcs11:").path.empty());
  for (const char* bad : {"pkcs12:token=a", "pkcs11:tokn=a", "pkcs11:token=a;token=b", "pkcs11:token=%G1",
                          "pkcs11:type=cert", "pkcs11:token", "pkcs11:token=a?pin-value=1234",
                          "pkcs11:token=a?pin-source=file:/p", "pkcs11:token=a?module-name=x"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS((void)hoadon::keys::parse_pkcs11_uri(bad), KeyError);
  }
  // A PIN in a URI is refused without being repeated in the message.
  try {
    (void)hoadon::keys::parse_pkcs11_uri("pkcs11:token=a?pin-value=97531%zz");
  } catch (const KeyError& e) {
    CHECK(std::string(e.what()).find("97531") == std::string::npos);
  }
}

TEST_CASE("PKCS#11: a SoftHSM2 token signs — the key stays on it — PIN errors are told") {
  const auto why = testing::SoftHsmToken::unavailable();
  SKIP_UNLESS_TOOL(why.empty(), why);
  const auto& w = tp::world();
  const testing::SoftHsmToken token(tp::key_pem(w.signer_key), w.signer.der());
  const Secret pin(testing::SoftHsmToken::kPin), wrong("000000");
  const auto module = testing::SoftHsmToken::module();

  // PIN errors first: once a session of this process is logged in, the token does not check again.
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11(token.uri(), module, &wrong, {}); }) == KeyError::Kind::Auth);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11(token.uri(), module, nullptr, {}); }) == KeyError::Kind::Auth);

  const auto s = hoadon::keys::from_pkcs11(token.uri(), module, &pin, {});
  CHECK(s.kind == "pkcs11");
  CHECK(X509_cmp(s.certificate.get(), w.signer.get()) == 0);  // the token's own certificate
  const auto r = testing::sign_with(tp::invoice_template(), s);
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  const auto v = testing::verify(r.bytes, &testing::world_trust());
  CHECK(v.result.ok());
  // The same signature as with the key file: PKCS#1 v1.5 is deterministic.
  CHECK(r.bytes == testing::sign_with(tp::invoice_template(), testing::seller()).bytes);

  // A certificate given instead of the token's; one of another key is refused.
  CHECK(hoadon::keys::from_pkcs11(token.uri(), module, &pin, w.signer.pem()).key);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11(token.uri(), module, &pin, w.ca.pem()); }) ==
        KeyError::Kind::Invalid);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11("pkcs11:token=nope", module, &pin, {}); }) ==
        KeyError::Kind::Device);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11(token.uri() + "x", module, &pin, {}); }) ==
        KeyError::Kind::Invalid);
  CHECK(kind_of([&] { (void)hoadon::keys::from_pkcs11(token.uri(), "/nonexistent/module.so", &pin, {}); }) ==
        KeyError::Kind::Io);

  // Two signers of one module, used from several threads, the module shared between them.
  const auto s2 = hoadon::keys::from_pkcs11(token.uri(), module, &pin, {});
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      for (int j = 0; j < 5; ++j)
        if (testing::sign_with(tp::invoice_template(), i % 2 ? s : s2).ok()) ++good;
    });
  for (auto& t : threads) t.join();
  CHECK(good == 20);
}
