#include "support/pki.hpp"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "dsig/sign.hpp"
#include "keys/key.hpp"
#include "model/index.hpp"
#include "pki/time.hpp"
#include "sign/draft.hpp"
#include "support/pki_engine.hpp"
#include "xml/document.hpp"

namespace testing::pki {
namespace {

std::int64_t at(const char* iso) { return *hoadon::pki::parse_time(iso); }

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

std::string bio_text(BIO* b) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(b, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(b);
  return out;
}

void add_ext(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext && X509_add_ext(cert, ext, -1) == 1, "extension");
  X509_EXTENSION_free(ext);
}

std::string usage_text(int bits) {
  std::string s = "critical";
  if (bits & KU_DIGITAL_SIGNATURE) s += ",digitalSignature";
  if (bits & KU_NON_REPUDIATION) s += ",nonRepudiation";
  if (bits & KU_KEY_ENCIPHERMENT) s += ",keyEncipherment";
  if (bits & KU_KEY_CERT_SIGN) s += ",keyCertSign";
  if (bits & KU_CRL_SIGN) s += ",cRLSign";
  return s;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string Cert::pem() const {
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(b, p.get());
  return bio_text(b);
}

std::string Cert::der() const {
  unsigned char* buf = nullptr;
  const int n = i2d_X509(p.get(), &buf);
  std::string out(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
  OPENSSL_free(buf);
  return out;
}

Key rsa(int bits) {
  EVP_PKEY* k = EVP_RSA_gen(static_cast<unsigned>(bits));
  check(k, "RSA key generation");
  return {std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)};
}

Cert issue(const CertSpec& spec, const Key& subject, const Cert* issuer, const Key& issuer_key) {
  X509* x = X509_new();
  check(x && X509_set_version(x, 2) == 1, "certificate");
  ASN1_INTEGER_set(X509_get_serialNumber(x), spec.serial);
  ASN1_TIME_set(X509_getm_notBefore(x), static_cast<time_t>(spec.not_before));
  ASN1_TIME_set(X509_getm_notAfter(x), static_cast<time_t>(spec.not_after));
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("VN"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.cn.c_str()), -1, -1,
                             0);
  for (const auto& [type, value] : spec.names)
    X509_NAME_add_entry_by_txt(name, type.c_str(), MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                               -1, -1, 0);
  for (const auto& uid : spec.uids)
    X509_NAME_add_entry_by_NID(name, NID_userId, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(uid.c_str()), -1,
                               -1, 0);
  X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer->get()) : name);
  X509_set_pubkey(x, subject.get());
  X509* signer = issuer ? issuer->get() : x;
  add_ext(x, signer, NID_basic_constraints, spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  add_ext(x, signer, NID_subject_key_identifier, "hash");
  if (issuer) add_ext(x, signer, NID_authority_key_identifier, "keyid:always");
  const int usage = spec.key_usage == -2
                        ? (spec.ca ? KU_KEY_CERT_SIGN | KU_CRL_SIGN : KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)
                        : spec.key_usage;
  if (usage >= 0) add_ext(x, signer, NID_key_usage, usage_text(usage).c_str());
  std::string access;
  for (const auto& url : spec.ocsp_urls) access += (access.empty() ? "OCSP;URI:" : ",OCSP;URI:") + url;
  if (!access.empty()) add_ext(x, signer, NID_info_access, access.c_str());
  std::string points;
  for (const auto& url : spec.crl_urls) points += (points.empty() ? "URI:" : ",URI:") + url;
  if (!points.empty()) add_ext(x, signer, NID_crl_distribution_points, points.c_str());
  if (spec.ocsp_signing) add_ext(x, signer, NID_ext_key_usage, "OCSPSigning");
  check(X509_sign(x, issuer_key.get(), EVP_sha256()) > 0, "certificate signature");
  return {std::shared_ptr<X509>(x, X509_free)};
}

std::string crl_der(const std::string& pem) {
  BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509_CRL* crl = PEM_read_bio_X509_CRL(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  check(crl, "CRL in PEM");
  unsigned char* der = nullptr;
  const int len = i2d_X509_CRL(crl, &der);
  X509_CRL_free(crl);
  check(len > 0, "CRL in DER");
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string crl_pem(const Cert& issuer, const Key& issuer_key,
                    const std::vector<std::pair<long, std::int64_t>>& revoked, std::int64_t this_update,
                    std::int64_t next_update) {
  X509_CRL* crl = X509_CRL_new();
  check(crl && X509_CRL_set_version(crl, 1) == 1, "CRL");
  X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.get()));
  ASN1_TIME* t = ASN1_TIME_set(nullptr, static_cast<time_t>(this_update));
  X509_CRL_set1_lastUpdate(crl, t);
  ASN1_TIME_set(t, static_cast<time_t>(next_update));
  X509_CRL_set1_nextUpdate(crl, t);
  ASN1_TIME_free(t);
  for (const auto& [serial, when] : revoked) {
    X509_REVOKED* r = X509_REVOKED_new();
    ASN1_INTEGER* s = ASN1_INTEGER_new();
    ASN1_INTEGER_set(s, serial);
    X509_REVOKED_set_serialNumber(r, s);
    ASN1_INTEGER_free(s);
    ASN1_TIME* w = ASN1_TIME_set(nullptr, static_cast<time_t>(when));
    X509_REVOKED_set_revocationDate(r, w);
    ASN1_TIME_free(w);
    X509_CRL_add0_revoked(crl, r);
  }
  X509_CRL_sort(crl);
  check(X509_CRL_sign(crl, issuer_key.get(), EVP_sha256()) > 0, "CRL signature");
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_X509_CRL(b, crl);
  X509_CRL_free(crl);
  return bio_text(b);
}

