// INV-*: template code, series symbol, number and dates (spec §2).
#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("INV-TEMPLATE: one digit, allowed by the format version") {
  const std::string ok = demo_vat();
  auto r = check_rules(set(ok, "KHMSHDon", "01GTKT0/001"));
  CHECK(r.has("INV-TEMPLATE"));
  CHECK(r.first("INV-TEMPLATE").message.find("old-regime template code") != std::string::npos);
  CHECK(r.first("INV-TEMPLATE").where.path == "/HDon/DLHDon/TTChung/KHMSHDon");
  CHECK(check_rules(set(ok, "KHMSHDon", "0")).first("INV-TEMPLATE").message.find("not one digit 1 to 9") !=
        std::string::npos);
  // Template 7 (e-commercial invoice, letter X) came with 2.1.0.
  const std::string commercial = set(set(ok, "KHMSHDon", "7"), "KHHDon", "K26XCB");
  CHECK_CODES(check_rules(commercial), {});
  r = check_rules(set(commercial, "PBan", "2.0.1"));
  CHECK_CODES(r, {"INV-TEMPLATE"});
  CHECK(r.first("INV-TEMPLATE").message.find("exist from format version 2.1.0, not 2.0.1") != std::string::npos);
}

TEST_CASE("INV-SERIES: C/K + year + type letter + two letters") {
  const std::string ok = demo_vat();
  const auto message = [&](std::string_view series) {
    const auto c = check_rules(set(ok, "KHHDon", series));
    return c.has("INV-SERIES") ? c.first("INV-SERIES").message : std::string("valid");
  };
  CHECK(message("K26TCB") == "valid");
  // The template digit in front (BKSOFT demo data [S 183, 200]); the rest is still read.
  CHECK(message("1K26TCB") ==
        "TTChung/KHHDon (Ký hiệu hóa đơn) \"1K26TCB\": 7 characters: the template digit 1 is written in front; the "
        "series symbol is the 6 characters after it (K26TCB)");
  CHECK_CODES(check_rules(set(ok, "KHHDon", "1K26TCB")), {"INV-SERIES"});
  CHECK(message("K26TC").find("has 5 characters; a series symbol has 6") != std::string::npos);
  CHECK(message("A26TCB").find("starts with 'A'") != std::string::npos);
  CHECK(message("KX6TCB").find("characters 2 and 3") != std::string::npos);
  CHECK(message("K26ZCB").find("character 4 'Z'") != std::string::npos);
  CHECK(message("K26TC1").find("characters 5 and 6") != std::string::npos);
  CHECK(message("K26TĐB").find("character 5 'Đ' is not an ASCII letter or digit") != std::string::npos);
  CHECK(check_rules(set(ok, "KHHDon", "K26ZCB")).first("INV-SERIES").message_vi.find("ký tự thứ 4 'Z'") !=
        std::string::npos);
}

TEST_CASE("INV-SERIES-TEMPLATE and INV-SERIES-UNUSUAL: the type letter against the template") {
  const std::string ok = demo_vat();
  auto r = check_rules(set(ok, "KHHDon", "K26NCB"));  // an internal transfer note letter on a VAT invoice
  CHECK_CODES(r, {"INV-SERIES-TEMPLATE"});
  CHECK(r.first("INV-SERIES-TEMPLATE").message.find("does not go with template 1") != std::string::npos);
  r = check_rules(set(ok, "KHHDon", "K26MCB"));  // cash register letters exist only on code invoices
  CHECK_CODES(r, {"INV-SERIES-TEMPLATE"});
  CHECK(r.first("INV-SERIES-TEMPLATE").message.find("only exists on invoices with the tax authority's code") !=
        std::string::npos);
  r = check_rules(set(ok, "KHHDon", "K26DCB"));  // D on a VAT invoice: allowed, unusual
  CHECK_CODES(r, {"INV-SERIES-UNUSUAL"});
  CHECK(r.first("INV-SERIES-UNUSUAL").severity == hoadon::Severity::Info);
  CHECK_CODES(check_rules(set(set(ok, "KHMSHDon", "6"), "KHHDon", "K26NCB")), {});
}

