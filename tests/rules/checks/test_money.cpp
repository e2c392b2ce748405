// MONEY-*: lines, per-rate summary and totals (spec §7.2), on small invoices written for each case.
#include <fmt/format.h>

#include "rules/checks/support.hpp"

using namespace hoadon::test;

namespace {

struct L {
  std::string nature = "1", qty, price, rate_pct, discount, amount, tsuat = "10%";
};

std::string line(const L& l) {
  std::string x = "<HHDVu><TChat>" + l.nature + "</TChat><THHDVu>Hàng</THHDVu>";
  auto add = [&](const char* tag, const std::string& v) {
    if (!v.empty()) x += fmt::format("<{0}>{1}</{0}>", tag, v);
  };
  add("SLuong", l.qty);
  add("DGia", l.price);
  add("TLCKhau", l.rate_pct);
  add("STCKhau", l.discount);
  add("ThTien", l.amount);
  add("TSuat", l.tsuat);
  return x + "</HHDVu>";
}

std::string rate(std::string_view tsuat, std::string_view base, std::string_view tax) {
  return fmt::format("<LTSuat><TSuat>{}</TSuat><ThTien>{}</ThTien><TThue>{}</TThue></LTSuat>", tsuat, base, tax);
}

// A VAT invoice in `currency` with these lines and TToan content.
std::string vat(const std::vector<L>& lines, const std::string& totals, std::string_view currency = "VND",
                std::string_view extra_general = "") {
  std::string items;
  for (const auto& l : lines) items += line(l);
  return fmt::format(
      "<HDon><DLHDon><TTChung><PBan>2.1.0</PBan><THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon>"
      "<KHHDon>K26TCB</KHHDon><SHDon>1</SHDon><NLap>2026-11-20</NLap>{}<DVTTe>{}</DVTTe><TGia>{}</TGia>"
      "</TTChung><NDHDon><NBan><Ten>HTX</Ten><MST>4800123456</MST><DChi>Cao Bằng</DChi></NBan><NMua/>"
      "<DSHHDVu>{}</DSHHDVu><TToan>{}</TToan></NDHDon></DLHDon><DSCKS><NBan/></DSCKS></HDon>",
      extra_general, currency, currency == "VND" ? "1" : "25000", items, totals);
}

std::string totals(std::string_view summary, std::string_view base, std::string_view tax, std::string_view total,
                   std::string_view more = "") {
  return fmt::format("<THTTLTSuat>{}</THTTLTSuat><TgTCThue>{}</TgTCThue><TgTThue>{}</TgTThue>{}<TgTTTBSo>{}</TgTTTBSo>",
                     summary, base, tax, more, total);
}

}  // namespace

TEST_CASE("MONEY-LINE: quantity × price − discount, within one đồng") {
  const auto one = [](const std::string& amount, const std::string& pct = "", const std::string& discount = "") {
    return vat({{"1", "1", "1000000", pct, discount, amount}}, totals(rate("10%", amount, "0"), amount, "0", amount),
               "VND");
  };
  // (The per-rate tax is wrong on purpose in these: only the line is under test.)
  auto codes_of = [](const std::string& x) {
    auto c = check_rules(x);
    std::vector<std::string> out;
    for (auto& k : c.codes())
      if (k != "MONEY-RATE-TAX") out.push_back(k);
    return out;
  };
  CHECK(codes_of(one("1000000")).empty());
  CHECK(codes_of(one("1000001")).empty());  // ±1 đồng
  CHECK(codes_of(one("1000002")) == std::vector<std::string>{"MONEY-LINE"});
  CHECK(codes_of(one("800000", "20", "200000")).empty());
  CHECK(codes_of(one("900000", "10")).empty());          // a rate without an amount: the rate applies
  CHECK(codes_of(one("950000", "0", "50000")).empty());  // rate 0 with an amount: "no rate" [I]
  // Sample 191 (the tax authority's test system): the discount left out of ThTien.
  auto r = check_rules(one("1000000", "20", "200000"));
  REQUIRE(r.has("MONEY-LINE"));
  const auto& d = r.first("MONEY-LINE");
  CHECK(d.where.path == "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu/ThTien");
  CHECK(
      d.message ==
      "HHDVu/ThTien (Thành tiền chưa có thuế GTGT) 1000000 differs from SLuong × DGia − STCKhau = 1 × 1000000 − 200000 "
      "= 800000 (tolerance 1)");
  CHECK(d.message_vi ==
        "HHDVu/ThTien (Thành tiền chưa có thuế GTGT) 1000000 khác SLuong × DGia − STCKhau = 1 × 1000000 − 200000 = "
        "800000 (dung sai 1)");
  // Viettel: 1 × 12,445,454.5455 rounds to 12,445,455 [S 007].
  CHECK(codes_of(vat({{"1", "1", "12445454.5455", "", "", "12445455"}},
                     totals(rate("10%", "12445455", "1244545"), "12445455", "1244545", "13690000")))
            .empty());
  // Lines without quantity or price (services, notes) are not computed.
  CHECK(codes_of(vat({{"1", "", "", "", "", "500"}, {"4", "x", "y", "", "", "z"}},
                     totals(rate("10%", "500", "50"), "500", "50", "550")))
            .empty());
}