std::string key_pem(const Key& key, const std::string& password) {
  BIO* b = BIO_new(BIO_s_mem());
  check(PEM_write_bio_PKCS8PrivateKey(b, key.get(), password.empty() ? nullptr : EVP_aes_256_cbc(),
                                      password.empty() ? nullptr : password.c_str(), static_cast<int>(password.size()),
                                      nullptr, nullptr) == 1,
        "PEM key");
  return bio_text(b);
}

std::string pkcs12(const Key& key, const Cert& cert, const std::vector<Cert>& cas, const std::string& password) {
  STACK_OF(X509)* ca = sk_X509_new_null();
  for (const auto& c : cas) sk_X509_push(ca, c.get());
  PKCS12* p12 = PKCS12_create(password.c_str(), "signer", key.get(), cert.get(), ca, 0, 0, 0, 0, 0);
  sk_X509_free(ca);
  check(p12, "PKCS#12");
  unsigned char* der = nullptr;
  const int n = i2d_PKCS12(p12, &der);
  PKCS12_free(p12);
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

namespace {

// Key generation dominates the tests' time (each test case runs in its own process): the
// keys generated by the first process are kept in the build tree for the next ones.
std::vector<Key> world_keys() {
  const std::filesystem::path cache = std::filesystem::path(HOADON_TEST_PKI_CACHE) / "test-pki-keys.pem";
  const int bits[] = {2048, 2048, 2048, 1024, 2048};
  std::vector<Key> keys;
  const std::string pem = read(cache);
  BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  while (EVP_PKEY* k = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr))
    keys.push_back({std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)});
  BIO_free(in);
  if (keys.size() == std::size(bits)) return keys;
  keys.clear();
  BIO* out = BIO_new(BIO_s_mem());
  for (int b : bits) {
    keys.push_back(rsa(b));
    PEM_write_bio_PrivateKey(out, keys.back().get(), nullptr, nullptr, 0, nullptr, nullptr);
  }
  const std::string text = bio_text(out);
  const auto tmp = cache.string() + "." + std::to_string(::getpid());
  std::ofstream(tmp, std::ios::binary) << text;
  std::filesystem::rename(tmp, cache);  // atomic: concurrent test processes never read half a file
  return keys;
}

}  // namespace

const World& world() {
  static const World w = [] {
    World v;
    v.signing_time = at("2026-11-20T10:00:00");
    const auto keys = world_keys();
    v.root_key = keys[0];
    v.ca_key = keys[1];
    v.signer_key = keys[2];
    v.weak_key = keys[3];
    v.stranger_key = keys[4];
    const auto from = at("2020-01-01"), until = at("2040-01-01");
    v.root = issue({"hoadon Test Root CA", {}, from, until, true, -2, 1}, v.root_key, nullptr, v.root_key);
    v.ca = issue({"hoadon Test Issuing CA", {}, from, until, true, -2, 2}, v.ca_key, &v.root, v.root_key);
    auto leaf = [&](const char* cn, std::vector<std::string> uids, const char* nb, const char* na, int usage,
                    long serial, const Key& key) {
      return issue({cn, std::move(uids), at(nb), at(na), false, usage, serial}, key, &v.ca, v.ca_key);
    };
    const std::vector<std::string> seller = {"MST:4800123456"};
    v.signer = leaf("Hợp tác xã Phia Oắc", seller, "2025-01-01", "2028-01-01", -2, 100, v.signer_key);
    v.expired = leaf("Hợp tác xã Phia Oắc (2020)", seller, "2020-01-01", "2021-01-01", -2, 101, v.signer_key);
    v.not_yet_valid = leaf("Hợp tác xã Phia Oắc (2030)", seller, "2030-01-01", "2032-01-01", -2, 102, v.signer_key);
    v.revoked = leaf("Hợp tác xã Phia Oắc (revoked)", seller, "2025-01-01", "2028-01-01", -2, 103, v.signer_key);
    v.no_signing = leaf("Hợp tác xã Phia Oắc (encryption)", seller, "2025-01-01", "2028-01-01", KU_KEY_ENCIPHERMENT,
                        104, v.signer_key);
    v.weak = leaf("Hợp tác xã Phia Oắc (1024)", seller, "2025-01-01", "2028-01-01", -2, 105, v.weak_key);
    v.other_mst = leaf("Công ty Khác", {"MST:0101243150"}, "2025-01-01", "2028-01-01", -2, 106, v.signer_key);
    v.buyer = leaf("Công ty TNHH Thực phẩm Sạch Hà Nội", {"MST:0108987656"}, "2025-01-01", "2028-01-01", -2, 108,
                   v.signer_key);
    v.stranger_root =
        issue({"Stranger Root CA", {}, from, until, true, -2, 1}, v.stranger_key, nullptr, v.stranger_key);
    v.stranger = issue({"Hợp tác xã Phia Oắc (stranger)", seller, at("2025-01-01"), at("2028-01-01"), false, -2, 7},
                       v.signer_key, &v.stranger_root, v.stranger_key);
    // The issuing CA's CRL revokes one signer; the root's, empty, vouches for the issuing CA.
    v.crl = crl_pem(v.ca, v.ca_key, {{103, at("2026-01-15")}}, at("2026-11-01"), at("2026-12-31")) +
            crl_pem(v.root, v.root_key, {}, at("2026-11-01"), at("2026-12-31"));
    return v;
  }();
  return w;
}

