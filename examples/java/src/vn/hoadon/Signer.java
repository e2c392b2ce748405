package vn.hoadon;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.file.Path;

/** A private key with its certificate (or only a certificate, for two-phase signing). One signer
 *  may sign on any number of threads at once. A wrong or missing password throws
 *  {@link HoadonException} with code {@link HoadonException#EAUTH}. */
public final class Signer extends Handle {
  private Signer(Pointer h) { super(h, Hoadon.LIB::hoadon_signer_free); }

  private interface Call { int run(PointerByReference out); }

  private static Signer make(Call call, Path... files) throws IOException {
    PointerByReference out = new PointerByReference();
    int status = call.run(out);
    if (status == HoadonException.EIO) {
      for (Path f : files) {
        IOException e = Hoadon.readError(status, f);
        if (!e.getClass().equals(IOException.class)) throw e;  // the file Java cannot read either
      }
      throw new IOException(Hoadon.lastError(), new HoadonException(status, Hoadon.lastError()));
    }
    Hoadon.check(status);
    return new Signer(out.getValue());
  }

  private static String secret(char[] password) { return password == null ? null : new String(password); }

  /** A PEM or DER private key file and a file of certificates (the key's and its chain). */
  public static Signer fromPemFiles(Path key, Path certificates, char[] password) throws IOException {
    return make(out -> Hoadon.LIB.hoadon_signer_from_pem_files(key.toString(), certificates.toString(),
        secret(password), out), key, certificates);
  }

  /** The same from memory. */
  public static Signer fromPem(byte[] key, byte[] certificates, char[] password) {
    try {
      return make(out -> Hoadon.LIB.hoadon_signer_from_pem(key, new LibHoadon.SizeT(key.length), certificates,
          new LibHoadon.SizeT(certificates.length), secret(password), out));
    } catch (IOException e) {
      throw new IllegalStateException(e);  // nothing is read from a file
    }
  }

  /** A PKCS#12 file (.p12, .pfx); a null password is the empty one. */
  public static Signer fromPkcs12File(Path path, char[] password) throws IOException {
    return make(out -> Hoadon.LIB.hoadon_signer_from_pkcs12_file(path.toString(), secret(password), out), path);
  }

  /** An external signer: only certificates (PEM or DER), for {@link Document#signPrepare}. */
  public static Signer fromCertificate(byte[] certificates) {
    try {
      return make(out -> Hoadon.LIB.hoadon_signer_from_certificate(certificates,
          new LibHoadon.SizeT(certificates.length), out));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "pem", "pkcs12", "pkcs11" or "external". */
  public String kind() { return Hoadon.str(Hoadon.LIB.hoadon_signer_kind(handle())); }

  /** The certificate's subject, RFC 4514 form. */
  public String subject() { return Hoadon.str(Hoadon.LIB.hoadon_signer_subject(handle())); }
}
