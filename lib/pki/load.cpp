#include "pki/load.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include "util/handle.hpp"

namespace hoadon::pki {
namespace {

Owned<BIO, BIO_free> memory_bio(std::string_view data) {
  return own<BIO_free>(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

void add_pkcs7(PKCS7* p7, Loaded& out) {
  if (!p7) return;
  STACK_OF(X509)* certs = nullptr;
  const int type = OBJ_obj2nid(p7->type);
  if (type == NID_pkcs7_signed && p7->d.sign) certs = p7->d.sign->cert;
  if (type == NID_pkcs7_signedAndEnveloped && p7->d.signed_and_enveloped) certs = p7->d.signed_and_enveloped->cert;
  for (int i = 0; certs && i < sk_X509_num(certs); ++i) out.certs.push_back(share(sk_X509_value(certs, i)));
  PKCS7_free(p7);
}

}  // namespace

Loaded load(std::string_view data) {
  Loaded out;
  if (data.find("-----BEGIN") != std::string_view::npos) {
    auto bio = memory_bio(data);
    if (STACK_OF(X509_INFO)* infos = PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr)) {
      for (int i = 0; i < sk_X509_INFO_num(infos); ++i) {
        X509_INFO* info = sk_X509_INFO_value(infos, i);
        if (info->x509) out.certs.push_back(share(info->x509));
        if (info->crl) {
          X509_CRL_up_ref(info->crl);
          out.crls.emplace_back(info->crl, FreeWith<X509_CRL_free>{});
        }
      }
      sk_X509_INFO_pop_free(infos, X509_INFO_free);
    }
    bio = memory_bio(data);
    while (EVP_PKEY* k = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr))
      out.keys.emplace_back(k, FreeWith<EVP_PKEY_free>{});
    bio = memory_bio(data);
    while (PKCS7* p7 = PEM_read_bio_PKCS7(bio.get(), nullptr, nullptr, nullptr)) add_pkcs7(p7, out);
  } else {
    const auto* begin = reinterpret_cast<const unsigned char*>(data.data());
    const long len = static_cast<long>(data.size());
    const unsigned char* p = begin;
    if (X509* x = d2i_X509(nullptr, &p, len)) {
      out.certs.emplace_back(x);
    } else if (p = begin; X509_CRL* c = d2i_X509_CRL(nullptr, &p, len)) {
      out.crls.emplace_back(c, FreeWith<X509_CRL_free>{});
    } else if (p = begin; EVP_PKEY* k = d2i_PUBKEY(nullptr, &p, len)) {
      out.keys.emplace_back(k, FreeWith<EVP_PKEY_free>{});
    } else if (p = begin; PKCS7* p7 = d2i_PKCS7(nullptr, &p, len)) {
      add_pkcs7(p7, out);
    }
  }
  ERR_clear_error();  // failed attempts leave errors on the thread's queue
  return out;
}

}  // namespace hoadon::pki
