/*
 * hoadon — validate, verify and sign Vietnamese e-invoices (hóa đơn điện tử).
 *
 * This header is the whole public interface of libhoadon and its reference documentation.
 * It is plain C (C99 and later, usable from C++) and exposes no libxml2, xmlsec, OpenSSL or
 * C++ type.
 *
 * Conventions
 * -----------
 * - Functions are named hoadon_<noun>_<verb>. Objects are opaque handles created by a
 *   hoadon_*_new / _parse / _open / _from_* function (or returned as a result) and released by
 *   the matching hoadon_*_free. Every free function accepts NULL.
 * - Functions that can fail return an int status: HOADON_OK (0) or a negative HOADON_E*
 *   code. After a failure, hoadon_last_error() returns a message for the calling thread; after
 *   a success it returns "".
 * - Strings crossing the API are NUL-terminated UTF-8. A `const char *` result is borrowed:
 *   it belongs to the handle it came from and stays valid until that handle is freed. A
 *   `char *` result is yours: release it with hoadon_free().
 * - Option structs start with a `size` member, so that they can grow without breaking
 *   binaries built against an older header: the library reads only the members that fit in
 *   `size`. Set them up with their HOADON_*_OPTIONS_INIT macro (`hoadon_verify_options o =
 *   HOADON_VERIFY_OPTIONS_INIT;`) or their *_init function, which takes the size the caller
 *   knows (`hoadon_verify_options_init(&o, sizeof o)`) and writes no byte beyond it. Both give
 *   every member its documented default. Passing NULL instead of an options pointer means "all
 *   defaults".
 * - Secrets (passwords, PINs) are NUL-terminated strings that hoadon copies only as long as it
 *   needs them and overwrites afterwards; it never writes or logs them.
 * - Structs returned by pointer (hoadon_diagnostic, hoadon_signature_info, …) are owned by
 *   the library; new members are only ever appended.
 *
 * Thread safety
 * -------------
 * The library initialises itself on first use, from any thread. Distinct handles may be used
 * concurrently from distinct threads. A single handle must not be used from two threads at
 * once unless its documentation says otherwise. hoadon_last_error() is per thread.
 *
 * Shared libraries: on first use hoadon initialises libxml2, xmlsec and OpenSSL once for the
 * process and installs xmlsec's error callback, which xmlsec keeps process-wide; libxml2's error
 * handlers (per thread) are restored after each call. A program that also calls xmlsec itself
 * must not replace that callback, or hoadon's diagnostics lose xmlsec's explanations.
 */
#ifndef HOADON_H
#define HOADON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(HOADON_SHARED)
#ifdef HOADON_BUILDING
#define HOADON_API __declspec(dllexport)
#else
#define HOADON_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define HOADON_API __attribute__((visibility("default")))
#else
#define HOADON_API
#endif

/* ------------------------------------------------------------------------------------- */
/* Version                                                                               */
/* ------------------------------------------------------------------------------------- */

/* The build system reads these three lines: keep their form. */
#define HOADON_VERSION_MAJOR 0
#define HOADON_VERSION_MINOR 1
#define HOADON_VERSION_PATCH 0

#define HOADON_VERSION_NUMBER (HOADON_VERSION_MAJOR * 10000 + HOADON_VERSION_MINOR * 100 + HOADON_VERSION_PATCH)
#define HOADON_STRINGIFY_(x) #x
#define HOADON_STRINGIFY(x) HOADON_STRINGIFY_(x)
#define HOADON_VERSION_STRING            \
  HOADON_STRINGIFY(HOADON_VERSION_MAJOR) \
  "." HOADON_STRINGIFY(HOADON_VERSION_MINOR) "." HOADON_STRINGIFY(HOADON_VERSION_PATCH)

/* Version of the library actually loaded, e.g. "0.1.0" and 100. Compare with the macros to
 * detect a header/library mismatch. */
HOADON_API const char *hoadon_version(void);
HOADON_API int hoadon_version_number(void);

/* ------------------------------------------------------------------------------------- */
/* Status codes and errors                                                               */
/* ------------------------------------------------------------------------------------- */

#define HOADON_OK 0
#define HOADON_EINVAL (-1)       /* invalid argument (NULL where a value is required, bad option) */
#define HOADON_ENOMEM (-2)       /* out of memory */
#define HOADON_EIO (-3)          /* a file could not be read or written */
#define HOADON_EREJECTED (-4)    /* the input was rejected (malformed, hostile, over a limit): see its report */
#define HOADON_ERANGE (-5)       /* index out of range */
#define HOADON_ENOTFOUND (-6)    /* the requested item does not exist */
#define HOADON_EREFUSED (-7)     /* hoadon refused to sign: the result's report says why */
#define HOADON_EAUTH (-8)        /* a password or PIN is needed, or the one given is wrong */
#define HOADON_EUNSUPPORTED (-9) /* this build of hoadon lacks an optional feature (e.g. ZIP: libarchive) */
#define HOADON_EINTERNAL (-99)   /* a bug in hoadon: please report it */

/* Message describing the failure of the last call that failed on the calling thread; "" when
 * the last call that can fail succeeded (or none was made yet). The pointer is valid until the
 * next hoadon call on this thread. */
HOADON_API const char *hoadon_last_error(void);

/* Static English description of a status code. */
HOADON_API const char *hoadon_strerror(int status);

/* Releases a `char *` returned by hoadon. Accepts NULL. */
HOADON_API void hoadon_free(void *p);

/* The SHA-256 of `len` bytes at `data` as 64 lowercase hexadecimal digits and a NUL, written to
 * `hex` (65 chars) — what sha256sum prints. `data` may be NULL when `len` is 0. Returns HOADON_OK,
 * or HOADON_EINVAL for a NULL `hex` or a NULL `data` with a nonzero `len`. */
HOADON_API int hoadon_sha256_hex(const void *data, size_t len, char hex[65]);

/* ------------------------------------------------------------------------------------- */
/* Diagnostics and reports                                                               */
/* ------------------------------------------------------------------------------------- */

typedef enum hoadon_severity {
  HOADON_SEVERITY_INFO = 0,
  HOADON_SEVERITY_WARNING = 1,
  HOADON_SEVERITY_ERROR = 2
} hoadon_severity;

/* Language of human-readable text output. JSON always carries both languages. */
typedef enum hoadon_lang { HOADON_LANG_EN = 0, HOADON_LANG_VI = 1, HOADON_LANG_BOTH = 2 } hoadon_lang;

/* One diagnostic. Library-owned; valid as long as the report it came from. */
typedef struct hoadon_diagnostic {
  const char *code; /* stable identifier, e.g. "XML-DOCTYPE", "MST-CHECKSUM" */
  hoadon_severity severity;
  const char *path;       /* XPath of the node concerned, "" for the input as a whole */
  unsigned line;          /* 1-based line in the input, 0 when unknown */
  const char *message;    /* English */
  const char *message_vi; /* Vietnamese (with diacritics) */
} hoadon_diagnostic;

/* A list of diagnostics about one document. */
typedef struct hoadon_report hoadon_report;

/* The number of diagnostics in the report (0 for NULL). */
HOADON_API size_t hoadon_report_count(const hoadon_report *report);
/* The i-th diagnostic (0-based), or NULL when i is out of range. */
HOADON_API const hoadon_diagnostic *hoadon_report_get(const hoadon_report *report, size_t i);
/* 1 when the report holds no diagnostic of severity error, else 0. */
HOADON_API int hoadon_report_ok(const hoadon_report *report);
/* The report as one JSON object {"file","kind","ok","diagnostics":[…]}, without a trailing
 * newline; `file` may be NULL. Free with hoadon_free(). NULL on failure. */
HOADON_API char *hoadon_report_to_json(const hoadon_report *report, const char *file);
/* The report as human text, one line per diagnostic and a verdict line. Free with hoadon_free(). */
HOADON_API char *hoadon_report_to_text(const hoadon_report *report, const char *file, hoadon_lang lang);
/* Frees a report returned to you (never the one borrowed from hoadon_doc_report). */
HOADON_API void hoadon_report_free(hoadon_report *report);

/* The catalogue of every diagnostic code hoadon can emit. */
typedef struct hoadon_code_info {
  const char *code;         /* "XML-DOCTYPE" */
  hoadon_severity severity; /* default severity */
  const char *area;         /* "XML", "MST", "DSIG", … */
  const char *title;        /* English */
  const char *title_vi;     /* Vietnamese */
  int cosmetic;             /* 1 for vendor cosmetics (an empty optional element, an order the
                               tables do not give, a copied QR CRC, a .NET signing quirk):
                               verdicts count them instead of listing them */
} hoadon_code_info;

/* The number of codes in the catalogue (every code hoadon can report). */
HOADON_API size_t hoadon_code_count(void);
/* The i-th catalogue entry, or NULL when out of range. Static storage. */
HOADON_API const hoadon_code_info *hoadon_code_get(size_t i);
/* The entry for a code such as "MST-CHECKSUM", or NULL when unknown. Static storage. */
HOADON_API const hoadon_code_info *hoadon_code_find(const char *code);

/* ------------------------------------------------------------------------------------- */
/* Documents                                                                             */
/* ------------------------------------------------------------------------------------- */

/* A parsed document: an invoice (HDon), a transmission envelope (TDiep) or a form (TBao,
 * TKhai, BTHDLieu, BBan). It keeps the exact input bytes. */
typedef struct hoadon_doc hoadon_doc;

