/* The public C API, exercised from C99 as an accounting vendor would. */
#include <hoadon/hoadon.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static int streq(const char* a, const char* b) { return a && b && strcmp(a, b) == 0; }

static const char* const kInvoice =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<HDon><DLHDon Id=\"d1\"><TTChung><PBan>2.1.0</PBan><KHMSHDon>1</KHMSHDon><KHHDon>C25TAA</KHHDon>"
    "<SHDon>42</SHDon><NLap>2025-06-20</NLap><DVTTe>VND</DVTTe></TTChung><NDHDon>"
    "<NBan><Ten>Hợp tác xã Phia Oắc</Ten><MST>4800123456</MST></NBan>"
    "<NMua><Ten>Công ty A</Ten></NMua><DSHHDVu><HHDVu/><HHDVu/></DSHHDVu>"
    "<TToan><TgTCThue>100000</TgTCThue><TgTThue>8000</TgTThue><TgTTTBSo>108000.000000</TgTTTBSo></TToan>"
    "</NDHDon></DLHDon><MCCQT Id=\"m\">00ABCDEF0123456789ABCDEF0123456789</MCCQT><DSCKS><NBan>"
    "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"seller\"><SignedInfo>"
    "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
    "<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/></SignedInfo>"
    "<Object><SignatureProperties><SignatureProperty Target=\"#seller\"><SigningTime>2025-06-20T09:13:13"
    "</SigningTime></SignatureProperty></SignatureProperties></Object></Signature></NBan><NMua/></DSCKS></HDon>";

static void test_version(void) {
  CHECK(streq(hoadon_version(), HOADON_VERSION_STRING));
  CHECK(hoadon_version_number() == HOADON_VERSION_NUMBER);
  CHECK(HOADON_VERSION_NUMBER == HOADON_VERSION_MAJOR * 10000 + HOADON_VERSION_MINOR * 100 + HOADON_VERSION_PATCH);
}

/* Each HOADON_*_OPTIONS_INIT equals what its _init function writes; _init writes nothing past
 * the size it is given (an older caller's shorter struct) and zeros past its own (a newer
 * caller's longer struct). */
#define SAME_AS_INIT(type, init, macro)              \
  do {                                               \
    static const type expected = macro;              \
    type got;                                        \
    memset(&got, 0, sizeof got);                     \
    CHECK(init(&got, sizeof got) == HOADON_OK);      \
    CHECK(memcmp(&got, &expected, sizeof got) == 0); \
  } while (0)

static void test_options_init(void) {
  SAME_AS_INIT(hoadon_parse_options, hoadon_parse_options_init, HOADON_PARSE_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_validate_options, hoadon_validate_options_init, HOADON_VALIDATE_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_verify_options, hoadon_verify_options_init, HOADON_VERIFY_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_verdict_options, hoadon_verdict_options_init, HOADON_VERDICT_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_render_options, hoadon_render_options_init, HOADON_RENDER_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_words_options, hoadon_words_options_init, HOADON_WORDS_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_sign_options, hoadon_sign_options_init, HOADON_SIGN_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_build_options, hoadon_build_options_init, HOADON_BUILD_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_envelope_options, hoadon_envelope_options_init, HOADON_ENVELOPE_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_archive_options, hoadon_archive_options_init, HOADON_ARCHIVE_OPTIONS_INIT);
  SAME_AS_INIT(hoadon_envelope_options, hoadon_envelope_options_init, HOADON_ENVELOPE_OPTIONS_INIT);
  {
    /* A caller whose header ends before `online`: nothing of its memory past that is written. */
    unsigned char buffer[sizeof(hoadon_verify_options) + 16];
    const size_t known = offsetof(hoadon_verify_options, online);
    size_t i;
    memset(buffer, 0xab, sizeof buffer);
    CHECK(hoadon_verify_options_init((hoadon_verify_options*)(void*)buffer, known) == HOADON_OK);
    CHECK(((hoadon_verify_options*)(void*)buffer)->size == known);
    for (i = known; i < sizeof buffer; ++i) CHECK(buffer[i] == 0xab);
    /* A caller whose header is newer: the members this library does not know are zeroed. */
    memset(buffer, 0xab, sizeof buffer);
    CHECK(hoadon_verify_options_init((hoadon_verify_options*)(void*)buffer, sizeof buffer) == HOADON_OK);
    CHECK(((hoadon_verify_options*)(void*)buffer)->size == sizeof buffer);
    for (i = sizeof(hoadon_verify_options); i < sizeof buffer; ++i) CHECK(buffer[i] == 0);
  }
  {
    hoadon_parse_options o;
    CHECK(hoadon_parse_options_init(&o, 1) == HOADON_EINVAL);
    CHECK(hoadon_last_error()[0] != '\0');
    /* A success clears the last error. */
    CHECK(hoadon_parse_options_init(&o, sizeof o) == HOADON_OK);
    CHECK(strcmp(hoadon_last_error(), "") == 0);
  }
}

/* FIPS 180-2's examples: what sha256sum prints for "abc" and for no byte at all. */
static void test_sha256(void) {
  char hex[65];
  CHECK(hoadon_sha256_hex("abc", 3, hex) == HOADON_OK);
  CHECK(streq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  CHECK(hoadon_sha256_hex(NULL, 0, hex) == HOADON_OK);
  CHECK(streq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(hoadon_sha256_hex(NULL, 1, hex) == HOADON_EINVAL);
  CHECK(hoadon_sha256_hex("abc", 3, NULL) == HOADON_EINVAL);
}

static void test_parse_and_fields(void) {
  hoadon_doc* doc = NULL;
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) == HOADON_OK);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK(streq(hoadon_doc_kind(doc), "HDon"));
  CHECK(hoadon_doc_invoice_count(doc) == 1);
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_VERSION), "2.1.0"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SERIES), "C25TAA"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_NUMBER), "42"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SELLER_NAME), "Hợp tác xã Phia Oắc"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SELLER_TAX_CODE), "4800123456"));
  CHECK(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_BUYER_TAX_CODE) == NULL);
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_TOTAL), "108000.000000"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_TAX_AUTHORITY_CODE), "00ABCDEF0123456789ABCDEF0123456789"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_DATA_ID), "d1"));
  CHECK(streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_LINE_COUNT), "2"));
  /* Out of range and wrong-kind fields give NULL, not a crash. */
  CHECK(hoadon_doc_invoice_get(doc, 1, HOADON_FIELD_SERIES) == NULL);
  CHECK(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_MESSAGE_TYPE) == NULL);
  CHECK(hoadon_doc_invoice_get(doc, 0, (hoadon_field)999) == NULL);
  CHECK(hoadon_doc_get(doc, HOADON_FIELD_MESSAGE_TYPE) == NULL);
  CHECK(hoadon_doc_get(doc, HOADON_FIELD_SERIES) == NULL);

  CHECK(hoadon_doc_signature_count(doc) == 1);
  {
    const hoadon_signature_info* s = hoadon_doc_signature_get(doc, 0);
    CHECK(s != NULL);
    if (s) {
      CHECK(streq(s->slot, "NBan"));
      CHECK(s->invoice == 0);
      CHECK(streq(s->id, "seller"));
      CHECK(streq(s->algorithm, "rsa-sha1"));
      CHECK(streq(s->c14n, "c14n"));
      CHECK(streq(s->signing_time, "2025-06-20T09:13:13"));
      CHECK(streq(s->path, "/HDon/DSCKS/NBan/ds:Signature"));
    }
    CHECK(hoadon_doc_signature_get(doc, 1) == NULL);
  }
  {
    size_t len = 0;
    const void* bytes = hoadon_doc_bytes(doc, &len);
    CHECK(len == strlen(kInvoice));
    CHECK(bytes && memcmp(bytes, kInvoice, len) == 0);
  }
  {
    const hoadon_report* r = hoadon_doc_report(doc);
    CHECK(hoadon_report_ok(r) == 1);
    CHECK(hoadon_report_count(r) == 0);
    CHECK(hoadon_report_get(r, 0) == NULL);
  }
  {
    char* json = hoadon_doc_to_json(doc, "a.xml");
    CHECK(json && strstr(json, "\"file\":\"a.xml\",\"kind\":\"HDon\",\"ok\":true") == json + 1);
    CHECK(json && strstr(json, "\"series\":\"C25TAA\""));
    hoadon_free(json);
    char* text = hoadon_doc_to_text(doc, "a.xml", HOADON_LANG_VI);
    CHECK(text && strstr(text, "người bán: Hợp tác xã Phia Oắc (MST 4800123456)"));
    hoadon_free(text);
  }
  hoadon_doc_free(doc);
}

