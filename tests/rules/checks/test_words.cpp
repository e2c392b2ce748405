// WORDS-*: the grand total in words, read back.
#include "rules/checks/support.hpp"
#include "rules/words.hpp"

using namespace hoadon::test;

TEST_CASE("WORDS-MISMATCH: the words say another amount (a warning by default)") {
  CHECK_CODES(check_rules(demo_vat()), {});
  // Sample 183's "Mười một nghìn đồng" for 222,310,000 (BKSOFT demo data).
  auto r = check_rules(set(demo_vat(), "TgTTTBChu", "Mười một nghìn đồng"));
  CHECK_CODES(r, {"WORDS-MISMATCH"});
  const auto& d = r.first("WORDS-MISMATCH");
  CHECK(d.severity == hoadon::Severity::Warning);
  CHECK(d.where.path == "/HDon/DLHDon/NDHDon/TToan/TgTTTBChu");
  CHECK(
      d.message ==
      "TToan/TgTTTBChu (Tổng tiền thanh toán bằng chữ) \"Mười một nghìn đồng\" reads 11000, but TgTTTBSo is 51570000");
  CHECK(d.message_vi.find("đọc là 11000, nhưng TgTTTBSo là 51570000") != std::string::npos);
}

TEST_CASE("WORDS: the variants real vendors write all match") {
  for (const char* words :
       {"Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng chẵn./.", "năm mươi mốt triệu năm trăm bảy mươi ngàn đồng",
        "NĂM MƯƠI MỐT TRIỆU NĂM TRĂM BẢY MƯƠI NGHÌN ĐỒNG.", "Năm mươi một triệu năm trăm bảy mươi nghìn VND",
        "Năm mươi mốt triệu năm trăm bẩy mươi nghìn", "  Năm  mươi mốt triệu năm trăm bảy mươi nghìn  đồng"}) {
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

TEST_CASE("WORDS: hundreds of totals written by the generator pass, and one đồng more is caught") {
  std::vector<std::int64_t> amounts = {0, 5, 10, 15, 21, 24, 101, 105, 1'000'005, 1'000'000'000'000, 71'375'040};
  std::uint64_t x = 88172645463325252ULL;  // xorshift: reproducible spread over every magnitude
  while (amounts.size() < 300) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    amounts.push_back(static_cast<std::int64_t>(x % 1'000'000'000'000'000ULL >> (x % 50)));
  }
  const std::string base = demo_vat();
  int i = 0;
  for (const std::int64_t n : amounts) {
    hoadon::rules::WordsStyle style;  // alternate the vendors' variants
    style.capitalize = i % 2 == 0;
    style.linh_as_le = i % 3 == 0;
    style.thousand_as_ngan = i % 5 == 0;
    style.four_as_tu = i % 7 == 0;
    style.unit = i % 4 == 0 ? "đồng chẵn./." : "đồng";
    ++i;
    const auto total = hoadon::Decimal::from_int(n);
    const std::string words = hoadon::rules::amount_in_words(total, style);
    const std::string invoice = set(base, "TgTTTBSo", total.to_string());
    CAPTURE(words);
    const auto ok = check_rules(set(invoice, "TgTTTBChu", words));
    CHECK_FALSE(ok.has("WORDS-MISMATCH"));
    CHECK_FALSE(ok.has("WORDS-UNREADABLE"));
    const auto off = check_rules(
        set(invoice, "TgTTTBChu", hoadon::rules::amount_in_words(total + hoadon::Decimal::from_int(1), style)));
    CHECK(off.has("WORDS-MISMATCH"));
  }
}

TEST_CASE("WORDS-FRACTION: decimals left out of the words") {
  auto r = check_rules(
      set(set(demo_vat(), "TgTTTBSo", "51570000.5"), "TgTTTBChu", "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng"));
  REQUIRE(r.has("WORDS-FRACTION"));
  CHECK(r.first("WORDS-FRACTION").message.find("leaving out the decimals of TgTTTBSo 51570000.5") != std::string::npos);
}

TEST_CASE("WORDS-UNREADABLE: words that are no amount (empty words are the schema's finding)") {
  auto r = check_rules(set(demo_vat(), "TgTTTBChu", "Năm mươi mốt triệu rưỡi"));
  CHECK_CODES(r, {"WORDS-UNREADABLE"});
  CHECK(r.first("WORDS-UNREADABLE").message.find("\"rưỡi\" is a colloquial word") != std::string::npos);
  CHECK(check_rules(set(demo_vat(), "TgTTTBChu", "Theo bảng kê"))
            .first("WORDS-UNREADABLE")
            .message.find("does not start with a number (\"Theo\")") != std::string::npos);
  CHECK(check_rules(set(demo_vat(), "TgTTTBChu", "./.")).has("WORDS-UNREADABLE"));
  CHECK_CODES(check_rules(set(demo_vat(), "TgTTTBChu", "")), {});  // accepted empty by the authority [S 011]
  CHECK_CODES(check_rules(set(demo_vat(), "TgTTTBSo", "")), {});   // nothing to compare with
}
