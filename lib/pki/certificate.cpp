#include "pki/certificate.hpp"
#include "pki/der.hpp"

#include <fmt/format.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>

#include "pki/time.hpp"
#include "util/handle.hpp"
#include "util/text.hpp"

namespace hoadon::pki {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

std::string asn1_time_text(const ASN1_TIME* t) {
  const auto u = to_unix(t);
  return u ? format_utc(*u) : std::string();
}

}  // namespace

Certificate share(X509* x) noexcept {
  if (x) X509_up_ref(x);
  return Certificate(x);
}

std::string base64_der(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) clean += c;
  if (clean.empty() || clean.size() % 4 != 0 || clean.size() > (1u << 20)) return {};
  std::string der(clean.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(der.data()),
                                reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
  if (n < 0) return {};
  std::size_t len = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts the padding as data.
  for (std::size_t i = clean.size(); i > 0 && clean[i - 1] == '=' && len > 0; --i) --len;
  der.resize(len);
  return der;
}

Certificate parse_der(std::string_view der) {
  const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
  const unsigned char* p = begin;
  Certificate cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  // Trailing bytes after the certificate are not a certificate.
  if (cert && p != begin + der.size()) return nullptr;
  return cert;
}

Certificate decode_base64(std::string_view text) {
  const auto der = base64_der(text);
  return der.empty() ? nullptr : parse_der(der);
}

std::vector<Identifier> identifiers(const X509* cert) {
  std::vector<Identifier> out;
  const X509_NAME* name = X509_get_subject_name(cert);
  for (int i = -1; (i = X509_NAME_get_index_by_NID(name, NID_userId, i)) >= 0;) {
    const X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
    const auto text = utf8_text(X509_NAME_ENTRY_get_data(e));
    if (!text) continue;
    Identifier id;
    id.text = std::string(trim(*text));
    const auto colon = id.text.find(':');
    if (colon == std::string::npos) {
      id.value = id.text;
    } else {
      id.kind = upper(trim(std::string_view(id.text).substr(0, colon)));
      id.value = std::string(trim(std::string_view(id.text).substr(colon + 1)));
    }
    out.push_back(std::move(id));
  }
  return out;
}

const Identifier* identifier_among(const std::vector<Identifier>& ids, const std::vector<std::string>& values) {
  const auto it = std::find_if(ids.begin(), ids.end(), [&](const Identifier& i) {
    return std::find(values.begin(), values.end(), i.value) != values.end();
  });
  return it == ids.end() ? nullptr : &*it;
}

std::string name_text(const X509_NAME* name) {
  Owned<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
  if (!bio) return {};
  // RFC 2253/4514 order and escaping, UTF-8 kept as is (Vietnamese names).
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

CertificateInfo describe(const X509* cert) {
  CertificateInfo info;
  info.subject = name_text(X509_get_subject_name(cert));
  info.issuer = name_text(X509_get_issuer_name(cert));
  if (const Owned<BIGNUM, BN_free> bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)); bn) {
    if (const OpensslBuffer<char> hex(BN_bn2hex(bn.get())); hex) info.serial = hex.get();
  }
  info.not_before = asn1_time_text(X509_get0_notBefore(cert));
  info.not_after = asn1_time_text(X509_get0_notAfter(cert));
  if (const EVP_PKEY* key = X509_get0_pubkey(cert); key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA)
    info.key_bits = EVP_PKEY_get_bits(key);
  info.identifiers = identifiers(cert);
  return info;
}

bool allows_signing(X509* cert) noexcept {
  const std::uint32_t usage = X509_get_key_usage(cert);  // UINT32_MAX when the extension is absent
  return (usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

std::string fingerprint(const X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (X509_digest(cert, EVP_sha256(), md, &n) != 1) return {};
  return std::string(reinterpret_cast<char*>(md), n);
}

std::string fingerprint_hex(const X509* cert) {
  std::string out;
  for (const unsigned char c : fingerprint(cert)) out += fmt::format("{:02x}", c);
  return out;
}

}  // namespace hoadon::pki