TEST_CASE("MONEY-LINE-DISCOUNT: the discount amount against its rate") {
  auto r = check_rules(vat({{"1", "2", "500000", "20", "150000", "850000"}},
                           totals(rate("10%", "850000", "85000"), "850000", "85000", "935000")));
  CHECK_CODES(r, {"MONEY-LINE-DISCOUNT"});
  CHECK(r.first("MONEY-LINE-DISCOUNT").where.path == "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu/STCKhau");
  CHECK(r.first("MONEY-LINE-DISCOUNT").message.find("= 2 × 500000 × 20 / 100 = 200000") != std::string::npos);
}

TEST_CASE("MONEY-PROMOTION: a priced promotion line is counted, and noted") {
  const L goods{"1", "2", "100000", "", "", "200000"};
  CHECK_CODES(check_rules(vat({goods, {"2", "1", "0", "", "", "0", ""}},
                              totals(rate("10%", "200000", "20000"), "200000", "20000", "220000"))),
              {});
  auto r = check_rules(vat({goods, {"2", "1", "50000", "", "", "50000"}},
                           totals(rate("10%", "250000", "25000"), "250000", "25000", "275000")));
  CHECK_CODES(r, {"MONEY-PROMOTION"});
  CHECK(r.first("MONEY-PROMOTION").severity == hoadon::Severity::Warning);
}

TEST_CASE("MONEY-RATE-BASE: discount lines (TChat 3) are subtracted [S 159]") {
  const std::vector<L> lines = {{"1", "4", "3631000", "", "", "14524000", "8%"},
                                {"3", "0", "0", "", "", "524000", "8%"}};
  // The discount also in TTCKTMai: informative, not subtracted again.
  const std::string ok = vat(lines, totals(rate("8%", "14000000", "1120000"), "14000000", "1120000", "15120000",
                                           "<TTCKTMai>524000</TTCKTMai>"));
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(edit(ok, "<ThTien>14000000</ThTien>", "<ThTien>14524000</ThTien>"));
  CHECK(r.has("MONEY-RATE-BASE"));
  CHECK(r.first("MONEY-RATE-BASE").where.path == "/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/ThTien");
  CHECK(r.first("MONEY-RATE-BASE").message.find("goods − discounts = 14000000") != std::string::npos);
  // A vendor's "10" for 10% is the same rate [S 183].
  CHECK_CODES(
      check_rules(vat({{"1", "1", "100", "", "", "100", "10"}}, totals(rate("10%", "100", "10"), "100", "10", "110"))),
      {});
}

TEST_CASE("MONEY-RATE-UNMATCHED: rates on one side only") {
  auto r = check_rules(vat({{"1", "1", "100", "", "", "100", "10%"}, {"1", "1", "100", "", "", "100", "5%"}},
                           totals(rate("10%", "100", "10"), "200", "15", "215")));
  CHECK(r.has("MONEY-RATE-UNMATCHED"));
  CHECK(r.first("MONEY-RATE-UNMATCHED").message.find("Lines with rate 5% (total 100) have no LTSuat") !=
        std::string::npos);
  r = check_rules(vat({{"1", "1", "100", "", "", "100", "10%"}},
                      totals(rate("10%", "100", "10") + rate("8%", "50", "4"), "150", "14", "164")));
  CHECK(r.has("MONEY-RATE-UNMATCHED"));
  CHECK(r.first("MONEY-RATE-UNMATCHED").where.path == "/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat[2]");
  // A zero-amount line without a rate (a free promotion) needs no summary.
  CHECK_CODES(check_rules(vat({{"1", "1", "100", "", "", "100", "10%"}, {"2", "1", "0", "", "", "0", ""}},
                              totals(rate("10%", "100", "10"), "100", "10", "110"))),
              {});
}

