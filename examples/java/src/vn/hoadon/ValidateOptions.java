package vn.hoadon;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How {@link Document#validate(ValidateOptions)} validates; every setter returns this. */
public final class ValidateOptions {
  /** Where invoices are in their life (hoadon_stage): it decides the signatures they need. */
  public enum Stage { AUTO, DRAFT, SIGNED, ISSUED }

  /** A code's severity in a rule profile: one of {@link Severity}, or off, or back to the default. */
  public static final int OFF = -1, DEFAULT = -2;

  boolean strict, skipSchema, skipRules;
  String version, tolerance;
  Instant now;
  Stage stage = Stage.AUTO;
  final Map<String, Integer> severities = new LinkedHashMap<>();

  /** Enforce the format tables literally. */
  public ValidateOptions strict(boolean on) { strict = on; return this; }
  /** Validate as this PBan ("2.1.0") instead of the declared one. */
  public ValidateOptions version(String v) { version = v; return this; }
  public ValidateOptions skipSchema(boolean on) { skipSchema = on; return this; }
  public ValidateOptions skipRules(boolean on) { skipRules = on; return this; }
  /** Largest accepted difference per amount comparison, a decimal string ("5"). */
  public ValidateOptions tolerance(String t) { tolerance = t; return this; }
  /** "Now" for the date rules. */
  public ValidateOptions now(Instant t) { now = t; return this; }
  public ValidateOptions stage(Stage s) { stage = s; return this; }
  /** Reports `code` at `severity` instead of its catalogue default. */
  public ValidateOptions severity(String code, Severity severity) { severities.put(code, severity.ordinal()); return this; }
  /** Does not report `code`. */
  public ValidateOptions off(String code) { severities.put(code, OFF); return this; }
}
