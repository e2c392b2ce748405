#include "pki.hpp"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "pki/time.hpp"

namespace conformance {
namespace {

using testing::pki::CertSpec;
using testing::pki::issue;

std::string pem_of(const Key& k) {
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(b, k.get(), nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(b, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(b);
  return out;
}

// Key sizes in the order of SuitePki's keys: root, intermediate, seller, weak, stranger, authority.
constexpr int kBits[] = {2048, 2048, 2048, 1024, 2048, 2048};

std::vector<Key> load_or_make_keys(const std::filesystem::path& file, bool new_keys) {
  std::vector<Key> keys;
  if (!new_keys && std::filesystem::exists(file)) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string pem = text.str();
    BIO* b = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    while (EVP_PKEY* k = PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr))
      keys.push_back({std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)});
    BIO_free(b);
    if (keys.size() == std::size(kBits)) return keys;
    throw std::runtime_error(file.string() + ": expected " + std::to_string(std::size(kBits)) +
                             " keys; regenerate with --new-keys");
  }
  std::string all =
      "# TEST KEYS of the hoadon conformance suite. They protect nothing and have no value outside\n"
      "# the suite: never trust a certificate made with them.\n";
  for (int bits : kBits) {
    keys.push_back(testing::pki::rsa(bits));
    all += pem_of(keys.back());
  }
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << all;
  return keys;
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

std::int64_t vn_time(const char* text) {
  const auto t = hoadon::pki::parse_time(text);
  if (!t) throw std::runtime_error(std::string("bad time ") + text);
  return *t;
}

SuitePki SuitePki::make(const std::filesystem::path& keys_pem, bool new_keys) {
  const auto keys = load_or_make_keys(keys_pem, new_keys);
  SuitePki p;
  p.root_key = keys[0];
  p.ca_key = keys[1];
  p.signer_key = keys[2];
  p.weak_key = keys[3];
  p.stranger_key = keys[4];
  p.authority_key = keys[5];
  // Decades of validity: the suite must not expire; time-dependent outcomes come from the
  // fixed verification time of the manifest (2026-11-20), never from today's date.
  const auto from = vn_time("2020-01-01"), until = vn_time("2070-01-01");
  p.root = issue({"hoadon Conformance TEST Root CA (no value outside the suite)", {}, from, until, true, -2, 1},
                 p.root_key, nullptr, p.root_key);
  p.ca = issue({"hoadon Conformance TEST Issuing CA (no value outside the suite)", {}, from, until, true, -2, 2},
               p.ca_key, &p.root, p.root_key);
  auto leaf = [&](const char* cn, const char* uid, const char* nb, const char* na, int usage, long serial,
                  const Key& key) {
    return issue({cn, {uid}, vn_time(nb), vn_time(na), false, usage, serial}, key, &p.ca, p.ca_key);
  };
  const char* seller = "MST:4800123456";
  p.signer = leaf("TEST Hợp tác xã Phia Oắc", seller, "2025-01-01", "2060-01-01", -2, 100, p.signer_key);
  p.expired = leaf("TEST Hợp tác xã Phia Oắc (expired)", seller, "2024-01-01", "2025-12-31", -2, 101, p.signer_key);
  p.not_yet_valid =
      leaf("TEST Hợp tác xã Phia Oắc (not yet valid)", seller, "2027-01-01", "2060-01-01", -2, 102, p.signer_key);
  p.revoked = leaf("TEST Hợp tác xã Phia Oắc (revoked)", seller, "2025-01-01", "2060-01-01", -2, 103, p.signer_key);
  p.no_signing = leaf("TEST Hợp tác xã Phia Oắc (encryption only)", seller, "2025-01-01", "2060-01-01",
                      KU_KEY_ENCIPHERMENT, 104, p.signer_key);
  p.weak = leaf("TEST Hợp tác xã Phia Oắc (RSA-1024)", seller, "2025-01-01", "2060-01-01", -2, 105, p.weak_key);
  p.other_mst = leaf("TEST Công ty Khác", "MST:0101243150", "2025-01-01", "2060-01-01", -2, 106, p.signer_key);
  p.buyer = leaf("TEST Công ty TNHH Thực phẩm Sạch Hà Nội", "MST:0108987656", "2025-01-01", "2060-01-01", -2, 107,
                 p.signer_key);
  p.authority = issue({"TEST CỤC THUẾ", {}, from, until, false, -2, 108}, p.authority_key, &p.ca, p.ca_key);
  p.stranger_root = issue({"TEST Stranger Root CA (configured nowhere)", {}, from, until, true, -2, 1}, p.stranger_key,
                          nullptr, p.stranger_key);
  p.stranger = issue(
      {"TEST Hợp tác xã Phia Oắc (stranger)", {seller}, vn_time("2025-01-01"), vn_time("2060-01-01"), false, -2, 7},
      p.signer_key, &p.stranger_root, p.stranger_key);
  p.forged = issue({"TEST Hợp tác xã Phia Oắc (forged issuer)",
                    {seller},
                    vn_time("2025-01-01"),
                    vn_time("2060-01-01"),
                    false,
                    -2,
                    109},
                   p.signer_key, &p.ca, p.stranger_key);
  p.crl = testing::pki::crl_pem(p.ca, p.ca_key, {{103, vn_time("2026-01-15")}}, vn_time("2026-01-16"), until) +
          testing::pki::crl_pem(p.root, p.root_key, {}, vn_time("2026-01-16"), until);
  return p;
}

void SuitePki::write(const std::filesystem::path& dir) const {
  write_file(dir / "root.pem", root.pem());
  write_file(dir / "intermediate.pem", ca.pem());
  write_file(dir / "crl.pem", crl);
  write_file(dir / "stranger-root.pem", stranger_root.pem());
  const std::pair<const char*, const Cert*> leaves[] = {
      {"signer", &signer},         {"expired", &expired},   {"not-yet-valid", &not_yet_valid}, {"revoked", &revoked},
      {"no-signing", &no_signing}, {"weak-1024", &weak},    {"other-mst", &other_mst},         {"buyer", &buyer},
      {"authority", &authority},   {"stranger", &stranger}, {"forged-issuer", &forged}};
  for (const auto& [name, cert] : leaves) write_file(dir / "certs" / (std::string(name) + ".pem"), cert->pem());
}

}  // namespace conformance