TEST_CASE("MONEY-RATE-TAX: the rate applied to its base, or the lines' taxes added up") {
  const std::vector<L> one = {{"1", "1", "1200000", "", "", "1200000", "10%"}};
  // TS24's test invoice: 84,000 for 10% of 1,200,000 [S 001].
  auto r = check_rules(vat(one, totals(rate("10%", "1200000", "84000"), "1200000", "84000", "1284000")));
  CHECK_CODES(r, {"MONEY-RATE-TAX"});
  CHECK(r.first("MONEY-RATE-TAX").message ==
        "LTSuat/TThue (Tiền thuế theo thuế suất) 84000 differs from 1200000 × 10% = 120000 (tolerance 1)");
  // BKAV rounds 10,945,750.72 to 10,945,751 [S 159]; Viettel's 1,244,545 for 1,244,545.5 [S 007].
  CHECK_CODES(check_rules(vat({{"1", "1", "136821884", "", "", "136821884", "8%"}},
                              totals(rate("8%", "136821884", "10945751"), "136821884", "10945751", "147767635"))),
              {});
  // Five lines of 15 at 10%: 7.5 on the base, but 5 × 2 = 10 when each line's tax is rounded.
  const std::vector<L> five(5, L{"1", "1", "15", "", "", "15", "10%"});
  CHECK_CODES(check_rules(vat(five, totals(rate("10%", "75", "10"), "75", "10", "85"))), {});
  CHECK_CODES(check_rules(vat(five, totals(rate("10%", "75", "12"), "75", "12", "87"))), {"MONEY-RATE-TAX"});
  // Exempt and outside-scope rates carry no tax; KHAC:AB.CD computes; bare KHAC cannot.
  const std::vector<L> exempt = {{"1", "1", "1000", "", "", "1000", "KCT"}};
  CHECK_CODES(check_rules(vat(exempt, totals(rate("KCT", "1000", "0"), "1000", "0", "1000"))), {});
  CHECK_CODES(check_rules(vat(exempt, totals(rate("KCT", "1000", "50"), "1000", "50", "1050"))), {"MONEY-RATE-TAX"});
  const std::vector<L> other = {{"1", "1", "1000000", "", "", "1000000", "KHAC:5.26%"}};
  CHECK_CODES(check_rules(vat(other, totals(rate("KHAC:5.26%", "1000000", "52600"), "1000000", "52600", "1052600"))),
              {});
  CHECK_CODES(check_rules(vat(other, totals(rate("KHAC:5.26%", "1000000", "50000"), "1000000", "50000", "1050000"))),
              {"MONEY-RATE-TAX"});
  const std::vector<L> unknown = {{"1", "1", "1000", "", "", "1000", "KHAC"}};
  CHECK_CODES(check_rules(vat(unknown, totals(rate("KHAC", "1000", "77"), "1000", "77", "1077"))), {});
}

TEST_CASE("MONEY-TOTAL-BASE and MONEY-TOTAL-TAX: the totals are the summary's sums") {
  const std::vector<L> lines = {{"1", "1", "1000", "", "", "1000", "10%"}, {"1", "1", "2000", "", "", "2000", "5%"}};
  const std::string summary = rate("10%", "1000", "100") + rate("5%", "2000", "100");
  CHECK_CODES(check_rules(vat(lines, totals(summary, "3000", "200", "3200"))), {});
  auto r = check_rules(vat(lines, totals(summary, "3100", "200", "3300")));
  CHECK_CODES(r, {"MONEY-TOTAL-BASE"});
  CHECK(r.first("MONEY-TOTAL-BASE").message ==
        "TToan/TgTCThue (Tổng tiền chưa thuế) 3100 differs from the sum of LTSuat/ThTien = 3000 (tolerance 1)");
  r = check_rules(vat(lines, totals(summary, "3000", "250", "3250")));
  CHECK_CODES(r, {"MONEY-TOTAL-TAX"});
  CHECK(r.first("MONEY-TOTAL-TAX").where.path == "/HDon/DLHDon/NDHDon/TToan/TgTThue");
  // No summary (accepted by the tax authority [S 012]): the totals against the lines.
  CHECK_CODES(check_rules(vat(lines, totals("", "3000", "200", "3200"))), {});
  r = check_rules(vat(lines, totals("", "3500", "250", "3750")));
  CHECK_CODES(r, {"MONEY-TOTAL-BASE", "MONEY-TOTAL-TAX"});
  CHECK(r.first("MONEY-TOTAL-BASE").message.find("the sum over the lines = 3000") != std::string::npos);
  // BKSOFT nests LTSuat in LTSuat [S 183]: still read.
  CHECK_CODES(check_rules(vat(lines, totals("<LTSuat>" + summary + "</LTSuat>", "3000", "200", "3200"))), {});
}

