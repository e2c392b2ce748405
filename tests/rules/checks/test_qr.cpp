// QR-*: the QR code data, as EMVCo TLV with the invoice lookup template 99.
#include <fmt/format.h>

#include "rules/checks/support.hpp"
#include "rules/qrcode.hpp"
#include "rules/support.hpp"

using namespace hoadon::test;

namespace {

// A payload for the issued demo invoice, with its CRC computed (or `crc` as given).
std::string payload(std::string_view mst = "4800123456", std::string_view date = "20261120",
                    std::string_view total = "51570000", std::string_view crc = "") {
  const std::string lookup = tlv("00", "A000000775") + tlv("01", mst) + tlv("02", "1") + tlv("03", "C26TCB") +
                             tlv("04", "123") + tlv("05", date) + tlv("06", total);
  const std::string body = tlv("00", "01") + tlv("01", "12") + tlv("53", "704") + tlv("58", "VN") + tlv("99", lookup);
  return crc.empty() ? with_crc(body) : body + "6304" + std::string(crc);
}

std::string with_qr(std::string_view qr) {
  return edit(issued_vat(), "<DSCKS>", "<DLQRCode>" + std::string(qr) + "</DLQRCode><DSCKS>");
}

}  // namespace

TEST_CASE("QR-CRC: the CRC-16 of tag 63, which a flipped digit fails") {
  CHECK_CODES(check_rules(with_qr(payload())), {});
  auto r = check_rules(with_qr(payload("4800123456", "20261120", "51570000", "383C")));
  CHECK_CODES(r, {"QR-CRC"});
  CHECK(r.first("QR-CRC").where.path == "/HDon/DLQRCode");
  CHECK(r.first("QR-CRC").message.find("(383C is the official example's CRC, copied)") != std::string::npos);
  const std::string flipped = edit(payload(), "5303704", "5303705");  // one digit changed, CRC unchanged
  CHECK_CODES(check_rules(with_qr(flipped)), {"QR-CRC"});
  const std::string no_crc = payload().substr(0, payload().size() - 8);
  CHECK(check_rules(with_qr(no_crc)).first("QR-CRC").message.find("does not end with a CRC object") !=
        std::string::npos);
}

TEST_CASE("QR: the spec's official example, on the invoice it describes") {
  // Spec §4.2: seller 0107001729-001, template 1, C21TYY no. 68 of 2021-11-21, total 120,000.
  std::string x =
      set(set(set(set(issued_vat(), "KHHDon", "C21TYY"), "SHDon", "68"), "NLap", "2021-11-21"), "TgTTTBSo", "120000");
  x = edit(x, "<MST>4800123456</MST>", "<MST>0107001729-001</MST>");
  const auto qr_codes = [](const Checked& c) {
    std::vector<std::string> out;
    for (auto& k : c.codes())
      if (k.starts_with("QR-")) out.push_back(k);
    return out;
  };
  const std::string payload = with_crc(official_example_body());
  CHECK(qr_codes(check_rules(edit(x, "<DSCKS>", "<DLQRCode>" + payload + "</DLQRCode><DSCKS>"))).empty());
  const std::string flipped = edit(payload, "5303704", "5303705");
  CHECK(qr_codes(check_rules(edit(x, "<DSCKS>", "<DLQRCode>" + flipped + "</DLQRCode><DSCKS>"))) ==
        std::vector<std::string>{"QR-CRC"});
}

TEST_CASE("QR-FORMAT: EMVCo TLV, or something else entirely") {
  auto r = check_rules(with_qr("MST:4800123456|C26TCB|123"));
  CHECK_CODES(r, {"QR-FORMAT"});
  CHECK(r.first("QR-FORMAT").message.find("does not start with 000201") != std::string::npos);
  // Nacencomm writes the length of a 101-character template as "101" [S 011].
  std::string lookup = tlv("00", "A000000775") + tlv("01", "4800123456") + tlv("02", "1") + tlv("03", "C26TCB") +
                       tlv("04", "123") + tlv("05", "20261120") + tlv("06", "51570000");
  lookup += tlv("07", std::string(101 - lookup.size() - 4, '9'));
  REQUIRE(lookup.size() == 101);
  const std::string body = with_crc(tlv("00", "01") + "99101" + lookup);
  r = check_rules(with_qr(body));
  CHECK_CODES(r, {"QR-FORMAT"});
  CHECK(r.first("QR-FORMAT").message.find("without zero padding") != std::string::npos);
  r = check_rules(with_qr("0002019905ab"));
  CHECK(r.has("QR-FORMAT"));
  CHECK(r.first("QR-FORMAT").message.find("runs past the end") != std::string::npos);
}

TEST_CASE("QR-LOOKUP: template 99 present and well formed") {
  auto r = check_rules(with_qr(with_crc(tlv("00", "01") + tlv("01", "12") + tlv("53", "704"))));
  CHECK_CODES(r, {"QR-LOOKUP"});
  CHECK(r.first("QR-LOOKUP").message.find("has no invoice lookup template (tag 99)") != std::string::npos);
  // EasyInvoice writes NLap as an ISO date-time [S 194]: malformed, and not compared.
  r = check_rules(with_qr(payload("4800123456", "2026-11-20T14:35:55")));
  CHECK_CODES(r, {"QR-LOOKUP"});
  CHECK(r.first("QR-LOOKUP").message.find("sub-fields 05 are missing or malformed") != std::string::npos);
}

TEST_CASE("QR-MISMATCH: the lookup data agree with the invoice") {
  CHECK_CODES(check_rules(with_qr(payload("4800123456", "20261120", "51570000.00"))), {});  // numerically equal
  // Sample 115: the QR's date is five days before NLap.
  auto r = check_rules(with_qr(payload("4800123456", "20261115")));
  CHECK_CODES(r, {"QR-MISMATCH"});
  CHECK(r.first("QR-MISMATCH").message ==
        "HDon/DLQRCode (Dữ liệu mã QR): 99.05 says \"20261115\" but NLap is \"2026-11-20\"");
  r = check_rules(with_qr(payload("0101234565", "20261120", "51570001")));
  CHECK_CODES(r, {"QR-MISMATCH"});
  CHECK(r.first("QR-MISMATCH")
            .message.find("99.01 says \"0101234565\" but NBan/MST is \"4800123456\"; 99.06 says "
                          "\"51570001\" but TgTTTBSo is \"51570000\"") != std::string::npos);
  // The branch form compares without its hyphen.
  const std::string branch = edit(issued_vat(), "<MST>4800123456</MST>", "<MST>4800123456-001</MST>");
  CHECK_CODES(check_rules(edit(branch, "<DSCKS>", "<DLQRCode>" + payload("4800123456001") + "</DLQRCode><DSCKS>")), {});
}
