// Verification: hoadon's parse + index + verification of a seller-signed invoice (with its
// chain, CRLs and every check), against the physical floor of any verifier, timed in the same
// run: libxml2 parse + C14N of DLHDon + SHA-256 + one RSA-2048 signature check.
#include <libxml/tree.h>
#include <openssl/evp.h>

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

#include "dsig/verify.hpp"
#include "floor.hpp"
#include "harness.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "support/pki.hpp"
#include "xml/document.hpp"

namespace {

namespace tp = testing::pki;

void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_verify: %s\n", what);
    std::abort();
  }
}

// What hoadon_doc_parse + hoadon_doc_verify do.
bool verify_once(const std::string& bytes, const hoadon::pki::TrustStore& trust) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(bytes, {}, report);
  if (!doc) return false;
  const auto index = hoadon::model::build_index(*doc, report);
  const auto essentials = hoadon::model::read_essentials(*doc, index);
  const auto v = hoadon::dsig::verify_document(*doc, index, report, &trust, {});
  return v.ok() && !essentials.invoices.empty();
}

// The floor: what no verifier of this invoice can skip.
struct Floor {
  EVP_PKEY* key;
  std::string signed_info;
  std::string signature;

  void run(const std::string& bytes) const {
    unsigned char md[32];
    xmlDocPtr d = bench::parse_and_hash_data(bytes, md);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    const int ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                    reinterpret_cast<const unsigned char*>(signed_info.data()), signed_info.size());
    EVP_MD_CTX_free(ctx);
    xmlFreeDoc(d);
    must(ok == 1, "floor signature check");
  }
};

}  // namespace

int main() {
  const auto& w = tp::world();
  hoadon::pki::TrustStore trust;
  trust.add_memory(hoadon::pki::Material::Anchor, w.root.pem());
  trust.add_memory(hoadon::pki::Material::Intermediate, w.ca.pem());
  trust.add_memory(hoadon::pki::Material::Crl, w.crl);

  // A SignedInfo-sized message signed once for the floor's RSA check.
  Floor floor{w.signer_key.get(), std::string(700, 'x'), {}};
  {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, floor.key);
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(floor.signed_info.data()),
                   floor.signed_info.size());
    floor.signature.resize(len);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(floor.signature.data()), &len,
                   reinterpret_cast<const unsigned char*>(floor.signed_info.data()), floor.signed_info.size());
    EVP_MD_CTX_free(ctx);
  }

  std::vector<bench::Row> rows;
  for (int lines : bench::sizes({10, 100, 10000})) {
    // make_invoice's seller is 4800123456, the test signer's tax code.
    const std::string doc = tp::sign(bench::make_invoice(lines), w.signer_key, {w.signer});
    must(verify_once(doc, trust), "the signed invoice does not verify");
    const auto t = bench::compare([&] { must(verify_once(doc, trust), "verify"); }, [&] { floor.run(doc); });
    rows.push_back({fmt::format("verify {} lines", lines), t.work, t.floor, 1.5});
  }
  bench::print(
      "hoadon verify (parse + index + every check, chain and CRLs) vs the floor "
      "(libxml2 parse + C14N of DLHDon + SHA-256 + one RSA-2048 verify)",
      "floor", rows);
}
