package vn.hoadon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java binding's tests, a plain runner (no JUnit: one dependency less): every method named
 * test* runs; a failed check is reported and the exit status is 1. ctest passes
 *   -Dhoadon.source=SOURCE_DIR -Dhoadon.material=TEST_PKI_DIR -Dhoadon.shared=SHARED_DIR
 * (the test PKI of the "capi: test material" fixture; ../shared/vn-invoice-samples when present).
 */
public final class HoadonTest {
  static final Path SOURCE = Path.of(System.getProperty("hoadon.source", "."));
  static final Path DEMO = SOURCE.resolve("examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
  static final Path MATERIAL = Path.of(System.getProperty("hoadon.material", "/nonexistent"));
  static final Path SAMPLES = Path.of(System.getProperty("hoadon.shared", SOURCE.resolve("../shared").toString()))
      .resolve("vn-invoice-samples");
  static final Instant SIGNING_TIME = OffsetDateTime.parse("2026-11-20T10:00:00+07:00").toInstant();

  static int checks, failures;
  static final List<String> skipped = new ArrayList<>();

  static void check(boolean ok, String what) {
    checks++;
    if (!ok) {
      failures++;
      System.out.println("  FAILED: " + what);
    }
  }

  static <T> void equal(T actual, T expected, String what) {
    check(expected == null ? actual == null : expected.equals(actual), what + ": expected " + expected + ", got " + actual);
  }

  interface Body { void run() throws Exception; }

  /** The exception `body` throws, or null (a check fails) when it throws none. */
  static Throwable thrown(Body body, String what) {
    try {
      body.run();
    } catch (Throwable t) {
      return t;
    }
    check(false, what + ": nothing thrown");
    return null;
  }

  static int code(Throwable t) { return t instanceof HoadonException h ? h.code() : 0; }

  static byte[] demoWith(String from, String to) throws Exception {
    return Files.readString(DEMO, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------

  static void testVersion() {
    check(Hoadon.version().matches("\\d+\\.\\d+\\.\\d+"), "version: " + Hoadon.version());
    equal(Hoadon.version().split("\\.")[0], String.valueOf(LibHoadon.SOVERSION), "SOVERSION");
    equal(Hoadon.amountInWords("51570000", null), "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng", "words");
    equal(code(thrown(() -> Hoadon.amountInWords("12,5", null), "words of 12,5")), HoadonException.EINVAL, "words code");
  }

  static void testInspect() throws Exception {
    try (Document d = Document.open(DEMO)) {
      check(d.parsed(), "demo parsed");
      equal(d.kind(), "HDon", "kind");
      equal(d.invoiceCount(), 1, "invoice count");
      equal(d.invoiceField(0, Field.SERIES), "K26TCB", "series");
      equal(d.invoiceField(0, Field.SELLER_NAME), "Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc", "seller (UTF-8)");
      equal(d.invoiceField(0, Field.LINE_COUNT) != null, true, "line count");
      equal(d.invoiceField(5, Field.SERIES), null, "index out of range");
      equal(d.field(Field.MESSAGE_TYPE), null, "no envelope field on an invoice");
      equal(d.signatures().size(), 0, "unsigned");
      check(d.inspectJson().contains("\"series\":\"K26TCB\""), "inspect JSON: " + d.inspectJson());
      check(d.report().ok(), "no parse diagnostic");
    }
    Document closed = Document.open(DEMO);
    closed.close();
    closed.close();  // twice is harmless
    check(thrown(closed::kind, "closed document") instanceof IllegalStateException, "closed document throws");
  }

  static void testRejectedIsData() {
    try (Document d = Document.parse("<!DOCTYPE x [<!ENTITY e 'e'>]><x>&e;</x>".getBytes(), "bomb.xml")) {
      check(!d.parsed(), "a DOCTYPE is rejected");
      equal(d.kind(), "unknown", "rejected kind");
      equal(d.report().diagnostics().get(0).code(), "XML-DOCTYPE", "why");
      check(!d.validate().ok() && d.validate().has("XML-DOCTYPE"), "validation repeats why");
      check(!d.verify(null).ok(), "verification of a rejected document");
    }
  }

  static void testValidate() throws Exception {
    try (Document d = Document.open(DEMO)) {
      Report r = d.validate();
      check(r.ok(), "demo valid: " + r);
      equal(r.diagnostics().size(), 0, "no diagnostic");
      check(d.validate(new ValidateOptions().strict(true)).ok(), "strict");
      check(r.toJson().contains("\"ok\":true"), "report JSON");
    }
    try (Document d = Document.parse(demoWith("<MST>0108987656</MST>", "<MST>0108987657</MST>"), "bad.xml")) {
      Report r = d.validate();
      check(!r.ok(), "a wrong buyer MST is invalid: a verdict, not an exception");
      Diagnostic diag = r.diagnostics().stream().filter(x -> x.code().equals("MST-BUYER")).findFirst().orElse(null);
      check(diag != null, "MST-BUYER reported");
      if (diag != null) {
        equal(diag.severity(), Severity.ERROR, "severity");
        equal(diag.path(), "/HDon/DLHDon/NDHDon/NMua/MST", "location");
        check(diag.line() > 0, "line");
        check(!diag.message().isEmpty() && !diag.messageVi().isEmpty(), "messages EN and VI");
        check(!diag.messageVi().equals(diag.message()), "the Vietnamese message is Vietnamese");
      }
      check(d.validate(new ValidateOptions().severity("MST-BUYER", Severity.WARNING)).ok(), "downgraded");
      check(!d.validate(new ValidateOptions().off("MST-BUYER")).has("MST-BUYER"), "off");
      Throwable t = thrown(() -> d.validate(new ValidateOptions().off("NO-SUCH-CODE")), "unknown code");
      equal(code(t), HoadonException.ENOTFOUND, "unknown code: ENOTFOUND");
      t = thrown(() -> d.validate(new ValidateOptions().version("9.9.9")), "unknown version");
      equal(code(t), HoadonException.EINVAL, "unknown version: EINVAL");
      check(t != null && t.getMessage().contains("9.9.9"), "the library's message: " + (t == null ? "" : t.getMessage()));
    }
  }

  static void testUnreadableFilesThrow() {
    Throwable t = thrown(() -> Document.open(Path.of("/nonexistent/x.xml")), "missing document");
    check(t instanceof NoSuchFileException, "missing document: NoSuchFileException, got " + t);
    equal(code(t == null ? null : t.getCause()), HoadonException.EIO, "cause: the library's EIO");
    t = thrown(() -> Document.open(SOURCE.resolve("examples")), "a directory");
    check(t instanceof java.io.IOException, "a directory: IOException, got " + t);
    t = thrown(() -> new Trust().addAnchors(Path.of("/nonexistent/anchors.pem")), "missing trust file");
    check(t instanceof NoSuchFileException, "missing trust file: NoSuchFileException, got " + t);
    t = thrown(() -> Signer.fromPemFiles(Path.of("/nonexistent/k"), Path.of("/nonexistent/c"), null), "missing key");
    check(t instanceof NoSuchFileException, "missing key: NoSuchFileException, got " + t);
    t = thrown(() -> Hoadon.writeFile(Path.of("/nonexistent/dir/x"), new byte[] {1}), "unwritable");
    check(t instanceof java.io.IOException, "unwritable: IOException, got " + t);
  }

  static void testVerifyUnsigned() throws Exception {
    try (Document d = Document.open(DEMO)) {
      Verification v = d.verify(null);
      check(!v.ok(), "unsigned: not ok");
      equal(v.signatures().size(), 0, "no signature");
      check(v.has("DSIG-NONE"), "DSIG-NONE");
    }
  }

  static Path material(String name) { return MATERIAL.resolve(name); }

  static Trust world() throws Exception {
    return new Trust().addAnchors(material("anchors.pem")).addIntermediates(material("ca.pem")).addCrls(material("crl.pem"));
  }

  static void testSign() throws Exception {
    if (!Files.isDirectory(MATERIAL)) {
      skipped.add("signing: no test material (-Dhoadon.material)");
      return;
    }
    SignOptions at = new SignOptions().time(SIGNING_TIME);
    byte[] signed;
    try (Signer seller = Signer.fromPemFiles(material("signer.key"), material("signer.pem"), null);
         Document d = Document.open(DEMO)) {
      equal(seller.kind(), "pem", "signer kind");
      check(seller.subject().contains("MST:4800123456"), "subject: " + seller.subject());
      SignResult r = d.sign(seller, at);
      check(r.ok(), "signed: " + r.toJson());
      check(!r.pending(), "not pending");
      equal(r.slot(), "NBan", "slot");
      equal(r.signingTime(), "2026-11-20T10:00:00", "signing time (Vietnam's)");
      equal(r.algorithm(), "rsa-sha256", "algorithm");
      equal(r.digest(), null, "no digest outside phase 1");
      signed = r.bytes();
      Path out = Files.createTempFile("hoadon-java", ".xml");
      r.writeTo(out);
      check(java.util.Arrays.equals(Files.readAllBytes(out), signed), "written as returned");
      Files.delete(out);
      SignResult legacy = d.sign(seller, new SignOptions().time(SIGNING_TIME).role(SignOptions.Role.SELLER).sha1(true));
      equal(legacy.algorithm(), "rsa-sha1", "sha1 on request");
      check(legacy.has("SIGN-WEAK"), "SIGN-WEAK");
    }
    try (Trust trust = world(); Document d = Document.parse(signed, "signed.xml")) {
      equal(d.signatures().size(), 1, "one signature found");
      equal(d.signatures().get(0).slot(), "NBan", "found in NBan");
      Verification v = d.verify(trust);
      check(v.ok(), "verified: " + v.toJson());
      SignatureOutcome s = v.signatures().get(0);
      equal(s.outcome(), SignatureOutcome.Outcome.VALID, "outcome");
      check(s.intact(), "intact");
      equal(s.signerTaxCode(), "4800123456", "signer tax code");
      check(!s.covers().isEmpty(), "covers");
      Verification untrusted = d.verify(null);
      equal(untrusted.signatures().get(0).outcome(), SignatureOutcome.Outcome.INDETERMINATE, "no trust: indeterminate");
      equal(untrusted.signatures().get(0).reason(), "untrusted", "reason");
    }
    byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("<SHDon>", "<SHDon>9").getBytes(StandardCharsets.UTF_8);
    try (Trust trust = world(); Document d = Document.parse(tampered, "tampered.xml")) {
      Verification v = d.verify(trust, new VerifyOptions().integrityOnly(true));
      check(!v.ok(), "tampered: not ok");
      check(!v.signatures().isEmpty() && !v.signatures().get(0).intact(), "tampered: broken");
    }
    // Refusals are results.
    try (Signer other = Signer.fromPemFiles(material("signer.key"), material("other.pem"), null);
         Document d = Document.open(DEMO)) {
      SignResult r = d.sign(other, at);
      check(!r.ok() && r.has("SIGN-TAX-CODE"), "another tax code: refused");
      equal(r.bytes(), null, "no bytes when refused");
      check(thrown(() -> r.writeTo(Path.of("/tmp/never.xml")), "writing a refusal") instanceof HoadonException, "nothing to write");
      check(d.sign(other, new SignOptions().time(SIGNING_TIME).force(true)).ok(), "forced");
    }
    // Secrets.
    Throwable t = thrown(() -> Signer.fromPemFiles(material("signer-encrypted.key"), material("signer.pem"), null), "no password");
    equal(code(t), HoadonException.EAUTH, "no password: EAUTH");
    try (Signer s = Signer.fromPemFiles(material("signer-encrypted.key"), material("signer.pem"), "test-pass".toCharArray())) {
      equal(s.kind(), "pem", "encrypted key");
    }
    try (Signer s = Signer.fromPkcs12File(material("signer.p12"), "p12-pass".toCharArray())) {
      equal(s.kind(), "pkcs12", "PKCS#12");
    }
    equal(code(thrown(() -> Signer.fromPkcs12File(material("signer.p12"), "wrong".toCharArray()), "wrong")),
        HoadonException.EAUTH, "wrong password: EAUTH");
    // Two phases: what to sign, then a value that is not a signature.
    try (Signer external = Signer.fromCertificate(Files.readAllBytes(material("signer.pem")));
         Document d = Document.open(DEMO)) {
      equal(external.kind(), "external", "external signer");
      SignResult p = d.signPrepare(external, at);
      check(p.ok() && p.pending(), "prepared");
      equal(p.digest() == null ? -1 : p.digest().length, 32, "SHA-256 digest");
      check(new String(p.toBeSigned(), StandardCharsets.UTF_8).startsWith("<SignedInfo"), "SignedInfo");
      try (Document pending = Document.parse(p.bytes(), "pending.xml")) {
        SignResult wrong = pending.signComplete("bad".getBytes());
        check(!wrong.ok() && wrong.has("SIGN-VALUE"), "a bad value: SIGN-VALUE");
      }
    }
  }

  /** Every real sample: the structured results agree with the library's own JSON. */
  static void testRealSamples() throws Exception {
    if (!Files.isDirectory(SAMPLES)) {
      skipped.add("real samples: " + SAMPLES + " is absent");
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(SAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    int signatures = 0;
    for (Path f : files) {
      try (Document d = Document.open(f)) {
        Report r = d.validate();
        equal(r.toJson().contains("\"ok\":true"), r.ok(), f + ": ok as in JSON");
        Verification v = d.verify(null, new VerifyOptions().integrityOnly(true));
        equal(v.signatures().size(), d.signatures().size(), f + ": signatures found and verified");
        int inJson = v.toJson().split("\"outcome\":", -1).length - 1;
        equal(v.signatures().size(), inJson, f + ": signatures as in JSON");
        signatures += v.signatures().size();
      }
    }
    check(signatures > 0, "the samples carry signatures");
    System.out.println("  " + files.size() + " real samples, " + signatures + " signatures");
    Path s156 = SAMPLES.resolve("156.xml");
    if (Files.exists(s156)) {
      try (Document d = Document.open(s156)) {
        Verification v = d.verify(null, new VerifyOptions().integrityOnly(true));
        equal(v.signatures().stream().map(SignatureOutcome::slot).toList(), List.of("NBan", "CQT"), "156.xml slots");
        check(v.signatures().stream().allMatch(SignatureOutcome::intact), "156.xml intact");
      }
      byte[] data = Files.readString(s156, StandardCharsets.UTF_8)
          .replace("<TgTTTBSo>71375040</TgTTTBSo>", "<TgTTTBSo>71375041</TgTTTBSo>").getBytes(StandardCharsets.UTF_8);
      try (Document d = Document.parse(data, "156-tampered.xml")) {
        Verification v = d.verify(null, new VerifyOptions().integrityOnly(true));
        check(!v.ok() && !v.signatures().get(0).intact(), "156.xml tampered: broken");
      }
    }
  }

  public static void main(String[] args) throws Exception {
    for (var m : HoadonTest.class.getDeclaredMethods()) {
      if (!m.getName().startsWith("test")) continue;
      System.out.println(m.getName());
      int before = failures;
      try {
        m.invoke(null);
      } catch (java.lang.reflect.InvocationTargetException e) {
        failures++;
        System.out.println("  FAILED: threw");
        e.getCause().printStackTrace(System.out);
      }
      if (failures == before) System.out.println("  ok");
    }
    for (String s : skipped) System.out.println("skipped: " + s);
    System.out.println(checks + " checks, " + failures + " failed");
    System.exit(failures == 0 ? 0 : 1);
  }
}