static void test_rejected(void) {
  static const char bomb[] = "<!DOCTYPE x [<!ENTITY e \"e\">]>\n<x>&e;</x>";
  hoadon_doc* doc = NULL;
  CHECK(hoadon_doc_parse(bomb, sizeof bomb - 1, NULL, &doc) == HOADON_EREJECTED);
  CHECK(doc != NULL);
  CHECK(strlen(hoadon_last_error()) > 0);
  if (!doc) return;
  CHECK(streq(hoadon_doc_kind(doc), "unknown"));
  CHECK(hoadon_doc_invoice_count(doc) == 0);
  {
    const hoadon_report* r = hoadon_doc_report(doc);
    const hoadon_diagnostic* d = hoadon_report_get(r, 0);
    CHECK(hoadon_report_ok(r) == 0);
    CHECK(hoadon_report_count(r) == 1);
    CHECK(d && streq(d->code, "XML-DOCTYPE"));
    CHECK(d && d->severity == HOADON_SEVERITY_ERROR);
    CHECK(d && d->line == 1);
    CHECK(d && strstr(d->message_vi, "DOCTYPE") != NULL);
    {
      char* json = hoadon_report_to_json(r, NULL);
      CHECK(json && strstr(json, "\"ok\":false") && strstr(json, "\"code\":\"XML-DOCTYPE\""));
      hoadon_free(json);
      json = hoadon_report_to_text(r, "bomb.xml", HOADON_LANG_EN);
      CHECK(json && strstr(json, "bomb.xml: error XML-DOCTYPE line 1"));
      hoadon_free(json);
    }
  }
  {
    size_t len = 99;
    CHECK(hoadon_doc_bytes(doc, &len) == NULL && len == 0);
  }
  hoadon_doc_free(doc);
}

static void test_options_and_files(void) {
  hoadon_parse_options o;
  hoadon_doc* doc = NULL;
  hoadon_parse_options_init(&o, sizeof o);
  CHECK(o.size == sizeof o);
  CHECK(o.max_bytes == 64u << 20);
  CHECK(o.max_depth == 256);
  o.max_bytes = 10;
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), &o, &doc) == HOADON_EREJECTED);
  CHECK(doc && streq(hoadon_report_get(hoadon_doc_report(doc), 0)->code, "XML-SIZE"));
  hoadon_doc_free(doc);

  /* An options struct from an "older header" that only knew `size`: defaults apply. */
  o.size = sizeof(size_t);
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), &o, &doc) == HOADON_OK);
  hoadon_doc_free(doc);

  CHECK(hoadon_doc_open("/nonexistent/dir/x.xml", NULL, &doc) == HOADON_EIO);
  CHECK(doc && streq(hoadon_report_get(hoadon_doc_report(doc), 0)->code, "IO-READ"));
  CHECK(strstr(hoadon_last_error(), "/nonexistent/dir/x.xml") != NULL);
  hoadon_doc_free(doc);

  CHECK(hoadon_doc_open(HOADON_SOURCE_DIR "/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml", NULL, &doc) == HOADON_OK);
  CHECK(doc && streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_TOTAL), "51570000"));
  hoadon_doc_free(doc);
}

static void test_invalid_arguments(void) {
  hoadon_doc* doc = (hoadon_doc*)&doc; /* must be reset to NULL */
  CHECK(hoadon_doc_parse(NULL, 5, NULL, &doc) == HOADON_EINVAL);
  CHECK(doc == NULL);
  CHECK(hoadon_doc_parse("x", 1, NULL, NULL) == HOADON_EINVAL);
  CHECK(hoadon_doc_open(NULL, NULL, &doc) == HOADON_EINVAL);
  CHECK(strlen(hoadon_last_error()) > 0);
  /* An empty input is a rejected document, not an argument error. */
  CHECK(hoadon_doc_parse(NULL, 0, NULL, &doc) == HOADON_EREJECTED);
  CHECK(doc && streq(hoadon_report_get(hoadon_doc_report(doc), 0)->code, "XML-EMPTY"));
  hoadon_doc_free(doc);
  /* NULL is accepted wherever something is freed, and by read-only accessors. */
  hoadon_doc_free(NULL);
  hoadon_report_free(NULL);
  hoadon_free(NULL);
  CHECK(hoadon_doc_kind(NULL) == NULL);
  CHECK(hoadon_doc_invoice_count(NULL) == 0);
  CHECK(hoadon_report_count(NULL) == 0);
  CHECK(hoadon_report_ok(NULL) == 0);
  CHECK(hoadon_doc_to_json(NULL, "x") == NULL);
  CHECK(streq(hoadon_strerror(HOADON_EREJECTED), "input rejected"));
}

static void test_catalogue(void) {
  size_t i, n = hoadon_code_count();
  const hoadon_code_info* c;
  CHECK(n >= 10);
  for (i = 0; i < n; ++i) {
    c = hoadon_code_get(i);
    CHECK(c && c->code && c->title && c->title_vi && c->area);
    CHECK(c && strncmp(c->code, c->area, strlen(c->area)) == 0);
    CHECK(c && hoadon_code_find(c->code) == c);
  }
  CHECK(hoadon_code_get(n) == NULL);
  c = hoadon_code_find("XML-DOCTYPE");
  CHECK(c && c->severity == HOADON_SEVERITY_ERROR && streq(c->area, "XML"));
  CHECK(hoadon_code_find("NOPE") == NULL);
  CHECK(hoadon_code_find(NULL) == NULL);
}

/* Distinct handles on distinct threads. */
static void* worker(void* arg) {
  int i, *bad = (int*)arg;
  for (i = 0; i < 200; ++i) {
    hoadon_doc* doc = NULL;
    if (hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) != HOADON_OK ||
        !streq(hoadon_doc_invoice_get(doc, 0, HOADON_FIELD_SERIES), "C25TAA"))
      ++*bad;
    hoadon_doc_free(doc);
    if (hoadon_doc_parse("<x>", 3, NULL, &doc) != HOADON_EREJECTED) ++*bad;
    hoadon_doc_free(doc);
  }
  return NULL;
}

/* Whether the report holds a diagnostic with this code. */
static int has_code(const hoadon_report* r, const char* code) {
  size_t i;
  for (i = 0; i < hoadon_report_count(r); ++i)
    if (streq(hoadon_report_get(r, i)->code, code)) return 1;
  return 0;
}