TEST_CASE("MONEY-TOTAL: both variants of the grand total (spec §7.2.5)") {
  const std::vector<L> lines = {{"1", "1", "1000000", "", "", "1000000", "10%"}};
  const std::string s = rate("10%", "1000000", "100000");
  const auto r_of = [&](std::string_view total, std::string_view more) {
    return check_rules(vat(lines, totals(s, "1000000", "100000", total, more)));
  };
  CHECK_CODES(r_of("1100000", ""), {});
  CHECK_CODES(r_of("1100001", ""), {});  // ±1
  auto r = r_of("1100002", "");
  CHECK_CODES(r, {"MONEY-TOTAL"});
  CHECK(r.first("MONEY-TOTAL").message ==
        "TToan/TgTTTBSo (Tổng tiền thanh toán bằng số) 1100002 differs from TgTCThue + TgTThue + Σ TPhi − TGTKCThue − "
        "TGTKhac = 1000000 + 100000 + 0 − 0 = 1100000 (tolerance 1)");
  // Fees are added, deductions subtracted.
  const std::string fees =
      "<DSLPhi><LPhi><TLPhi>Phí kiểm dịch</TLPhi><TPhi>150000</TPhi></LPhi>"
      "<LPhi><TLPhi>Phí khác</TLPhi><TPhi>50000</TPhi></LPhi></DSLPhi>";
  CHECK_CODES(r_of("1300000", fees), {});
  CHECK_CODES(r_of("1280000", fees + "<TGTKhac>20000</TGTKhac>"), {});
  CHECK_CODES(r_of("1270000", "<TGTKCThue>30000</TGTKCThue>" + fees + "<TGTKhac>0</TGTKhac>"), {});
  CHECK_CODES(r_of("1300000", fees + "<TGTKhac>20000</TGTKhac>"), {"MONEY-TOTAL"});
  // Without discount lines, TTCKTMai may be subtracted from the total, or be informative.
  CHECK_CODES(r_of("1050000", "<TTCKTMai>50000</TTCKTMai>"), {});
  CHECK_CODES(r_of("1100000", "<TTCKTMai>50000</TTCKTMai>"), {});
  r = r_of("1000000", "<TTCKTMai>50000</TTCKTMai>");
  CHECK_CODES(r, {"MONEY-TOTAL"});
  CHECK(r.first("MONEY-TOTAL").message.find("or 1100000 − TTCKTMai 50000 = 1050000") != std::string::npos);
  // With discount lines the discount is already in TgTCThue: subtracting it again is wrong.
  const std::vector<L> netted = {{"1", "1", "1050000", "", "", "1050000", "10%"},
                                 {"3", "", "", "", "", "50000", "10%"}};
  CHECK_CODES(check_rules(vat(netted, totals(s, "1000000", "100000", "1050000", "<TTCKTMai>50000</TTCKTMai>"))),
              {"MONEY-TOTAL"});
}

TEST_CASE("MONEY-TOTAL: sales invoices add up their lines (spec §7.2.6)") {
  const std::string ok = demo_sales();  // 1,600,000 + 639,000 + 1,960,000 = 4,199,000
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(set(ok, "TgTTTBSo", "4200000"));
  CHECK(r.has("MONEY-TOTAL"));
  CHECK(r.first("MONEY-TOTAL").message.find("= 4199000 + 0 + 0 − 0 = 4199000") != std::string::npos);
  // SLuong 35.5 × 18,000 = 639,000 exactly; a wrong line is found too.
  CHECK(check_rules(set(ok, "SLuong", "51")).has("MONEY-LINE"));
}

