// CUR-*: the currency and its exchange rate.
#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("CUR-CODE: an ISO 4217 code") {
  auto r = check_rules(set(demo_vat(), "DVTTe", "US$"));
  CHECK_CODES(r, {"CUR-CODE"});
  CHECK(r.first("CUR-CODE").where.path == "/HDon/DLHDon/TTChung/DVTTe");
  CHECK(r.first("CUR-CODE").message ==
        "TTChung/DVTTe (Đơn vị tiền tệ) \"US$\" is not an ISO 4217 alphabetic code such as VND or USD");
  CHECK_CODES(check_rules(set(demo_vat(), "DVTTe", "usd")), {"CUR-CODE"});  // codes are uppercase
  CHECK_CODES(check_rules(set(set(demo_vat(), "DVTTe", "EUR"), "TGia", "27450.50")), {});
}

TEST_CASE("CUR-VND-SYMBOL: the đồng written as a symbol is read as VND") {
  // TS24's "đ", accepted by the tax authority's test system [S 001].
  auto r = check_rules(set(demo_vat(), "DVTTe", "đ"));
  CHECK_CODES(r, {"CUR-VND-SYMBOL"});
  CHECK(r.first("CUR-VND-SYMBOL").severity == hoadon::Severity::Warning);
  CHECK(r.first("CUR-VND-SYMBOL").message_vi.find("được hiểu là VND") != std::string::npos);
  CHECK_CODES(check_rules(set(demo_vat(), "DVTTe", "VNĐ")), {"CUR-VND-SYMBOL"});
  CHECK_CODES(check_rules(set(demo_vat(), "DVTTe", "vnd")), {"CUR-VND-SYMBOL"});
}

TEST_CASE("CUR-WITHDRAWN: a code ISO has withdrawn") {
  auto r = check_rules(set(set(demo_vat(), "DVTTe", "HRK"), "TGia", "3500"));
  CHECK_CODES(r, {"CUR-WITHDRAWN"});
  CHECK(r.first("CUR-WITHDRAWN").message.find("(Croatian Kuna) was withdrawn") != std::string::npos);
}

TEST_CASE("CUR-RATE: a foreign currency needs a positive exchange rate") {
  const std::string usd = set(demo_vat(), "DVTTe", "USD");
  CHECK_CODES(check_rules(set(usd, "TGia", "26138")), {});
  auto r = check_rules(drop(usd, "<TGia>1</TGia>"));
  CHECK_CODES(r, {"CUR-RATE"});
  CHECK(r.first("CUR-RATE").where.path == "/HDon/DLHDon/TTChung");
  CHECK(r.first("CUR-RATE").message == "TTChung/TGia (Tỷ giá) is required for an invoice in USD (only VND needs none)");
  CHECK_CODES(check_rules(set(usd, "TGia", "")), {"CUR-RATE"});
  r = check_rules(set(usd, "TGia", "0"));
  CHECK_CODES(r, {"CUR-RATE"});
  CHECK(r.first("CUR-RATE").where.path == "/HDon/DLHDon/TTChung/TGia");
  CHECK_CODES(check_rules(set(usd, "TGia", "-25000")), {"CUR-RATE"});
  CHECK_CODES(check_rules(set(usd, "TGia", "n/a")), {});  // not a number: the schema's finding
}

TEST_CASE("CUR-RATE-VND: the rate of VND is 1, or absent") {
  CHECK_CODES(check_rules(set(demo_vat(), "TGia", "1.00")), {});
  CHECK_CODES(check_rules(drop(demo_vat(), "<TGia>1</TGia>")), {});
  auto r = check_rules(set(demo_vat(), "TGia", "23000"));
  CHECK_CODES(r, {"CUR-RATE-VND"});
  CHECK(r.first("CUR-RATE-VND").severity == hoadon::Severity::Warning);
  // Cash-register invoices have no DVTTe at all: VND.
  CHECK_CODES(check_rules(drop(drop(demo_vat(), "<DVTTe>VND</DVTTe>"), "<TGia>1</TGia>")), {});
  // The bank invoice with several rates states its currencies per line.
  CHECK_CODES(check_rules(edit(set(demo_vat(), "DVTTe", "???"), "<TGia>", "<HDNTGia>1</HDNTGia><TGia>")), {});
}
