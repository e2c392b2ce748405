package vn.hoadon;

import java.time.Instant;

/** How {@link Document#verify(Trust, VerifyOptions)} verifies; every setter returns this. */
public final class VerifyOptions {
  boolean strict, integrityOnly, xmldsig, checkTaxCode = true;
  Instant at;

  /** The strict policy: SHA-1 and short RSA keys invalidate, unknown revocation is indeterminate. */
  public VerifyOptions strict(boolean on) { strict = on; return this; }
  /** Everything but trust (chain, validity, revocation). */
  public VerifyOptions integrityOnly(boolean on) { integrityOnly = on; return this; }
  /** The generic XMLDSig profile (no invoice roles). */
  public VerifyOptions xmldsig(boolean on) { xmldsig = on; return this; }
  /** Whether the signer's tax code must match the document (default true). */
  public VerifyOptions checkTaxCode(boolean on) { checkTaxCode = on; return this; }
  /** When certificates must be valid (default: each signature's signing time). */
  public VerifyOptions at(Instant t) { at = t; return this; }
}