TEST_CASE("the tolerance: one minor unit of the currency, or as configured") {
  // USD keeps cents: 80 × 15.5351 = 1242.808 [S 011].
  const auto usd = [](std::string_view amount) {
    return vat({{"1", "80", "15.5351", "", "", std::string(amount), "0%"}},
               totals(rate("0%", amount, "0"), amount, "0", amount), "USD");
  };
  CHECK_CODES(check_rules(usd("1242.808")), {});
  CHECK_CODES(check_rules(usd("1242.81")), {});
  CHECK_CODES(check_rules(usd("1242.82")), {});  // one cent from the rounded 1242.81
  auto r = check_rules(usd("1242.83"));
  CHECK_CODES(r, {"MONEY-LINE"});
  CHECK(r.first("MONEY-LINE").message.find("(tolerance 0.01)") != std::string::npos);
  // An integrator may accept more (Viettel's own API tolerates 5 đồng [T2]) or nothing at all.
  const std::string off_by_3 =
      vat({{"1", "1", "1000", "", "", "1003", "10%"}}, totals(rate("10%", "1003", "100"), "1003", "100", "1103"));
  CHECK(check_rules(off_by_3).has("MONEY-LINE"));
  auto settings = fixed_settings();
  settings.tolerance = hoadon::Decimal::from_int(5);
  CHECK_CODES(check_rules(off_by_3, settings), {});
  settings.tolerance = hoadon::Decimal();
  CHECK_CODES(check_rules(vat({{"1", "1", "12445454.5455", "", "", "12445455"}},
                              totals(rate("10%", "12445455", "1244545"), "12445455", "1244545", "13690000")),
                          settings),
              {"MONEY-RATE-TAX"});  // 1,244,545.5 rounds to 1,244,546 exactly
}

TEST_CASE("MONEY-NEGATIVE: negative amounts belong to adjustments, zero invoices are fine") {
  const std::vector<L> minus = {{"1", "-2", "100000", "", "", "-200000", "10%"}};
  const std::string negative = vat(minus, totals(rate("10%", "-200000", "-20000"), "-200000", "-20000", "-220000"));
  auto r = check_rules(negative);
  CHECK_CODES(r, {"MONEY-NEGATIVE"});
  CHECK(r.first("MONEY-NEGATIVE").where.path == "/HDon/DLHDon/NDHDon/TToan/TgTTTBSo");
  CHECK(r.first("MONEY-NEGATIVE").severity == hoadon::Severity::Warning);
  const std::string adjustment =
      edit(negative, "<DVTTe>",
           "<TTHDLQuan><TCHDon>2</TCHDon><LHDCLQuan>1</LHDCLQuan><KHMSHDCLQuan>1</KHMSHDCLQuan>"
           "<KHHDCLQuan>K26TCB</KHHDCLQuan><SHDCLQuan>7</SHDCLQuan><NLHDCLQuan>2026-11-01"
           "</NLHDCLQuan></TTHDLQuan><DVTTe>");
  CHECK_CODES(check_rules(adjustment), {});
  // A line alone can be negative too.
  CHECK(check_rules(vat({{"1", "1", "-5", "", "", "-5", "0%"}, {"1", "1", "10", "", "", "10", "0%"}},
                        totals(rate("0%", "5", "0"), "5", "0", "5")))
            .has("MONEY-NEGATIVE"));
  // BKAV's zero-value replacement: every amount 0 [S 160].
  CHECK_CODES(check_rules(vat({{"1", "2", "0", "", "", "0", "8%"}, {"3", "0", "0", "", "", "0", "8%"}},
                              totals(rate("8%", "0", "0"), "0", "0", "0", "<TTCKTMai>0</TTCKTMai>"))),
              {});
}

TEST_CASE("MONEY-VND-FRACTION: totals in đồng are whole [T khuyến nghị]") {
  // Viettel's 1 đồng + 10% = 1.1 đồng [S 008].
  auto r = check_rules(vat({{"1", "1", "1", "", "", "1", "10%"}}, totals(rate("10%", "1", "0.1"), "1", "0.1", "1.1")));
  CHECK_CODES(r, {"MONEY-VND-FRACTION"});
  CHECK(r.first("MONEY-VND-FRACTION").where.path == "/HDon/DLHDon/NDHDon/TToan/TgTTTBSo");
  CHECK_CODES(check_rules(vat({{"1", "1", "1", "", "", "1", "10%"}}, totals(rate("10%", "1", "0.1"), "1", "0.1", "1.1"),
                              "USD")),
              {});
  CHECK_CODES(check_rules(vat({{"1", "1", "1", "", "", "1.000000", "0%"}},
                              totals(rate("0%", "1.000000", "0"), "1", "0", "1.000000"))),
              {});  // MISA's six zeros are whole đồng
}

