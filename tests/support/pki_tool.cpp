// Writes the test PKI's material into a folder, for the tests that cannot generate it
// themselves (the C client of the API): keys, certificates, a PKCS#12 file, the trust files.
// TEST MATERIAL: made at run time, never committed, worthless outside the tests.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/pki.hpp"

namespace tp = testing::pki;

namespace {

void put(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const auto& w = tp::world();
  tp::write_trust(dir);  // anchors.pem, ca.pem, crl.pem
  put(dir / "signer.key", tp::key_pem(w.signer_key));
  put(dir / "signer-encrypted.key", tp::key_pem(w.signer_key, "test-pass"));
  put(dir / "signer.pem", w.signer.pem());
  put(dir / "buyer.pem", w.buyer.pem());
  put(dir / "other.pem", w.other_mst.pem());
  put(dir / "expired.pem", w.expired.pem());
  put(dir / "signer.p12", tp::pkcs12(w.signer_key, w.signer, {w.ca}, "p12-pass"));
  return 0;
}
