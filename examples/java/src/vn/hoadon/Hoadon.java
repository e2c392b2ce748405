package vn.hoadon;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** The library as a whole: its version, amounts in words, atomic file writes. */
public final class Hoadon {
  private Hoadon() {}

  static final LibHoadon LIB = LibHoadon.LIB;

  /** The version of the library loaded, e.g. "0.1.0". */
  public static String version() { return str(LIB.hoadon_version()); }

  /** The Vietnamese words of a decimal amount in a currency (ISO 4217; null: VND). */
  public static String amountInWords(String amount, String currency) {
    return take(LIB.hoadon_amount_in_words(amount, currency, null), EINVAL_IF_NULL);
  }

  /** Writes bytes atomically, as signing writes its outputs: the file is whole or absent. */
  public static void writeFile(Path path, byte[] data) throws IOException {
    int status = LIB.hoadon_file_write(path.toString(), data, new LibHoadon.SizeT(data.length), 0);
    if (status == HoadonException.EIO) throw new IOException(path + ": " + lastError());
    check(status);
  }

  // --- what the classes of this package share ---

  private static final int EINVAL_IF_NULL = HoadonException.EINVAL;

  static String lastError() { return str(LIB.hoadon_last_error()); }

  static void check(int status) {
    if (status != 0) throw new HoadonException(status, lastError());
  }

  /** A failure to read `path` as the IOException Java gives for such a file (NoSuchFileException,
   *  AccessDeniedException), the library's error as its cause. */
  static IOException readError(int status, Path path) {
    HoadonException cause = new HoadonException(status, lastError());
    IOException e;
    if (!Files.exists(path)) e = new NoSuchFileException(path.toString());
    else if (!Files.isReadable(path)) e = new AccessDeniedException(path.toString());
    else e = new IOException(path + ": " + cause.getMessage());
    e.initCause(cause);
    return e;
  }

  /** A borrowed UTF-8 string ("" for NULL). */
  static String str(Pointer p) { return p == null ? "" : p.getString(0, "UTF-8"); }

  /** A string of the library's that is ours: decoded and freed. NULL is a failure. */
  static String take(Pointer p, int statusIfNull) {
    if (p == null) throw new HoadonException(statusIfNull, lastError());
    try {
      return p.getString(0, "UTF-8");
    } finally {
      LIB.hoadon_free(p);
    }
  }

  static String json(Pointer p) { return take(p, HoadonException.EINTERNAL); }

  static byte[] bytes(Pointer p, long len) { return p == null ? null : p.getByteArray(0, (int) len); }

  static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  static long seconds(Instant t) { return t == null ? 0 : t.getEpochSecond(); }
}