TEST_CASE("MONEY-LEASING-RATE: one rate on a financial-leasing invoice [T2]") {
  const std::vector<L> two = {{"1", "1", "100", "", "", "100", "10%"}, {"1", "1", "100", "", "", "100", "5%"}};
  const std::string t = totals(rate("10%", "100", "10") + rate("5%", "100", "5"), "200", "15", "215");
  auto r = check_rules(vat(two, t, "VND", "<HDCTTChinh>1</HDCTTChinh>"));
  CHECK_CODES(r, {"MONEY-LEASING-RATE"});
  CHECK(r.first("MONEY-LEASING-RATE").message.find("carries 2 tax rates") != std::string::npos);
  CHECK_CODES(check_rules(vat(two, t, "VND", "<HDCTTChinh>0</HDCTTChinh>")), {});
}

namespace {

// `xml` dated `day` (NLap) with its series year to match.
std::string dated(const std::string& xml, std::string_view day) {
  return set(set(xml, "NLap", day), "KHHDon", fmt::format("K{}TCB", day.substr(2, 2)));
}

}  // namespace

TEST_CASE("MONEY-RATE-REDUCED: 8% only in the periods of the decrees that allow it") {
  const std::string eight = vat({{"1", "1", "1000000", "", "", "1000000", "8%"}},
                                totals(rate("8%", "1000000", "80000"), "1000000", "80000", "1080000"));
  // Inside a period: 2022-02-01 (Decree 15/2022's first day), 2024-06-30 (Decree 94/2023's last),
  // 2026-11-20 (Decree 174/2025).
  for (const char* day : {"2022-02-01", "2022-12-31", "2023-07-01", "2024-06-30", "2025-07-01", "2026-11-20"}) {
    CAPTURE(day);
    CHECK_CODES(check_rules(dated(eight, day)), {});
  }
  // Outside every period: the day before the first, the first half of 2023, 2021.
  for (const char* day : {"2022-01-31", "2023-01-01", "2023-06-30", "2021-11-05"}) {
    CAPTURE(day);
    CHECK_CODES(check_rules(dated(eight, day)), {"MONEY-RATE-REDUCED"});
  }
  auto r = check_rules(dated(eight, "2023-03-01"));
  REQUIRE(r.has("MONEY-RATE-REDUCED"));
  const auto& d = r.first("MONEY-RATE-REDUCED");
  CHECK(d.severity == hoadon::Severity::Warning);
  CHECK(d.where.path == "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu/TSuat");  // where the lines carry it
  CHECK(d.message.find("8% on an invoice of 2023-03-01 (NLap): 8% replaces 10% only from 2022-02-01 to 2022-12-31 "
                       "(Decree 15/2022/NĐ-CP), 2023-07-01 to 2023-12-31 (Decree 44/2023/NĐ-CP)") != std::string::npos);
  CHECK(d.message.find("2025-07-01 to 2026-12-31 (Decree 174/2025/NĐ-CP); at other dates") != std::string::npos);
  CHECK(d.message_vi.find("chỉ áp dụng từ 2022-02-01 đến 2022-12-31 (Nghị định 15/2022/NĐ-CP)") != std::string::npos);
  // Only in the summary (no line carries a rate): located there, once.
  r = check_rules(dated(
      vat({{"1", "1", "1000000", "", "", "1000000", ""}}, totals(rate("8%", "0", "0"), "1000000", "80000", "1080000")),
      "2023-03-01"));
  CHECK(r.count("MONEY-RATE-REDUCED") == 1);
  CHECK(r.first("MONEY-RATE-REDUCED").where.path == "/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/TSuat");
  // 10% is always allowed (the excluded sectors), and KHAC rates are not the reduced rate; no NLap: skipped.
  const std::string ten = vat({{"1", "1", "1000000", "", "", "1000000", "10%"}},
                              totals(rate("10%", "1000000", "100000"), "1000000", "100000", "1100000"));
  CHECK_CODES(check_rules(dated(ten, "2022-03-15")), {});
  CHECK_CODES(
      check_rules(dated(edit(edit(eight, "<TSuat>8%", "<TSuat>KHAC:8%"), "<TSuat>8%", "<TSuat>KHAC:8%"), "2023-03-01")),
      {});
  CHECK_FALSE(check_rules(drop(dated(eight, "2023-03-01"), "<NLap>2023-03-01</NLap>")).has("MONEY-RATE-REDUCED"));
}