static void test_validate_rules(void) {
  hoadon_doc* doc = NULL;
  hoadon_report* report = NULL;
  hoadon_rule_profile* profile = NULL;
  hoadon_validate_options o;
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) == HOADON_OK);
  /* kInvoice is too small for the schemas: the business rules alone here. */
  hoadon_validate_options_init(&o, sizeof o);
  o.skip_schema = 1;
  /* Coded (it has an MCCQT) but without the tax authority's signature. */
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_OK);
  CHECK(hoadon_report_ok(report) == 0);
  CHECK(has_code(report, "SIG-CQT-MISSING"));
  CHECK(hoadon_code_find("SIG-CQT-MISSING")->severity == HOADON_SEVERITY_ERROR);
  hoadon_report_free(report);

  /* A profile that lets it pass, and one that silences it. */
  CHECK(hoadon_rule_profile_new(&profile) == HOADON_OK);
  CHECK(hoadon_rule_profile_set(profile, "SIG-CQT-MISSING", HOADON_SEVERITY_WARNING) == HOADON_OK);
  CHECK(hoadon_rule_profile_set(profile, "NO-SUCH-CODE", HOADON_SEVERITY_WARNING) == HOADON_ENOTFOUND);
  CHECK(hoadon_rule_profile_set(profile, "MST-BUYER", 3) == HOADON_EINVAL);
  o.profile = profile;
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_OK);
  CHECK(hoadon_report_ok(report) == 1);
  CHECK(hoadon_report_count(report) == 1 && hoadon_report_get(report, 0)->severity == HOADON_SEVERITY_WARNING);
  hoadon_report_free(report);
  CHECK(hoadon_rule_profile_set(profile, "SIG-CQT-MISSING", HOADON_RULE_OFF) == HOADON_OK);
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_OK);
  CHECK(hoadon_report_count(report) == 0);
  hoadon_report_free(report);

  /* The stage: as a draft nothing is required of it. */
  o.profile = NULL;
  o.stage = HOADON_STAGE_DRAFT;
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_OK);
  CHECK(hoadon_report_count(report) == 0);
  hoadon_report_free(report);
  o.stage = (hoadon_stage)7;
  CHECK(hoadon_validate_options_check(&o) == HOADON_EINVAL);
  CHECK(strstr(hoadon_last_error(), "unknown stage 7") != NULL);
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_EINVAL && report == NULL);
  /* A binary built before `stage` existed passes a smaller struct: the member is not read. */
  o.size = offsetof(hoadon_validate_options, stage);
  CHECK(hoadon_validate_options_check(&o) == HOADON_OK);
  o.size = sizeof o;
  o.stage = HOADON_STAGE_AUTO;

  /* "Now" before the issue date 2025-06-20 (Unix seconds). */
  o.now = 1750000000; /* 2025-06-15 */
  CHECK(hoadon_doc_validate(doc, &o, &report) == HOADON_OK);
  CHECK(has_code(report, "INV-DATE-FUTURE"));
  hoadon_report_free(report);
  o.now = 0;
  o.tolerance = "-1";
  CHECK(hoadon_validate_options_check(&o) == HOADON_EINVAL);
  o.tolerance = "0.5";
  CHECK(hoadon_validate_options_check(&o) == HOADON_OK);
  hoadon_rule_profile_free(profile);
  hoadon_doc_free(doc);

  /* The bundled demo invoice: no diagnostic at all. */
  CHECK(hoadon_doc_open(HOADON_SOURCE_DIR "/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml", NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_validate(doc, NULL, &report) == HOADON_OK);
  CHECK(hoadon_report_count(report) == 0);
  hoadon_report_free(report);
  hoadon_doc_free(doc);
}

static void test_words(void) {
  hoadon_words_options o;
  char* w = hoadon_amount_in_words("1000005", "VND", NULL);
  CHECK(streq(w, "Một triệu không trăm linh năm đồng"));
  hoadon_free(w);
  w = hoadon_amount_in_words("51570000", NULL, NULL); /* VND by default */
  CHECK(streq(w, "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng"));
  hoadon_free(w);
  w = hoadon_amount_in_words("-12.50", "usd", NULL);
  CHECK(streq(w, "Âm mười hai phẩy năm đô la Mỹ"));
  hoadon_free(w);

  hoadon_words_options_init(&o, sizeof o);
  CHECK(o.size == sizeof o && o.decimals == -1 && o.flags == 0 && o.unit == NULL);
  o.flags = HOADON_WORDS_LOWERCASE | HOADON_WORDS_LE | HOADON_WORDS_NGAN | HOADON_WORDS_TU;
  o.unit = "đồng chẵn";
  w = hoadon_amount_in_words("24105", "VND", &o);
  CHECK(streq(w, "hai mươi tư ngàn một trăm lẻ năm đồng chẵn"));
  hoadon_free(w);
  hoadon_words_options_init(&o, sizeof o);
  o.flags = HOADON_WORDS_MINOR_UNIT;
  w = hoadon_amount_in_words("1234.5", "USD", &o);
  CHECK(streq(w, "Một nghìn hai trăm ba mươi bốn đô la Mỹ và năm mươi xu"));
  hoadon_free(w);
  hoadon_words_options_init(&o, sizeof o);
  o.decimals = 0;
  o.unit = "";
  w = hoadon_amount_in_words("99.5", "VND", &o); /* rounds half away from zero */
  CHECK(streq(w, "Một trăm"));
  hoadon_free(w);
  /* A struct from an older header: only `size` and `flags`. */
  hoadon_words_options_init(&o, sizeof o);
  o.unit = "ignored";
  o.size = offsetof(hoadon_words_options, unit);
  w = hoadon_amount_in_words("5", "VND", &o);
  CHECK(streq(w, "Năm đồng"));
  hoadon_free(w);

  CHECK(hoadon_amount_in_words("1,000", "VND", NULL) == NULL);
  CHECK(strstr(hoadon_last_error(), "not a decimal number") != NULL);
  CHECK(hoadon_amount_in_words("1", "ĐỒNG", NULL) == NULL);
  CHECK(strstr(hoadon_last_error(), "ISO 4217") != NULL);
  CHECK(hoadon_amount_in_words(NULL, "VND", NULL) == NULL);
  hoadon_words_options_init(&o, sizeof o);
  o.decimals = 7;
  CHECK(hoadon_amount_in_words("1", "VND", &o) == NULL);
  CHECK(hoadon_words_options_init(NULL, sizeof o) == HOADON_EINVAL);
}

static void test_threads(void) {
  pthread_t t[4];
  int bad[4] = {0, 0, 0, 0};
  int i;
  for (i = 0; i < 4; ++i) pthread_create(&t[i], NULL, worker, &bad[i]);
  for (i = 0; i < 4; ++i) {
    pthread_join(t[i], NULL);
    CHECK(bad[i] == 0);
  }
}

static char* read_all(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* buf = NULL;
  long n;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (char*)malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
      buf[n] = 0;
      *len = (size_t)n;
    } else {
      free(buf);
      buf = NULL;
    }
  }
  fclose(f);
  return buf;
}

static const hoadon_diagnostic* first_code(const hoadon_report* r, const char* code) {
  size_t i;
  for (i = 0; i < hoadon_report_count(r); ++i)
    if (streq(hoadon_report_get(r, i)->code, code)) return hoadon_report_get(r, i);
  return NULL;
}

#define SAMPLES HOADON_SOURCE_DIR "/lib/schema/samples/"

