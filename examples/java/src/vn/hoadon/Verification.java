package vn.hoadon;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/** The verification of one document: a verdict, never thrown. A copy: nothing to close. */
public final class Verification {
  private final boolean ok;
  private final List<SignatureOutcome> signatures;
  private final List<Diagnostic> diagnostics;
  private final String json;

  Verification(Pointer result, String label) {
    ok = Hoadon.LIB.hoadon_verify_result_ok(result) == 1;
    long n = Hoadon.LIB.hoadon_verify_result_count(result).longValue();
    List<SignatureOutcome> list = new ArrayList<>();
    for (long i = 0; i < n; i++)
      list.add(SignatureOutcome.of(Hoadon.LIB.hoadon_verify_result_get(result, new LibHoadon.SizeT(i))));
    signatures = List.copyOf(list);
    diagnostics = Report.diagnostics(Hoadon.LIB.hoadon_verify_result_report(result));
    json = Hoadon.json(Hoadon.LIB.hoadon_verify_result_to_json(result, label));
  }

  /** True when there is at least one signature, every one valid, and no error. */
  public boolean ok() { return ok; }
  public List<SignatureOutcome> signatures() { return signatures; }
  public List<Diagnostic> diagnostics() { return diagnostics; }
  public boolean has(String code) { return diagnostics.stream().anyMatch(d -> d.code().equals(code)); }
  /** As `hoadon verify --format json` prints it. */
  public String toJson() { return json; }
}