TEST_CASE("MONEY-RATE-TAX: Decree 92/2021's 10% × 70%, right and wrong") {
  // 1,200,000 at 10% reduced to 70% of its tax: 84,000, as TS24's invoice of 2021-11-05 [S 001].
  const std::string reduced = vat({{"1", "1", "1200000", "", "", "1200000", "10%"}},
                                  totals(rate("10%", "1200000", "84000"), "1200000", "84000", "1284000"));
  CHECK_CODES(check_rules(dated(reduced, "2021-11-05")), {});
  CHECK_CODES(check_rules(dated(reduced, "2021-11-01")), {});
  CHECK_CODES(check_rules(dated(reduced, "2021-12-31")), {});
  // The unreduced tax stays right in the period (a seller outside the sectors).
  CHECK_CODES(check_rules(dated(vat({{"1", "1", "1200000", "", "", "1200000", "10%"}},
                                    totals(rate("10%", "1200000", "120000"), "1200000", "120000", "1320000")),
                                "2021-11-05")),
              {});
  // Outside the period the reduction is no excuse.
  for (const char* day : {"2021-10-31", "2022-01-01", "2026-11-20"}) {
    CAPTURE(day);
    CHECK_CODES(check_rules(dated(reduced, day)), {"MONEY-RATE-TAX"});
  }
  // A wrong reduction amount is still an error, and the message gives both computations.
  const std::string wrong = vat({{"1", "1", "1200000", "", "", "1200000", "10%"}},
                                totals(rate("10%", "1200000", "90000"), "1200000", "90000", "1290000"));
  auto r = check_rules(dated(wrong, "2021-11-05"));
  CHECK_CODES(r, {"MONEY-RATE-TAX"});
  CHECK(r.first("MONEY-RATE-TAX").message ==
        "LTSuat/TThue (Tiền thuế theo thuế suất) 90000 differs from 1200000 × 10% = 120000, or 1200000 × 10% × 70% = "
        "84000 (Decree 92/2021/NĐ-CP) (tolerance 1)");
  CHECK(r.first("MONEY-RATE-TAX").message_vi.find("hoặc 1200000 × 10% × 70% = 84000 (Nghị định 92/2021/NĐ-CP)") !=
        std::string::npos);
  // Outside the period the message names no reduction.
  r = check_rules(dated(wrong, "2022-01-01"));
  CHECK(r.first("MONEY-RATE-TAX").message.find("70%") == std::string::npos);
  // 5% × 70% = 3.5%; a KHAC:7% rate is the reduced rate already, never reduced again.
  CHECK_CODES(check_rules(dated(vat({{"1", "1", "1000000", "", "", "1000000", "5%"}},
                                    totals(rate("5%", "1000000", "35000"), "1000000", "35000", "1035000")),
                                "2021-11-05")),
              {});
  CHECK_CODES(check_rules(dated(vat({{"1", "1", "1000000", "", "", "1000000", "KHAC:7%"}},
                                    totals(rate("KHAC:7%", "1000000", "49000"), "1000000", "49000", "1049000")),
                                "2021-11-05")),
              {"MONEY-RATE-TAX"});
  // Without a summary, TgTThue is judged over the lines: reduced or not, right; else wrong.
  const auto lines_only = [](std::string_view tax, std::string_view total) {
    return vat({{"1", "1", "1200000", "", "", "1200000", "10%"}, {"1", "1", "100000", "", "", "100000", "0%"}},
               totals("", "1300000", tax, total));
  };
  CHECK_CODES(check_rules(dated(lines_only("84000", "1384000"), "2021-11-05")), {});
  CHECK_CODES(check_rules(dated(lines_only("120000", "1420000"), "2021-11-05")), {});
  CHECK_CODES(check_rules(dated(lines_only("90000", "1390000"), "2021-11-05")), {"MONEY-TOTAL-TAX"});
  CHECK_CODES(check_rules(dated(lines_only("84000", "1384000"), "2022-01-01")), {"MONEY-TOTAL-TAX"});
}