static void test_validate(void) {
  hoadon_doc* doc = NULL;
  hoadon_report* r = NULL;
  hoadon_validate_options o;
  const hoadon_diagnostic* d;
  hoadon_validate_options_init(&o, sizeof o);
  o.skip_rules = 1;

  CHECK(hoadon_doc_open(SAMPLES "invalid/dev-line-TThue-Viettel.xml", NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_validate(doc, &o, &r) == HOADON_OK);
  CHECK(hoadon_report_ok(r) == 1); /* default: a tolerated vendor element is a warning */
  d = first_code(r, "SCHEMA-DEV-EXTRA");
  CHECK(d && d->severity == HOADON_SEVERITY_WARNING);
  CHECK(d && streq(d->path, "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TThue"));
  hoadon_report_free(r);
  o.strict = 1;
  CHECK(hoadon_doc_validate(doc, &o, &r) == HOADON_OK);
  CHECK(hoadon_report_ok(r) == 0);
  d = first_code(r, "SCHEMA-UNEXPECTED");
  CHECK(d && d->line == 35 && strstr(d->message_vi, "HHDVu/TThue (Tiền thuế GTGT)") == d->message_vi);
  hoadon_report_free(r);
  hoadon_doc_free(doc);

  /* The version override, and an unknown version. */
  hoadon_validate_options_init(&o, sizeof o);
  o.skip_rules = 1;
  CHECK(hoadon_doc_open(SAMPLES "valid/2.1.0/hdon-1-min.xml", NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_validate(doc, &o, &r) == HOADON_OK);
  CHECK(hoadon_report_ok(r) == 1 && hoadon_report_count(r) == 0);
  hoadon_report_free(r);
  o.version = "2.0.1";
  CHECK(hoadon_doc_validate(doc, &o, &r) == HOADON_OK);
  CHECK(hoadon_report_ok(r) == 0);
  hoadon_report_free(r);
  o.version = "1.0.0";
  CHECK(hoadon_doc_validate(doc, &o, &r) == HOADON_EINVAL);
  CHECK(r == NULL);
  hoadon_doc_free(doc);
}

static void test_schemas(void) {
  size_t i, n = hoadon_schema_count(), len = 0, flen = 0;
  const char* text;
  char* file;
  CHECK(n == 89);
  for (i = 0; i < n; ++i) {
    CHECK(hoadon_schema_name(i) != NULL);
    CHECK(hoadon_schema_text(hoadon_schema_name(i), NULL) != NULL);
  }
  CHECK(hoadon_schema_name(n) == NULL);
  text = hoadon_schema_text("dsig-strict.xsd", &len);
  file = read_all(HOADON_SOURCE_DIR "/lib/schema/xsd/dsig-strict.xsd", &flen);
  CHECK(text && file && len == flen && memcmp(text, file, len) == 0 && text[len] == 0);
  free(file);
  CHECK(hoadon_schema_text("required.tsv", &len) == NULL && len == 0); /* only the .xsd files */
  CHECK(strstr(hoadon_last_error(), "required.tsv") != NULL);
  CHECK(hoadon_schema_text(NULL, NULL) == NULL);
}

/* Validation from several threads at once, each with its own document. */
static void* validate_worker(void* arg) {
  int i, *bad = (int*)arg;
  for (i = 0; i < 20; ++i) {
    hoadon_doc* doc = NULL;
    hoadon_report* r = NULL;
    hoadon_validate_options o;
    hoadon_validate_options_init(&o, sizeof o);
    o.strict = i % 2;
    o.skip_rules = 1;
    if (hoadon_doc_open(SAMPLES "invalid/bad-TGia-3-decimals.xml", NULL, &doc) != HOADON_OK ||
        hoadon_doc_validate(doc, &o, &r) != HOADON_OK || !first_code(r, "SCHEMA-DECIMALS"))
      ++*bad;
    hoadon_report_free(r);
    hoadon_doc_free(doc);
  }
  return NULL;
}

static void test_validate_threads(void) {
  pthread_t t[4];
  int bad[4] = {0, 0, 0, 0};
  int i;
  for (i = 0; i < 4; ++i) pthread_create(&t[i], NULL, validate_worker, &bad[i]);
  for (i = 0; i < 4; ++i) {
    pthread_join(t[i], NULL);
    CHECK(bad[i] == 0);
  }
}

/* ---- Signature verification ---------------------------------------------------------- */

/* ../shared (or $HOADON_SHARED_DIR) + relative path, when that file exists; else NULL. */
static const char* shared_file(const char* relative, char* buf, size_t size) {
  const char* base = getenv("HOADON_SHARED_DIR");
  FILE* f;
  if (!base || !*base) base = HOADON_DEFAULT_SHARED_DIR;
  snprintf(buf, size, "%s/%s", base, relative);
  f = fopen(buf, "rb");
  if (!f) return NULL;
  fclose(f);
  return buf;
}

static void test_verify_options_and_time(void) {
  hoadon_verify_options o;
  long long t = 0;
  hoadon_verify_options_init(&o, sizeof o);
  CHECK(o.size == sizeof o);
  CHECK(o.policy == HOADON_POLICY_DEFAULT);
  CHECK(o.time == 0);
  CHECK(o.integrity_only == 0);
  CHECK(o.profile == HOADON_VERIFY_PROFILE_INVOICE);
  CHECK(o.check_tax_code == 1);
  CHECK(hoadon_time_parse("2021-11-05T14:48:47", &t) == HOADON_OK && t == 1636098527);
  CHECK(hoadon_time_parse("2021-11-05T07:48:47Z", &t) == HOADON_OK && t == 1636098527);
  CHECK(hoadon_time_parse("1775001600", &t) == HOADON_OK && t == 1775001600);
  CHECK(hoadon_time_parse("now", &t) == HOADON_OK && t > 1775001600);
  CHECK(hoadon_time_parse("yesterday", &t) == HOADON_EINVAL);
  CHECK(hoadon_time_parse(NULL, &t) == HOADON_EINVAL);
}

static void test_trust_handle(void) {
  hoadon_trust* trust = NULL;
  CHECK(hoadon_trust_new(NULL) == HOADON_EINVAL);
  CHECK(hoadon_trust_new(&trust) == HOADON_OK && trust);
  CHECK(hoadon_trust_count(trust, HOADON_TRUST_ANCHOR) == 0);
  CHECK(hoadon_trust_add_path(trust, HOADON_TRUST_ANCHOR, "/nonexistent/anchors.pem") == HOADON_EIO);
  CHECK(strstr(hoadon_last_error(), "/nonexistent/anchors.pem") != NULL);
  CHECK(hoadon_trust_add_memory(trust, HOADON_TRUST_CRL, "garbage", 7) == HOADON_ENOTFOUND);
  CHECK(hoadon_trust_add_memory(trust, (hoadon_trust_kind)9, "x", 1) == HOADON_EINVAL);
  CHECK(hoadon_trust_add_path(NULL, HOADON_TRUST_ANCHOR, "x") == HOADON_EINVAL);
  CHECK(hoadon_trust_count(NULL, HOADON_TRUST_ANCHOR) == 0);
  hoadon_trust_free(trust);
  hoadon_trust_free(NULL);
}

static void test_verify_in_memory(void) {
  hoadon_doc* doc = NULL;
  hoadon_verify_result* r = NULL;
  const hoadon_signature_result* s;
  char* json;
  /* kInvoice's signature has no reference: it is read, refused, and says why. */
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_verify(NULL, NULL, NULL, &r) == HOADON_EINVAL && r == NULL);
  CHECK(hoadon_doc_verify(doc, NULL, NULL, NULL) == HOADON_EINVAL);
  CHECK(hoadon_doc_verify(doc, NULL, NULL, &r) == HOADON_OK);
  CHECK(r != NULL);
  if (r) {
    CHECK(hoadon_verify_result_ok(r) == 0);
    CHECK(hoadon_verify_result_count(r) == 1);
    s = hoadon_verify_result_get(r, 0);
    CHECK(s != NULL);
    if (s) {
      CHECK(streq(s->slot, "NBan"));
      CHECK(s->invoice == 0);
      CHECK(streq(s->path, "/HDon/DSCKS/NBan/ds:Signature"));
      CHECK(s->outcome == HOADON_OUTCOME_INVALID);
      CHECK(streq(s->outcome_name, "invalid"));
      CHECK(s->intact == 0);
      CHECK(streq(s->reason, "malformed"));
      CHECK(streq(s->algorithm, "rsa-sha1"));
      CHECK(streq(s->signing_time, "2025-06-20T09:13:13"));
      CHECK(streq(s->signer_subject, ""));
      CHECK(s->covers_count == 0 && hoadon_signature_result_cover(s, 0) == NULL);
      CHECK(hoadon_signature_result_warning(s, s->warnings_count) == NULL);
    }
    CHECK(hoadon_verify_result_get(r, 1) == NULL);
    CHECK(hoadon_report_ok(hoadon_verify_result_report(r)) == 0);
    json = hoadon_verify_result_to_json(r, "a.xml");
    CHECK(json && strstr(json, "{\"file\":\"a.xml\",\"kind\":\"HDon\",\"ok\":false") == json);
    CHECK(json && strstr(json, "\"outcome\":\"invalid\",\"integrity\":\"broken\",\"reason\":\"malformed\""));
    CHECK(json && strstr(json, "\"code\":\"DSIG-STRUCTURE\""));
    hoadon_free(json);
    json = hoadon_verify_result_to_text(r, "a.xml", HOADON_LANG_EN);
    CHECK(json && strstr(json, "a.xml: signature NBan: invalid (broken) — malformed"));
    hoadon_free(json);
  }
  hoadon_verify_result_free(r);
  hoadon_doc_free(doc);

  /* A rejected document still gives a result, holding why. */
  CHECK(hoadon_doc_parse("<x>", 3, NULL, &doc) == HOADON_EREJECTED);
  CHECK(hoadon_doc_verify(doc, NULL, NULL, &r) == HOADON_EREJECTED);
  CHECK(r && hoadon_verify_result_ok(r) == 0 && hoadon_verify_result_count(r) == 0);
  CHECK(r && streq(hoadon_report_get(hoadon_verify_result_report(r), 0)->code, "XML-MALFORMED"));
  hoadon_verify_result_free(r);
  hoadon_doc_free(doc);
  hoadon_verify_result_free(NULL);
  CHECK(hoadon_verify_result_count(NULL) == 0 && hoadon_verify_result_ok(NULL) == 0);
}

static void test_verify_real_sample(void) {
  char path[1024];
  hoadon_doc* doc = NULL;
  hoadon_verify_result* r = NULL;
  hoadon_verify_options o;
  const hoadon_signature_result* s;
  if (!shared_file("vn-invoice-samples/120.xml", path, sizeof path)) {
    printf("skipped: ../shared/vn-invoice-samples is absent\n");
    return;
  }
  hoadon_verify_options_init(&o, sizeof o);
  o.integrity_only = 1;
  CHECK(hoadon_doc_open(path, NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_verify(doc, NULL, &o, &r) == HOADON_OK);
  CHECK(hoadon_verify_result_ok(r) == 1);
  s = hoadon_verify_result_get(r, 0);
  CHECK(s != NULL);
  if (s) {
    CHECK(s->intact == 1);
    CHECK(s->outcome == HOADON_OUTCOME_INDETERMINATE);
    CHECK(streq(s->reason, "trust-not-checked"));
    CHECK(streq(s->signer_tax_code, "0103930279-999"));
    CHECK(strlen(s->signer_serial) > 0 && strlen(s->signer_not_after) == 20);
    CHECK(s->covers_count == 2);
    CHECK(streq(hoadon_signature_result_cover(s, 0), "/HDon/DLHDon"));
  }
  hoadon_verify_result_free(r);
  /* Without integrity_only and without trust: indeterminate, not ok. */
  CHECK(hoadon_doc_verify(doc, NULL, NULL, &r) == HOADON_OK);
  CHECK(hoadon_verify_result_ok(r) == 0);
  CHECK(streq(hoadon_verify_result_get(r, 0)->reason, "untrusted"));
  hoadon_verify_result_free(r);
  hoadon_doc_free(doc);
}

/* One trust handle shared by threads verifying a public interop vector. */
struct vector_job {
  const hoadon_trust* trust;
  const char* path;
  int bad;
};

static void* verify_vector(void* arg) {
  struct vector_job* job = (struct vector_job*)arg;
  hoadon_verify_options o;
  int i;
  hoadon_verify_options_init(&o, sizeof o);
  o.profile = HOADON_VERIFY_PROFILE_XMLDSIG;
  for (i = 0; i < 20; ++i) {
    hoadon_doc* doc = NULL;
    hoadon_verify_result* r = NULL;
    if (hoadon_doc_open(job->path, NULL, &doc) != HOADON_OK ||
        hoadon_doc_verify(doc, job->trust, &o, &r) != HOADON_OK || !hoadon_verify_result_ok(r) ||
        hoadon_verify_result_get(r, 0)->outcome != HOADON_OUTCOME_VALID)
      ++job->bad;
    hoadon_verify_result_free(r);
    hoadon_doc_free(doc);
  }
  return NULL;
}

static void test_verify_shared_trust(void) {
  char anchor[1024], vector[1024];
  hoadon_trust* trust = NULL;
  pthread_t t[4];
  struct vector_job jobs[4];
  int i;
  if (!shared_file("xmldsig-vectors/keys/cacert.pem", anchor, sizeof anchor) ||
      !shared_file("xmldsig-vectors/aleksey-xmldsig-01/enveloping-sha256-rsa-sha256.xml", vector, sizeof vector)) {
    printf("skipped: ../shared/xmldsig-vectors is absent\n");
    return;
  }
  CHECK(hoadon_trust_new(&trust) == HOADON_OK);
  CHECK(hoadon_trust_add_path(trust, HOADON_TRUST_ANCHOR, anchor) == HOADON_OK);
  CHECK(hoadon_trust_count(trust, HOADON_TRUST_ANCHOR) == 1);
  for (i = 0; i < 4; ++i) {
    jobs[i].trust = trust;
    jobs[i].path = vector;
    jobs[i].bad = 0;
    pthread_create(&t[i], NULL, verify_vector, &jobs[i]);
  }
  for (i = 0; i < 4; ++i) {
    pthread_join(t[i], NULL);
    CHECK(jobs[i].bad == 0);
  }
  hoadon_trust_free(trust);
}

/* ---- Signing ---- */

static const char* g_material = NULL; /* the test PKI's folder (argv[1]), written by hoadon_test_material */

static const char* material(const char* name, char* buf, size_t size) {
  snprintf(buf, size, "%s/%s", g_material, name);
  return buf;
}

static hoadon_doc* open_bundled(void) {
  hoadon_doc* doc = NULL;
  CHECK(hoadon_doc_open(HOADON_SOURCE_DIR "/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml", NULL, &doc) == HOADON_OK);
  return doc;
}

/* The test world's trust: its root as anchor, its issuing CA, its CRLs. */
static hoadon_trust* world_trust(void) {
  char buf[1024];
  hoadon_trust* trust = NULL;
  CHECK(hoadon_trust_new(&trust) == HOADON_OK);
  CHECK(hoadon_trust_add_path(trust, HOADON_TRUST_ANCHOR, material("anchors.pem", buf, sizeof buf)) == HOADON_OK);
  CHECK(hoadon_trust_add_path(trust, HOADON_TRUST_INTERMEDIATE, material("ca.pem", buf, sizeof buf)) == HOADON_OK);
  CHECK(hoadon_trust_add_path(trust, HOADON_TRUST_CRL, material("crl.pem", buf, sizeof buf)) == HOADON_OK);
  return trust;
}

/* Parses `bytes` and verifies them with the world's trust: the number of valid signatures, or -1
 * when the document does not pass. */
static int valid_signatures(const void* bytes, size_t len) {
  hoadon_doc* doc = NULL;
  hoadon_verify_result* r = NULL;
  hoadon_trust* trust = world_trust();
  int n = -1;
  size_t i;
  if (hoadon_doc_parse(bytes, len, NULL, &doc) == HOADON_OK && hoadon_doc_verify(doc, trust, NULL, &r) == HOADON_OK &&
      hoadon_verify_result_ok(r)) {
    n = 0;
    for (i = 0; i < hoadon_verify_result_count(r); ++i)
      if (hoadon_verify_result_get(r, i)->outcome == HOADON_OUTCOME_VALID) ++n;
  }
  hoadon_verify_result_free(r);
  hoadon_doc_free(doc);
  hoadon_trust_free(trust);
  return n;
}

static void sign_options(hoadon_sign_options* o) {
  CHECK(hoadon_sign_options_init(o, sizeof *o) == HOADON_OK);
  CHECK(o->size == sizeof *o && o->role == HOADON_SIGN_ROLE_AUTO && o->invoice == -1 && o->time == 0);
  CHECK(hoadon_time_parse("2026-11-20T10:00:00", &o->time) == HOADON_OK);
}

static void test_signers(void) {
  char key[1024], cert[1024], p12[1024];
  hoadon_signer* s = NULL;
  material("signer.key", key, sizeof key);
  material("signer.pem", cert, sizeof cert);
  material("signer.p12", p12, sizeof p12);
  CHECK(hoadon_signer_from_pem_files(key, cert, NULL, &s) == HOADON_OK);
  CHECK(s && streq(hoadon_signer_kind(s), "pem"));
  CHECK(s && strstr(hoadon_signer_subject(s), "MST:4800123456") != NULL);
  hoadon_signer_free(s);
  /* An encrypted key: the password opens it; without it, or with a wrong one, HOADON_EAUTH. */
  material("signer-encrypted.key", key, sizeof key);
  CHECK(hoadon_signer_from_pem_files(key, cert, NULL, &s) == HOADON_EAUTH && s == NULL);
  CHECK(strstr(hoadon_last_error(), "password") != NULL);
  CHECK(hoadon_signer_from_pem_files(key, cert, "wrong", &s) == HOADON_EAUTH && s == NULL);
  CHECK(hoadon_signer_from_pem_files(key, cert, "test-pass", &s) == HOADON_OK);
  hoadon_signer_free(s);
  /* A key that is not the certificate's. */
  material("signer.key", key, sizeof key);
  CHECK(hoadon_signer_from_pem_files(key, material("ca.pem", cert, sizeof cert), NULL, &s) == HOADON_EINVAL);
  CHECK(hoadon_signer_from_pem_files("/nonexistent/key.pem", cert, NULL, &s) == HOADON_EIO);
  /* PKCS#12. */
  CHECK(hoadon_signer_from_pkcs12_file(p12, "p12-pass", &s) == HOADON_OK);
  CHECK(s && streq(hoadon_signer_kind(s), "pkcs12"));
  hoadon_signer_free(s);
  CHECK(hoadon_signer_from_pkcs12_file(p12, NULL, &s) == HOADON_EAUTH);
  /* PKCS#11: a PIN in the URI is refused; a module that does not exist is an I/O error. */
  CHECK(hoadon_signer_from_pkcs11("pkcs11:token=t?pin-value=1234", "/nonexistent.so", NULL, NULL, 0, &s) ==
        HOADON_EINVAL);
  CHECK(strstr(hoadon_last_error(), "1234") == NULL);
  CHECK(hoadon_signer_from_pkcs11("pkcs11:token=t", "/nonexistent.so", "1234", NULL, 0, &s) == HOADON_EIO);
  /* Arguments. */
  CHECK(hoadon_signer_from_pem(NULL, 1, NULL, 0, NULL, &s) == HOADON_EINVAL);
  CHECK(hoadon_signer_from_certificate("junk", 4, &s) == HOADON_EINVAL && s == NULL);
  CHECK(hoadon_signer_from_certificate("x", 1, NULL) == HOADON_EINVAL);
  hoadon_signer_free(NULL);
  CHECK(hoadon_signer_kind(NULL) == NULL);
}

static void test_sign(void) {
  char key[1024], cert[1024], out_path[1024];
  hoadon_signer *seller = NULL, *buyer = NULL;
  hoadon_sign_options o;
  hoadon_sign_result *r = NULL, *again = NULL, *second = NULL;
  hoadon_doc *doc = open_bundled(), *signed_doc = NULL;
  const hoadon_sign_info* info;
  const void* bytes;
  size_t len = 0;
  char* json;
  sign_options(&o);
  CHECK(hoadon_signer_from_pem_files(material("signer.key", key, sizeof key), material("signer.pem", cert, sizeof cert),
                                     NULL, &seller) == HOADON_OK);
  CHECK(hoadon_signer_from_pem_files(key, material("buyer.pem", cert, sizeof cert), NULL, &buyer) == HOADON_OK);

  CHECK(hoadon_doc_sign(NULL, seller, &o, &r) == HOADON_EINVAL && r == NULL);
  CHECK(hoadon_doc_sign(doc, NULL, &o, &r) == HOADON_EINVAL);
  CHECK(hoadon_doc_sign(doc, seller, &o, NULL) == HOADON_EINVAL);
  CHECK(hoadon_doc_sign(doc, seller, &o, &r) == HOADON_OK);
  CHECK(hoadon_sign_result_ok(r) == 1 && hoadon_sign_result_pending(r) == 0);
  info = hoadon_sign_result_info(r);
  CHECK(info != NULL);
  if (info) {
    CHECK(streq(info->slot, "NBan"));
    CHECK(info->invoice == 0);
    CHECK(streq(info->path, "/HDon/DSCKS/NBan/ds:Signature"));
    CHECK(streq(info->algorithm, "rsa-sha256") && streq(info->digest_algorithm, "sha256"));
    CHECK(streq(info->signing_time, "2026-11-20T10:00:00"));
    CHECK(streq(info->signer_tax_code, "4800123456"));
    CHECK(info->digest == NULL && info->digest_len == 0); /* only phase 1 says what to sign */
  }
  bytes = hoadon_sign_result_bytes(r, &len);
  CHECK(bytes && len > 0);
  CHECK(valid_signatures(bytes, len) == 1);
  json = hoadon_sign_result_to_json(r, "in.xml");
  CHECK(json &&
        strstr(json, "{\"file\":\"in.xml\",\"output\":null,\"kind\":\"HDon\",\"ok\":true,\"pending\":false") == json);
  hoadon_free(json);

  /* The document handle is left as it was: signing it again gives the same bytes. */
  CHECK(hoadon_doc_sign(doc, seller, &o, &again) == HOADON_OK);
  {
    size_t len2 = 0;
    const void* b2 = hoadon_sign_result_bytes(again, &len2);
    CHECK(len2 == len && memcmp(b2, bytes, len) == 0);
  }
  hoadon_sign_result_free(again);

  /* Written atomically; a failed write is told and leaves the result not ok. */
  snprintf(out_path, sizeof out_path, "%s/signed-by-c.xml", g_material);
  CHECK(hoadon_sign_result_write(r, out_path, 0) == HOADON_OK);
  json = hoadon_sign_result_to_json(r, "in.xml");
  CHECK(json && strstr(json, "\"output\":\"") != NULL);
  hoadon_free(json);
  CHECK(hoadon_doc_open(out_path, NULL, &signed_doc) == HOADON_OK);

  /* The buyer signs the seller-signed invoice: both valid. The seller's slot is taken. */
  o.role = HOADON_SIGN_ROLE_BUYER;
  CHECK(hoadon_doc_sign(signed_doc, buyer, &o, &second) == HOADON_OK);
  bytes = hoadon_sign_result_bytes(second, &len);
  CHECK(valid_signatures(bytes, len) == 2);
  CHECK(hoadon_sign_result_write(second, "/nonexistent/dir/out.xml", 0) == HOADON_EIO);
  CHECK(hoadon_sign_result_ok(second) == 0);
  CHECK(first_code(hoadon_sign_result_report(second), "IO-WRITE") != NULL);
  hoadon_sign_result_free(second);
  o.role = HOADON_SIGN_ROLE_SELLER;
  CHECK(hoadon_doc_sign(signed_doc, seller, &o, &second) == HOADON_EREFUSED);
  CHECK(hoadon_sign_result_ok(second) == 0);
  CHECK(hoadon_sign_result_bytes(second, &len) == NULL && len == 0);
  CHECK(hoadon_sign_result_info(second) == NULL);
  CHECK(first_code(hoadon_sign_result_report(second), "SIGN-SLOT-TAKEN") != NULL);
  CHECK(strstr(hoadon_last_error(), "already holds a signature") != NULL);
  hoadon_sign_result_free(second);
  /* No place for a taxpayer in an invoice; an unknown role is an argument error. */
  o.role = HOADON_SIGN_ROLE_TAXPAYER;
  CHECK(hoadon_doc_sign(doc, seller, &o, &second) == HOADON_EREFUSED);
  CHECK(first_code(hoadon_sign_result_report(second), "SIGN-NO-ROLE") != NULL);
  hoadon_sign_result_free(second);
  o.role = (hoadon_sign_role)7;
  CHECK(hoadon_doc_sign(doc, seller, &o, &second) == HOADON_EINVAL && second == NULL);

  hoadon_sign_result_free(r);
  hoadon_sign_result_free(NULL);
  hoadon_doc_free(signed_doc);
  hoadon_doc_free(doc);
  hoadon_signer_free(seller);
  hoadon_signer_free(buyer);
}

static char* read_file_c(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* buf;
  long n;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char*)malloc((size_t)n + 1);
  *len = fread(buf, 1, (size_t)n, f);
  fclose(f);
  return buf;
}

static void test_sign_two_phase(void) {
  char cert[1024], key[1024], digest_path[1024], sig_path[1024], command[4096];
  hoadon_signer* external = NULL;
  hoadon_sign_options o;
  hoadon_sign_result *prepared = NULL, *completed = NULL;
  hoadon_doc *doc = open_bundled(), *pending = NULL;
  const hoadon_sign_info* info;
  const void* bytes;
  size_t len = 0, value_len = 0;
  char* value;
  if (system("command -v openssl >/dev/null 2>&1") != 0) {
    printf("skipped: two-phase signing with openssl pkeyutl (openssl is not installed)\n");
    CHECK(getenv("HOADON_REQUIRE_TOOLS") == NULL); /* in CI the tools must be there */
    hoadon_doc_free(doc);
    return;
  }
  sign_options(&o);
  {
    size_t n = 0;
    char* pem = read_file_c(material("signer.pem", cert, sizeof cert), &n);
    CHECK(hoadon_signer_from_certificate(pem, n, &external) == HOADON_OK);
    free(pem);
  }
  CHECK(streq(hoadon_signer_kind(external), "external"));
  /* One phase is not possible without a key. */
  CHECK(hoadon_doc_sign(doc, external, &o, &prepared) == HOADON_EREFUSED);
  CHECK(first_code(hoadon_sign_result_report(prepared), "SIGN-KEY") != NULL);
  hoadon_sign_result_free(prepared);

  CHECK(hoadon_doc_sign_prepare(doc, external, &o, &prepared) == HOADON_OK);
  CHECK(hoadon_sign_result_pending(prepared) == 1);
  info = hoadon_sign_result_info(prepared);
  CHECK(info && info->digest_len == 32 && info->to_be_signed_len > 100);
  CHECK(info && memcmp(info->to_be_signed, "<SignedInfo", 11) == 0);
  /* The external signer: openssl pkeyutl signs the digest (RSA PKCS#1 v1.5 with SHA-256). */
  snprintf(digest_path, sizeof digest_path, "%s/c.digest", g_material);
  snprintf(sig_path, sizeof sig_path, "%s/c.sig", g_material);
  CHECK(hoadon_file_write(digest_path, info->digest, info->digest_len, 0) == HOADON_OK);
  snprintf(command, sizeof command, "openssl pkeyutl -sign -inkey %s -pkeyopt digest:sha256 -in %s -out %s",
           material("signer.key", key, sizeof key), digest_path, sig_path);
  CHECK(system(command) == 0);
  value = read_file_c(sig_path, &value_len);
  CHECK(value && value_len == 256);

  bytes = hoadon_sign_result_bytes(prepared, &len);
  CHECK(hoadon_doc_parse(bytes, len, NULL, &pending) == HOADON_OK);
  CHECK(valid_signatures(bytes, len) == -1); /* pending: not valid yet */
  CHECK(hoadon_doc_sign_complete(pending, "bad", 3, NULL, &completed) == HOADON_EREFUSED);
  CHECK(first_code(hoadon_sign_result_report(completed), "SIGN-VALUE") != NULL);
  hoadon_sign_result_free(completed);
  CHECK(hoadon_doc_sign_complete(pending, value, value_len, NULL, &completed) == HOADON_OK);
  bytes = hoadon_sign_result_bytes(completed, &len);
  CHECK(valid_signatures(bytes, len) == 1);
  CHECK(streq(hoadon_sign_result_info(completed)->slot, "NBan"));
  hoadon_sign_result_free(completed);
  /* Nothing pending in a signed document. */
  CHECK(hoadon_doc_sign_complete(doc, value, value_len, NULL, &completed) == HOADON_EREFUSED);
  CHECK(first_code(hoadon_sign_result_report(completed), "SIGN-PENDING") != NULL);
  hoadon_sign_result_free(completed);

  free(value);
  hoadon_sign_result_free(prepared);
  hoadon_doc_free(pending);
  hoadon_doc_free(doc);
  hoadon_signer_free(external);
}

/* ZIP archives and exports from C: handles, statuses, borrowed and owned results (valgrind
 * checks that nothing leaks). */
static void test_archive_and_export(void) {
  hoadon_archive* a = NULL;
  hoadon_doc* doc = NULL;
  hoadon_archive_options ao;
  hoadon_archive_options_init(&ao, sizeof ao);
  CHECK(ao.size == sizeof ao && ao.max_depth == 2 && ao.max_ratio == 100);
  CHECK(hoadon_archive_detect("PK\3\4", 4) == 1);
  CHECK(hoadon_archive_detect("<?xml", 5) == 0);
  /* Not a ZIP: refused, with a report and a rejected document for callers that want one. */
  const int rc = hoadon_archive_parse("not a zip", 9, &ao, &a);
  CHECK(a != NULL);
  CHECK(rc == (hoadon_archive_supported() ? HOADON_EREJECTED : HOADON_EUNSUPPORTED));
  CHECK(hoadon_archive_count(a) == 0);
  CHECK(hoadon_archive_name(a, 0) == NULL);
  CHECK(hoadon_report_count(hoadon_archive_report(a)) == 1);
  CHECK(hoadon_archive_doc(a, 0, NULL, &doc) == HOADON_ERANGE && doc == NULL);
  CHECK(hoadon_archive_refusal(a, &doc) == rc);
  CHECK(doc != NULL && streq(hoadon_doc_kind(doc), "unknown"));
  CHECK(!hoadon_report_ok(hoadon_doc_report(doc)));
  hoadon_doc_free(doc);
  hoadon_archive_free(a);
  CHECK(hoadon_archive_open(NULL, NULL, &a) == HOADON_EINVAL && a == NULL);

  hoadon_export* e = NULL;
  CHECK(hoadon_export_new(&e) == HOADON_OK);
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) == HOADON_OK);
  CHECK(hoadon_export_add(e, 1, doc, "b.xml") == HOADON_OK);
  CHECK(hoadon_export_add(e, 0, doc, "a.xml") == HOADON_OK);
  CHECK(hoadon_export_rows(e, HOADON_TABLE_INVOICES) == 2);
  CHECK(hoadon_export_rows(e, HOADON_TABLE_LINES) == 4);
  char* csv = NULL;
  size_t len = 0;
  CHECK(hoadon_export_csv(e, HOADON_TABLE_INVOICES, 0, &csv, &len) == HOADON_OK);
  CHECK(csv != NULL && len == strlen(csv));
  CHECK(csv && strstr(csv, "\r\na.xml,1,4800123456,") != NULL);
  CHECK(csv && strstr(csv, "a.xml") < strstr(csv, "b.xml"));
  hoadon_free(csv);
  void* xlsx = NULL;
  const int x = hoadon_export_xlsx(e, &xlsx, &len);
  CHECK(x == (hoadon_export_xlsx_supported() ? HOADON_OK : HOADON_EUNSUPPORTED));
  if (x == HOADON_OK) CHECK(len > 4 && memcmp(xlsx, "PK", 2) == 0);
  hoadon_free(xlsx);
  char* json = hoadon_doc_content_to_json(doc, "a.xml");
  CHECK(json && strstr(json, "\"line_count\":2") && strstr(json, "\"index\":1,\"data\":{\"@Id\":\"d1\""));
  hoadon_free(json);
  hoadon_export_free(e);
  hoadon_doc_free(doc);
}

