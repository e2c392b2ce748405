// CSV fields (lib/tabular/csv): RFC 4180 quoting and the formula-injection guard.
#include <doctest/doctest.h>

#include <string>

#include "tabular/csv.hpp"

namespace {
std::string field(std::string_view v) {
  std::string out;
  hoadon::tabular::append_csv_field(out, v);
  return out;
}
}  // namespace

TEST_CASE("csv: quoting as RFC 4180 asks") {
  CHECK(field("plain") == "plain");
  CHECK(field("") == "");
  CHECK(field("a,b") == "\"a,b\"");
  CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(field("two\nlines") == "\"two\nlines\"");
  CHECK(field("Hóa đơn giá trị gia tăng") == "Hóa đơn giá trị gia tăng");
}

TEST_CASE("csv: cells a spreadsheet would run as formulas get a leading apostrophe") {
  CHECK(field("=1+1") == "\"'=1+1\"");
  CHECK(field("+1") == "\"'+1\"");
  CHECK(field("-1+2") == "\"'-1+2\"");
  CHECK(field("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(field("\tcmd") == "\"'\tcmd\"");
  CHECK(field("\rcmd") == "\"'\rcmd\"");
  CHECK(field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  // Plain decimal numbers are not formulas: negative amounts stay numbers.
  CHECK(field("-1500") == "-1500");
  CHECK(field("-0.50") == "-0.50");
  CHECK(field("a=b") == "a=b");
}

TEST_CASE("csv: a header row, then one CRLF record per row, absent cells empty") {
  const std::vector<hoadon::tabular::Column> cols = {{"a", hoadon::tabular::Type::Text},
                                                     {"b", hoadon::tabular::Type::Number}};
  const std::vector<hoadon::tabular::Row> rows = {{std::string("x"), std::nullopt},
                                                  {std::string("=y"), std::string("2")}};
  CHECK(hoadon::tabular::to_csv(cols, rows, false) == "a,b\r\nx,\r\n\"'=y\",2\r\n");
  CHECK(hoadon::tabular::to_csv(cols, {}, true) ==
        "\xEF\xBB\xBF"
        "a,b\r\n");
}
