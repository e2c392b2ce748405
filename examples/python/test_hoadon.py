"""Tests of the Python module, run by ctest with Debian's python3:
    HOADON_LIBRARY=build/lib/libhoadon.so.0 python3 examples/python/test_hoadon.py"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hoadon  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "invoices", "htx-cao-bang-gtgt-2.1.0.xml")
SAMPLES = os.environ.get("HOADON_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
SAMPLES = os.path.join(SAMPLES, "vn-invoice-samples")


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

    def test_unreadable_file(self):
        d = hoadon.Document.open("/nonexistent/x.xml")
        self.assertEqual(d.status, -3)  # HOADON_EIO
        self.assertEqual(d.summary()["diagnostics"][0]["code"], "IO-READ")


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
        with self.assertRaises(hoadon.HoadonError) as e:
            hoadon.verify(DEMO, trust=["/nonexistent/anchors.pem"])
        self.assertEqual(e.exception.status, -3)


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