/* hoadon_doc_render: HTML always, PDF when built; bytes to free; forms and bad arguments refused. */
static void test_render(void) {
  hoadon_render_options o;
  hoadon_render_options_init(&o, sizeof o);
  CHECK(o.size == sizeof o);
  CHECK(o.format == HOADON_RENDER_HTML);
  CHECK(o.invoice == -1);
  CHECK(o.skip_verify == 0);
  CHECK(hoadon_render_supported(HOADON_RENDER_HTML) == 1);
  CHECK(hoadon_render_supported((hoadon_render_format)7) == 0);
  hoadon_doc* doc = NULL;
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &doc) == HOADON_OK);
  void* out = NULL;
  size_t len = 0;
  CHECK(hoadon_doc_render(doc, NULL, &out, &len) == HOADON_OK);
  CHECK(out != NULL && len > 1000);
  if (out) CHECK(memcmp(out, "<!DOCTYPE html>", 15) == 0);
  hoadon_free(out);
  o.format = HOADON_RENDER_PDF;
  out = NULL;
  if (hoadon_render_supported(HOADON_RENDER_PDF)) {
    CHECK(hoadon_doc_render(doc, &o, &out, &len) == HOADON_OK);
    CHECK(out && len > 4 && memcmp(out, "%PDF", 4) == 0);
  } else {
    CHECK(hoadon_doc_render(doc, &o, &out, &len) == HOADON_EINVAL);
    CHECK(strstr(hoadon_last_error(), "not built") != NULL);
  }
  hoadon_free(out);
  o.format = HOADON_RENDER_HTML;
  o.invoice = 2;
  CHECK(hoadon_doc_render(doc, &o, &out, &len) == HOADON_ERANGE);
  CHECK(out == NULL);
  o.invoice = -1;
  o.format = (hoadon_render_format)9;
  CHECK(hoadon_doc_render(doc, &o, &out, &len) == HOADON_EINVAL);
  CHECK(hoadon_doc_render(doc, NULL, NULL, &len) == HOADON_EINVAL);
  CHECK(hoadon_doc_render(NULL, NULL, &out, &len) == HOADON_EINVAL);
  hoadon_doc_free(doc);
  const char* form = "<TBao><DLTBao><PBan>2.0.0</PBan></DLTBao></TBao>";
  CHECK(hoadon_doc_parse(form, strlen(form), NULL, &doc) == HOADON_OK);
  CHECK(hoadon_doc_render(doc, NULL, &out, &len) == HOADON_EINVAL);
  hoadon_doc_free(doc);
  CHECK(hoadon_doc_parse("<x", 2, NULL, &doc) == HOADON_EREJECTED);
  CHECK(hoadon_doc_render(doc, NULL, &out, &len) == HOADON_EREJECTED);
  hoadon_doc_free(doc);
}

