// REL-*: the related invoice of a replacement or an adjustment (TTHDLQuan).
#include "rules/checks/support.hpp"

using namespace hoadon::test;

namespace {

// The demo invoice as the replacement of invoice 122 of the day before.
std::string replacement(std::string_view kind = "1", std::string_view tmpl = "1", std::string_view series = "K26TCB",
                        std::string_view number = "122", std::string_view date = "2026-11-19") {
  return edit(demo_vat(), "</MSTTCGP>",
              "</MSTTCGP><TTHDLQuan><TCHDon>1</TCHDon><LHDCLQuan>" + std::string(kind) + "</LHDCLQuan><KHMSHDCLQuan>" +
                  std::string(tmpl) + "</KHMSHDCLQuan><KHHDCLQuan>" + std::string(series) + "</KHHDCLQuan><SHDCLQuan>" +
                  std::string(number) + "</SHDCLQuan><NLHDCLQuan>" + std::string(date) + "</NLHDCLQuan></TTHDLQuan>");
}

}  // namespace

TEST_CASE("REL-SYMBOLS: the forms LHDCLQuan calls for") {
  CHECK_CODES(check_rules(replacement()), {});
  // Old-regime invoices (Decree 51/04) keep their 11-character template and old series [S 005-like].
  CHECK_CODES(check_rules(replacement("3", "01GTKT0/001", "AA/20E", "0000169", "2020-05-28")), {});
  CHECK_CODES(check_rules(replacement("2", "01GTKT0/001", "AA/20E", "169", "2020-05-28")), {});
  auto r = check_rules(replacement("1", "01GTKT0/001", "AA/20E"));
  CHECK_CODES(r, {"REL-SYMBOLS"});
  CHECK(r.first("REL-SYMBOLS").where.path == "/HDon/DLHDon/TTChung/TTHDLQuan/KHMSHDCLQuan");
  CHECK(r.first("REL-SYMBOLS").message ==
        "TTHDLQuan/KHMSHDCLQuan (Ký hiệu mẫu số hóa đơn có liên quan) \"01GTKT0/001\": LHDCLQuan 1 (an e-invoice "
        "under Decree 123) calls for one digit 1 to 9");
  r = check_rules(replacement("1", "1", "AA/20E"));
  CHECK_CODES(r, {"REL-SYMBOLS"});
  CHECK(r.first("REL-SYMBOLS").where.path == "/HDon/DLHDon/TTChung/TTHDLQuan/KHHDCLQuan");
  CHECK(r.first("REL-SYMBOLS").message_vi.find("phải ghi 6 ký tự, ví dụ C25TAA") != std::string::npos);
  CHECK_CODES(check_rules(replacement("3", "1", "K26TCB")), {"REL-SYMBOLS"});
  CHECK_CODES(check_rules(replacement("4", "1", "K26TCB")), {});  // paper invoices: only lengths are known
  CHECK_CODES(check_rules(replacement("4", "123456789012", "K26TCB")), {"REL-SYMBOLS"});
  CHECK_CODES(check_rules(replacement("9", "x", "y")), {});  // an unknown kind is the schema's finding
}

TEST_CASE("REL-NUMBER: the related invoice's number") {
  CHECK_CODES(check_rules(replacement("1", "1", "K26TCB", "00000122")), {});
  auto r = check_rules(replacement("1", "1", "K26TCB", "12a"));
  CHECK_CODES(r, {"REL-NUMBER"});
  CHECK(r.first("REL-NUMBER").where.path == "/HDon/DLHDon/TTChung/TTHDLQuan/SHDCLQuan");
  CHECK_CODES(check_rules(replacement("1", "1", "K26TCB", "0")), {"REL-NUMBER"});
}

TEST_CASE("REL-DATE: a related invoice issued before this one") {
  CHECK_CODES(check_rules(replacement("1", "1", "K26TCB", "122", "2026-11-20")), {});  // the same day
  auto r = check_rules(replacement("1", "1", "K26TCB", "122", "2026-11-21"));
  CHECK_CODES(r, {"REL-DATE"});
  CHECK(r.first("REL-DATE").message ==
        "TTHDLQuan/NLHDCLQuan (Ngày lập hóa đơn có liên quan) 2026-11-21 is after this invoice's date NLap 2026-11-20");
}

TEST_CASE("REL-SERIES-YEAR: a Decree 123 related invoice's series year is its own date's") {
  CHECK_CODES(check_rules(replacement("1", "1", "K25TCB", "122", "2025-12-30")), {});
  auto r = check_rules(replacement("1", "1", "K25TCB", "122", "2026-01-02"));
  CHECK_CODES(r, {"REL-SERIES-YEAR"});
  CHECK(r.first("REL-SERIES-YEAR").where.path == "/HDon/DLHDon/TTChung/TTHDLQuan/KHHDCLQuan");
  // Old-regime series carry their year differently; only LHDCLQuan 1 is checked.
  CHECK_CODES(check_rules(replacement("3", "01GTKT0/001", "AA/19E", "0000169", "2020-05-28")), {});
}

TEST_CASE("REL-SELF: an invoice cannot replace itself") {
  auto r = check_rules(replacement("1", "1", "K26TCB", "0123", "2026-11-20"));  // the demo is no. 123
  CHECK_CODES(r, {"REL-SELF"});
  CHECK(r.first("REL-SELF").message.find("names invoice 1 K26TCB no. 123, which is this invoice") != std::string::npos);
}
