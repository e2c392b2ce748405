#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <string>

#include "rules/qrcode.hpp"
#include "rules/series.hpp"
#include "rules/support.hpp"
#include "support/support.hpp"
#include "util/decimal.hpp"

using namespace hoadon;
using namespace hoadon::rules;

using hoadon::test::official_example_body;
using hoadon::test::tlv;
using hoadon::test::with_crc;

TEST_CASE("qrcode: CRC-16/CCITT-FALSE") {
  CHECK(crc16_ccitt_false("123456789") == 0x29B1);  // the catalogue check value
  CHECK(crc16_ccitt_false("") == 0xFFFF);
  CHECK(crc16_ccitt_false("A") == 0xB915);
}

TEST_CASE("qrcode: the official example of the spec, rebuilt from its table") {
  const std::string body = official_example_body();
  // Its stated CRC 383C cannot be reproduced: the table omits tags 02, 04 and 62, whose bytes
  // the CRC covers. So the rebuilt payload does not carry 383C ...
  const std::string stated = body + "6304383C";
  CHECK(check_qr_crc(stated).status == CrcStatus::mismatch);
  // ... and is checked with its own CRC instead.
  const std::string payload = with_crc(body);
  CHECK(check_qr_crc(payload).status == CrcStatus::ok);
  const auto parsed = parse_emv_qr(payload);
  REQUIRE(parsed.ok());
  CHECK(parsed.objects.size() == 11);
  const TlvObject* merchant = find_tlv(parsed.objects, "26");
  REQUIRE(merchant != nullptr);
  CHECK(find_tlv(merchant->children, "01")->value == "0107001729");
  const auto lookup = invoice_lookup(parsed);
  REQUIRE(lookup);
  CHECK(lookup->guid == "A000000775");
  CHECK(lookup->seller_tax_code == "0107001729001");
  CHECK(lookup->template_code == "1");
  CHECK(lookup->series == "C21TYY");
  CHECK(lookup->number == "68");
  CHECK(lookup->issue_date == "20211121");
  CHECK(lookup->total == "120000");
  CHECK(invoice_lookup_problems(*lookup).empty());
  CHECK(find_tlv(parsed.objects, "63")->value == payload.substr(payload.size() - 4));

  // Any flipped digit breaks the CRC.
  for (std::size_t i = 0; i + 8 < payload.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(payload[i]))) continue;
    std::string flipped = payload;
    flipped[i] = payload[i] == '9' ? '0' : static_cast<char>(payload[i] + 1);
    CAPTURE(i);
    CHECK(check_qr_crc(flipped).status == CrcStatus::mismatch);
  }
}

TEST_CASE("qrcode: malformed payloads") {
  CHECK(parse_emv_qr("").error == QrError::empty);
  auto p = parse_emv_qr("0002010A12");
  CHECK(p.error == QrError::bad_id);
  CHECK(p.position == 6);
  p = parse_emv_qr("00020101x2");
  CHECK(p.error == QrError::bad_length);
  CHECK(p.position == 8);
  CHECK(parse_emv_qr("000001").error == QrError::bad_length);
  p = parse_emv_qr("00020101051234");
  CHECK(p.error == QrError::truncated);
  CHECK(p.position == 6);
  p = parse_emv_qr("0002019905ABCDE");
  CHECK(p.error == QrError::bad_template);
  CHECK(p.position == 10);
  CHECK(parse_emv_qr("00020").error == QrError::truncated);
  CHECK(parse_emv_qr("000").error == QrError::bad_length);
  CHECK(parse_emv_qr("0").error == QrError::bad_id);
  CHECK(parse_emv_qr("5904ĐÔNG").ok());  // lengths count characters, not bytes
  CHECK(check_qr_crc("000201").status == CrcStatus::missing);
  CHECK(check_qr_crc("0002016304ZZZZ").status == CrcStatus::malformed);
  CHECK(check_qr_crc(with_crc("000201")).status == CrcStatus::ok);
  std::string lower = with_crc("000201");
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  CHECK(check_qr_crc(lower).status == CrcStatus::ok);
  CHECK_FALSE(invoice_lookup(parse_emv_qr("000201")).has_value());
}

