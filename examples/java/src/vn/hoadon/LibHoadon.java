package vn.hoadon;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/** The C API of hoadon.h as JNA sees it: only the calls this binding makes. Not public. */
interface LibHoadon extends Library {
  /** Where the library is: -Dhoadon.library or $HOADON_LIBRARY (a path), else the loader's
   *  libhoadon.so.N (N the SOVERSION), as the Python package looks. */
  int SOVERSION = 0;

  LibHoadon LIB = load();

  private static LibHoadon load() {
    String path = System.getProperty("hoadon.library");
    if (path == null || path.isEmpty()) path = System.getenv("HOADON_LIBRARY");
    if (path == null || path.isEmpty()) path = "libhoadon.so." + SOVERSION;
    // Every string crossing the API is UTF-8, whatever the JVM's default charset (Java 17's
    // follows the locale, which is often POSIX under test runners).
    return Native.load(path, LibHoadon.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
  }

  /** size_t, whatever its width on the platform. */
  class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;
    public SizeT() { this(0); }
    public SizeT(long value) { super(Native.SIZE_T_SIZE, value, true); }
  }

  /** A size_t the library writes (size_t *len). */
  class SizeTByReference extends ByReference {
    public SizeTByReference() { super(Native.SIZE_T_SIZE); }
    long value() { return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xffffffffL; }
  }

  // Option structs: the caller's layout, set up by the library's *_init with its size.
  @Structure.FieldOrder({"size", "max_bytes", "max_depth", "max_attributes", "max_document_attributes",
      "max_namespaces_in_scope", "max_namespace_lookups", "any_encoding"})
  class ParseOptions extends Structure {
    public SizeT size; public SizeT max_bytes; public int max_depth; public SizeT max_attributes;
    public SizeT max_document_attributes; public SizeT max_namespaces_in_scope; public SizeT max_namespace_lookups;
    public int any_encoding;
    ParseOptions() { Hoadon.check(LIB.hoadon_parse_options_init(this, new SizeT(size()))); }
  }

  @Structure.FieldOrder({"size", "strict", "version", "skip_schema", "skip_rules", "profile", "tolerance", "now",
      "stage"})
  class ValidateOptions extends Structure {
    public SizeT size; public int strict; public String version; public int skip_schema; public int skip_rules;
    public Pointer profile; public String tolerance; public long now; public int stage;
    ValidateOptions() { Hoadon.check(LIB.hoadon_validate_options_init(this, new SizeT(size()))); }
  }

  @Structure.FieldOrder({"size", "policy", "time", "integrity_only", "profile", "check_tax_code", "online",
      "online_cache", "online_timeout"})
  class VerifyOptions extends Structure {
    public SizeT size; public int policy; public long time; public int integrity_only; public int profile;
    public int check_tax_code; public int online; public String online_cache; public int online_timeout;
    VerifyOptions() { Hoadon.check(LIB.hoadon_verify_options_init(this, new SizeT(size()))); }
  }

  @Structure.FieldOrder({"size", "role", "time", "sha1", "force", "include_chain", "invoice", "validate",
      "validated"})
  class SignOptions extends Structure {
    public SizeT size; public int role; public long time; public int sha1; public int force; public int include_chain;
    public int invoice; public Pointer validate; public Pointer validated;
    SignOptions() { Hoadon.check(LIB.hoadon_sign_options_init(this, new SizeT(size()))); }
  }

  // Library-owned structs, read where the library returned them. Strings stay pointers here:
  // they are decoded as UTF-8 by Hoadon.str.
  @Structure.FieldOrder({"code", "severity", "path", "line", "message", "message_vi"})
  class DiagnosticS extends Structure {
    public Pointer code; public int severity; public Pointer path; public int line; public Pointer message;
    public Pointer message_vi;
    public DiagnosticS() {}
    DiagnosticS(Pointer p) { super(p); read(); }
  }

  @Structure.FieldOrder({"slot", "invoice", "id", "algorithm", "c14n", "signing_time", "path"})
  class SignatureInfoS extends Structure {
    public Pointer slot; public int invoice; public Pointer id; public Pointer algorithm; public Pointer c14n;
    public Pointer signing_time; public Pointer path;
    public SignatureInfoS() {}
    SignatureInfoS(Pointer p) { super(p); read(); }
  }

  @Structure.FieldOrder({"slot", "invoice", "path", "outcome", "outcome_name", "intact", "reason", "algorithm",
      "signing_time", "signer_subject", "signer_tax_code", "signer_issuer", "signer_serial", "signer_not_before",
      "signer_not_after", "covers_count", "covers", "warnings_count", "warnings"})
  class SignatureResultS extends Structure {
    public Pointer slot; public int invoice; public Pointer path; public int outcome; public Pointer outcome_name;
    public int intact; public Pointer reason; public Pointer algorithm; public Pointer signing_time;
    public Pointer signer_subject; public Pointer signer_tax_code; public Pointer signer_issuer;
    public Pointer signer_serial; public Pointer signer_not_before; public Pointer signer_not_after;
    public SizeT covers_count; public Pointer covers; public SizeT warnings_count; public Pointer warnings;
    public SignatureResultS() {}
    SignatureResultS(Pointer p) { super(p); read(); }
  }

