package vn.hoadon;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/** What verification found about one signature. invoice: 0-based, or -1; reason: why it is not
 *  valid ("digest-mismatch", "untrusted", …), "" when valid. */
public record SignatureOutcome(String slot, int invoice, String path, Outcome outcome, boolean intact, String reason,
                               String algorithm, String signingTime, String signerSubject, String signerTaxCode,
                               String signerIssuer, String signerSerial, String signerNotBefore,
                               String signerNotAfter, List<String> covers, List<String> warnings) {
  /** hoadon_outcome. */
  public enum Outcome { VALID, INVALID, INDETERMINATE }

  static SignatureOutcome of(Pointer p) {
    LibHoadon.SignatureResultS s = new LibHoadon.SignatureResultS(p);
    List<String> covers = new ArrayList<>(), warnings = new ArrayList<>();
    for (long i = 0; i < s.covers_count.longValue(); i++)
      covers.add(Hoadon.str(Hoadon.LIB.hoadon_signature_result_cover(p, new LibHoadon.SizeT(i))));
    for (long i = 0; i < s.warnings_count.longValue(); i++)
      warnings.add(Hoadon.str(Hoadon.LIB.hoadon_signature_result_warning(p, new LibHoadon.SizeT(i))));
    return new SignatureOutcome(Hoadon.str(s.slot), s.invoice, Hoadon.str(s.path), Outcome.values()[s.outcome],
        s.intact == 1, Hoadon.str(s.reason), Hoadon.str(s.algorithm), Hoadon.str(s.signing_time),
        Hoadon.str(s.signer_subject), Hoadon.str(s.signer_tax_code), Hoadon.str(s.signer_issuer),
        Hoadon.str(s.signer_serial), Hoadon.str(s.signer_not_before), Hoadon.str(s.signer_not_after),
        List.copyOf(covers), List.copyOf(warnings));
  }
}