TEST_CASE("qrcode: lenient lengths") {
  // As sample 011 writes it: template 99 of 101 characters with its length written "101", and
  // sub-field 04 with a 1-digit length ("044" + "1632") among padded ones.
  const std::string inner = tlv("00", std::string(32, 'A')) + tlv("01", "3700789868") + tlv("02", "1") +
                            tlv("03", "C25TAC") +
                            "044"
                            "1632" +
                            tlv("05", "20251017") + tlv("06", "114203.605420");
  REQUIRE(inner.size() == 101);
  const std::string payload =
      "000201"
      "99" +
      std::to_string(inner.size()) + inner + "6304383C";
  CHECK_FALSE(parse_emv_qr(payload).ok());
  QrOptions lenient;
  lenient.lenient_lengths = true;
  const auto p = parse_emv_qr(payload, lenient);
  REQUIRE(p.ok());
  const TlvObject* t99 = find_tlv(p.objects, "99");
  REQUIRE(t99 != nullptr);
  CHECK(t99->unpadded_length);
  REQUIRE(find_tlv(t99->children, "04") != nullptr);
  CHECK(find_tlv(t99->children, "04")->unpadded_length);
  REQUIRE(find_tlv(t99->children, "03") != nullptr);
  CHECK_FALSE(find_tlv(t99->children, "03")->unpadded_length);
  const auto lookup = invoice_lookup(p);
  REQUIRE(lookup);
  CHECK(lookup->number == "1632");
  CHECK(lookup->total == "114203.605420");
}

TEST_CASE("qrcode: every DLQRCode in the real samples") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  QrOptions lenient;
  lenient.lenient_lengths = true;
  int payloads = 0, crc_ok = 0, lookups = 0;
  for (const auto& file : hoadon::test::sample_files()) {
    const std::string xml = hoadon::test::read_text(file);
    const auto codes = hoadon::test::element_texts(xml, "DLQRCode");
    const auto series = hoadon::test::element_texts(xml, "KHHDon");
    const auto numbers = hoadon::test::element_texts(xml, "SHDon");
    const auto totals = hoadon::test::element_texts(xml, "TgTTTBSo");
    for (std::size_t i = 0; i < codes.size(); ++i) {
      const std::string name = file.filename().string();
      const std::string_view payload = hoadon::test::trim(codes[i]);
      CAPTURE(name);
      CAPTURE(payload);
      ++payloads;
      const auto crc = check_qr_crc(payload);
      if (name == "002.xml" || name == "194.xml") {
        CHECK(crc.status == CrcStatus::ok);  // VNPAY and EasyInvoice compute the CRC
        ++crc_ok;
      } else if (name == "003.xml") {
        CHECK(crc.status == CrcStatus::missing);  // SES puts a 32-char hash in tag 63
      } else {
        // Nacencomm copies "383C" from the official example instead of computing it.
        CHECK(crc.status == CrcStatus::mismatch);
        CHECK(crc.stated == 0x383C);
      }
      const bool standard = parse_emv_qr(payload).ok();
      CHECK(standard == (name == "002.xml" || name == "003.xml" || name == "194.xml"));
      const auto parsed = parse_emv_qr(payload, lenient);
      REQUIRE(parsed.ok());
      const auto lookup = invoice_lookup(parsed);
      if (name == "003.xml") {  // SES carries the lookup data in template 62, not 99
        CHECK_FALSE(lookup.has_value());
        continue;
      }
      REQUIRE(lookup);
      ++lookups;
      REQUIRE(i < series.size());
      CHECK(lookup->series == hoadon::test::trim(series[i]));
      CHECK(parse_invoice_number(*lookup->number).value == parse_invoice_number(hoadon::test::trim(numbers[i])).value);
      CHECK(parse_decimal(*lookup->total).value == parse_decimal(hoadon::test::trim(totals[i])).value);
      const auto problems = invoice_lookup_problems(*lookup);
      if (name == "194.xml") {  // no GUID, and NLap written as an ISO date-time
        CHECK(problems == std::vector<std::string_view>{"00", "05"});
      } else {
        CHECK(problems.empty());
      }
    }
  }
  CHECK(payloads == 21);
  CHECK(crc_ok == 2);
  CHECK(lookups == 20);
}
