#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "rules/currency.hpp"
#include "rules/support.hpp"
#include "support/support.hpp"

using namespace hoadon::rules;

TEST_CASE("currency: minor units of common and unusual currencies") {
  struct Case {
    std::string_view code;
    int minor;
    std::uint16_t numeric;
  };
  for (const Case& c :
       {Case{"VND", 0, 704}, Case{"USD", 2, 840}, Case{"JPY", 0, 392}, Case{"KWD", 3, 414}, Case{"EUR", 2, 978},
        Case{"KRW", 0, 410}, Case{"BHD", 3, 48}, Case{"CLF", 4, 990}, Case{"UYW", 4, 927}, Case{"CNY", 2, 156},
        Case{"THB", 2, 764}, Case{"LAK", 2, 418}, Case{"KHR", 2, 116}, Case{"XAU", -1, 959}, Case{"ISK", 0, 352}}) {
    CAPTURE(c.code);
    const CurrencyInfo* info = find_currency(c.code);
    REQUIRE(info != nullptr);
    CHECK(info->minor_units == c.minor);
    CHECK(info->numeric == c.numeric);
    CHECK_FALSE(info->withdrawn);
  }
  CHECK(find_currency("CLF")->fund);
  CHECK_FALSE(find_currency("USD")->fund);
  CHECK(find_currency("HRK")->withdrawn);
}

TEST_CASE("currency: what is not a code") {
  for (std::string_view bad : {"vnd", "đ", "VNĐ", "", "US", "USDD", "ABC", "XXY", "VN", " VND"}) {
    CAPTURE(bad);
    CHECK(find_currency(bad) == nullptr);
  }
}

TEST_CASE("currency: the table is complete, sorted and consistent") {
  const auto all = currencies();
  CHECK(all.size() == 182);
  CHECK(std::count_if(all.begin(), all.end(), [](const CurrencyInfo& c) { return !c.withdrawn; }) == 179);
  CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.code < b.code; }));
  std::set<std::uint16_t> numerics;
  for (const auto& c : all) {
    CAPTURE(c.code);
    CHECK(c.code.size() == 3);
    CHECK(std::all_of(c.code.begin(), c.code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
    CHECK(find_currency(c.code) == &c);
    CHECK(c.minor_units >= -1);
    CHECK(c.minor_units <= 4);
    CHECK(numerics.insert(c.numeric).second);  // numeric codes are unique
    if (c.code.front() == 'X' && c.code != "XAF" && c.code != "XCD" && c.code != "XOF" && c.code != "XPF") {
      CHECK(c.minor_units == -1);  // precious metals, bond units, SDR, test, no currency
    }
  }
  CHECK(find_currency_numeric("704")->code == "VND");
  CHECK(find_currency_numeric("840")->code == "USD");
  CHECK(find_currency_numeric("191") == nullptr);  // HRK, withdrawn
  CHECK(find_currency_numeric("70") == nullptr);
  CHECK(find_currency_numeric("abc") == nullptr);
  CHECK(find_currency_numeric("000") == nullptr);
}

TEST_CASE("currency: DVTTe of the real samples") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  std::set<std::string> seen;
  for (const auto& file : hoadon::test::sample_files()) {
    for (const auto& dvtte : hoadon::test::element_texts(hoadon::test::read_text(file), "DVTTe")) {
      const std::string code(hoadon::test::trim(dvtte));
      CAPTURE(file.filename().string());
      CAPTURE(code);
      if (code == "đ") {  // TS24 test invoice, accepted only by the test CQT (spec §1.3)
        CHECK(find_currency(code) == nullptr);
        continue;
      }
      REQUIRE(find_currency(code) != nullptr);
      seen.insert(code);
    }
  }
  CHECK(seen == std::set<std::string>{"USD", "VND"});
}
