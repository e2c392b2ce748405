package vn.hoadon;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed document: an invoice (HDon), an envelope (TDiep) or a form. A rejected input
 * (malformed, hostile, over a limit) is a Document too: {@link #parsed()} is false and
 * {@link #report()} says why. One document is used by one thread at a time; close it
 * (try-with-resources).
 */
public final class Document extends Handle {
  private final boolean parsed;
  private final String label;

  private Document(Pointer h, int status, String label) {
    super(h, Hoadon.LIB::hoadon_doc_free);
    this.parsed = status == 0;
    this.label = label;
  }

  /** Parses bytes (copied); `label` names the document in JSON output. */
  public static Document parse(byte[] data, String label) {
    PointerByReference out = new PointerByReference();
    int status = Hoadon.LIB.hoadon_doc_parse(data, new LibHoadon.SizeT(data.length), new LibHoadon.ParseOptions(), out);
    if (out.getValue() == null) Hoadon.check(status);
    return new Document(out.getValue(), status, label);
  }

  public static Document parse(byte[] data) { return parse(data, "-"); }

  /** Reads and parses a file. A file that cannot be read throws (NoSuchFileException, …); a file
   *  read but rejected is a Document whose parsed() is false. */
  public static Document open(Path path) throws IOException {
    PointerByReference out = new PointerByReference();
    int status = Hoadon.LIB.hoadon_doc_open(path.toString(), new LibHoadon.ParseOptions(), out);
    if (status == HoadonException.EIO) {
      IOException e = Hoadon.readError(status, path);
      Hoadon.LIB.hoadon_doc_free(out.getValue());
      throw e;
    }
    if (out.getValue() == null) Hoadon.check(status);
    return new Document(out.getValue(), status, path.toString());
  }

  /** False when the parser rejected the input. */
  public boolean parsed() { return parsed; }

  /** "HDon", "TDiep", "TBao", "TKhai", "BTHDLieu", "BBan", or "unknown". */
  public String kind() { return Hoadon.str(Hoadon.LIB.hoadon_doc_kind(handle())); }

  /** What parsing found (why it was rejected, if it was). */
  public Report report() { return new Report(Hoadon.LIB.hoadon_doc_report(handle()), label); }

  /** A document-level field (Field.MESSAGE_* … FORM_VERSION), or null when absent. */
  public String field(Field f) {
    Pointer p = Hoadon.LIB.hoadon_doc_get(handle(), f.value);
    return p == null ? null : Hoadon.str(p);
  }

  public int invoiceCount() { return (int) Hoadon.LIB.hoadon_doc_invoice_count(handle()).longValue(); }

  /** A field of the index-th invoice, or null when absent. */
  public String invoiceField(int index, Field f) {
    Pointer p = Hoadon.LIB.hoadon_doc_invoice_get(handle(), new LibHoadon.SizeT(index), f.value);
    return p == null ? null : Hoadon.str(p);
  }

  /** The signatures the document carries, unverified. */
  public List<SignatureInfo> signatures() {
    long n = Hoadon.LIB.hoadon_doc_signature_count(handle()).longValue();
    List<SignatureInfo> list = new ArrayList<>();
    for (long i = 0; i < n; i++) list.add(SignatureInfo.of(Hoadon.LIB.hoadon_doc_signature_get(handle(), new LibHoadon.SizeT(i))));
    return List.copyOf(list);
  }

  /** The essentials, as `hoadon inspect --format json` prints them. */
  public String inspectJson() { return Hoadon.json(Hoadon.LIB.hoadon_doc_to_json(handle(), label)); }

  /** Schema and business rules with the defaults. */
  public Report validate() { return validate(new ValidateOptions()); }

  /** Schema and business rules. An invalid document is a report whose ok() is false; bad options
   *  (an unknown version, code or tolerance) throw HoadonException. */
  public Report validate(ValidateOptions options) {
    LibHoadon.ValidateOptions o = new LibHoadon.ValidateOptions();
    o.strict = options.strict ? 1 : 0;
    o.skip_schema = options.skipSchema ? 1 : 0;
    o.skip_rules = options.skipRules ? 1 : 0;
    o.version = options.version;
    o.tolerance = options.tolerance;
    o.now = Hoadon.seconds(options.now);
    o.stage = options.stage.ordinal();
    Pointer profile = null;
    try {
      if (!options.severities.isEmpty()) {
        PointerByReference p = new PointerByReference();
        Hoadon.check(Hoadon.LIB.hoadon_rule_profile_new(p));
        profile = p.getValue();
        for (var e : options.severities.entrySet())
          Hoadon.check(Hoadon.LIB.hoadon_rule_profile_set(profile, e.getKey(), e.getValue()));
      }
      o.profile = profile;
      PointerByReference out = new PointerByReference();
      Hoadon.check(Hoadon.LIB.hoadon_doc_validate(handle(), o, out));
      try {
        return new Report(out.getValue(), label);
      } finally {
        Hoadon.LIB.hoadon_report_free(out.getValue());
      }
    } finally {
      Hoadon.LIB.hoadon_rule_profile_free(profile);
    }
  }

  /** Verifies every signature with `trust` (null: none configured) and the defaults. */
  public Verification verify(Trust trust) { return verify(trust, new VerifyOptions()); }

  /** Verifies every signature; a signature that fails is an outcome, not an exception. */
  public Verification verify(Trust trust, VerifyOptions options) {
    LibHoadon.VerifyOptions o = new LibHoadon.VerifyOptions();
    o.policy = options.strict ? 1 : 0;
    o.time = Hoadon.seconds(options.at);
    o.integrity_only = options.integrityOnly ? 1 : 0;
    o.profile = options.xmldsig ? 1 : 0;
    o.check_tax_code = options.checkTaxCode ? 1 : 0;
    PointerByReference out = new PointerByReference();
    int status = Hoadon.LIB.hoadon_doc_verify(handle(), trust == null ? null : trust.handle(), o, out);
    if (out.getValue() == null) Hoadon.check(status);
    try {
      return new Verification(out.getValue(), label);
    } finally {
      Hoadon.LIB.hoadon_verify_result_free(out.getValue());
    }
  }

  private interface SignCall { int run(PointerByReference out); }

  private SignResult signed(SignCall call) {
    PointerByReference out = new PointerByReference();
    int status = call.run(out);
    if (out.getValue() == null) Hoadon.check(status);
    try {
      // Signed, refused and rejected are results; anything else is a failure of the call.
      if (status != 0 && status != HoadonException.EREFUSED && status != HoadonException.EREJECTED)
        Hoadon.check(status);
      return new SignResult(out.getValue(), label);
    } finally {
      Hoadon.LIB.hoadon_sign_result_free(out.getValue());
    }
  }

  /** Signs with a signer holding a key; the document itself is left as it was. */
  public SignResult sign(Signer signer, SignOptions options) {
    LibHoadon.SignOptions o = options.toNative();
    return signed(out -> Hoadon.LIB.hoadon_doc_sign(handle(), signer.handle(), o, out));
  }

  /** Two-phase signing, phase 1 (a signer with only a certificate): the pending document and its digest. */
  public SignResult signPrepare(Signer signer, SignOptions options) {
    LibHoadon.SignOptions o = options.toNative();
    return signed(out -> Hoadon.LIB.hoadon_doc_sign_prepare(handle(), signer.handle(), o, out));
  }

  /** Phase 2, on the parsed pending document: `value` is the raw signature value of the digest. */
  public SignResult signComplete(byte[] value) {
    LibHoadon.SignOptions o = new SignOptions().toNative();
    return signed(out -> Hoadon.LIB.hoadon_doc_sign_complete(handle(), value, new LibHoadon.SizeT(value.length), o, out));
  }
}
