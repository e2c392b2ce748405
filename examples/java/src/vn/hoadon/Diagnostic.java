package vn.hoadon;

/** One finding about a document: a stable code ("MST-CHECKSUM"), where, and why in English and Vietnamese. */
public record Diagnostic(String code, Severity severity, String path, int line, String message, String messageVi) {
  static Diagnostic of(com.sun.jna.Pointer p) {
    LibHoadon.DiagnosticS d = new LibHoadon.DiagnosticS(p);
    return new Diagnostic(Hoadon.str(d.code), Severity.of(d.severity), Hoadon.str(d.path), d.line,
        Hoadon.str(d.message), Hoadon.str(d.message_vi));
  }

  @Override
  public String toString() { return severity + " " + code + (path.isEmpty() ? "" : " " + path) + ": " + message; }
}
