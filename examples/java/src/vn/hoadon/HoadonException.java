package vn.hoadon;

/**
 * A failed call into libhoadon: {@link #code()} is the C API's HOADON_E* status and
 * {@link #getMessage()} the library's explanation. Verdicts (an invalid invoice, a signature
 * that does not verify, a refusal to sign) are never thrown: they are results whose ok() is false.
 * A file that cannot be read is an {@link java.io.IOException} instead.
 */
public class HoadonException extends RuntimeException {
  public static final int EINVAL = -1, ENOMEM = -2, EIO = -3, EREJECTED = -4, ERANGE = -5, ENOTFOUND = -6,
      EREFUSED = -7, EAUTH = -8, EUNSUPPORTED = -9, EINTERNAL = -99;

  private static final long serialVersionUID = 1L;

  private final int code;

  public HoadonException(int code, String message) {
    super(message.isEmpty() ? "hoadon status " + code : message);
    this.code = code;
  }

  /** The status code, e.g. {@link #EAUTH} for a wrong password. */
  public int code() { return code; }
}
