package vn.hoadon;

import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.file.Path;

/** What verification trusts: anchors, intermediates, CRLs, the tax authority's certificates.
 *  Load it once and share it: verifications on any number of threads may use it at once. */
public final class Trust extends Handle {
  private static final int ANCHOR = 0, INTERMEDIATE = 1, CRL = 2, PINNED_KEY = 3, TAX_AUTHORITY = 4;

  /** An empty configuration: every signature is at best indeterminate ("untrusted"). */
  public Trust() { super(create(), Hoadon.LIB::hoadon_trust_free); }

  private static com.sun.jna.Pointer create() {
    PointerByReference out = new PointerByReference();
    Hoadon.check(Hoadon.LIB.hoadon_trust_new(out));
    return out.getValue();
  }

  private Trust add(int kind, Path path) throws IOException {
    int status = Hoadon.LIB.hoadon_trust_add_path(handle(), kind, path.toString());
    if (status == HoadonException.EIO) throw Hoadon.readError(status, path);
    Hoadon.check(status);  // ENOTFOUND: nothing of that kind in the file
    return this;
  }

  /** Trusted certificates (a file of PEM/DER certificates or bundles, or a directory of them). */
  public Trust addAnchors(Path path) throws IOException { return add(ANCHOR, path); }
  public Trust addIntermediates(Path path) throws IOException { return add(INTERMEDIATE, path); }
  public Trust addCrls(Path path) throws IOException { return add(CRL, path); }
  public Trust addPinnedKeys(Path path) throws IOException { return add(PINNED_KEY, path); }
  public Trust addTaxAuthority(Path path) throws IOException { return add(TAX_AUTHORITY, path); }

  /** A trust list directory (trust-list.tsv), or, for null, the installed and the user's lists. */
  public Trust addList(Path dir) {
    Hoadon.check(Hoadon.LIB.hoadon_trust_add_list(handle(), dir == null ? null : dir.toString()));
    return this;
  }

  /** How many anchors were loaded. */
  public long anchors() { return Hoadon.LIB.hoadon_trust_count(handle(), ANCHOR).longValue(); }
}
