package vn.hoadon;

import java.time.Instant;

/** How {@link Document#sign(Signer, SignOptions)} signs; every setter returns this. */
public final class SignOptions {
  /** Whose slot the signature takes (hoadon_sign_role). */
  public enum Role { AUTO, SELLER, BUYER, TAXPAYER }

  Role role = Role.AUTO;
  Instant time;
  boolean sha1, force, includeChain;
  int invoice = -1;

  public SignOptions role(Role r) { role = r; return this; }
  /** The signing time (default now); the certificate must be valid then. */
  public SignOptions time(Instant t) { time = t; return this; }
  /** rsa-sha1, for legacy receivers only. */
  public SignOptions sha1(boolean on) { sha1 = on; return this; }
  /** Sign despite validation errors or a tax-code mismatch (each then a SIGN-FORCED warning). */
  public SignOptions force(boolean on) { force = on; return this; }
  /** Embed the signer's CA certificates. */
  public SignOptions includeChain(boolean on) { includeChain = on; return this; }
  /** Which invoice of a message holding several (0-based). */
  public SignOptions invoice(int i) { invoice = i; return this; }

  LibHoadon.SignOptions toNative() {
    LibHoadon.SignOptions o = new LibHoadon.SignOptions();
    o.role = role.ordinal();
    o.time = Hoadon.seconds(time);
    o.sha1 = sha1 ? 1 : 0;
    o.force = force ? 1 : 0;
    o.include_chain = includeChain ? 1 : 0;
    o.invoice = invoice;
    return o;
  }
}
