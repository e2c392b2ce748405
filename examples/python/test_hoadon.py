"""Tests of the Python package, run by ctest with Debian's python3:
    HOADON_LIBRARY=build/lib/libhoadon.so.0 python3 examples/python/test_hoadon.py
With HOADON_TEST_INSTALLED=1 they import the hoadon that is installed (a venv, the Debian package)
instead of the one next to this file."""

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

if not os.environ.get("HOADON_TEST_INSTALLED"):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hoadon  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "invoices", "htx-cao-bang-gtgt-2.1.0.xml")
SAMPLES = os.environ.get("HOADON_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
SAMPLES = os.path.join(SAMPLES, "vn-invoice-samples")
# The test PKI that ctest's "capi: test material" fixture writes (tests/support/pki_tool.cpp):
# signer.key + signer.pem (MST:4800123456, the demo's seller, valid 2025–2028), other.pem
# (MST:0101243150, same key), signer-encrypted.key, signer.p12, anchors.pem, ca.pem, crl.pem.
MATERIAL = os.environ.get("HOADON_TEST_MATERIAL", "")
SIGNING_TIME = "2026-11-20T10:00:00"  # within the test certificates' validity


class DocumentTest(unittest.TestCase):
    def test_summary(self):
        with hoadon.Document.open(DEMO) as d:
            self.assertTrue(d.parsed)
            self.assertEqual(d.kind, "HDon")
            s = d.summary()
            self.assertEqual(s["invoices"][0]["series"], "K26TCB")
            self.assertEqual(s["invoices"][0]["seller_name"], "Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc")

    def test_rejected_input_is_a_result(self):
        d = hoadon.Document.parse("<!DOCTYPE x [<!ENTITY e 'e'>]><x>&e;</x>", label="bomb.xml")
        self.assertFalse(d.parsed)
        s = d.summary()
        self.assertFalse(s["ok"])
        self.assertEqual(s["diagnostics"][0]["code"], "XML-DOCTYPE")
        self.assertEqual(d.validate()["diagnostics"][0]["code"], "XML-DOCTYPE")

    def test_unreadable_file_raises(self):
        # A file that cannot be read is a failure, not a verdict: Python's own OSError, with the
        # library's error (code HOADON_EIO) as its cause.
        with self.assertRaises(FileNotFoundError) as e:
            hoadon.Document.open("/nonexistent/x.xml")
        self.assertIsInstance(e.exception.__cause__, hoadon.FileError)
        self.assertEqual(e.exception.__cause__.code, -3)
        self.assertTrue(e.exception.__cause__.message)
        with self.assertRaises(FileNotFoundError):
            hoadon.validate("/nonexistent/x.xml")
        with self.assertRaises(FileNotFoundError):
            hoadon.verify("/nonexistent/x.xml")
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(IsADirectoryError):
            hoadon.Document.open(tmp)
        with self.assertRaises(FileNotFoundError):
            hoadon.Signer.from_pem_files("/nonexistent/k.pem", "/nonexistent/c.pem")

    def test_library_errors_are_typed(self):
        with hoadon.Document.open(DEMO) as d:
            with self.assertRaises(hoadon.InvalidArgumentError) as e:
                d.validate(version="9.9.9")
        self.assertIsInstance(e.exception, hoadon.Error)
        self.assertIsInstance(e.exception, ValueError)
        self.assertEqual(e.exception.code, -1)  # HOADON_EINVAL
        self.assertEqual(e.exception.status, -1)  # the name of earlier versions
        self.assertIn("9.9.9", e.exception.message)
        self.assertIs(hoadon.HoadonError, hoadon.Error)
        with self.assertRaises(hoadon.FileError) as e:
            hoadon.file_write("/nonexistent/dir/out.bin", b"x")
        self.assertIsInstance(e.exception, OSError)
        self.assertEqual(e.exception.code, -3)

    def test_library_found(self):
        self.assertIn("libhoadon", hoadon.library_path)
        self.assertEqual(hoadon.version().split(".")[0], str(hoadon.SOVERSION))


class ValidateTest(unittest.TestCase):
    def test_demo_passes(self):
        r = hoadon.validate(DEMO)
        self.assertTrue(r["ok"])
        self.assertEqual(r["diagnostics"], [])
        self.assertTrue(hoadon.validate(DEMO, strict=True)["ok"])

    def test_rules_and_severities(self):
        with open(DEMO, encoding="utf-8") as f:
            text = f.read().replace("<MST>0108987656</MST>", "<MST>0108987657</MST>")
        d = hoadon.Document.parse(text, label="bad.xml")
        r = d.validate()
        self.assertFalse(r["ok"])
        codes = [x["code"] for x in r["diagnostics"]]
        self.assertIn("MST-BUYER", codes)
        diag = next(x for x in r["diagnostics"] if x["code"] == "MST-BUYER")
        self.assertEqual(diag["path"], "/HDon/DLHDon/NDHDon/NMua/MST")
        self.assertTrue(diag["message_vi"])
        relaxed = d.validate(rules_severity={"MST-BUYER": "warning"})
        self.assertTrue(relaxed["ok"])
        with self.assertRaises(hoadon.HoadonError) as e:
            d.validate(rules_severity={"NO-SUCH-CODE": "off"})
        self.assertEqual(e.exception.status, -6)  # HOADON_ENOTFOUND
        with self.assertRaises(hoadon.HoadonError):
            d.validate(version="9.9.9")


class VerifyTest(unittest.TestCase):
    def test_unsigned_demo(self):
        r = hoadon.verify(DEMO)
        self.assertFalse(r["ok"])
        self.assertEqual(r["signatures"], [])
        self.assertEqual(r["diagnostics"][0]["code"], "DSIG-NONE")

    @unittest.skipUnless(os.path.isdir(SAMPLES), "../shared/vn-invoice-samples is absent")
    def test_real_sample_integrity(self):
        r = hoadon.verify(os.path.join(SAMPLES, "156.xml"), integrity_only=True)
        self.assertEqual([s["slot"] for s in r["signatures"]], ["NBan", "CQT"])
        self.assertTrue(all(s["integrity"] == "intact" for s in r["signatures"]))
        with open(os.path.join(SAMPLES, "156.xml"), "rb") as f:
            data = f.read().replace(b"<TgTTTBSo>71375040</TgTTTBSo>", b"<TgTTTBSo>71375041</TgTTTBSo>")
        tampered = hoadon.Document.parse(data).verify(integrity_only=True)
        self.assertFalse(tampered["ok"])
        self.assertEqual(tampered["signatures"][0]["integrity"], "broken")

    def test_missing_trust_file(self):
        with self.assertRaises(FileNotFoundError) as e:
            hoadon.verify(DEMO, trust=["/nonexistent/anchors.pem"])
        self.assertEqual(e.exception.__cause__.code, -3)

    def test_verdicts_are_data(self):
        # An invalid invoice, a rejected input and a broken signature are results, never raised.
        with open(DEMO, encoding="utf-8") as f:
            text = f.read().replace("<MST>0108987656</MST>", "<MST>0108987657</MST>")
        r = hoadon.Document.parse(text, label="bad.xml").validate()
        self.assertFalse(r["ok"])
        self.assertIn("MST-BUYER", [x["code"] for x in r["diagnostics"]])
        v = hoadon.Document.parse(b"<x", label="broken.xml").verify()
        self.assertFalse(v["ok"])


def material(name):
    return os.path.join(MATERIAL, name)


def codes(result):
    return [d["code"] for d in result["diagnostics"]]


def verify_with_world(data):
    """Verifies signed bytes with the test PKI's root, issuing CA and CRLs."""
    return hoadon.Document.parse(data, label="signed.xml").verify(
        trust=[material("anchors.pem")], intermediates=[material("ca.pem")], crls=[material("crl.pem")])


@unittest.skipUnless(os.path.isdir(MATERIAL), "no test material ($HOADON_TEST_MATERIAL, written by ctest's fixture)")
class SignTest(unittest.TestCase):
    def seller(self):
        return hoadon.Signer.from_pem_files(material("signer.key"), material("signer.pem"))

    def test_signers(self):
        with self.seller() as s:
            self.assertEqual(s.kind, "pem")
            self.assertIn("MST:4800123456", s.subject)
        with open(material("signer.key"), "rb") as k, open(material("signer.pem"), "rb") as c:
            self.assertEqual(hoadon.Signer.from_pem(k.read(), c.read()).kind, "pem")
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.Signer.from_pem_files(material("signer-encrypted.key"), material("signer.pem"))
        self.assertEqual(e.exception.status, -8)  # HOADON_EAUTH: a password is needed
        self.assertIsInstance(e.exception, hoadon.AuthError)
        self.assertEqual(hoadon.Signer.from_pem_files(material("signer-encrypted.key"), material("signer.pem"),
                                                      password="test-pass").kind, "pem")
        self.assertEqual(hoadon.Signer.from_pkcs12_file(material("signer.p12"), password="p12-pass").kind, "pkcs12")
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.Signer.from_pkcs12_file(material("signer.p12"), password="wrong")
        self.assertEqual(e.exception.status, -8)
        with open(material("signer.pem"), "rb") as c:
            external = hoadon.Signer.from_certificate(c.read())
        self.assertEqual(external.kind, "external")
        with open(material("ca.pem"), "rb") as c:
            self.assertIs(external.add_chain(c.read()), external)
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.Signer.from_pkcs11("pkcs11:token=t", module="/nonexistent.so", pin="1234")
        self.assertEqual(e.exception.status, -3)  # HOADON_EIO: the module cannot be loaded
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.Signer.from_pkcs11("pkcs11:token=t?pin-value=1234")
        self.assertEqual(e.exception.status, -1)  # a PIN in the URI is refused

    def test_sign_and_verify(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "signed.xml")
            r = hoadon.sign(DEMO, self.seller(), time=SIGNING_TIME, output=out)
            self.assertTrue(r["ok"])
            self.assertFalse(r["pending"])
            self.assertEqual(r["output"], out)
            self.assertEqual(r["signature"]["slot"], "NBan")
            self.assertEqual(r["signature"]["signing_time"], SIGNING_TIME)
            self.assertIsNone(r["signature"]["digest"])  # only phase 1 says what to sign
            with open(out, "rb") as f:
                self.assertEqual(f.read(), r["bytes"])
        v = verify_with_world(r["bytes"])
        self.assertTrue(v["ok"], v)
        self.assertEqual([(s["slot"], s["outcome"]) for s in v["signatures"]], [("NBan", "valid")])
        self.assertEqual(v["signatures"][0]["signer"]["tax_code"], "4800123456")
        # The options reach the library: the seller's slot named explicitly, SHA-1 on request.
        with hoadon.Document.open(DEMO) as d:
            legacy = d.sign(self.seller(), role="seller", time=SIGNING_TIME, sha1=True)
        self.assertTrue(legacy["ok"])
        self.assertEqual(legacy["signature"]["algorithm"], "rsa-sha1")
        self.assertIn("SIGN-WEAK", codes(legacy))
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.sign(DEMO, self.seller(), time=SIGNING_TIME, output="/nonexistent/dir/out.xml")
        self.assertEqual(e.exception.status, -3)
        self.assertIsInstance(e.exception, OSError)
        with self.assertRaises(hoadon.InvalidArgumentError):
            hoadon.sign(DEMO, self.seller(), role="notary")

    def test_refusals_are_results(self):
        other = hoadon.Signer.from_pem_files(material("signer.key"), material("other.pem"))
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "never.xml")
            r = hoadon.sign(DEMO, other, time=SIGNING_TIME, output=out)
            self.assertFalse(r["ok"])
            self.assertIn("SIGN-TAX-CODE", codes(r))
            self.assertIsNone(r["bytes"])
            self.assertFalse(os.path.exists(out))  # nothing written when refused
        self.assertTrue(hoadon.sign(DEMO, other, time=SIGNING_TIME, force=True)["ok"])
        # The seller's slot, once signed, is taken; the buyer's is still free.
        signed = hoadon.sign(DEMO, self.seller(), time=SIGNING_TIME)["bytes"]
        with hoadon.Document.parse(signed, label="signed.xml") as d:
            twice = d.sign(self.seller(), time=SIGNING_TIME)
            self.assertFalse(twice["ok"])
            self.assertIn("SIGN-SLOT-TAKEN", codes(twice))
            buyer = hoadon.Signer.from_pem_files(material("signer.key"), material("buyer.pem"))
            both = d.sign(buyer, role="buyer", time=SIGNING_TIME)
        self.assertTrue(both["ok"])
        self.assertEqual([s["outcome"] for s in verify_with_world(both["bytes"])["signatures"]], ["valid", "valid"])
        # A rejected input is a result too.
        rejected = hoadon.Document.parse("<!DOCTYPE x><x/>").sign(self.seller(), time=SIGNING_TIME)
        self.assertFalse(rejected["ok"])
        self.assertIn("XML-DOCTYPE", codes(rejected))

    def test_two_phases(self):
        with open(material("signer.pem"), "rb") as c:
            external = hoadon.Signer.from_certificate(c.read())
        with hoadon.Document.open(DEMO) as d:
            self.assertIn("SIGN-KEY", codes(d.sign(external, time=SIGNING_TIME)))  # one phase needs a key
            prepared = d.sign_prepare(external, time=SIGNING_TIME)
        self.assertTrue(prepared["ok"])
        self.assertTrue(prepared["pending"])
        digest = base64.b64decode(prepared["signature"]["digest"])
        self.assertEqual(len(digest), 32)
        self.assertTrue(base64.b64decode(prepared["signature"]["to_be_signed"]).startswith(b"<SignedInfo"))
        self.assertFalse(verify_with_world(prepared["bytes"])["ok"])  # pending: not valid yet
        pending = hoadon.Document.parse(prepared["bytes"], label="pending.xml")
        wrong = pending.sign_complete(b"bad")
        self.assertFalse(wrong["ok"])
        self.assertIn("SIGN-VALUE", codes(wrong))

        openssl = shutil.which("openssl") or ("/usr/bin/openssl" if os.path.exists("/usr/bin/openssl") else None)
        if not openssl:
            self.assertIsNone(os.environ.get("HOADON_REQUIRE_TOOLS"), "openssl is required in CI")
            self.skipTest("openssl is not installed: phase 2 with an external signer not tested")
        with tempfile.TemporaryDirectory() as tmp:
            digest_path = os.path.join(tmp, "pending.xml.digest")
            hoadon.file_write(digest_path, digest)
            # PKCS#1 v1.5 over SHA-256's DigestInfo of the 32 bytes given: what hoadon expects.
            value = subprocess.run([openssl, "pkeyutl", "-sign", "-inkey", material("signer.key"),
                                    "-pkeyopt", "digest:sha256", "-in", digest_path],
                                   check=True, capture_output=True).stdout
            self.assertEqual(len(value), 256)
            out = os.path.join(tmp, "signed.xml")
            done = pending.sign_complete(value, output=out)
            self.assertTrue(done["ok"], done)
            self.assertFalse(done["pending"])
            self.assertEqual(done["output"], out)
        self.assertTrue(verify_with_world(done["bytes"])["ok"])
        # Byte for byte what one phase writes with the same key and time.
        self.assertEqual(done["bytes"], hoadon.sign(DEMO, self.seller(), time=SIGNING_TIME)["bytes"])
        pending.close()


class WordsTest(unittest.TestCase):
    def test_words(self):
        self.assertEqual(hoadon.amount_in_words(51570000), "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng")
        self.assertEqual(hoadon.amount_in_words("1000005"), "Một triệu không trăm linh năm đồng")
        with self.assertRaises(hoadon.HoadonError):
            hoadon.amount_in_words("12,5")

    def test_version(self):
        self.assertRegex(hoadon.version(), r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
