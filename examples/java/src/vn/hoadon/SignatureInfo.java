package vn.hoadon;

/** A signature as found in a document, before any verification. invoice: 0-based, or -1. */
public record SignatureInfo(String slot, int invoice, String id, String algorithm, String c14n, String signingTime,
                            String path) {
  static SignatureInfo of(com.sun.jna.Pointer p) {
    LibHoadon.SignatureInfoS s = new LibHoadon.SignatureInfoS(p);
    return new SignatureInfo(Hoadon.str(s.slot), s.invoice, Hoadon.str(s.id), Hoadon.str(s.algorithm),
        Hoadon.str(s.c14n), Hoadon.str(s.signing_time), Hoadon.str(s.path));
  }
}
