/* A vendor's program embedding libhoadon: validate an invoice, sign it as the seller, verify the
 * signed invoice. Build it against an installed hoadon with either
 *   cc main.c $(pkg-config --cflags --libs hoadon) -o embed
 * or CMake (find_package(hoadon), see CMakeLists.txt), and run
 *   ./embed INVOICE.xml SELLER-KEY.pem SELLER-CERT.pem CA.pem SIGNED.xml
 * Exit status 0 when the invoice is valid, was signed, and its signature verifies. */
#include <hoadon/hoadon.h>
#include <stdio.h>

/* Prints a result's text (a char * from hoadon) and releases it. */
static void show(char *text) {
  fputs(text ? text : hoadon_last_error(), stdout);
  hoadon_free(text);
}

int main(int argc, char **argv) {
  hoadon_doc *doc = NULL, *signed_doc = NULL;
  hoadon_report *report = NULL;
  hoadon_signer *signer = NULL;
  hoadon_sign_result *signature = NULL;
  hoadon_trust *trust = NULL;
  hoadon_verify_result *verification = NULL;
  int ok = 0;
  if (argc != 6) {
    fprintf(stderr, "usage: %s INVOICE.xml KEY.pem CERT.pem CA.pem SIGNED.xml\n", argv[0]);
    return 2;
  }
  printf("libhoadon %s\n", hoadon_version());

  /* 1. Validate: the tax schemas and the business rules. */
  if (hoadon_doc_open(argv[1], NULL, &doc) != HOADON_OK && !doc) goto fail;
  if (hoadon_doc_validate(doc, NULL, &report) != HOADON_OK) goto fail;
  show(hoadon_report_to_text(report, argv[1], HOADON_LANG_EN));
  if (!hoadon_report_ok(report)) goto done;

  /* 2. Sign as the seller (DSCKS/NBan) with a PEM key and certificate; write atomically. */
  if (hoadon_signer_from_pem_files(argv[2], argv[3], NULL, &signer) != HOADON_OK) goto fail;
  if (hoadon_doc_sign(doc, signer, NULL, &signature) != HOADON_OK && !signature) goto fail;
  if (hoadon_sign_result_ok(signature) && hoadon_sign_result_write(signature, argv[5], 0) != HOADON_OK) goto fail;
  show(hoadon_sign_result_to_text(signature, argv[1], HOADON_LANG_EN));
  if (!hoadon_sign_result_ok(signature)) goto done;

  /* 3. Verify the signed invoice: integrity, binding to DLHDon, signer, chain to the CA. */
  if (hoadon_doc_open(argv[5], NULL, &signed_doc) != HOADON_OK) goto fail;
  if (hoadon_trust_new(&trust) != HOADON_OK || hoadon_trust_add_path(trust, HOADON_TRUST_ANCHOR, argv[4]) != HOADON_OK)
    goto fail;
  if (hoadon_doc_verify(signed_doc, trust, NULL, &verification) != HOADON_OK) goto fail;
  show(hoadon_verify_result_to_text(verification, argv[5], HOADON_LANG_EN));
  ok = hoadon_verify_result_ok(verification);
  goto done;

fail:
  fprintf(stderr, "%s\n", hoadon_last_error());
done:
  hoadon_verify_result_free(verification);
  hoadon_trust_free(trust);
  hoadon_doc_free(signed_doc);
  hoadon_sign_result_free(signature);
  hoadon_signer_free(signer);
  hoadon_report_free(report);
  hoadon_doc_free(doc);
  return ok ? 0 : 1;
}
