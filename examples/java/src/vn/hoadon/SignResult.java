package vn.hoadon;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The outcome of signing: the signed (or pending) document, or a refusal whose diagnostics say
 *  why (SIGN-TAX-CODE, SIGN-SLOT-TAKEN, …). A refusal is a result, never thrown. A copy. */
public final class SignResult {
  private final boolean ok, pending;
  private final byte[] bytes, digest, toBeSigned;
  private final String slot, signingTime, algorithm, signerSubject, json;
  private final List<Diagnostic> diagnostics;

  SignResult(Pointer r, String label) {
    ok = Hoadon.LIB.hoadon_sign_result_ok(r) == 1;
    pending = Hoadon.LIB.hoadon_sign_result_pending(r) == 1;
    LibHoadon.SizeTByReference n = new LibHoadon.SizeTByReference();
    Pointer p = Hoadon.LIB.hoadon_sign_result_bytes(r, n);
    bytes = Hoadon.bytes(p, n.value());
    Pointer ip = Hoadon.LIB.hoadon_sign_result_info(r);
    if (ip != null) {
      LibHoadon.SignInfoS info = new LibHoadon.SignInfoS(ip);
      slot = Hoadon.str(info.slot);
      signingTime = Hoadon.str(info.signing_time);
      algorithm = Hoadon.str(info.algorithm);
      signerSubject = Hoadon.str(info.signer_subject);
      digest = Hoadon.bytes(info.digest, info.digest_len.longValue());
      toBeSigned = Hoadon.bytes(info.to_be_signed, info.to_be_signed_len.longValue());
    } else {
      slot = signingTime = algorithm = signerSubject = "";
      digest = toBeSigned = null;
    }
    diagnostics = Report.diagnostics(Hoadon.LIB.hoadon_sign_result_report(r));
    json = Hoadon.json(Hoadon.LIB.hoadon_sign_result_to_json(r, label));
  }

  /** True when signed (or, from signPrepare, prepared). */
  public boolean ok() { return ok; }
  /** True for phase 1 of two-phase signing: bytes() is the pending document. */
  public boolean pending() { return pending; }
  /** The output document, or null when refused. */
  public byte[] bytes() { return bytes == null ? null : bytes.clone(); }
  public String slot() { return slot; }
  public String signingTime() { return signingTime; }
  public String algorithm() { return algorithm; }
  public String signerSubject() { return signerSubject; }
  /** Phase 1 only: the digest the external signer signs (RSA PKCS#1 v1.5), else null. */
  public byte[] digest() { return digest == null ? null : digest.clone(); }
  /** Phase 1 only: the canonical SignedInfo, else null. */
  public byte[] toBeSigned() { return toBeSigned == null ? null : toBeSigned.clone(); }
  public List<Diagnostic> diagnostics() { return diagnostics; }
  public boolean has(String code) { return diagnostics.stream().anyMatch(d -> d.code().equals(code)); }
  public String toJson() { return json; }

  /** Writes the output document atomically (whole or absent). */
  public void writeTo(Path path) throws IOException {
    if (bytes == null) throw new HoadonException(HoadonException.EINVAL, "refused: there is no document to write");
    Hoadon.writeFile(path, bytes);
  }
}
