// The folder the CLI verification tests share: the test world's trust material and a few
// signed invoices — valid, with an expired certificate, tampered after signing, unsigned.
#pragma once

#include <string>
#include <vector>

#include "support/pki.hpp"
#include "support/support.hpp"

namespace testing {

struct VerifyFixture {
  TempDir dir;
  std::string good, expired, tampered, unsigned_invoice;
  std::vector<std::string> trust;  // --trust … --intermediate … --crl …
  VerifyFixture() {
    const auto& w = pki::world();
    pki::write_trust(dir.path());
    trust = {"--trust", (dir / "anchors.pem").string(), "--intermediate", (dir / "ca.pem").string(),
             "--crl",   (dir / "crl.pem").string()};
    good = (dir / "good.xml").string();
    expired = (dir / "expired.xml").string();
    tampered = (dir / "tampered.xml").string();
    unsigned_invoice = (dir / "unsigned.xml").string();
    const auto signed_xml = pki::sign(pki::invoice_template(), w.signer_key, {w.signer});
    write_file(good, signed_xml);
    write_file(expired, pki::sign(pki::invoice_template(), w.signer_key, {w.expired}));
    write_file(unsigned_invoice, pki::invoice_template());
    auto forged = signed_xml;  // the seller's name changed after signing
    const auto at = forged.find("<Ten>");
    if (at != std::string::npos) forged.insert(at + 5, "X");
    write_file(tampered, forged);
  }
  // "verify", the trust options, then `extra`.
  std::vector<std::string> args(std::vector<std::string> extra) const {
    std::vector<std::string> a = {"verify"};
    a.insert(a.end(), trust.begin(), trust.end());
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

}  // namespace testing