/* Wrapping: an invoice with its code already is no 203's (refused, with the reason); arguments;
 * a technical receipt read. */
static void test_envelope(void) {
  hoadon_doc* inv = NULL;
  CHECK(hoadon_doc_parse(kInvoice, strlen(kInvoice), NULL, &inv) == HOADON_OK);
  const hoadon_doc* list[1] = {inv};
  hoadon_envelope_options o = HOADON_ENVELOPE_OPTIONS_INIT;
  o.type = "203";
  hoadon_doc* message = (hoadon_doc*)1;
  hoadon_report* report = NULL;
  CHECK(hoadon_envelope_wrap(list, 1, &o, &message, &report) == HOADON_EREFUSED);
  CHECK(message == NULL);
  CHECK(has_code(report, "ENV-WRAP-CODE"));
  char* json = hoadon_envelope_to_json(NULL, report, "m.xml");
  CHECK(json && strstr(json, "\"message\":null") != NULL);
  hoadon_free(json);
  hoadon_report_free(report);
  CHECK(hoadon_envelope_wrap(list, 1, &o, NULL, &report) == HOADON_EINVAL);
  CHECK(hoadon_envelope_wrap(NULL, 1, &o, &message, &report) == HOADON_EINVAL);
  CHECK(report == NULL);
  hoadon_doc_free(inv);

  static const char receipt[] =
      "<TDiep><TTChung><PBan>2.0.0</PBan><MNGui>TCT</MNGui><MNNhan>K4800123456</MNNhan><MLTDiep>999</MLTDiep>"
      "<MTDiep>TCT3A2B3C4D5E6F708192A3B4C5D6E7F809</MTDiep><MST>4800123456</MST><SLuong>1</SLuong></TTChung>"
      "<DLieu><TBao><MTDiep>K4800123456B18F39AFDABD4263A2CC839A4400B6D1</MTDiep><NNhan>2026-11-20T10:00:05</NNhan>"
      "<TTTNhan>1</TTTNhan><DSLDo><LDo><MLoi>9992</MLoi><MTa>Chữ ký số không hợp lệ.</MTa></LDo></DSLDo></TBao>"
      "</DLieu></TDiep>";
  hoadon_doc* answer = NULL;
  CHECK(hoadon_doc_parse(receipt, strlen(receipt), NULL, &answer) == HOADON_OK);
  CHECK(hoadon_envelope_answer_outcome(answer) == HOADON_ANSWER_REFUSED);
  CHECK(hoadon_envelope_answer_outcome(NULL) == HOADON_ANSWER_UNKNOWN);
  json = hoadon_envelope_answer_to_json(answer, "a.xml");
  CHECK(json && strstr(json, "\"code\":\"9992\"") != NULL);
  hoadon_free(json);
  hoadon_doc_free(answer);
}

