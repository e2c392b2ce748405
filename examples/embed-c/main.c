/* A minimal program embedding libhoadon: read an invoice, print its essentials and verdict.
 * Build it against an installed hoadon with either
 *   cc main.c $(pkg-config --cflags --libs hoadon) -o embed
 * or CMake (find_package(hoadon), see CMakeLists.txt). */
#include <hoadon/hoadon.h>
#include <stdio.h>

int main(int argc, char** argv) {
  hoadon_doc* doc = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s INVOICE.xml\n", argv[0]);
    return 2;
  }
  printf("libhoadon %s\n", hoadon_version());
  if (hoadon_doc_open(argv[1], NULL, &doc) != HOADON_OK) {
    char* text = doc ? hoadon_report_to_text(hoadon_doc_report(doc), argv[1], HOADON_LANG_BOTH) : NULL;
    fprintf(stderr, "%s", text ? text : hoadon_last_error());
    hoadon_free(text);
    hoadon_doc_free(doc);
    return 1;
  }
  printf("%s: %s %s no. %s, seller %s (MST %s), total %s\n", argv[1], hoadon_doc_kind(doc),
         hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SERIES), hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_NUMBER),
         hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SELLER_NAME),
         hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SELLER_TAX_CODE),
         hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_TOTAL));
  hoadon_doc_free(doc);
  return 0;
}
