// libFuzzer entry point: any bytes through the public API must give a document or a located
// rejection, a verification result and a signing result, never a crash, a hang or a leak (run
// under ASan/UBSan by ./dev fuzz). What hoadon signs must parse again and verify.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "hoadon/hoadon.h"

namespace {

// A throwaway key and self-signed certificate (UID MST:4800123456, valid 2000–2099), made once.
hoadon_signer* fuzz_signer() {
  static hoadon_signer* signer = [] {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    ASN1_TIME_set_string(X509_getm_notBefore(cert), "20000101000000Z");
    ASN1_TIME_set_string(X509_getm_notAfter(cert), "20991231000000Z");
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("fuzz"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "UID", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("MST:4800123456"), -1,
                               -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    X509_sign(cert, key, EVP_sha256());
    BIO* k = BIO_new(BIO_s_mem());
    BIO* c = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_X509(c, cert);
    char *kd = nullptr, *cd = nullptr;
    const long kn = BIO_get_mem_data(k, &kd), cn = BIO_get_mem_data(c, &cd);
    hoadon_signer* s = nullptr;
    if (hoadon_signer_from_pem(kd, static_cast<size_t>(kn), cd, static_cast<size_t>(cn), nullptr, &s) != HOADON_OK)
      std::abort();
    BIO_free(k);
    BIO_free(c);
    X509_free(cert);
    EVP_PKEY_free(key);
    return s;
  }();
  return signer;
}

// Signing in each role, forced past validation and tax codes so that placement and the digests
// meet every input: a signed output must parse and its new signature be intact; a prepared one
// must hold exactly the pending signature that a wrong value cannot complete.
void sign(hoadon_doc* doc) {
  hoadon_sign_options o;
  hoadon_sign_options_init(&o, sizeof o);
  o.force = 1;
  o.time = 1795140000;  // 2026-11-20
  for (hoadon_sign_role role : {HOADON_SIGN_ROLE_AUTO, HOADON_SIGN_ROLE_BUYER, HOADON_SIGN_ROLE_TAXPAYER}) {
    o.role = role;
    hoadon_sign_result* r = nullptr;
    const int rc = hoadon_doc_sign(doc, fuzz_signer(), &o, &r);
    if (!r) std::abort();
    if ((rc == HOADON_OK) != (hoadon_sign_result_ok(r) == 1)) std::abort();
    if (rc == HOADON_OK) {
      size_t len = 0;
      const void* bytes = hoadon_sign_result_bytes(r, &len);
      const std::string path = hoadon_sign_result_info(r)->path;
      hoadon_doc* out = nullptr;
      if (hoadon_doc_parse(bytes, len, nullptr, &out) != HOADON_OK) std::abort();
      hoadon_verify_options vo;
      hoadon_verify_options_init(&vo, sizeof vo);
      vo.integrity_only = 1;
      vo.check_tax_code = 0;
      hoadon_verify_result* v = nullptr;
      hoadon_doc_verify(out, nullptr, &vo, &v);
      bool found = false;
      for (size_t i = 0; i < hoadon_verify_result_count(v); ++i) {
        const hoadon_signature_result* s = hoadon_verify_result_get(v, i);
        if (path == s->path) found = s->intact == 1;
      }
      if (!found) std::abort();
      hoadon_verify_result_free(v);
      // The completion of a signature that is not pending is refused.
      hoadon_sign_result* c = nullptr;
      hoadon_doc_sign_complete(out, "x", 1, nullptr, &c);
      if (!c || hoadon_sign_result_ok(c)) std::abort();
      hoadon_sign_result_free(c);
      hoadon_doc_free(out);
    } else if (hoadon_report_count(hoadon_sign_result_report(r)) == 0) {
      std::abort();  // a refusal says why
    }
    hoadon_free(hoadon_sign_result_to_json(r, "fuzz"));
    hoadon_sign_result_free(r);
  }
}

// Every signature the document holds goes through reading, binding and xmlsec.
void verify(hoadon_doc* doc, hoadon_verify_profile profile, int integrity_only) {
  hoadon_verify_options options;
  hoadon_verify_options_init(&options, sizeof options);
  options.profile = profile;
  options.integrity_only = integrity_only;
  hoadon_verify_result* result = nullptr;
  hoadon_doc_verify(doc, nullptr, &options, &result);
  if (!result) std::abort();  // rejected documents too give a result
  const hoadon_report* report = hoadon_verify_result_report(result);
  if (!hoadon_verify_result_ok(result) && hoadon_report_count(report) == 0) std::abort();  // a failure says why
  hoadon_free(hoadon_verify_result_to_json(result, "fuzz"));
  hoadon_verify_result_free(result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hoadon_parse_options opts;
  hoadon_parse_options_init(&opts, sizeof opts);
  opts.max_bytes = 1 << 20;
  hoadon_doc* doc = nullptr;
  const int rc = hoadon_doc_parse(data, size, &opts, &doc);
  if (!doc) std::abort();  // only argument or memory errors may leave no handle
  const hoadon_report* parsed = hoadon_doc_report(doc);
  // A rejected document always says why.
  if (rc == HOADON_EREJECTED && hoadon_report_count(parsed) == 0) std::abort();
  hoadon_free(hoadon_doc_to_json(doc, "fuzz"));
  hoadon_free(hoadon_doc_to_text(doc, "fuzz", HOADON_LANG_BOTH));
  hoadon_validate_options vo;
  hoadon_validate_options_init(&vo, sizeof vo);
  for (int strict = 0; strict <= 1; ++strict) {
    vo.strict = strict;
    hoadon_report* report = nullptr;
    if (hoadon_doc_validate(doc, &vo, &report) != HOADON_OK) std::abort();
    hoadon_free(hoadon_report_to_json(report, "fuzz"));
    hoadon_report_free(report);
  }
  verify(doc, HOADON_VERIFY_PROFILE_INVOICE, 1);
  verify(doc, HOADON_VERIFY_PROFILE_XMLDSIG, 0);
  sign(doc);
  hoadon_doc_free(doc);
  return 0;
}