/* hoadon_build_invoice: an example of examples/invoices/build gives an invoice that parses and
 * validates; an unknown member is refused with a BUILD- code located by a JSON pointer; bad
 * arguments are HOADON_EINVAL. Without JSON support every input is HOADON_EUNSUPPORTED. */
static void test_build(void) {
  size_t jlen = 0, xlen = 0, i;
  char* json = read_all(HOADON_SOURCE_DIR "/examples/invoices/build/1-gtgt-2.1.0.json", &jlen);
  static const char unknown[] = "{\"no_such_member\": 1}";
  void* xml = NULL;
  hoadon_report* r = NULL;
  hoadon_build_options o = HOADON_BUILD_OPTIONS_INIT;
  CHECK(json != NULL);
  CHECK(hoadon_build_invoice(json, jlen, &o, NULL, &xlen, &r) == HOADON_EINVAL);
  CHECK(hoadon_build_invoice(NULL, 5, &o, &xml, &xlen, &r) == HOADON_EINVAL && xml == NULL && r == NULL);
  if (!hoadon_build_supported()) {
    CHECK(hoadon_build_invoice(json, jlen, &o, &xml, &xlen, &r) == HOADON_EUNSUPPORTED && xml == NULL);
    CHECK(r && hoadon_report_count(r) > 0 && streq(hoadon_report_get(r, 0)->code, "BUILD-UNSUPPORTED"));
    hoadon_report_free(r);
    free(json);
    return;
  }
  CHECK(hoadon_build_invoice(json, jlen, NULL, &xml, &xlen, &r) == HOADON_OK);
  CHECK(xml != NULL && xlen > 0 && r != NULL && hoadon_report_ok(r));
  hoadon_report_free(r);
  {
    hoadon_doc* doc = NULL;
    hoadon_report* v = NULL;
    CHECK(hoadon_doc_parse(xml, xlen, NULL, &doc) == HOADON_OK);
    CHECK(streq(hoadon_doc_kind(doc), "HDon"));
    CHECK(hoadon_doc_validate(doc, NULL, &v) == HOADON_OK && hoadon_report_ok(v));
    hoadon_report_free(v);
    hoadon_doc_free(doc);
  }
  hoadon_free(xml);
  xml = NULL;
  CHECK(hoadon_build_invoice(unknown, sizeof unknown - 1, &o, &xml, &xlen, &r) == HOADON_EREJECTED);
  CHECK(xml == NULL && xlen == 0 && r != NULL && hoadon_report_count(r) > 0);
  for (i = 0; r && i < hoadon_report_count(r); ++i) {
    const hoadon_diagnostic* d = hoadon_report_get(r, i);
    CHECK(strncmp(d->code, "BUILD-", 6) == 0);
    CHECK(d->message[0] != '\0' && d->message_vi[0] != '\0');
  }
  hoadon_report_free(r);
  free(json);
}

int main(int argc, char** argv) {
  test_version();
  test_options_init();
  test_sha256();
  test_build();
  test_parse_and_fields();
  test_rejected();
  test_options_and_files();
  test_invalid_arguments();
  test_catalogue();
  test_validate_rules();
  test_words();
  test_threads();
  test_validate();
  test_schemas();
  test_validate_threads();
  test_verify_options_and_time();
  test_trust_handle();
  test_verify_in_memory();
  test_verify_real_sample();
  test_verify_shared_trust();
  test_archive_and_export();
  test_render();
  test_envelope();
  if (argc > 1) {
    g_material = argv[1];
    test_signers();
    test_sign();
    test_sign_two_phase();
  } else {
    printf("skipped: signing (no test material folder given)\n");
  }
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("C API: all checks passed\n");
  return 0;
}
