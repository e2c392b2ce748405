// hoadon words: amounts in Vietnamese words, for TgTTTBChu and spreadsheets.
#include <doctest/doctest.h>

#include <string>

#include "support/run.hpp"

using testing::hoadon;

TEST_CASE("words: the amounts of spec §7.3, one line each") {
  const auto r = hoadon(
      {"words", "0", "5", "10", "15", "21", "24", "101", "105", "1000005", "1000000000000", "-1500000", "71375040"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "Không đồng\nNăm đồng\nMười đồng\nMười lăm đồng\nHai mươi mốt đồng\nHai mươi bốn đồng\n"
        "Một trăm linh một đồng\nMột trăm linh năm đồng\nMột triệu không trăm linh năm đồng\nMột nghìn tỷ đồng\n"
        "Âm một triệu năm trăm nghìn đồng\nBảy mươi mốt triệu ba trăm bảy mươi lăm nghìn không trăm bốn mươi đồng\n");
}

TEST_CASE("words: currency, styles, unit and decimals") {
  auto r = hoadon({"words", "--currency", "usd", "1234.56"});
  CHECK(r.out == "Một nghìn hai trăm ba mươi bốn phẩy năm mươi sáu đô la Mỹ\n");
  r = hoadon({"words", "--currency", "USD", "--style", "minor", "1234.5"});
  CHECK(r.out == "Một nghìn hai trăm ba mươi bốn đô la Mỹ và năm mươi xu\n");
  r = hoadon({"words", "--style", "lower,le,ngan,tu", "--unit", "đồng chẵn./.", "24105"});
  CHECK(r.out == "hai mươi tư ngàn một trăm lẻ năm đồng chẵn./.\n");
  r = hoadon({"words", "--style", "tru", "-5"});
  CHECK(r.out == "Trừ năm đồng\n");
  r = hoadon({"words", "--decimals", "2", "--unit", "", "12.5"});
  CHECK(r.out == "Mười hai phẩy năm mươi\n");
  CHECK(hoadon({"words", "--currency", "XYZ", "1"}).exit_code == 2);
  CHECK(hoadon({"words", "--style", "shouting", "1"}).exit_code == 2);
  CHECK(hoadon({"words", "--decimals", "9", "1"}).exit_code == 2);
}

TEST_CASE("words: a column of amounts on standard input keeps its lines") {
  auto r = hoadon({"words"}, "1200000\n\n  84000 \r\nabc\n1.1\n");
  CHECK(r.exit_code == 1);  // "abc" failed
  CHECK(r.out == "Một triệu hai trăm nghìn đồng\n\nTám mươi bốn nghìn đồng\n\nMột phẩy một đồng\n");
  CHECK(r.err.find("not a decimal number: \"abc\"") != std::string::npos);
  r = hoadon({"words", "7", "-", "9"}, "8\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Bảy đồng\nTám đồng\nChín đồng\n");
  CHECK(hoadon({"words", "1.000.000"}).exit_code == 1);
  CHECK(hoadon({"words", "--help"}).out.find("Usage: hoadon words") != std::string::npos);
}
