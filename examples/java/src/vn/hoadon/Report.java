package vn.hoadon;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/** A list of diagnostics about one document (a validation, or what parsing found). A copy:
 *  nothing to close. */
public final class Report {
  private final boolean ok;
  private final List<Diagnostic> diagnostics;
  private final String json;

  Report(Pointer report, String label) {
    ok = Hoadon.LIB.hoadon_report_ok(report) == 1;
    diagnostics = diagnostics(report);
    json = Hoadon.json(Hoadon.LIB.hoadon_report_to_json(report, label));
  }

  static List<Diagnostic> diagnostics(Pointer report) {
    long n = Hoadon.LIB.hoadon_report_count(report).longValue();
    List<Diagnostic> list = new ArrayList<>();
    for (long i = 0; i < n; i++) list.add(Diagnostic.of(Hoadon.LIB.hoadon_report_get(report, new LibHoadon.SizeT(i))));
    return List.copyOf(list);
  }

  /** True when no diagnostic is an error. */
  public boolean ok() { return ok; }

  public List<Diagnostic> diagnostics() { return diagnostics; }

  /** Whether a diagnostic of this code is present. */
  public boolean has(String code) { return diagnostics.stream().anyMatch(d -> d.code().equals(code)); }

  /** The report as the CLI's JSON ({"file","kind","ok","diagnostics":[…]}). */
  public String toJson() { return json; }

  @Override
  public String toString() { return (ok ? "OK" : "FAILED") + " " + diagnostics; }
}
