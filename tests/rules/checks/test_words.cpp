// WORDS-*: the grand total in words, read back.
#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("WORDS-MISMATCH: the words say another amount (a warning by default)") {
  CHECK_CODES(check_rules(demo_vat()), {});
  // Sample 183's "Mười một nghìn đồng" for 222,310,000 (BKSOFT demo data).
  auto r = check_rules(set(demo_vat(), "TgTTTBChu", "Mười một nghìn đồng"));
  CHECK_CODES(r, {"WORDS-MISMATCH"});
  const auto& d = r.first("WORDS-MISMATCH");
  CHECK(d.severity == hoadon::Severity::Warning);
  CHECK(d.where.path == "/HDon/DLHDon/NDHDon/TToan/TgTTTBChu");
  CHECK(d.message ==
        "TToan/TgTTTBChu (Tổng tiền thanh toán bằng chữ) \"Mười một nghìn đồng\" reads 11000, but TgTTTBSo is 51570000");
  CHECK(d.message_vi.find("đọc là 11000, nhưng TgTTTBSo là 51570000") != std::string::npos);
}

TEST_CASE("WORDS: the variants real vendors write all match") {
  for (const char* words : {"Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng chẵn./.",
                            "năm mươi mốt triệu năm trăm bảy mươi ngàn đồng", "NĂM MƯƠI MỐT TRIỆU NĂM TRĂM BẢY MƯƠI NGHÌN ĐỒNG.",
                            "Năm mươi một triệu năm trăm bảy mươi nghìn VND", "Năm mươi mốt triệu năm trăm bẩy mươi nghìn",
                            "  Năm  mươi mốt triệu năm trăm bảy mươi nghìn  đồng"}) {
    CAPTURE(words);
    CHECK_CODES(check_rules(set(demo_vat(), "TgTTTBChu", words)), {});
  }
  // Decimals in words: "một phẩy một" [S 008], and USD cents.
  const std::string usd = set(set(set(demo_vat(), "DVTTe", "USD"), "TGia", "25000"), "TgTTTBChu", "x");
  const auto with_total = [&](std::string_view total, std::string_view words) {
    // The totals do not add up any more; only the words are looked at here.
    auto c = check_rules(set(set(usd, "TgTTTBSo", total), "TgTTTBChu", words));
    std::vector<std::string> w;
    for (auto& k : c.codes())
      if (k.starts_with("WORDS")) w.push_back(k);
    return w;
  };
  CHECK(with_total("12.5", "Mười hai phẩy năm đô la Mỹ").empty());
  CHECK(with_total("12.5", "Mười hai đô la Mỹ và năm mươi xu").empty());
  CHECK(with_total("12.5", "Mười hai đô la Mỹ") == std::vector<std::string>{"WORDS-FRACTION"});
  CHECK(with_total("12.5", "Mười hai phẩy sáu đô la Mỹ") == std::vector<std::string>{"WORDS-MISMATCH"});
  CHECK(with_total("12.000000", "Mười hai đô la Mỹ").empty());
  CHECK(with_total("-12", "Âm mười hai đô la Mỹ").empty());
}

TEST_CASE("WORDS-FRACTION: decimals left out of the words") {
  auto r = check_rules(set(set(demo_vat(), "TgTTTBSo", "51570000.5"), "TgTTTBChu", "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng"));
  REQUIRE(r.has("WORDS-FRACTION"));
  CHECK(r.first("WORDS-FRACTION").message.find("leaving out the decimals of TgTTTBSo 51570000.5") != std::string::npos);
}

TEST_CASE("WORDS-UNREADABLE: words that are no amount (empty words are the schema's finding)") {
  auto r = check_rules(set(demo_vat(), "TgTTTBChu", "Năm mươi mốt triệu rưỡi"));
  CHECK_CODES(r, {"WORDS-UNREADABLE"});
  CHECK(r.first("WORDS-UNREADABLE").message.find("\"rưỡi\" is a colloquial word") != std::string::npos);
  CHECK(check_rules(set(demo_vat(), "TgTTTBChu", "Theo bảng kê")).first("WORDS-UNREADABLE").message.find(
            "does not start with a number (\"Theo\")") != std::string::npos);
  CHECK(check_rules(set(demo_vat(), "TgTTTBChu", "./.")).has("WORDS-UNREADABLE"));
  CHECK_CODES(check_rules(set(demo_vat(), "TgTTTBChu", "")), {});  // accepted empty by the authority [S 011]
  CHECK_CODES(check_rules(set(demo_vat(), "TgTTTBSo", "")), {});   // nothing to compare with
}