std::string invoice_template() {
  std::string s = read(std::filesystem::path(HOADON_SOURCE_DIR) / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
  check(s.find("<DLHDon Id=\"data\">") != std::string::npos, "bundled invoice with DLHDon Id=\"data\"");
  return s;
}

std::unique_ptr<hoadon::keys::Key> key_of(const Key& key) {
  EVP_PKEY_up_ref(key.get());
  return hoadon::keys::evp_key(key.get());
}

std::vector<X509*> raw(const std::vector<Cert>& chain) {
  std::vector<X509*> out;
  for (const auto& c : chain) out.push_back(c.get());
  return out;
}

std::string sign(const std::string& invoice, const Key& key, const std::vector<Cert>& chain, const SignSpec& spec) {
  // The signing engine itself, without the product's refusals: test material includes
  // signatures verification must reject (expired certificates, other tax codes…).
  namespace dsig = hoadon::dsig;
  namespace sign = hoadon::sign;
  hoadon::Report report;
  const auto fail = [&](const char* what) {
    check(false, report.items().empty() ? what : report.items().back().message.c_str());
  };
  auto doc = hoadon::xml::parse(invoice, {}, report);
  if (!doc) fail("parse");
  const auto index = hoadon::model::build_index(*doc, report);
  const auto role = spec.slot == "NBan"   ? sign::SignerRole::Seller
                    : spec.slot == "NMua" ? sign::SignerRole::Buyer
                                          : sign::SignerRole::Taxpayer;
  const auto placement = sign::place(*doc, index, role, -1, report);
  if (!placement) fail("placement");
  sign::SignatureSpec s;
  s.method = spec.method;
  s.digest = spec.digest;
  s.signing_time = spec.signing_time ? spec.signing_time : world().signing_time;
  s.certificates = raw(chain);
  s.signature_id = spec.signature_id;
  s.object_id = spec.object_id;
  auto draft = sign::Draft::create(*doc, index, *placement, s, report);
  if (!draft || !draft->digest(report)) fail("signing");
  const auto& tbs = draft->to_be_signed();
  return draft->bytes(key_of(key)->sign_digest(tbs.hash, tbs.digest));
}

std::string signature_template(const TemplateSpec& spec) {
  std::string refs;
  for (const auto& r : spec.references) {
    refs += "<Reference URI=\"" + r.uri + "\">";
    if (!r.transforms.empty()) {
      refs += "<Transforms>";
      for (std::size_t i = 0; i < r.transforms.size(); ++i)
        refs += "<Transform Algorithm=\"" + r.transforms[i] + "\">" + (i + 1 == r.transforms.size() ? r.inner : "") +
                "</Transform>";
      refs += "</Transforms>";
    }
    refs += "<DigestMethod Algorithm=\"" + r.digest + "\"/><DigestValue/></Reference>";
  }
  std::string object;
  if (!spec.object_id.empty())
    object = "<Object Id=\"" + spec.object_id + "\"><SignatureProperties><SignatureProperty Target=\"#" + spec.id +
             "\"><SigningTime>" + hoadon::pki::format_vietnam(world().signing_time) +
             "</SigningTime></SignatureProperty></SignatureProperties></Object>";
  return "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"" + spec.id + "\"><SignedInfo>" +
         "<CanonicalizationMethod Algorithm=\"" + spec.c14n + "\"/><SignatureMethod Algorithm=\"" + spec.method +
         "\"/>" + refs + "</SignedInfo><SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>" +
         object + "</Signature>";
}

std::string sign_templates(const std::string& xml, const Key& key, const std::vector<Cert>& chain, bool permissive) {
  hoadon::Report report;
  std::string out = hoadon::dsig::sign_templates(xml, *key_of(key), raw(chain), report, permissive);
  check(!out.empty(), report.items().empty() ? "signing" : report.items().front().message.c_str());
  return out;
}

std::filesystem::path write_trust(const std::filesystem::path& dir) {
  const World& w = world();
  std::ofstream(dir / "anchors.pem") << w.root.pem();
  std::ofstream(dir / "ca.pem") << w.ca.pem();
  std::ofstream(dir / "crl.pem") << w.crl;
  return dir;
}

}  // namespace testing::pki