  @Structure.FieldOrder({"slot", "invoice", "path", "id", "algorithm", "digest_algorithm", "signing_time",
      "signer_subject", "signer_tax_code", "signer_issuer", "signer_serial", "signer_not_before", "signer_not_after",
      "to_be_signed", "to_be_signed_len", "digest", "digest_len"})
  class SignInfoS extends Structure {
    public Pointer slot; public int invoice; public Pointer path; public Pointer id; public Pointer algorithm;
    public Pointer digest_algorithm; public Pointer signing_time; public Pointer signer_subject;
    public Pointer signer_tax_code; public Pointer signer_issuer; public Pointer signer_serial;
    public Pointer signer_not_before; public Pointer signer_not_after; public Pointer to_be_signed;
    public SizeT to_be_signed_len; public Pointer digest; public SizeT digest_len;
    public SignInfoS() {}
    SignInfoS(Pointer p) { super(p); read(); }
  }

  Pointer hoadon_version();
  Pointer hoadon_last_error();
  void hoadon_free(Pointer p);

  int hoadon_parse_options_init(ParseOptions o, SizeT size);
  int hoadon_validate_options_init(ValidateOptions o, SizeT size);
  int hoadon_verify_options_init(VerifyOptions o, SizeT size);
  int hoadon_sign_options_init(SignOptions o, SizeT size);

  SizeT hoadon_report_count(Pointer report);
  Pointer hoadon_report_get(Pointer report, SizeT i);
  int hoadon_report_ok(Pointer report);
  Pointer hoadon_report_to_json(Pointer report, String file);
  void hoadon_report_free(Pointer report);

  int hoadon_doc_parse(byte[] data, SizeT len, ParseOptions o, PointerByReference out);
  int hoadon_doc_open(String path, ParseOptions o, PointerByReference out);
  void hoadon_doc_free(Pointer doc);
  Pointer hoadon_doc_kind(Pointer doc);
  Pointer hoadon_doc_report(Pointer doc);
  Pointer hoadon_doc_get(Pointer doc, int field);
  SizeT hoadon_doc_invoice_count(Pointer doc);
  Pointer hoadon_doc_invoice_get(Pointer doc, SizeT index, int field);
  SizeT hoadon_doc_signature_count(Pointer doc);
  Pointer hoadon_doc_signature_get(Pointer doc, SizeT i);
  Pointer hoadon_doc_to_json(Pointer doc, String file);

  int hoadon_rule_profile_new(PointerByReference out);
  void hoadon_rule_profile_free(Pointer profile);
  int hoadon_rule_profile_set(Pointer profile, String code, int severity);
  int hoadon_doc_validate(Pointer doc, ValidateOptions o, PointerByReference out);

  int hoadon_trust_new(PointerByReference out);
  void hoadon_trust_free(Pointer trust);
  int hoadon_trust_add_path(Pointer trust, int kind, String path);
  int hoadon_trust_add_memory(Pointer trust, int kind, byte[] data, SizeT len);
  int hoadon_trust_add_list(Pointer trust, String dir);
  SizeT hoadon_trust_count(Pointer trust, int kind);
  int hoadon_time_parse(String text, com.sun.jna.ptr.LongByReference out);

  int hoadon_doc_verify(Pointer doc, Pointer trust, VerifyOptions o, PointerByReference out);
  void hoadon_verify_result_free(Pointer result);
  int hoadon_verify_result_ok(Pointer result);
  SizeT hoadon_verify_result_count(Pointer result);
  Pointer hoadon_verify_result_get(Pointer result, SizeT i);
  Pointer hoadon_signature_result_cover(Pointer s, SizeT i);
  Pointer hoadon_signature_result_warning(Pointer s, SizeT i);
  Pointer hoadon_verify_result_report(Pointer result);
  Pointer hoadon_verify_result_to_json(Pointer result, String file);

  int hoadon_signer_from_pem_files(String key, String certificates, String password, PointerByReference out);
  int hoadon_signer_from_pem(byte[] key, SizeT keyLen, byte[] certs, SizeT certsLen, String password,
      PointerByReference out);
  int hoadon_signer_from_pkcs12_file(String path, String password, PointerByReference out);
  int hoadon_signer_from_certificate(byte[] certificates, SizeT len, PointerByReference out);
  void hoadon_signer_free(Pointer signer);
  Pointer hoadon_signer_kind(Pointer signer);
  Pointer hoadon_signer_subject(Pointer signer);

  int hoadon_doc_sign(Pointer doc, Pointer signer, SignOptions o, PointerByReference out);
  int hoadon_doc_sign_prepare(Pointer doc, Pointer signer, SignOptions o, PointerByReference out);
  int hoadon_doc_sign_complete(Pointer pending, byte[] value, SizeT len, SignOptions o, PointerByReference out);
  int hoadon_sign_result_ok(Pointer result);
  int hoadon_sign_result_pending(Pointer result);
  Pointer hoadon_sign_result_bytes(Pointer result, SizeTByReference len);
  Pointer hoadon_sign_result_info(Pointer result);
  Pointer hoadon_sign_result_report(Pointer result);
  Pointer hoadon_sign_result_to_json(Pointer result, String file);
  void hoadon_sign_result_free(Pointer result);
  int hoadon_file_write(String path, byte[] data, SizeT len, int mode);

  Pointer hoadon_amount_in_words(String amount, String currency, Pointer options);
}