typedef struct hoadon_parse_options {
  size_t size;        /* sizeof(hoadon_parse_options) */
  size_t max_bytes;   /* largest accepted input; default 64 MiB */
  unsigned max_depth; /* deepest element nesting; default and maximum 256 */
  /* Attribute limits, counted on the raw bytes before parsing, in time linear in the input:
   * XML parsers spend time quadratic in the attributes of one element (40,000 attributes on
   * one element cost libxml2 minutes). Namespace declarations count as attributes. An input
   * over a limit is refused with XML-LIMIT. 0 keeps the default. */
  size_t max_attributes;          /* on one element; default 256 */
  size_t max_document_attributes; /* in the whole document; default 1,000,000 */
  size_t max_namespaces_in_scope; /* namespace declarations open at any point; default 256 */
  /* The work of resolving namespaces, which the parser does by linear search: the sum over
   * elements of the declarations in scope times (1 + the element's prefixed attributes);
   * default 100,000,000 (about a quarter of a second of parsing). */
  size_t max_namespace_lookups;
  /* 0 (default): UTF-8 only, as e-invoices must be (XML-ENCODING otherwise). 1: any encoding
   * the XML parser decodes (ISO-8859-1, windows-1252, UTF-16…; not UTF-32), for generic
   * XMLDSig documents verified with HOADON_VERIFY_PROFILE_XMLDSIG. */
  int any_encoding;
} hoadon_parse_options;

