// Signing: what hoadon_doc_parse + hoadon_doc_sign do with a PEM key loaded once — parse, index,
// validation (schemas and rules), placement, certificate checks, xmlsec digests, canonical
// SignedInfo, one RSA-2048 signature checked against the certificate, the output bytes —
// against the physical floor of any signer of this invoice, timed in the same run: libxml2
// parse + C14N of DLHDon + SHA-256 + one RSA-2048 signature + serialisation of the document.
// Single thread. A second table leaves validation out (a report from hoadon_doc_validate given
// as options.validated), to show what signing itself costs.
#include <libxml/tree.h>
#include <openssl/evp.h>

#include <fmt/format.h>

#include <cstdlib>

#include "floor.hpp"
#include "harness.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "sign/sign.hpp"
#include "support/pki.hpp"
#include "validate/validate.hpp"
#include "xml/document.hpp"

namespace {

namespace tp = testing::pki;

void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_sign: %s\n", what);
    std::abort();
  }
}

// What hoadon_doc_parse + hoadon_doc_sign do; `validated` skips the validation.
std::size_t sign_once(const std::string& bytes, const hoadon::keys::Signer& signer, bool validated) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(bytes, {}, report);
  must(doc != nullptr, "parse");
  const auto index = hoadon::model::build_index(*doc, report);
  const auto essentials = hoadon::model::read_essentials(*doc, index);
  hoadon::sign::Options o;
  o.time = tp::world().signing_time;
  hoadon::Report none;
  if (validated) o.validated = &none;
  const auto r = hoadon::sign::sign(doc.get(), index, report, signer, o);
  must(r.ok() && !essentials.invoices.empty(), "sign");
  return r.bytes.size();
}

// The floor: what no signer of this invoice can skip.
struct Floor {
  EVP_PKEY* key;
  std::string signed_info = std::string(700, 'x');  // a SignedInfo-sized message

  void run(const std::string& bytes) const {
    unsigned char md[32];
    xmlDocPtr d = bench::parse_and_hash_data(bytes, md);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char sig[512];
    std::size_t sig_len = sizeof sig;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    const int ok = EVP_DigestSign(ctx, sig, &sig_len, reinterpret_cast<const unsigned char*>(signed_info.data()),
                                  signed_info.size());
    EVP_MD_CTX_free(ctx);
    xmlChar* dumped = nullptr;
    int dumped_len = 0;
    xmlDocDumpMemory(d, &dumped, &dumped_len);
    xmlFree(dumped);
    xmlFreeDoc(d);
    must(ok == 1 && dumped_len > 0, "floor");
  }
};

}  // namespace

int main() {
  const auto& w = tp::world();
  // The PEM key and certificate, loaded once as hoadon_signer_from_pem does.
  const auto signer = hoadon::keys::from_pem(tp::key_pem(w.signer_key), w.signer.pem(), nullptr);
  const Floor floor{w.signer_key.get()};
  std::vector<bench::Row> full, signing;
  for (int lines : bench::sizes({10, 100, 10000})) {
    // make_invoice's seller is 4800123456, the test signer's tax code; it validates cleanly.
    const std::string doc = bench::make_invoice(lines);
    must(sign_once(doc, signer, false) > doc.size(), "the invoice does not sign");
    const auto t = bench::compare([&] { sign_once(doc, signer, false); }, [&] { floor.run(doc); });
    full.push_back({fmt::format("sign {} lines", lines), t.work, t.floor, 1.3});
    const auto s = bench::compare([&] { sign_once(doc, signer, true); }, [&] { floor.run(doc); });
    signing.push_back({fmt::format("sign {} lines", lines), s.work, s.floor, 1.3});
  }
  bench::print(
      "hoadon sign (parse + index + validation + checks + xmlsec digests + RSA-2048 + output), PEM key loaded once, "
      "vs the floor (libxml2 parse + C14N of DLHDon + SHA-256 + one RSA-2048 signature + serialisation)",
      "floor", full);
  bench::print("the same with the validation given (options.validated), i.e. signing itself", "floor", signing);
}