TEST_CASE("INV-SERIES-YEAR: the series year is the issue year") {
  const std::string ok = demo_vat();
  auto r = check_rules(set(ok, "KHHDon", "K25TCB"));
  CHECK_CODES(r, {"INV-SERIES-YEAR"});
  CHECK(r.first("INV-SERIES-YEAR").message ==
        "TTChung/KHHDon (Ký hiệu hóa đơn) \"K25TCB\" is for year 2025, but the invoice is dated 2026");
  CHECK(r.first("INV-SERIES-YEAR").message_vi ==
        "TTChung/KHHDon (Ký hiệu hóa đơn) \"K25TCB\" dùng cho năm 2025, nhưng hóa đơn lập năm 2026");
  CHECK_CODES(check_rules(set(set(ok, "KHHDon", "K25TCB"), "NLap", "2025-12-31")), {});
  CHECK_CODES(check_rules(set(ok, "NLap", "not a date")), {});  // unreadable: the schema's finding
}

TEST_CASE("INV-NUMBER: 1 to 99,999,999, compared as a number") {
  const std::string ok = demo_vat();
  CHECK_CODES(check_rules(set(ok, "SHDon", "00000123")), {});
  CHECK(check_rules(set(ok, "SHDon", "0")).first("INV-NUMBER").message.find("numbers start at 1") != std::string::npos);
  CHECK(check_rules(set(ok, "SHDon", "123456789")).first("INV-NUMBER").message.find("more than 8 digits") !=
        std::string::npos);
  CHECK(check_rules(set(ok, "SHDon", "12a")).first("INV-NUMBER").message.find("character 3 'a'") != std::string::npos);
  CHECK_CODES(check_rules(set(ok, "SHDon", "")), {});  // not required in the cases of Art.10 cl.14
}

TEST_CASE("INV-DATE-FUTURE: the issue date against a configurable today") {
  const std::string ok = demo_vat();  // dated 2026-11-20
  auto settings = fixed_settings();
  settings.now = hoadon::to_instant(*hoadon::parse_datetime("2026-11-19T23:59:59").value);
  auto r = check_rules(ok, settings);
  CHECK_CODES(r, {"INV-DATE-FUTURE"});
  CHECK(r.first("INV-DATE-FUTURE").message == "TTChung/NLap (Ngày lập) 2026-11-20 is after today (2026-11-19)");
  // 17:00 UTC on the 19th is already the 20th in Vietnam (GMT+7).
  settings.now = hoadon::to_instant(*hoadon::parse_datetime("2026-11-19T17:00:00Z").value);
  CHECK_CODES(check_rules(ok, settings), {});
  settings.now = hoadon::to_instant(*hoadon::parse_datetime("2026-11-19T16:59:59Z").value);
  CHECK_CODES(check_rules(ok, settings), {"INV-DATE-FUTURE"});
}

TEST_CASE("INV-MHSO: an invoice issued per occurrence carries its dossier code") {
  const std::string per_occurrence = set(issued_vat(), "KHHDon", "C26LCB");
  auto r = check_rules(per_occurrence);
  CHECK_CODES(r, {"INV-MHSO"});
  CHECK(r.first("INV-MHSO").where.path == "/HDon/DLHDon/TTChung");
  CHECK_CODES(check_rules(edit(per_occurrence, "<NLap>", "<MHSo>HS-2026-001</MHSo><NLap>")), {});
  CHECK_CODES(check_rules(edit(per_occurrence, "<NLap>", "<MHSo/><NLap>")), {"INV-MHSO"});
}

TEST_CASE("INV-VERSION: an unknown format version skips the invoice's rules, an absent one does not") {
  auto r = check_rules(set(set(demo_vat(), "PBan", "1.0.0"), "KHHDon", "garbage"));
  CHECK_CODES(r, {"INV-VERSION"});
  CHECK(r.first("INV-VERSION").severity == hoadon::Severity::Warning);
  CHECK_CODES(check_rules(set(set(demo_vat(), "PBan", ""), "KHHDon", "garbage")), {"INV-SERIES"});
}