/* Every member at its default. */
#define HOADON_PARSE_OPTIONS_INIT \
  { sizeof(hoadon_parse_options), (size_t)64 << 20, 256, 256, 1000000, 256, 100000000, 0 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_PARSE_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_parse_options_init(hoadon_parse_options *options, size_t size);

/* Parses `len` bytes (copied) with safe settings: UTF-8 only (unless any_encoding), no DTD,
 * no entities, no network, bounded size, depth and attributes.
 *
 * Returns HOADON_OK for a well-formed document, HOADON_EREJECTED when the input was refused
 * (malformed, hostile, over a limit). In both cases *out receives a document handle that you
 * must free; when rejected, its kind is "unknown" and hoadon_doc_report() says why and where.
 * Returns HOADON_EINVAL or HOADON_ENOMEM with *out set to NULL for argument or memory errors. */
HOADON_API int hoadon_doc_parse(const void *data, size_t len, const hoadon_parse_options *options, hoadon_doc **out);

/* Reads and parses a file. As hoadon_doc_parse; in addition returns HOADON_EIO (with *out
 * set, its report holding an IO-READ diagnostic) when the file cannot be read. Files larger
 * than max_bytes are refused from their size, without being read. */
HOADON_API int hoadon_doc_open(const char *path, const hoadon_parse_options *options, hoadon_doc **out);

HOADON_API void hoadon_doc_free(hoadon_doc *doc);

/* What the document is: "HDon", "TDiep", "TBao", "TKhai", "BTHDLieu", "BBan", or "unknown"
 * (not an e-invoice document, or rejected). Borrowed. */
HOADON_API const char *hoadon_doc_kind(const hoadon_doc *doc);

/* Diagnostics found while parsing and recognising the document (borrowed; do not free). */
HOADON_API const hoadon_report *hoadon_doc_report(const hoadon_doc *doc);

/* The original input bytes (borrowed); *len receives their count. */
HOADON_API const void *hoadon_doc_bytes(const hoadon_doc *doc, size_t *len);

/* Fields readable without a second parse. Values are the element text with surrounding
 * white space removed; amounts are exact decimal strings as written in the document. */
typedef enum hoadon_field {
  /* Invoice fields: hoadon_doc_invoice_get() */
  HOADON_FIELD_VERSION = 1,             /* TTChung/PBan — format version, e.g. "2.1.0" */
  HOADON_FIELD_TITLE = 2,               /* TTChung/THDon — invoice title */
  HOADON_FIELD_TEMPLATE = 3,            /* TTChung/KHMSHDon — template code "1"…"9" */
  HOADON_FIELD_SERIES = 4,              /* TTChung/KHHDon — series symbol, e.g. "C25TAA" */
  HOADON_FIELD_NUMBER = 5,              /* TTChung/SHDon — invoice number */
  HOADON_FIELD_ISSUE_DATE = 6,          /* TTChung/NLap — YYYY-MM-DD */
  HOADON_FIELD_CURRENCY = 7,            /* TTChung/DVTTe */
  HOADON_FIELD_EXCHANGE_RATE = 8,       /* TTChung/TGia */
  HOADON_FIELD_PAYMENT_METHOD = 9,      /* TTChung/HTTToan */
  HOADON_FIELD_SELLER_NAME = 10,        /* NDHDon/NBan/Ten */
  HOADON_FIELD_SELLER_TAX_CODE = 11,    /* NDHDon/NBan/MST */
  HOADON_FIELD_BUYER_NAME = 12,         /* NDHDon/NMua/Ten */
  HOADON_FIELD_BUYER_TAX_CODE = 13,     /* NDHDon/NMua/MST */
  HOADON_FIELD_TOTAL_BEFORE_TAX = 14,   /* NDHDon/TToan/TgTCThue */
  HOADON_FIELD_TOTAL_TAX = 15,          /* NDHDon/TToan/TgTThue */
  HOADON_FIELD_TOTAL = 16,              /* NDHDon/TToan/TgTTTBSo — grand total */
  HOADON_FIELD_TOTAL_IN_WORDS = 17,     /* NDHDon/TToan/TgTTTBChu */
  HOADON_FIELD_TAX_AUTHORITY_CODE = 18, /* HDon/MCCQT */
  HOADON_FIELD_DATA_ID = 19,            /* DLHDon/@Id */
  HOADON_FIELD_LINE_COUNT = 20,         /* number of DSHHDVu/HHDVu, as a decimal string (a number in JSON) */

  /* Document fields: hoadon_doc_get() */
  HOADON_FIELD_MESSAGE_VERSION = 100, /* TDiep/TTChung/PBan */
  HOADON_FIELD_MESSAGE_TYPE = 101,    /* TDiep/TTChung/MLTDiep, e.g. "200" */
  HOADON_FIELD_MESSAGE_ID = 102,      /* TDiep/TTChung/MTDiep */
  HOADON_FIELD_MESSAGE_REF = 103,     /* TDiep/TTChung/MTDTChieu */
  HOADON_FIELD_SENDER = 104,          /* TDiep/TTChung/MNGui */
  HOADON_FIELD_RECEIVER = 105,        /* TDiep/TTChung/MNNhan */
  HOADON_FIELD_TAX_CODE = 106,        /* TDiep/TTChung/MST */
  HOADON_FIELD_COUNT = 107,           /* TDiep/TTChung/SLuong */
  HOADON_FIELD_FORM_CODE = 108,       /* MSo of a form (TBao, TKhai, BTHDLieu), e.g. "01/TB-ĐKĐT" */
  HOADON_FIELD_FORM_VERSION = 109     /* PBan of a form */
} hoadon_field;

/* A document-level field (HOADON_FIELD_MESSAGE_* … FORM_VERSION), or NULL when absent. */
HOADON_API const char *hoadon_doc_get(const hoadon_doc *doc, hoadon_field field);

/* Number of invoices: 1 for an HDon, 0 or more for an envelope, 0 for forms. */
HOADON_API size_t hoadon_doc_invoice_count(const hoadon_doc *doc);

/* An invoice field (HOADON_FIELD_VERSION … LINE_COUNT) of the index-th invoice, or NULL when
 * the element is absent or index is out of range. An empty element gives "". */
HOADON_API const char *hoadon_doc_invoice_get(const hoadon_doc *doc, size_t index, hoadon_field field);

/* A signature found in the document (before any verification). Library-owned. */
typedef struct hoadon_signature_info {
  const char *slot;         /* NBan, NMua, CQT, CCKSKhac, CKSNNT, NNT, TTCQT, … */
  int invoice;              /* 0-based index of the owning invoice, or -1 (envelope, form) */
  const char *id;           /* Signature/@Id, "" if none */
  const char *algorithm;    /* "rsa-sha256", "rsa-sha1", … or the algorithm URI */
  const char *c14n;         /* "c14n", "c14n-with-comments", "exc-c14n", … */
  const char *signing_time; /* SigningTime as written, "" if absent */
  const char *path;         /* XPath of the ds:Signature element */
} hoadon_signature_info;

/* The number of ds:Signature elements in the document, wherever they are (0 for NULL). */
HOADON_API size_t hoadon_doc_signature_count(const hoadon_doc *doc);
/* The i-th signature in document order, or NULL when out of range. */
HOADON_API const hoadon_signature_info *hoadon_doc_signature_get(const hoadon_doc *doc, size_t i);

/* The essentials and the parse diagnostics as one JSON object: {"file","kind","ok",
 * "document":{…},"invoices":[…],"signatures":[…],"diagnostics":[…]}. Free with hoadon_free(). */
HOADON_API char *hoadon_doc_to_json(const hoadon_doc *doc, const char *file);
/* The same for people. Free with hoadon_free(). */
HOADON_API char *hoadon_doc_to_text(const hoadon_doc *doc, const char *file, hoadon_lang lang);
/* The whole invoices, losslessly: the object of hoadon_doc_to_json where each member of
 * "invoices" also carries "index" (1-based, as text output counts) and "data", the invoice's
 * HDon/DLHDon element by element — every element and attribute, the lines (HHDVu) and the
 * vendor extensions (TTKhac/TTin) included, each value exactly as written (amounts are never
 * turned into numbers). lib/model/CONTENT-JSON.md documents the mapping. In both objects
 * "line_count" is a number and the "invoice" of a signature a 0-based index into "invoices".
 * Free with hoadon_free(). */
HOADON_API char *hoadon_doc_content_to_json(const hoadon_doc *doc, const char *file);
/* hoadon_doc_to_text followed, for each invoice, by one line per invoice line (number, name,
 * quantity, unit, unit price, amount, tax rate). Free with hoadon_free(). */
HOADON_API char *hoadon_doc_content_to_text(const hoadon_doc *doc, const char *file, hoadon_lang lang);

/* ------------------------------------------------------------------------------------- */
/* Validation: tax schemas and business rules                                            */
/* ------------------------------------------------------------------------------------- */

/* A rule profile: per-code severity overrides (off, info, warning, error). Tax
 * integrators differ in what they enforce; codes not mentioned keep their catalogue default.
 * A profile may be shared by concurrent validations once it is no longer being modified. */
typedef struct hoadon_rule_profile hoadon_rule_profile;

/* A new, empty profile in *out (every code at its default); free with hoadon_rule_profile_free. */
HOADON_API int hoadon_rule_profile_new(hoadon_rule_profile **out);
HOADON_API void hoadon_rule_profile_free(hoadon_rule_profile *profile);
/* Values of hoadon_rule_profile_set's `severity` besides the hoadon_severity ones. */
#define HOADON_RULE_OFF (-1)     /* the code is not reported */
#define HOADON_RULE_DEFAULT (-2) /* back to the catalogue's severity */

/* Sets the severity of one code: a hoadon_severity, HOADON_RULE_OFF or HOADON_RULE_DEFAULT.
 * HOADON_ENOTFOUND for an unknown code, HOADON_EINVAL for any other severity value. */
HOADON_API int hoadon_rule_profile_set(hoadon_rule_profile *profile, const char *code, int severity);
/* Applies a profile file: one CODE=SEVERITY per line, blank lines and '#' comments ignored.
 * HOADON_EIO when unreadable, HOADON_EINVAL (with the line in hoadon_last_error()) when a line
 * is wrong; settings before the wrong line stay applied. */
HOADON_API int hoadon_rule_profile_load(hoadon_rule_profile *profile, const char *path);

/* Where invoices are in their life, which decides the signatures and tax authority's code they
 * must carry. */
typedef enum hoadon_stage {
  HOADON_STAGE_AUTO = 0,   /* from the envelope's message type (200 signed, 202 issued…), else
                              from what a bare invoice carries (an MCCQT or CQT signature:
                              issued; any signature: signed; none: a draft, e.g. the template
                              before signing) */
  HOADON_STAGE_DRAFT = 1,  /* not signed yet: no signature required */
  HOADON_STAGE_SIGNED = 2, /* the seller's signature required */
  HOADON_STAGE_ISSUED = 3  /* final: code series C also need MCCQT and the tax authority's signature */
} hoadon_stage;

typedef struct hoadon_validate_options {
  size_t size;                        /* sizeof(hoadon_validate_options) */
  int strict;                         /* nonzero: enforce the tables literally (child order, unknown
                                         elements, empty values); default 0 accepts what the tax
                                         authority accepts, with warnings for the deviations */
  const char *version;                /* validate as this PBan ("2.0.0", "2.0.1", "2.1.0") instead of
                                         the declared one; NULL = as declared */
  int skip_schema;                    /* nonzero: business rules only */
  int skip_rules;                     /* nonzero: schema checks only */
  const hoadon_rule_profile *profile; /* severity overrides; NULL = catalogue defaults */
  const char *tolerance;              /* largest accepted difference per amount comparison, as a
                                         decimal string in the invoice currency (e.g. "5" for ±5 đồng);
                                         NULL = one minor unit of the invoice's currency (1 đồng for
                                         VND, 0.01 for USD) */
  long long now;                      /* "now" for date rules, Unix seconds; 0 = the current time */
  hoadon_stage stage;                 /* default HOADON_STAGE_AUTO */
} hoadon_validate_options;

/* Every member at its default. */
#define HOADON_VALIDATE_OPTIONS_INIT \
  { sizeof(hoadon_validate_options), 0, NULL, 0, 0, NULL, NULL, 0, HOADON_STAGE_AUTO }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_VALIDATE_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_validate_options_init(hoadon_validate_options *options, size_t size);
/* HOADON_OK when the options make sense, else HOADON_EINVAL with the reason in
 * hoadon_last_error() (e.g. an unknown version or an unparsable tolerance). NULL = defaults. */
HOADON_API int hoadon_validate_options_check(const hoadon_validate_options *options);

/* Validates a document against the tax schemas and the business rules and returns a new
 * report in *out (free it with hoadon_report_free), also for a document that was rejected when
 * parsed (its report then repeats why). HOADON_OK means the validation ran, not that the
 * document passed: ask hoadon_report_ok(). HOADON_EINVAL for bad arguments or options
 * (e.g. an unparsable tolerance or an unknown version). Safe to call concurrently on distinct
 * documents; the schemas are compiled once per process. */
HOADON_API int hoadon_doc_validate(const hoadon_doc *doc, const hoadon_validate_options *options, hoadon_report **out);

/* ------------------------------------------------------------------------------------- */
/* The tax schemas                                                                       */
/* ------------------------------------------------------------------------------------- */

/* The XSD 1.0 files hoadon validates with, compiled into the library, so that integrators
 * can take them out (`hoadon schema --list`, `--print NAME`). Each entry schema exists in a
 * default variant ("hdon-2.1.0-1.xsd": what the tax authority accepts) and a strict one
 * ("hdon-2.1.0-1-strict.xsd": the format tables literally); it includes a library
 * ("invoice-2.1.0.xsd", "forms.xsd"), which includes "types.xsd" and imports "dsig.xsd" (or
 * "dsig-strict.xsd"), all by relative name: save them in one folder. All results are static
 * storage, valid for the life of the process. */

/* Number of embedded .xsd files. */
HOADON_API size_t hoadon_schema_count(void);
/* Name of the i-th file in name order ("bban-strict.xsd", …), or NULL when out of range. */
HOADON_API const char *hoadon_schema_name(size_t i);
/* The UTF-8 text of the file named `name` (NUL-terminated; *len, when not NULL, receives its
 * length in bytes), or NULL with HOADON_ENOTFOUND / HOADON_EINVAL in hoadon_last_error(). */
HOADON_API const char *hoadon_schema_text(const char *name, size_t *len);

/* ------------------------------------------------------------------------------------- */
/* Signature verification                                                                */
/* ------------------------------------------------------------------------------------- */

/* What hoadon checks (README "Verifying signatures" says more):
 * - every ds:Signature of the document, read strictly: allowed algorithms only (RSA with
 *   SHA-1/224/256/384/512 — SHA-1 a warning by default, an error when strict — and C14N 1.0,
 *   1.1 and exclusive, with or without comments; never MD5, DSA, HMAC), allowed transforms only
 *   (enveloped-signature, C14N), same-document references only ("" or "#Id");
 * - binding: each signature covers the node its role requires, found by path (the seller's and
 *   buyer's HDon/DLHDon and their signing time; the tax authority's also HDon/MCCQT; CKSNNT the
 *   envelope's DLieu; a form's signatures its data); Id values must be unique;
 * - integrity, by xmlsec in the original tree, with the key of the X.509 certificate in KeyInfo;
 * - the certificate: key usage, RSA size, tax code (subject UID) against the document;
 * - trust: a chain to an anchor, validity at the signing time (or the time asked for),
 *   revocation from the CRLs given. */

/* Trust configuration: anchors, intermediates, CRLs (and, for the XMLDSig profile, pinned
 * keys). Load it once and share it: verifications may use one handle from any number of
 * threads at once, and chain results are cached inside it. Adding material while
 * verifications run is safe too (it clears the cache). */
typedef struct hoadon_trust hoadon_trust;

typedef enum hoadon_trust_kind {
  HOADON_TRUST_ANCHOR = 0,       /* trusted certificates: any of them may end a chain */
  HOADON_TRUST_INTERMEDIATE = 1, /* untrusted certificates offered for chain building */
  HOADON_TRUST_CRL = 2,          /* certificate revocation lists */
  HOADON_TRUST_PINNED_KEY = 3,   /* public keys (or certificates' keys) trusted as such; used by
                                    the XMLDSig profile only, instead of KeyInfo */
  HOADON_TRUST_TAX_AUTHORITY = 4 /* certificates designated as the tax authority's: accepted in its
                                    slots (below) besides the default rule */
} hoadon_trust_kind;

/* Creates an empty trust configuration (*out; free with hoadon_trust_free). With no anchor,
 * every signature's outcome is at best "indeterminate" (reason "untrusted"). */
HOADON_API int hoadon_trust_new(hoadon_trust **out);
HOADON_API void hoadon_trust_free(hoadon_trust *trust);

/* Adds what a file holds — PEM or DER certificates, PKCS#7 bundles, CRLs, public keys — or,
 * for a directory, what every file in it holds (recursively; other files are skipped).
 * Returns HOADON_OK, HOADON_EIO when the path cannot be read, HOADON_ENOTFOUND when nothing
 * of that kind was found (hoadon_last_error() says where). */
HOADON_API int hoadon_trust_add_path(hoadon_trust *trust, hoadon_trust_kind kind, const char *path);
/* The same from memory (the bytes are copied). */
HOADON_API int hoadon_trust_add_memory(hoadon_trust *trust, hoadon_trust_kind kind, const void *data, size_t len);
/* How many items of that kind were loaded. */
HOADON_API size_t hoadon_trust_count(const hoadon_trust *trust, hoadon_trust_kind kind);

/* The tax authority's slots — an invoice's DSCKS/CQT (the signature over MCCQT) and a notice's
 * CQT and TTCQT — take only a certificate recognised as the tax authority's, else the
 * signature is invalid with reason "not-tax-authority" (PKI-NOT-TAX-AUTHORITY): a trusted
 * chain proves who signed, not that the signer is the tax authority. Recognised are: the
 * certificates added as HOADON_TRUST_TAX_AUTHORITY; the subjects added here (exactly, in the
 * RFC 4514 form hoadon reports, e.g. "CN=CỤC THUẾ,O=BỘ TÀI CHÍNH,L=Hà Nội,C=VN"); and, unless
 * switched off, the default rule, which matches the authority's production certificates:
 * subject O=BỘ TÀI CHÍNH with "CỤC THUẾ" in its CN or an OU (Tổng cục Thuế, Cục Thuế, Chi cục
 * Thuế…), issued by a CA whose O is Ban Cơ yếu Chính phủ (case and diacritics ignored). Without
 * a trust handle the default rule applies. */
HOADON_API int hoadon_trust_add_tax_authority_subject(hoadon_trust *trust, const char *subject);
/* enabled = 0 switches the default rule off (only designated certificates and subjects remain). */
HOADON_API int hoadon_trust_use_default_tax_authority(hoadon_trust *trust, int enabled);

/* Trust lists. A trust list is a directory holding trust-list.tsv — one row per certificate:
 * role (root, intermediate, tax-authority), SHA-256 of its DER encoding, file (relative),
 * subject, not_before, not_after, source (where it came from and how it was checked) — and the
 * certificate files. A certificate is loaded only when its file hashes to its row's SHA-256.
 * Two lists are used by default: the installed one (the package's share/hoadon/trust, or
 * $HOADON_TRUST_LIST) and the user's ($HOADON_TRUST_USER, else $XDG_DATA_HOME/hoadon/trust,
 * else ~/.local/share/hoadon/trust). */
typedef enum hoadon_trust_list_which {
  HOADON_TRUST_LIST_INSTALLED = 0,
  HOADON_TRUST_LIST_USER = 1
} hoadon_trust_list_which;

/* The directory of that list (thread-local storage, valid until the next call in the thread). */
HOADON_API const char *hoadon_trust_list_dir(hoadon_trust_list_which which);

/* Loads the list in `dir` (NULL: both default lists) into `trust`: roots as anchors,
 * intermediates for chains, the tax authority's certificates for its slots. An absent list
 * loads nothing and is not an error. Returns HOADON_OK, HOADON_EIO for an unreadable file, or
 * HOADON_ENOTFOUND for a malformed row or a file whose SHA-256 is not its row's (a tampered
 * list loads nothing further; hoadon_last_error() says which). */
HOADON_API int hoadon_trust_add_list(hoadon_trust *trust, const char *dir);

/* Adds the one certificate of `cert_path` to the list in `dir` (NULL: the user's) with `role`
 * ("root", "intermediate" or "tax-authority") and `source` (free text; NULL: "added by hand"):
 * the certificate is copied to certs/ and its row appended, each file written atomically.
 * Returns HOADON_OK, HOADON_EINVAL (bad role), HOADON_EIO, or HOADON_ENOTFOUND (no single
 * certificate in the file, or already listed). */
HOADON_API int hoadon_trust_list_add(const char *dir, const char *role, const char *cert_path, const char *source);

/* The list in `dir` (NULL: both default lists) for people (json = 0: one line per certificate
 * with its role, state — ok, expired, not yet valid, or the problem that keeps it out —
 * subject, validity, fingerprint and source) or programs (json = 1: {"lists":[{"dir",
 * "entries":[{"role","sha256","file","subject","not_before","not_after","source","state",
 * "problem"}]}]}). Free with hoadon_free(); NULL with the last error on failure. */
HOADON_API char *hoadon_trust_list_describe(const char *dir, int json);

/* A certificate file described: subject, issuer, serial, validity, SHA-256, key size, the
 * subject's identifiers, and whether the default rule takes it for the tax authority. Text or
 * (json = 1) one JSON object per certificate of the file, one per line. Free with hoadon_free(). */
HOADON_API char *hoadon_certificate_describe(const char *path, int json);

typedef enum hoadon_policy {
  HOADON_POLICY_DEFAULT = 0, /* SHA-1 and RSA < 2048 bits are warnings; no CRL is only noted */
  HOADON_POLICY_STRICT = 1   /* SHA-1 and RSA < 2048 bits invalidate; unknown revocation
                                makes the outcome indeterminate */
} hoadon_policy;

typedef enum hoadon_verify_profile {
  HOADON_VERIFY_PROFILE_INVOICE = 0, /* e-invoice documents: roles, binding, tax codes */
  HOADON_VERIFY_PROFILE_XMLDSIG = 1  /* any enveloped or enveloping XMLDSig signature, same strict rules,
                                 no roles; pinned keys are used when the trust has some */
} hoadon_verify_profile;

typedef struct hoadon_verify_options {
  size_t size;                   /* sizeof(hoadon_verify_options) */
  hoadon_policy policy;          /* default HOADON_POLICY_DEFAULT */
  long long time;                /* Unix seconds at which certificates must be valid; 0 (default) = each
                                    signature's own signing time when the signature covers it, else now */
  int integrity_only;            /* 1: check everything except trust (chain, validity, revocation);
                                    outcomes are then at best "indeterminate" (reason "trust-not-checked")
                                    and a document passes when every signature is intact. Default 0. */
  hoadon_verify_profile profile; /* default HOADON_VERIFY_PROFILE_INVOICE */
  int check_tax_code;            /* 1 (default): the signer's tax code must match the document */
  /* Online revocation checking, off by default: no network call is ever made without it. For
   * each certificate of a trusted chain that no CRL given covers at the validation time, hoadon
   * asks the OCSP responder of its Authority Information Access (a request with a nonce; the
   * answer must be signed by the issuer or a responder it delegated, and be current:
   * thisUpdate/nextUpdate), else fetches the CRL of its distribution point (signed by the
   * issuer, nextUpdate not past). http and https only, redirects only to http(s), answers over
   * 1 MiB refused. "good" and "revoked" (with its time) then decide; no usable answer (no URL,
   * unreachable, timed out, garbage, unsigned) leaves the revocation unknown
   * (PKI-REVOCATION-UNKNOWN, which says why). Without libcurl at build time, hoadon_doc_verify
   * with online = 1 returns HOADON_EINVAL ("not built with libcurl"), and
   * hoadon_online_available() says so beforehand. */
  int online;               /* 1: check revocation online. Default 0 */
  const char *online_cache; /* a directory keeping the DER answers (OCSP by issuer and serial, CRLs
                               by URL), each used until its nextUpdate and never after; created when
                               missing, files written atomically. NULL (default): no cache on disk */
  int online_timeout;       /* seconds allowed for connecting and for each whole request; default 10 */
} hoadon_verify_options;

/* Every member at its default. */
#define HOADON_VERIFY_OPTIONS_INIT \
  { sizeof(hoadon_verify_options), HOADON_POLICY_DEFAULT, 0, 0, HOADON_VERIFY_PROFILE_INVOICE, 1, 0, NULL, 10 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_VERIFY_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_verify_options_init(hoadon_verify_options *options, size_t size);

/* 1 when this build can check revocation online (built with libcurl: HOADON_WITH_CURL), else 0. */
HOADON_API int hoadon_online_available(void);

/* Parses "now", Unix seconds ("1775001600"), a date ("2026-04-01") or a date-time
 * ("2026-04-01T10:00:00", optional fraction, optional Z or ±hh:mm). Without a zone, the time
 * is Vietnam's (GMT+7), as invoices write it. Returns HOADON_OK or HOADON_EINVAL. */
HOADON_API int hoadon_time_parse(const char *text, long long *unix_seconds);

typedef enum hoadon_outcome {
  HOADON_OUTCOME_VALID = 0,        /* intact, bound, trusted, within policy */
  HOADON_OUTCOME_INVALID = 1,      /* integrity or policy failure */
  HOADON_OUTCOME_INDETERMINATE = 2 /* intact and bound, but trust not established */
} hoadon_outcome;

/* The result of one signature. Library-owned: valid as long as its hoadon_verify_result;
 * members are only ever appended. Strings are never NULL ("" when unknown). */
typedef struct hoadon_signature_result {
  const char *slot; /* NBan, NMua, CQT, CCKSKhac, CKSNNT, NNT, TTCQT, … */
  int invoice;      /* index of the owning invoice, or -1 */
  const char *path; /* XPath of the ds:Signature */
  hoadon_outcome outcome;
  const char *outcome_name;    /* "valid", "invalid", "indeterminate" */
  int intact;                  /* 1 when the signature value and every reference verified */
  const char *reason;          /* sub-reason when not valid, e.g. "digest-mismatch", "binding",
                                  "expired", "revoked", "untrusted", "tax-code-mismatch" */
  const char *algorithm;       /* "rsa-sha256", "rsa-sha1", … */
  const char *signing_time;    /* as written in the signature */
  const char *signer_subject;  /* read from the certificate, RFC 4514 form */
  const char *signer_tax_code; /* from the subject's UID (MST:, CCCD:, CMND:, MNS:) */
  const char *signer_issuer;
  const char *signer_serial;     /* hexadecimal */
  const char *signer_not_before; /* ISO 8601 UTC */
  const char *signer_not_after;
  size_t covers_count; /* XPaths of the nodes the signature covers ("/" = the document) */
  const char *const *covers;
  size_t warnings_count; /* codes of the warnings about this signature, e.g. "DSIG-SHA1" */
  const char *const *warnings;
} hoadon_signature_result;

/* The verification of one document. */
typedef struct hoadon_verify_result hoadon_verify_result;

/* Verifies every signature of `doc` with `trust` (may be NULL: no trust configured) and
 * `options` (NULL: defaults). *out receives a result to free with hoadon_verify_result_free.
 * Returns HOADON_OK when the document could be examined (whatever the verdict: see
 * hoadon_verify_result_ok), HOADON_EREJECTED for a document the parser rejected (*out is set,
 * not ok, holding the parse diagnostics), HOADON_EINVAL or HOADON_ENOMEM with *out NULL.
 * `doc` is not const: its internal table of Id attributes is rebuilt, so one document must not
 * be verified or read from two threads at once. `trust` may be shared between threads. */
HOADON_API int hoadon_doc_verify(hoadon_doc *doc, const hoadon_trust *trust, const hoadon_verify_options *options,
                                 hoadon_verify_result **out);
HOADON_API void hoadon_verify_result_free(hoadon_verify_result *result);

/* 1 when the document has at least one signature, every one valid (with integrity_only: intact
 * and not invalid), and no diagnostic of severity error; else 0. */
HOADON_API int hoadon_verify_result_ok(const hoadon_verify_result *result);
HOADON_API size_t hoadon_verify_result_count(const hoadon_verify_result *result);
/* The i-th signature result in document order, or NULL when out of range. */
HOADON_API const hoadon_signature_result *hoadon_verify_result_get(const hoadon_verify_result *result, size_t i);
/* The i-th covered XPath / warning code of a signature result, or NULL when out of range. */
HOADON_API const char *hoadon_signature_result_cover(const hoadon_signature_result *s, size_t i);
HOADON_API const char *hoadon_signature_result_warning(const hoadon_signature_result *s, size_t i);
/* Every diagnostic: the document's own and verification's, each located (borrowed; valid as
 * long as the result). */
HOADON_API const hoadon_report *hoadon_verify_result_report(const hoadon_verify_result *result);

/* The result as one JSON object: {"file","kind","ok","profile","integrity_only",
 * "signatures":[{"slot","invoice","path","id","outcome","integrity","reason","algorithm",
 * "signing_time","signer":{"subject","tax_code","issuer","serial","not_before","not_after",
 * "key_bits","identifiers"},"covers","warnings","trust_checked"}],"diagnostics":[…]}, without a
 * trailing newline. Free with hoadon_free(). */
HOADON_API char *hoadon_verify_result_to_json(const hoadon_verify_result *result, const char *file);
/* The same for people, every detail listed. Free with hoadon_free(). */
HOADON_API char *hoadon_verify_result_to_text(const hoadon_verify_result *result, const char *file, hoadon_lang lang);

/* ------------------------------------------------------------------------------------- */
/* Verdicts for people                                                                   */
/* ------------------------------------------------------------------------------------- */

/* A verdict is what a bookkeeper reads: a first line with the document's verdict and what it
 * is ("001.xml: VALID — invoice 1C25TAA no. 123 of 2025-01-15, seller 0101243150; 2
 * signatures"), one line per signature in plain words, problems first ("✗ Seller's signature:
 * INVALID — the signed content was changed after signing; signed 2025-01-15 10:00:00 by CÔNG
 * TY X (MST:0101243150)"), then the errors and warnings that matter. Vendor cosmetics
 * (hoadon_code_info.cosmetic), infos and the diagnostics a signature line already says are
 * counted in one last line instead. Verdict words of a verification: VALID, INVALID, NOT
 * CONFIRMED (intact, trust not established), INTACT (integrity only), NOT SIGNED; of a
 * validation: OK, FAILED. In Vietnamese every word is Vietnamese (HỢP LỆ, lỗi, cảnh báo, …). */
typedef struct hoadon_verdict_options {
  size_t size;      /* sizeof(hoadon_verdict_options) */
  hoadon_lang lang; /* default HOADON_LANG_EN; HOADON_LANG_BOTH: the English verdict, then the Vietnamese */
  int verbose;      /* 1: list everything — cosmetics, infos, XPaths, each signature's algorithm,
                       issuer, validity and covered nodes. Default 0. */
  int summary;      /* 1: one table row per document ("VERDICT  file  what  [NBan:✓ CQT:?]") */
} hoadon_verdict_options;

/* Every member at its default. */
#define HOADON_VERDICT_OPTIONS_INIT \
  { sizeof(hoadon_verdict_options), HOADON_LANG_EN, 0, 0 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_VERDICT_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_verdict_options_init(hoadon_verdict_options *options, size_t size);

/* The verdict of a verification. `doc` (may be NULL) is the verified document: it names the
 * invoice on the first line. `options` NULL = defaults. Free with hoadon_free(); NULL with the
 * last error set on failure. */
HOADON_API char *hoadon_verify_result_to_verdict(const hoadon_verify_result *result, const hoadon_doc *doc,
                                                 const char *file, const hoadon_verdict_options *options);
/* The verdict of a report (validation, or a document's own diagnostics), likewise. */
HOADON_API char *hoadon_report_to_verdict(const hoadon_report *report, const hoadon_doc *doc, const char *file,
                                          const hoadon_verdict_options *options);
/* The verdict word alone ("VALID", "NOT CONFIRMED", "HỢP LỆ", … / "OK", "FAILED", "ĐẠT", …),
 * in English for HOADON_LANG_BOTH. Static storage; "" for NULL. */
HOADON_API const char *hoadon_verify_result_verdict(const hoadon_verify_result *result, hoadon_lang lang);
HOADON_API const char *hoadon_report_verdict(const hoadon_report *report, hoadon_lang lang);

/* ------------------------------------------------------------------------------------- */
/* Rendering: the human-readable form of an invoice (bản thể hiện)                       */
/* ------------------------------------------------------------------------------------- */

/* hoadon_doc_render writes the invoices of a document as people read them: one self-contained
 * HTML file (styles inline, the QR code an inline SVG, nothing fetched, print styles for A4) or
 * a PDF (A4, fonts embedded, the lines' table continued over pages with its header repeated).
 * Every field is shown: seller, buyer, template, series, number, date, every line (STT, name,
 * unit, quantity, unit price, discount, rate, amount), totals per VAT rate, fees, the grand
 * total and the amount in words, MCCQT, notes (TTKhac), the related invoice (replacement,
 * adjustment), currency and exchange rate; the layout follows the template (VAT, sales, public
 * assets, national reserve, stamps and tickets, warehouse notes, cash-register invoices…).
 *
 * The signature panel is never a stamp: the signatures are verified in the same call
 * (hoadon_doc_verify with `trust` and `verify`), and the panel shows each one's outcome (valid,
 * invalid, indeterminate — or "not checked" when skip_verify asks so), its reason, the signer's
 * subject, the signing time and what it covers. Parts of the invoice that no intact signature
 * covers (the data, MCCQT, DLQRCode) are visibly marked as such.
 *
 * The QR code encodes the invoice's DLQRCode, else the lookup payload of the format (EMVCo
 * template 99: seller's tax code, template, series, number, date, total). Every value from the
 * invoice is escaped: an invoice is untrusted input. */

typedef enum hoadon_render_format {
  HOADON_RENDER_HTML = 0, /* one self-contained HTML file, UTF-8 */
  HOADON_RENDER_PDF = 1   /* PDF; needs a library built with cairo and pango (HOADON_WITH_PDF) */
} hoadon_render_format;

typedef struct hoadon_render_options {
  size_t size;                         /* sizeof(hoadon_render_options) */
  hoadon_render_format format;         /* default HOADON_RENDER_HTML */
  const hoadon_trust *trust;           /* trust for the verification; NULL: none (signatures at best
                                          indeterminate) */
  const hoadon_verify_options *verify; /* how the signatures are verified; NULL = defaults */
  int skip_verify;                     /* 1: do not verify; every signature is shown "not checked".
                                          Default 0 */
  int invoice;                         /* which invoice of a message holding several (0-based);
                                          default -1: all of them, one after the other */
} hoadon_render_options;

/* Every member at its default. */
#define HOADON_RENDER_OPTIONS_INIT \
  { sizeof(hoadon_render_options), HOADON_RENDER_HTML, NULL, NULL, 0, -1 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_RENDER_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_render_options_init(hoadon_render_options *options, size_t size);

/* 1 when this build of the library can write `format`, else 0 (PDF needs cairo and pango). */
HOADON_API int hoadon_render_supported(hoadon_render_format format);

/* Renders the invoices of `doc` (an HDon, or a TDiep carrying invoices). On HOADON_OK, *out
 * receives the file's bytes (release with hoadon_free()) and *len their count. Else *out is
 * NULL and hoadon_last_error() says why: HOADON_EREJECTED for a document the parser rejected,
 * HOADON_EINVAL for bad arguments, a document holding no invoice (a form, a notice), an unknown
 * format, or a format this build lacks ("not built with cairo and pango"), HOADON_ERANGE for an
 * `invoice` index past the last, HOADON_ENOMEM. `doc` is verified, hence not const (see
 * hoadon_doc_verify); `trust` may be shared between threads. */
HOADON_API int hoadon_doc_render(hoadon_doc *doc, const hoadon_render_options *options, void **out, size_t *len);

/* ------------------------------------------------------------------------------------- */
/* Amounts in words                                                                      */
/* ------------------------------------------------------------------------------------- */

/* Style flags of hoadon_words_options.flags; the default writes what most vendors write:
 * "Một trăm linh năm nghìn hai trăm hai mươi bốn đồng". */
#define HOADON_WORDS_LOWERCASE 0x01u /* "một trăm…" (MISA) instead of "Một trăm…" */
#define HOADON_WORDS_LE 0x02u        /* southern "lẻ" for "linh": 105 = "một trăm lẻ năm" */
#define HOADON_WORDS_NGAN 0x04u      /* southern "ngàn" for "nghìn" */
#define HOADON_WORDS_TU 0x08u        /* "tư" for a 4 after "mươi": 24 = "hai mươi tư" */
#define HOADON_WORDS_MINOR_UNIT                                                                      \
  0x10u                        /* decimals as the minor unit, "… đô la Mỹ và năm mươi xu", \
                                  instead of "… phẩy năm đô la Mỹ" */
#define HOADON_WORDS_TRU 0x20u /* negative amounts start with "Trừ" instead of "Âm" */

typedef struct hoadon_words_options {
  size_t size;      /* sizeof(hoadon_words_options) */
  unsigned flags;   /* HOADON_WORDS_* */
  const char *unit; /* words after the number, e.g. "đồng chẵn" or "đồng chẵn./."; NULL = the
                       currency's name ("đồng", "đô la Mỹ", "euro"…, else its ISO code); "" = none */
  int decimals;     /* decimals to speak: -1 (default) as the amount needs ("1.10" → "một phẩy
                       một"); n >= 0 rounds half away from zero and pads ("12.5", 2 → "mười hai
                       phẩy năm mươi") */
} hoadon_words_options;

/* Every member at its default. */
#define HOADON_WORDS_OPTIONS_INIT \
  { sizeof(hoadon_words_options), 0, NULL, -1 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_WORDS_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_words_options_init(hoadon_words_options *options, size_t size);

/* The Vietnamese words for `amount`, a decimal string as invoices write numbers ("1234500",
 * "-12.50"; no sign other than '-', no separators), in `currency` (an ISO 4217 code, any case;
 * NULL = "VND"): "Một triệu hai trăm ba mươi tư nghìn năm trăm đồng". Groups of three digits,
 * "không trăm" and "linh" inside the number, "mốt", "lăm", "tỷ" every nine digits (10^12 = "một
 * nghìn tỷ"). Returns a new string to release with hoadon_free(), or NULL with the reason in
 * hoadon_last_error() when the amount is not such a number or the currency is unknown.
 * `options` may be NULL. Thread-safe. */
HOADON_API char *hoadon_amount_in_words(const char *amount, const char *currency, const hoadon_words_options *options);

/* ------------------------------------------------------------------------------------- */
/* Signing                                                                               */
/* ------------------------------------------------------------------------------------- */

/* The signature hoadon makes is the tax authority's (README "Signing" says more):
 * - its place comes from the signer's role: the seller in HDon/DSCKS/NBan, the buyer in
 *   HDon/DSCKS/NMua, the taxpayer in the DSCKS/NNT of a form (TKhai 01/ĐKTĐ-HĐĐT, TBao
 *   04/SS-HĐĐT, BTHDLieu 01/TH-HĐĐT) or in TDiep/CKSNNT of a message 206;
 * - XMLDSig in its own default namespace; a Reference to "#<Id>" of the data it covers (DLHDon,
 *   the form's data, DLieu) with the enveloped-signature transform, and one to an Object holding
 *   SignatureProperties/SignatureProperty[@Target]/SigningTime (Vietnam's time, no zone);
 *   inclusive C14N 1.0; rsa-sha256 and sha256 (rsa-sha1 on request); KeyInfo/X509Data with
 *   X509SubjectName and X509Certificate (and the CA certificates on request);
 * - byte-preserving: the output is the input with the signature inserted in its slot, and, when
 *   missing, an Id on the data and the slot or the DSCKS list (NBan, NMua, CCKSKhac). Signatures
 *   already in the document keep verifying; hoadon refuses to sign where one would break.
 * Refused (HOADON_EREFUSED, with a diagnostic): a document that fails validation (SIGN-INVALID)
 * or a certificate whose tax code is not the signing party's (SIGN-TAX-CODE) — both unless
 * `force` —; no place for the role (SIGN-NO-ROLE), a slot already signed (SIGN-SLOT-TAKEN), a
 * signature that would break another (SIGN-BREAKS-SIGNATURE), a certificate that does not allow
 * signing (SIGN-KEY-USAGE) or is not valid at the signing time (SIGN-CERT-EXPIRED,
 * SIGN-CERT-NOT-YET-VALID), a key that is not the certificate's (SIGN-KEY-MISMATCH), a key or
 * token that fails (SIGN-KEY). */

/* A signer: a private key (or none, for an external signer) with its certificate and, possibly,
 * its CA certificates. One signer may be used by any number of threads at once (a PKCS#11
 * token's operations take turns inside it). Free with hoadon_signer_free.
 *
 * Every constructor returns HOADON_OK with *out set, or, with *out NULL:
 *   HOADON_EAUTH      a password or PIN is needed (NULL was given) or the one given is wrong;
 *   HOADON_EIO        a file cannot be read, a PKCS#11 module cannot be loaded, the token fails;
 *   HOADON_EINVAL     not a key or certificate hoadon can use (format, non-RSA key), or the key
 *                     is not the certificate's;
 * with the reason in hoadon_last_error(). */
typedef struct hoadon_signer hoadon_signer;

/* A private key in PEM or DER (PKCS#8, encrypted or not, or traditional RSA) and certificates
 * in PEM or DER: the signer's is the one whose key is this key, the others are its chain.
 * `password` decrypts the key (NULL: none). */
HOADON_API int hoadon_signer_from_pem(const void *key, size_t key_len, const void *certificates,
                                      size_t certificates_len, const char *password, hoadon_signer **out);
/* The same from files. The key file's bytes are overwritten in memory once read. */
HOADON_API int hoadon_signer_from_pem_files(const char *key_path, const char *certificates_path, const char *password,
                                            hoadon_signer **out);
/* A PKCS#12 file (.p12, .pfx): key, certificate, CA certificates. NULL password: the empty one. */
HOADON_API int hoadon_signer_from_pkcs12(const void *data, size_t len, const char *password, hoadon_signer **out);
HOADON_API int hoadon_signer_from_pkcs12_file(const char *path, const char *password, hoadon_signer **out);
/* A key on a PKCS#11 token, named by an RFC 7512 URI ("pkcs11:token=…;object=…", also id=,
 * serial=, slot-id=…; a pin-value or pin-source attribute is refused). `module` is the PKCS#11
 * module's path (NULL: the URI's module-path, else p11-kit's proxy). `pin` logs in to the token
 * (NULL: no login; HOADON_EAUTH when the token needs one); it is not kept. The signer keeps a
 * session on the token until freed. `certificate` (PEM or DER, may be NULL) replaces the one the
 * token holds for the key. The token signs hoadon's digest with CKM_RSA_PKCS: the private key
 * never leaves it. */
HOADON_API int hoadon_signer_from_pkcs11(const char *uri, const char *module, const char *pin, const void *certificate,
                                         size_t certificate_len, hoadon_signer **out);
/* An external signer: only a certificate (PEM or DER; more certificates are its chain), for
 * two-phase signing (hoadon_doc_sign_prepare). */
HOADON_API int hoadon_signer_from_certificate(const void *certificates, size_t len, hoadon_signer **out);
/* Adds CA certificates (PEM or DER, a file's content) to the signer's chain, embedded in KeyInfo
 * when the options say include_chain. HOADON_EINVAL when `data` holds no certificate. Not while
 * the signer is in use. */
HOADON_API int hoadon_signer_add_chain(hoadon_signer *signer, const void *data, size_t len);
HOADON_API void hoadon_signer_free(hoadon_signer *signer);
/* "pem", "pkcs12", "pkcs11" or "external". Borrowed. */
HOADON_API const char *hoadon_signer_kind(const hoadon_signer *signer);
/* The signer's certificate subject (RFC 4514 form). Borrowed. */
HOADON_API const char *hoadon_signer_subject(const hoadon_signer *signer);

typedef enum hoadon_sign_role {
  HOADON_SIGN_ROLE_AUTO = 0,    /* the seller for invoices and their messages; the taxpayer for forms and 206 */
  HOADON_SIGN_ROLE_SELLER = 1,  /* HDon/DSCKS/NBan */
  HOADON_SIGN_ROLE_BUYER = 2,   /* HDon/DSCKS/NMua */
  HOADON_SIGN_ROLE_TAXPAYER = 3 /* <form>/DSCKS/NNT, TDiep/CKSNNT */
} hoadon_sign_role;

typedef struct hoadon_sign_options {
  size_t size;                             /* sizeof(hoadon_sign_options) */
  hoadon_sign_role role;                   /* default HOADON_SIGN_ROLE_AUTO */
  long long time;                          /* signing time, Unix seconds; 0 (default) = now. The certificate must be
                                              valid then; it is written as Vietnam's time, without zone */
  int sha1;                                /* 1: rsa-sha1 and sha1 digests, for legacy receivers only (a SIGN-WEAK
                                              warning); default 0: rsa-sha256 and sha256 */
  int force;                               /* 1: sign despite validation errors or a tax-code mismatch (each then a
                                              SIGN-FORCED warning); default 0 */
  int include_chain;                       /* 1: KeyInfo also carries the signer's CA certificates (self-signed
                                              roots left out); default 0 */
  int invoice;                             /* which invoice of a message holding several (0-based); default -1:
                                              the only one */
  const hoadon_validate_options *validate; /* how the document is validated first; NULL = defaults */
  const hoadon_report *validated;          /* a report of hoadon_doc_validate for this document:
                                              used instead of validating again; NULL = validate */
} hoadon_sign_options;

/* Every member at its default. */
#define HOADON_SIGN_OPTIONS_INIT \
  { sizeof(hoadon_sign_options), HOADON_SIGN_ROLE_AUTO, 0, 0, 0, 0, -1, NULL, NULL }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_SIGN_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_sign_options_init(hoadon_sign_options *options, size_t size);

/* What was signed (or prepared). Library-owned, valid as long as its result; members are only
 * ever appended. Strings are never NULL. */
typedef struct hoadon_sign_info {
  const char *slot;             /* NBan, NMua, NNT, CKSNNT */
  int invoice;                  /* the invoice signed, or -1 */
  const char *path;             /* XPath of the new ds:Signature in the output */
  const char *id;               /* its Id */
  const char *algorithm;        /* "rsa-sha256" or "rsa-sha1" */
  const char *digest_algorithm; /* "sha256" or "sha1" */
  const char *signing_time;     /* as written, e.g. "2026-11-20T10:00:00" (Vietnam) */
  const char *signer_subject;   /* from the certificate, RFC 4514 form */
  const char *signer_tax_code;  /* the certificate's identifier matching the document (MST:, CCCD:…) */
  const char *signer_issuer;
  const char *signer_serial;     /* hexadecimal */
  const char *signer_not_before; /* ISO 8601 UTC */
  const char *signer_not_after;
  /* Two-phase signing (prepared results only, else NULL and 0): what the external signer signs
   * with `algorithm` — the canonical SignedInfo — or, for a signer given a hash, its digest
   * under `digest_algorithm`'s hash of the method (RSASSA-PKCS1-v1_5 over SHA-256 or SHA-1). */
  const void *to_be_signed;
  size_t to_be_signed_len;
  const void *digest;
  size_t digest_len;
} hoadon_sign_info;

typedef struct hoadon_sign_result hoadon_sign_result;

/* Signs `doc` with `signer` (which must hold a key). *out receives a result to free with
 * hoadon_sign_result_free, in every case but bad arguments. Returns HOADON_OK when signed (the
 * new bytes in hoadon_sign_result_bytes), HOADON_EREFUSED when hoadon refused (the result's
 * report says why), HOADON_EREJECTED for a document the parser rejected, HOADON_EINVAL or
 * HOADON_ENOMEM with *out NULL. `doc` itself is left as it was (its tree is used while signing:
 * one document must not be signed, verified or read from two threads at once). */
HOADON_API int hoadon_doc_sign(hoadon_doc *doc, const hoadon_signer *signer, const hoadon_sign_options *options,
                               hoadon_sign_result **out);

/* Two-phase signing, phase 1: the same checks, and the document with the signature in place but
 * an empty SignatureValue (the pending document, hoadon_sign_result_bytes), with what to sign
 * (hoadon_sign_info: to_be_signed, digest, algorithm). `signer` needs only a certificate
 * (hoadon_signer_from_certificate). Keep the pending bytes: they are the whole state. */
HOADON_API int hoadon_doc_sign_prepare(hoadon_doc *doc, const hoadon_signer *signer, const hoadon_sign_options *options,
                                       hoadon_sign_result **out);
/* Phase 2: `pending` (the pending document, parsed) completed with `value`, the raw signature
 * value (`len` bytes; not base64). The value must verify with the certificate phase 1 embedded
 * (SIGN-VALUE), the whole signature must then verify — the document unchanged since phase 1
 * (SIGN-PENDING) —, and the certificate's checks are made again at the signing time written
 * (options: only `force` is read; NULL = defaults). Returns as hoadon_doc_sign. */
HOADON_API int hoadon_doc_sign_complete(hoadon_doc *pending, const void *value, size_t len,
                                        const hoadon_sign_options *options, hoadon_sign_result **out);

/* 1 when the document was signed (or, from phase 1, prepared), else 0. */
HOADON_API int hoadon_sign_result_ok(const hoadon_sign_result *result);
/* 1 for a result of phase 1 (the bytes are a pending document), else 0. */
HOADON_API int hoadon_sign_result_pending(const hoadon_sign_result *result);
/* The output document (borrowed; *len receives its size), or NULL when refused. */
HOADON_API const void *hoadon_sign_result_bytes(const hoadon_sign_result *result, size_t *len);
/* What was signed, or NULL when refused before the signature existed. */
HOADON_API const hoadon_sign_info *hoadon_sign_result_info(const hoadon_sign_result *result);
/* Every diagnostic: validation's, then signing's (borrowed; valid as long as the result). */
HOADON_API const hoadon_report *hoadon_sign_result_report(const hoadon_sign_result *result);
/* Writes the output document to `path` atomically: into a new file of the same directory,
 * flushed to disk, then renamed over `path` — readers see the old file or the new one, never a
 * part of it; on failure nothing is left behind and `path` is untouched. `mode` gives the new
 * file's permission bits (e.g. 0644, or those of the file it replaces); 0: 0666 less the umask.
 * Returns HOADON_OK; HOADON_EINVAL when the result holds no document; HOADON_EIO when writing
 * failed — the result then carries an IO-WRITE diagnostic and is no longer ok (pointers into its
 * report may have moved: get them again). */
HOADON_API int hoadon_sign_result_write(hoadon_sign_result *result, const char *path, unsigned mode);
/* The result as one JSON object: {"file","output","kind","ok","pending","signature":{"slot",
 * "invoice","path","id","algorithm","digest_algorithm","signing_time","signer":{…},"to_be_signed",
 * "digest"},"diagnostics":[…]} — `output` the path written by hoadon_sign_result_write, else null;
 * to_be_signed and digest in base64 for pending results, else null. Free with hoadon_free(). */
HOADON_API char *hoadon_sign_result_to_json(const hoadon_sign_result *result, const char *file);
/* The same for people. Free with hoadon_free(). */
HOADON_API char *hoadon_sign_result_to_text(const hoadon_sign_result *result, const char *file, hoadon_lang lang);

HOADON_API void hoadon_sign_result_free(hoadon_sign_result *result);

/* The same atomic write for any bytes (the digest a two-phase signer needs, …). HOADON_EIO with
 * the reason in hoadon_last_error(). */
HOADON_API int hoadon_file_write(const char *path, const void *data, size_t len, unsigned mode);

/* ------------------------------------------------------------------------------------- */
/* Building invoices                                                                     */
/* ------------------------------------------------------------------------------------- */

/* hoadon_build_invoice writes an invoice (HDon) from a JSON description — the format is
 * documented in lib/build/README.md of the sources and hoadon-build(1): the template (KHMSHDon
 * and the series KHHDon choose it, with PBan 2.0.0, 2.0.1 or 2.1.0), seller, buyer, lines
 * (quantity, unit price, discount, VAT rate), currency and exchange rate, related invoice, fees,
 * extensions (TTKhac). hoadon computes each line's amount, the totals per VAT rate, the grand
 * total and its words, the DLHDon Id, and writes every element in the order of the tables, with
 * empty signature slots; amounts are exact decimals, rounded half away from zero to the
 * currency's minor unit (whole đồng for VND). It refuses inconsistent input — a given amount or
 * total that differs from the one computed (BUILD-MISMATCH), an unknown VAT rate (BUILD-RATE), a
 * missing required field (BUILD-MISSING), a bad tax code (BUILD-TAX-CODE), an element the template
 * does not have (BUILD-NOT-IN-TEMPLATE), an unknown field (BUILD-UNKNOWN-FIELD), … — each
 * diagnostic's `path` a JSON pointer into the input ("/lines/3/quantity"; `line` the CSV row for
 * lines read from CSV). Unless skip_validate, the invoice built is then validated (schemas and
 * business rules, as hoadon_doc_validate with default options) and refused on any error
 * (BUILD-INVALID), those diagnostics located at the pointer of the input they came from. Needs
 * nlohmann-json at build time (HOADON_WITH_JSON): without it every input is refused with
 * HOADON_EUNSUPPORTED and BUILD-UNSUPPORTED. */

typedef struct hoadon_build_options {
  size_t size;           /* sizeof(hoadon_build_options) */
  const void *lines_csv; /* a CSV of the lines (header row: the JSON names of a line's fields), replacing
                            the JSON's "lines"; NULL (default) = none */
  size_t lines_csv_len;  /* its length in bytes */
  int skip_validate;     /* 1: do not validate the invoice built; default 0 */
} hoadon_build_options;

/* Every member at its default. */
#define HOADON_BUILD_OPTIONS_INIT \
  { sizeof(hoadon_build_options), NULL, 0, 0 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_BUILD_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_build_options_init(hoadon_build_options *options, size_t size);

/* 1 when this library can build invoices (it was built with JSON support), else 0. */
HOADON_API int hoadon_build_supported(void);

/* Builds an invoice from `len` bytes of JSON (UTF-8). *report receives every diagnostic (free
 * with hoadon_report_free) in every case but bad arguments. Returns HOADON_OK with the XML in
 * *xml (UTF-8, release with hoadon_free()) and its size in *xml_len; else *xml is NULL and:
 *   HOADON_EREJECTED     the input was refused: the report says where and why;
 *   HOADON_EUNSUPPORTED  built without JSON support (BUILD-UNSUPPORTED);
 *   HOADON_EINVAL        NULL json (with a nonzero len), xml, xml_len or report (*report NULL). */
HOADON_API int hoadon_build_invoice(const void *json, size_t len, const hoadon_build_options *options, void **xml,
                                    size_t *xml_len, hoadon_report **report);
/* Transmission messages (TDiep): wrapping invoices, reading the tax authority's answers    */
/* ------------------------------------------------------------------------------------- */

/* How invoices are wrapped into a message. Strings are copied; NULL means the default. */
typedef struct hoadon_envelope_options {
  size_t size;           /* sizeof(hoadon_envelope_options) */
  const char *type;      /* MLTDiep: "200" (one invoice sent to be given a code), "203" (invoices without
                            code, their data transferred) or "206" (cash-register invoices with their
                            code); required */
  const char *sender;    /* MNGui: "TCT", V or K + tax code without hyphen, or a tax code; default "K" +
                            the sellers' tax code without hyphen (a taxpayer connected directly) */
  const char *receiver;  /* MNNhan; default "TCT" */
  const char *version;   /* PBan; default the invoices' (the latest when they differ) */
  const char *reference; /* MTDTChieu; default none (a request answers no message) */
  const char *uuid;      /* the 32 uppercase hexadecimal digits of MTDiep after the sender; default a new
                            random (version 4) UUID: MTDiep = MNGui + UUID without hyphens */
  int force;             /* 1: give the message back even when it fails validation (an ENV-WRAP-FORCED
                            warning); default 0 */
  const hoadon_validate_options *validate; /* how the message is validated; NULL = defaults */
  /* The taxpayer's signature of a 206 (TDiep/CKSNNT over TDiep/DLieu), made as hoadon_doc_sign
   * makes it with the taxpayer's role: NULL (default) leaves the message unsigned; a signer for
   * another type is refused (ENV-WRAP-HEADER). Its certificate must carry the message's MST
   * (`force` overrides that too). */
  const hoadon_signer *signer;
  long long time;    /* signing time, Unix seconds; 0 (default) = now */
  int sha1;          /* 1: rsa-sha1 and sha1 digests (legacy receivers); default 0 */
  int include_chain; /* 1: KeyInfo also carries the signer's CA certificates; default 0 */
} hoadon_envelope_options;

/* Every member at its default. */
#define HOADON_ENVELOPE_OPTIONS_INIT \
  { sizeof(hoadon_envelope_options), NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0, 0 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_ENVELOPE_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_envelope_options_init(hoadon_envelope_options *options, size_t size);

/* Wraps `count` invoices (parsed HDon documents, left as they are) into one message TDiep:
 * TTChung (PBan, MNGui, MNNhan, MLTDiep, MTDiep, MTDTChieu when given, MST — the sellers' —,
 * SLuong) and DLieu holding each invoice's HDon element byte for byte, so that its signatures
 * still verify; a 206's DLieu gets an Id, for the taxpayer's signature (options: signer). A 200 carries exactly one
 * invoice, with a C series and no MCCQT; a 203 invoices with a K series and no MCCQT; a 206 cash-register invoices
 * (C..M..) with their MCCQT; all of one seller; a message is at most 2 MB. The message is validated (schemas, rules)
 * before it is given back. Returns HOADON_OK with *out the message, parsed (hoadon_doc_bytes gives its bytes), and
 * HOADON_EREFUSED with *out NULL when an invoice does not suit, an option is not valid or the
 * message fails validation; in both cases *report (free with hoadon_report_free) says why, or
 * holds the message's warnings. HOADON_EINVAL (bad arguments, *out and *report NULL). */
HOADON_API int hoadon_envelope_wrap(const hoadon_doc *const *invoices, size_t count,
                                    const hoadon_envelope_options *options, hoadon_doc **out, hoadon_report **report);

/* A message made by hoadon_envelope_wrap (NULL when refused) and the report of its making as one
 * JSON object: {"file","kind","ok","message":{"type","id","reference","sender","receiver",
 * "tax_code","count","version"} or null,"signature":{"slot","id","algorithm","signing_time","path"}
 * or null,"diagnostics":[…]}. Free with hoadon_free(). */
HOADON_API char *hoadon_envelope_to_json(const hoadon_doc *message, const hoadon_report *report, const char *file);
/* The same for people. Free with hoadon_free(). */
HOADON_API char *hoadon_envelope_to_text(const hoadon_doc *message, const hoadon_report *report, const char *file,
                                         hoadon_lang lang);

/* What a tax authority's answer says. */
typedef enum hoadon_answer_outcome {
  HOADON_ANSWER_UNKNOWN = 0,  /* not an answer hoadon reads, or one that does not say (see its diagnostics) */
  HOADON_ANSWER_ACCEPTED = 1, /* 202 coded; 204 LTBao 2 (valid); 999 TTTNhan 0 (received) */
  HOADON_ANSWER_REFUSED = 2   /* 204 any other LTBao; 999 TTTNhan 1 (technical errors) */
} hoadon_answer_outcome;

/* The outcome of an answer (a parsed TDiep 202, 204 or 999); HOADON_ANSWER_UNKNOWN for NULL. */
HOADON_API int hoadon_envelope_answer_outcome(const hoadon_doc *doc);
/* The answer as one JSON object: {"file","kind","ok","answer":{"type","outcome","gloss","gloss_vi",
 * "status","message_id","reference","sender","receiver","tax_code","original_id","time",
 * "notice_number","reasons":[{"code","text","action","note","path"}],"invoices":[{"outcome",
 * "template","series","number","date","mccqt","path","reasons":[…]}]},"diagnostics":[…]} —
 * reasons as the tax authority wrote them (Vietnamese), glosses of the outcome in English and
 * Vietnamese; examples/cli/JSON.md documents each member. NULL on failure; free with hoadon_free(). */
HOADON_API char *hoadon_envelope_answer_to_json(const hoadon_doc *doc, const char *file);
/* The same for people. Free with hoadon_free(). */
HOADON_API char *hoadon_envelope_answer_to_text(const hoadon_doc *doc, const char *file, hoadon_lang lang);

/* ------------------------------------------------------------------------------------- */
/* ZIP archives of documents                                                             */
/* ------------------------------------------------------------------------------------- */

/* The tax portal and vendors hand out ZIP files of invoices. An archive handle holds the XML
 * members of one ZIP file (those whose name ends in ".xml", any case), unpacked in memory —
 * nothing is ever written to disk, so a member's name ("../../x.xml" included) is a label and
 * nothing else. A member that is itself a ZIP file (".zip") is read in place, up to max_depth
 * levels in all; its members are named "inner.zip!member.xml". Other members (PDF, …) are
 * skipped without being unpacked. Every limit below holds against zip bombs; an archive over
 * any of them is refused as a whole (ZIP-LIMIT), as is a corrupt one (ZIP-CORRUPT), one with an
 * encrypted XML or ZIP member (ZIP-ENCRYPTED) and one without XML member (ZIP-EMPTY).
 * Needs libarchive at build time (HOADON_WITH_ARCHIVE): without it every archive is refused
 * with HOADON_EUNSUPPORTED and ZIP-UNSUPPORTED. An archive handle may be read from several
 * threads at once (it does not change after it is opened). */
typedef struct hoadon_archive hoadon_archive;

typedef struct hoadon_archive_options {
  size_t size;             /* sizeof(hoadon_archive_options) */
  size_t max_total_bytes;  /* unpacked XML members and nested archives together; default 256 MiB */
  size_t max_member_bytes; /* one unpacked member; default 64 MiB */
  size_t max_members;      /* entries of any kind, nested ones included; default 100,000 */
  size_t max_ratio;        /* unpacked bytes per byte of each archive (outer or nested), counted
                              over the archive as a whole; the first MiB of each is free;
                              default 100 */
  unsigned max_depth;      /* levels of archives: 1 refuses any ZIP inside; default 2 */
} hoadon_archive_options;

/* Every member at its default. */
#define HOADON_ARCHIVE_OPTIONS_INIT \
  { sizeof(hoadon_archive_options), (size_t)256 << 20, (size_t)64 << 20, 100000, 100, 2 }

/* Sets `size` and every default, writing only the `size` bytes the caller's struct has (pass
 * `sizeof *options`; members the library does not know are zeroed). HOADON_EINVAL when options
 * is NULL or size cannot hold the `size` member. HOADON_ARCHIVE_OPTIONS_INIT does the same at
 * compile time. */
HOADON_API int hoadon_archive_options_init(hoadon_archive_options *options, size_t size);

/* 1 when this build reads ZIP archives, else 0. */
HOADON_API int hoadon_archive_supported(void);

/* 1 when the bytes start as a ZIP file does ("PK\3\4", or "PK\5\6" for an empty archive), else 0. */
HOADON_API int hoadon_archive_detect(const void *head, size_t len);

/* Opens the ZIP file at `path` (read as needed; members other than XML and ZIP are never
 * unpacked). Returns HOADON_OK with at least one member; HOADON_EREJECTED when the archive is
 * refused (its report says why; no member), HOADON_EIO when the file cannot be read (IO-READ),
 * HOADON_EUNSUPPORTED without libarchive. In these three cases *out still receives a handle to
 * free, with its report. HOADON_EINVAL / HOADON_ENOMEM with *out NULL for bad arguments or
 * lack of memory. */
HOADON_API int hoadon_archive_open(const char *path, const hoadon_archive_options *options, hoadon_archive **out);
/* The same for a ZIP file in memory (`len` bytes, read in place: keep them until this returns). */
HOADON_API int hoadon_archive_parse(const void *data, size_t len, const hoadon_archive_options *options,
                                    hoadon_archive **out);
HOADON_API void hoadon_archive_free(hoadon_archive *archive);

/* Why the archive was refused, or an empty report when it was read (borrowed). */
HOADON_API const hoadon_report *hoadon_archive_report(const hoadon_archive *archive);
/* The number of XML members (0 for a refused archive or NULL). */
HOADON_API size_t hoadon_archive_count(const hoadon_archive *archive);
/* The i-th XML member's name inside the archive, in archive order ("a.xml", "lo.zip!b.xml"),
 * as printable UTF-8 (invalid bytes and control characters shown as '?'); NULL when out of
 * range. Borrowed. */
HOADON_API const char *hoadon_archive_name(const hoadon_archive *archive, size_t i);
/* The i-th member's unpacked bytes (borrowed), *len their count; NULL when out of range. */
HOADON_API const void *hoadon_archive_data(const hoadon_archive *archive, size_t i, size_t *len);
/* Parses the i-th member as hoadon_doc_parse does (same statuses; HOADON_ERANGE when i is out
 * of range). */
HOADON_API int hoadon_archive_doc(const hoadon_archive *archive, size_t i, const hoadon_parse_options *options,
                                  hoadon_doc **out);
/* For callers that treat every input as a document: a rejected document (kind "unknown")
 * whose report is the refused archive's, in *out (free it). Returns the status
 * hoadon_archive_open returned (HOADON_EREJECTED, HOADON_EIO or HOADON_EUNSUPPORTED), or
 * HOADON_EINVAL (*out NULL) when the archive was not refused. */
HOADON_API int hoadon_archive_refusal(const hoadon_archive *archive, hoadon_doc **out);

/* ------------------------------------------------------------------------------------- */
/* Exports: invoice lines and headers as CSV or XLSX                                      */
/* ------------------------------------------------------------------------------------- */

/* A batch of documents turned into two tables (lib/tabular/COLUMNS.md lists the columns):
 * "lines", one row per invoice line (DSHHDVu/HHDVu) with the invoice's keys repeated — file,
 * invoice (1-based), seller_tax_code, template, series, number, issue_date — and "invoices",
 * one row per invoice with its header and totals. Values are the element text, trimmed; an
 * absent element is an empty cell. */
typedef struct hoadon_export hoadon_export;

typedef enum hoadon_table { HOADON_TABLE_LINES = 0, HOADON_TABLE_INVOICES = 1 } hoadon_table;

/* A new, empty export in *out; free it with hoadon_export_free. */
HOADON_API int hoadon_export_new(hoadon_export **out);
HOADON_API void hoadon_export_free(hoadon_export *exp);
/* Adds the invoices of `doc` (none for a rejected document or a form) as the batch's
 * `position`-th input, `file` naming it in the rows: rows come out in position order whatever
 * the order of the calls, and this function may be called from several threads at once. A
 * position given twice replaces the earlier rows. */
HOADON_API int hoadon_export_add(hoadon_export *exp, size_t position, const hoadon_doc *doc, const char *file);
/* The number of rows of a table so far. */
HOADON_API size_t hoadon_export_rows(const hoadon_export *exp, hoadon_table table);
/* One table as CSV (RFC 4180: header row, CRLF, quoting as needed; formula-safe — a cell
 * starting with = + - @ TAB or CR, unless a plain decimal number, gets a leading apostrophe;
 * `bom` nonzero: starting with a UTF-8 byte order mark). *out (free with hoadon_free) receives
 * the bytes, *len their count. */
HOADON_API int hoadon_export_csv(const hoadon_export *exp, hoadon_table table, int bom, char **out, size_t *len);
/* Both tables as an XLSX workbook (sheets "Lines" and "Invoices"): amounts, quantities and
 * prices as numbers, dates as dates, text as UTF-8. *out (free with hoadon_free) receives the
 * bytes. HOADON_EUNSUPPORTED when hoadon was built without libxlsxwriter (HOADON_WITH_XLSX);
 * HOADON_EIO when the workbook cannot be made (hoadon_last_error() says why). Write the bytes
 * with hoadon_file_write. */
HOADON_API int hoadon_export_xlsx(const hoadon_export *exp, void **out, size_t *len);
/* 1 when this build writes XLSX, else 0. */
HOADON_API int hoadon_export_xlsx_supported(void);

/* Removes the temporary files of the atomic writes in progress (hoadon_file_write,
 * hoadon_sign_result_write) in every thread, leaving their targets as they were. It is
 * async-signal-safe: call it from your SIGINT/SIGTERM handler before ending the process, so that
 * an interrupted program leaves no temporary file behind. hoadon installs no signal handler. */
HOADON_API void hoadon_remove_temporary_files(void);

#ifdef __cplusplus
}
#endif

#endif /* HOADON_H */
