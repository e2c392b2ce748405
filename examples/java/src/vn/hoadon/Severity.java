package vn.hoadon;

/** How much a diagnostic matters (hoadon_severity). */
public enum Severity {
  INFO, WARNING, ERROR;

  static Severity of(int value) { return values()[value]; }
}
