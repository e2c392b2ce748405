// MST-*: the tax codes of the parties, on the demo invoice with one field changed at a time.
#include <algorithm>

#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("MST-SELLER: the seller's tax code, with the reason in both languages") {
  const std::string ok = demo_vat();
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(edit(ok, "<MST>4800123456</MST>", "<MST>4800123457</MST>"));
  CHECK_CODES(r, {"MST-SELLER"});
  const auto& d = r.first("MST-SELLER");
  CHECK(d.severity == hoadon::Severity::Error);
  CHECK(d.where.path == "/HDon/DLHDon/NDHDon/NBan/MST");
  CHECK(d.where.line == 2);
  CHECK(d.message == "NBan/MST (Mã số thuế người bán) \"4800123457\": check digit is 7, expected 6");
  CHECK(d.message_vi == "NBan/MST (Mã số thuế người bán) \"4800123457\": chữ số kiểm tra là 7, đúng ra phải là 6");

  const auto reason = [&](std::string_view mst) {
    const auto c = check_rules(edit(ok, "<MST>4800123456</MST>", "<MST>" + std::string(mst) + "</MST>"));
    return c.has("MST-SELLER") ? c.first("MST-SELLER").message : std::string("valid");
  };
  CHECK(reason("101234565").find("9 digits: its leading 0 was lost (0101234565 is a valid") != std::string::npos);
  CHECK(reason("4800123456-001") == "valid");  // a dependent unit
  CHECK(reason("4800123456-000").find("dependent unit number 000 does not exist") != std::string::npos);
  CHECK(reason("4800123456001").find("13 digits") != std::string::npos);
  CHECK(reason("48001234567").find("has 11 characters") != std::string::npos);
  CHECK(reason("48001A3456").find("character 6 is not a digit") != std::string::npos);
  CHECK(reason("4800-123456").find("the '-' at character 5 is misplaced") != std::string::npos);
  CHECK(reason("0100000010") == "valid");  // weighted sum 32, remainder 10: check digit 0 (spec §3.1)
  CHECK(reason("0000000000").find("weighted sum is divisible by 11") != std::string::npos);
  // Households and individuals use their 12-digit personal ID since 1 Jul 2025 (spec §3.3).
  CHECK(reason("001099012345") == "valid");
  CHECK(reason("003099012345").find("003 is none") != std::string::npos);
  CHECK(reason(" 4800123456 ") == "valid");  // pretty-printed values are trimmed
}

TEST_CASE("MST-SELLER: a public-asset seller needs its MST or its budget-unit code") {
  std::string x = set(set(demo_vat(), "KHMSHDon", "3"), "KHHDon", "K26DAB");
  x = drop(x, "<MST>4800123456</MST>");
  auto r = check_rules(x);
  REQUIRE(r.has("MST-SELLER"));
  CHECK(r.first("MST-SELLER").where.path == "/HDon/DLHDon/NDHDon/NBan");
  CHECK_FALSE(check_rules(edit(x, "<DChi>Xóm", "<MDVQHNSach>1234567</MDVQHNSach><DChi>Xóm")).has("MST-SELLER"));
  // Other templates require the MST itself, which is the schema's finding, not this rule's.
  CHECK_FALSE(check_rules(drop(demo_vat(), "<MST>4800123456</MST>")).has("MST-SELLER"));
}

TEST_CASE("MST-BUYER: the buyer's tax code, an empty one being no tax code") {
  const std::string ok = demo_vat();
  auto r = check_rules(edit(ok, "<MST>0108987656</MST>", "<MST>0108987657</MST>"));
  CHECK_CODES(r, {"MST-BUYER"});
  CHECK(r.first("MST-BUYER").where.path == "/HDon/DLHDon/NDHDon/NMua/MST");
  CHECK(r.first("MST-BUYER").message.find("expected 6") != std::string::npos);
  // 9 digits that lost their leading zero in a spreadsheet, as in BKSOFT's demo invoices [S 200].
  r = check_rules(edit(ok, "<MST>0108987656</MST>", "<MST>108987656</MST>"));
  CHECK(r.first("MST-BUYER").message.find("leading 0 was lost (0108987656 is a valid tax code)") != std::string::npos);
  CHECK_CODES(check_rules(edit(ok, "<MST>0108987656</MST>", "<MST/>")), {});
  CHECK_CODES(check_rules(edit(ok, "<MST>0108987656</MST>", "<MST>001099012345</MST>")), {});
}

TEST_CASE("MST-PROVIDER and MST-DELEGATE: organisations, so no personal ID") {
  const std::string ok = demo_vat();
  auto r = check_rules(set(ok, "MSTTCGP", "0101234566"));
  CHECK_CODES(r, {"MST-PROVIDER"});
  CHECK(r.first("MST-PROVIDER").where.path == "/HDon/DLHDon/TTChung/MSTTCGP");
  r = check_rules(set(ok, "MSTTCGP", "001099012345"));
  CHECK_CODES(r, {"MST-PROVIDER"});
  CHECK(r.first("MST-PROVIDER").message.find("personal ID, but this party is an organisation") != std::string::npos);
  CHECK(r.first("MST-PROVIDER").message_vi.find("số định danh cá nhân") != std::string::npos);

  const std::string delegated =
      edit(ok, "</MSTTCGP>", "</MSTTCGP><MSTDVNUNLHDon>0101234565-001</MSTDVNUNLHDon><TDVNUNLHDon>X</TDVNUNLHDon>");
  CHECK_CODES(check_rules(delegated), {});
  r = check_rules(edit(delegated, "0101234565-001", "0101234564-001"));
  CHECK_CODES(r, {"MST-DELEGATE"});
  CHECK(r.first("MST-DELEGATE").where.path == "/HDon/DLHDon/TTChung/MSTDVNUNLHDon");
  CHECK_CODES(check_rules(edit(delegated, "0101234565-001", "001099012345")), {"MST-DELEGATE"});
  CHECK_CODES(check_rules(edit(delegated, "0101234565-001", "")), {});
}
