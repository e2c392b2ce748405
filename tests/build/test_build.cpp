// lib/build: the computations, the order of the elements, every refusal with its JSON pointer,
// CSV lines, the JSON reader's guards, and the examples of examples/invoices/build.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "build/build.hpp"
#include "build/value.hpp"
#include "support/support.hpp"

using namespace hoadon;

namespace {

// A VAT invoice of PBan 2.1.0; tests replace its parts by text ($LINES, $EXTRA).
const std::string kInvoice = R"({
  "template": "1", "series": "K26TCB", "number": 7, "date": "2026-11-20",
  "payment_method": "TM/CK", "provider_tax_code": "0101234565",
  "seller": {"name": "HTX Phia Oắc", "tax_code": "4800123456", "address": "Trùng Khánh, Cao Bằng"},
  "buyer": {"name": "Công ty Sạch", "tax_code": "0108987656", "address": "Hà Nội"},
  "lines": $LINES
  $EXTRA
})";

const std::string kLines = R"([
    {"name": "Hạt dẻ", "unit": "kg", "quantity": "12.5", "unit_price": "150000", "discount_rate": "10", "tax_rate": "5%"},
    {"name": "Trà", "quantity": 3, "unit_price": 33333, "tax_rate": "8%"},
    {"name": "Vận chuyển", "amount": "1000000", "tax_rate": 8},
    {"nature": "discount", "name": "Chiết khấu", "amount": "50000", "tax_rate": "8%"},
    {"nature": "note", "name": "Giao tại kho"}
  ])";

std::string invoice(const std::string& lines = kLines, const std::string& extra = "") {
  std::string s = kInvoice;
  s.replace(s.find("$LINES"), 6, lines);
  s.replace(s.find("$EXTRA"), 6, extra.empty() ? "" : "," + extra);
  return s;
}

// The text of the first element `tag` in the XML, or "(none)".
std::string element(const std::string& xml, const std::string& tag, std::size_t from = 0) {
  const auto open = xml.find("<" + tag + ">", from);
  if (open == std::string::npos) return "(none)";
  const auto start = open + tag.size() + 2;
  return xml.substr(start, xml.find("</" + tag + ">", start) - start);
}

std::size_t count(const std::string& xml, const std::string& what) {
  std::size_t n = 0;
  for (auto p = xml.find(what); p != std::string::npos; p = xml.find(what, p + 1)) ++n;
  return n;
}

std::string codes(const Report& r) {
  std::string out;
  for (const auto& d : r.items()) out += std::string(d.code_name()) + " " + d.where.path + " " + d.message + "\n";
  return out;
}

bool has(const Report& r, std::string_view code, std::string_view pointer) {
  for (const auto& d : r.items())
    if (d.code_name() == code && d.where.path == pointer) return true;
  return false;
}

}  // namespace

TEST_CASE("build: without JSON support every input is refused as unsupported") {
  if (build::available()) return;
  const auto r = build::build(invoice());
  CHECK_FALSE(r.ok());
  CHECK(r.report.has(Code::BuildUnsupported));
}

TEST_SUITE("build" * doctest::skip(!build::available())) {
  TEST_CASE("build: line amounts, discounts, totals per rate, grand total and words are computed exactly") {
    const auto r = build::build(invoice());
    INFO(codes(r.report));
    REQUIRE(r.ok());
    CHECK(r.report.ok());
    const std::string& x = r.xml;
    // 12.5 × 150000 = 1875000, discount 10 % = 187500, amount 1687500.
    CHECK(element(x, "STCKhau") == "187500");
    CHECK(element(x, "ThTien") == "1687500");
    // 3 × 33333 = 99999; the third line's rate given as a number is 8 %.
    CHECK(count(x, "<ThTien>99999</ThTien>") == 1);
    CHECK(count(x, "<TSuat>8%</TSuat>") == 4);  // three lines and the summary
    // Rates in order of first appearance; the discount line is subtracted from its rate.
    const auto summary = x.find("<THTTLTSuat>");
    REQUIRE(summary != std::string::npos);
    CHECK(element(x, "TSuat", summary) == "5%");
    CHECK(x.find("<LTSuat><TSuat>5%</TSuat><ThTien>1687500</ThTien><TThue>84375</TThue></LTSuat>") !=
          std::string::npos);
    // 8 %: 99999 + 1000000 − 50000 = 1049999; × 8 % = 83999.92 → 84000 (half away from zero).
    CHECK(x.find("<LTSuat><TSuat>8%</TSuat><ThTien>1049999</ThTien><TThue>84000</TThue></LTSuat>") !=
          std::string::npos);
    CHECK(element(x, "TgTCThue") == "2737499");
    CHECK(element(x, "TgTThue") == "168375");
    CHECK(element(x, "TgTTTBSo") == "2905874");
    CHECK(element(x, "TgTTTBChu") == "Hai triệu chín trăm linh năm nghìn tám trăm bảy mươi bốn đồng");
    // The note line: nature 4, no amount; positions from 1.
    CHECK(x.find("<HHDVu><TChat>4</TChat><STT>5</STT><THHDVu>Giao tại kho</THHDVu></HHDVu>") != std::string::npos);
    // The Id, the 2.1.0 leasing flag, VND by default, empty signature slots.
    CHECK(x.find("<DLHDon Id=\"data-1K26TCB-7\">") != std::string::npos);
    CHECK(element(x, "HDCTTChinh") == "0");
    CHECK(element(x, "DVTTe") == "VND");
    CHECK(x.find("<DSCKS><NBan/><NMua/><CCKSKhac/></DSCKS></HDon>") != std::string::npos);
  }

  TEST_CASE("build: elements follow the tables' order whatever the order of the JSON") {
    const std::string reversed = R"({
    "lines": [{"tax_rate": "10%", "unit_price": "5", "quantity": "2", "unit": "cái", "name": "Bút", "code": "B1"}],
    "buyer": {"address": "Hà Nội", "tax_code": "0108987656", "name": "Công ty Sạch"},
    "seller": {"email": "a@example.vn", "phone": "0206", "address": "Cao Bằng", "tax_code": "4800123456", "name": "HTX"},
    "provider_tax_code": "0101234565", "payment_method": "TM", "currency": "VND",
    "date": "2026-11-20", "number": 7, "series": "K26TCB", "template": "1", "version": "2.1.0"
  })";
    const auto r = build::build(reversed);
    INFO(codes(r.report));
    REQUIRE(r.ok());
    CHECK(r.xml.find("<TTChung><PBan>2.1.0</PBan><THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon>"
                     "<KHHDon>K26TCB</KHHDon><SHDon>7</SHDon><NLap>2026-11-20</NLap><HDCTTChinh>0</HDCTTChinh>"
                     "<DVTTe>VND</DVTTe><HTTToan>TM</HTTToan><MSTTCGP>0101234565</MSTTCGP></TTChung>") !=
          std::string::npos);
    CHECK(r.xml.find("<NBan><Ten>HTX</Ten><MST>4800123456</MST><DChi>Cao Bằng</DChi><SDThoai>0206</SDThoai>"
                     "<DCTDTu>a@example.vn</DCTDTu></NBan>") != std::string::npos);
    CHECK(r.xml.find("<HHDVu><TChat>1</TChat><STT>1</STT><MHHDVu>B1</MHHDVu><THHDVu>Bút</THHDVu><DVTinh>cái</DVTinh>"
                     "<SLuong>2</SLuong><DGia>5</DGia><ThTien>10</ThTien><TSuat>10%</TSuat></HHDVu>") !=
          std::string::npos);
    CHECK(r.xml.find("<TToan><THTTLTSuat>") != std::string::npos);
    CHECK(r.xml.find("</THTTLTSuat><TgTCThue>10</TgTCThue><TgTThue>1</TgTThue><TgTTTBSo>11</TgTTTBSo><TgTTTBChu>") !=
          std::string::npos);
  }

  TEST_CASE("build: each refusal names its code and the JSON pointer of the culprit") {
    struct Case {
      std::string lines, extra, code, pointer;
    };
    const std::string one = R"([{"name": "A", "quantity": "2", "unit_price": "5", "tax_rate": "10%"}])";
    const std::vector<Case> cases = {
        {R"([{"name": "A", "quantity": "2", "unit_price": "5", "amount": "11", "tax_rate": "10%"}])", "",
         "BUILD-MISMATCH", "/lines/0/amount"},
        {one, R"("totals": {"total": "12"})", "BUILD-MISMATCH", "/totals/total"},
        {one, R"("totals": {"before_tax": "9"})", "BUILD-MISMATCH", "/totals/before_tax"},
        {one, R"("totals": {"tax": "2"})", "BUILD-MISMATCH", "/totals/tax"},
        {one, R"("totals": {"words": "Mười hai đồng"})", "BUILD-MISMATCH", "/totals/words"},
        {R"([{"name": "A", "quantity": "2", "unit_price": "5", "discount_rate": "10", "discount_amount": "2", "tax_rate": "10%"}])",
         "", "BUILD-MISMATCH", "/lines/0/discount_amount"},
        {R"([{"name": "A", "quantity": "2", "unit_price": "5", "tax_rate": "7%"}])", "", "BUILD-RATE",
         "/lines/0/tax_rate"},
        {R"([{"name": "A", "quantity": "2", "unit_price": "5", "tax_rate": "KHAC"}])", "", "BUILD-RATE",
         "/lines/0/tax_rate"},
        {R"([{"name": "A", "quantity": "2", "unit_price": "5"}])", "", "BUILD-MISSING", "/lines/0/tax_rate"},
        {R"([{"name": "A", "quantity": "2", "tax_rate": "5%"}])", "", "BUILD-MISSING", "/lines/0/unit_price"},
        {R"([{"name": "A", "tax_rate": "5%"}])", "", "BUILD-MISSING", "/lines/0/amount"},
        {R"([{"quantity": "2", "unit_price": "5", "tax_rate": "5%"}])", "", "BUILD-MISSING", "/lines/0/name"},
        {R"([{"name": "A", "quantity": "1e3", "unit_price": "5", "tax_rate": "5%"}])", "", "BUILD-NUMBER",
         "/lines/0/quantity"},
        {R"([{"name": "A", "quantity": "2,5", "unit_price": "5", "tax_rate": "5%"}])", "", "BUILD-NUMBER",
         "/lines/0/quantity"},
        {R"([{"name": "A", "quantity": [2], "unit_price": "5", "tax_rate": "5%"}])", "", "BUILD-TYPE",
         "/lines/0/quantity"},
        {R"([{"name": "A", "qty": "2", "unit_price": "5", "tax_rate": "5%"}])", "", "BUILD-UNKNOWN-FIELD",
         "/lines/0/qty"},
        {R"([{"name": "A", "nature": "gift", "amount": "5", "tax_rate": "5%"}])", "", "BUILD-VALUE", "/lines/0/nature"},
        {R"([{"name": "A", "nature": "note", "amount": "5"}])", "", "BUILD-VALUE", "/lines/0/amount"},
        {one, R"("currency": "XYZ")", "BUILD-VALUE", "/currency"},
        {one, R"("currency": "USD")", "BUILD-MISSING", "/exchange_rate"},
        {one, R"("related": {"nature": "cancel", "date": "2026-11-01"})", "BUILD-VALUE", "/related/nature"},
        {one, R"("related": {"nature": "adjustment", "date": "2026-13-01"})", "BUILD-VALUE", "/related/date"},
        {one, R"("id": "1abc")", "BUILD-VALUE", "/id"},
        {one, R"("leasing": "yes")", "BUILD-TYPE", "/leasing"},
        {one, R"("fields": {"LDDNBo": "Lệnh 1"})", "BUILD-NOT-IN-TEMPLATE", "/fields/LDDNBo"},
        {one, R"("extra": [{"name": "Mã", "type": "text", "value": "1"}])", "BUILD-VALUE", "/extra/0/type"},
        {"[]", "", "BUILD-MISSING", "/lines"},
    };
    for (const auto& c : cases) {
      const auto r = build::build(invoice(c.lines, c.extra));
      INFO(c.lines, " ", c.extra, "\n", codes(r.report));
      CHECK_FALSE(r.ok());
      CHECK(has(r.report, c.code, c.pointer));
    }
  }

  TEST_CASE("build: tax codes, required fields, templates and versions are refused where they are") {
    auto with = [](std::string from, std::string to) {
      std::string s = invoice();
      const auto p = s.find(from);
      REQUIRE(p != std::string::npos);
      return s.replace(p, from.size(), to);
    };
    struct Case {
      std::string json, code, pointer;
    };
    const std::vector<Case> cases = {
        {with("\"0108987656\"", "\"0108987657\""), "BUILD-TAX-CODE", "/buyer/tax_code"},
        {with("\"4800123456\"", "\"480012345\""), "BUILD-TAX-CODE", "/seller/tax_code"},
        {with("\"0101234565\"", "\"001090012345\""), "BUILD-TAX-CODE", "/provider_tax_code"},
        {with("\"provider_tax_code\": \"0101234565\",", ""), "BUILD-MISSING", "/provider_tax_code"},
        {with("\"payment_method\": \"TM/CK\",", ""), "BUILD-MISSING", "/payment_method"},
        {with("\"address\": \"Trùng Khánh, Cao Bằng\"", "\"fax\": \"1\""), "BUILD-MISSING", "/seller/address"},
        {with("\"template\": \"1\"", "\"template\": \"7\", \"version\": \"2.0.1\""), "BUILD-TEMPLATE", "/template"},
        {with("\"template\": \"1\"", "\"template\": \"12\""), "BUILD-TEMPLATE", "/template"},
        {with("\"date\": \"2026-11-20\"", "\"date\": \"20/11/2026\""), "BUILD-VALUE", "/date"},
        {with("\"number\": 7", "\"number\": \"7a\""), "BUILD-VALUE", "/number"},
        {with("\"seller\": {", "\"seller\": {\"colour\": \"red\", "), "BUILD-UNKNOWN-FIELD", "/seller/colour"},
    };
    for (const auto& c : cases) {
      const auto r = build::build(c.json);
      INFO(c.json, "\n", codes(r.report));
      CHECK_FALSE(r.ok());
      CHECK(has(r.report, c.code, c.pointer));
    }
  }

  TEST_CASE("build: what validation finds in the output is located at the input's pointer") {
    // The series year must be the issue date's: a business rule of validation, not of the builder.
    std::string s = invoice();
    s.replace(s.find("2026-11-20"), 10, "2025-11-20");
    const auto r = build::build(s);
    INFO(codes(r.report));
    CHECK_FALSE(r.ok());
    CHECK(r.report.has(Code::BuildInvalid));
    bool located = false;
    for (const auto& d : r.report.items())
      if (d.severity == Severity::Error && (d.where.path == "/series" || d.where.path == "/date")) located = true;
    CHECK(located);
  }

  TEST_CASE("build: the template decides which elements exist") {
    // A warehouse note has no totals and no VAT rate on its lines.
    const std::string note = R"({
    "template": "6", "series": "K26NAB", "number": 1, "date": "2026-11-20", "provider_tax_code": "0101234565",
    "seller": {"name": "HTX", "tax_code": "4800123456", "address": "Kho A",
               "fields": {"LDDNBo": "Lệnh 1", "PTVChuyen": "Ô tô"}},
    "buyer": {"name": "Cửa hàng B", "address": "Phố C"},
    "lines": [{"name": "Hạt dẻ", "quantity": "3", "unit_price": "100", "tax_rate": "5%"}],
    "totals": {"total": "300"}
  })";
    const auto r = build::build(note);
    INFO(codes(r.report));
    CHECK(has(r.report, "BUILD-NOT-IN-TEMPLATE", "/lines/0/tax_rate"));
    CHECK(has(r.report, "BUILD-NOT-IN-TEMPLATE", "/totals"));
    std::string ok = note;
    const std::string rate = ", \"tax_rate\": \"5%\"", totals = ",\n    \"totals\": {\"total\": \"300\"}";
    ok.replace(ok.find(rate), rate.size(), "");
    ok.replace(ok.find(totals), totals.size(), "");
    const auto good = build::build(ok);
    INFO(codes(good.report));
    REQUIRE(good.ok());
    CHECK(good.xml.find("<TToan>") == std::string::npos);
    CHECK(good.xml.find("<NBan><Ten>HTX</Ten><MST>4800123456</MST><LDDNBo>Lệnh 1</LDDNBo><DChi>Kho A</DChi>") !=
          std::string::npos);
    // Without the transport means the note is refused, at the pointer that would give it.
    std::string missing = ok;
    missing.replace(missing.find(", \"PTVChuyen\": \"Ô tô\""), std::string(", \"PTVChuyen\": \"Ô tô\"").size(), "");
    const auto refused = build::build(missing);
    CHECK(has(refused.report, "BUILD-MISSING", "/seller/fields/PTVChuyen"));
  }

  TEST_CASE("build: a sales invoice totals its lines, fees and deductions, without VAT") {
    const std::string sales = R"({
    "template": 2, "series": "K26THN", "number": 3, "date": "2026-11-20", "payment_method": "TM",
    "provider_tax_code": "0101234565",
    "seller": {"name": "Hộ kinh doanh Hoa", "tax_code": "4800123456", "address": "Cao Bằng"},
    "buyer": {"name": "Trường Hoa Mai"},
    "lines": [{"name": "Gạo", "quantity": "35.5", "unit_price": "18000"},
              {"nature": "discount", "name": "Chiết khấu", "amount": "39000"}],
    "fees": [{"name": "Phí giao hàng", "amount": "20000"}],
    "totals": {"other_deduction": "1000", "total": "619000"}
  })";
    const auto r = build::build(sales);
    INFO(codes(r.report));
    REQUIRE(r.ok());
    CHECK(element(r.xml, "TgTTTBSo") == "619000");
    CHECK(r.xml.find("<TgTCThue>") == std::string::npos);
    CHECK(r.xml.find("<TSuat>") == std::string::npos);
    CHECK(r.xml.find("<DSLPhi><LPhi><TLPhi>Phí giao hàng</TLPhi><TPhi>20000</TPhi></LPhi></DSLPhi>") !=
          std::string::npos);
  }

  TEST_CASE("build: foreign currency keeps its cents — rates follow the PBan's spelling") {
    const std::string usd = R"({
    "version": "2.0.1", "template": "1", "series": "K25TCB", "number": 9, "date": "2025-10-15",
    "currency": "USD", "exchange_rate": "25410.5",
    "seller": {"name": "HTX", "tax_code": "4800123456", "address": "Cao Bằng"},
    "buyer": {"name": "Buyer Co.", "address": "Nanning"},
    "lines": [{"name": "Chestnuts", "quantity": "3", "unit_price": "6.335", "tax_rate": "KHAC:5.26%"}]
  })";
    const auto r = build::build(usd);
    INFO(codes(r.report));
    REQUIRE(r.ok());
    CHECK(element(r.xml, "ThTien") == "19.01");     // 19.005 rounded half away from zero
    CHECK(element(r.xml, "TSuat") == "KHAC:5.26");  // 2.0.x: no '%' (10 characters at most)
    CHECK(element(r.xml, "TgTThue") == "1");        // 19.01 × 5.26 % = 0.999926 → 1.00
    CHECK(element(r.xml, "TgTTTBSo") == "20.01");
    CHECK(element(r.xml, "TgTTTBChu") == "Hai mươi phẩy không một đô la Mỹ");
    CHECK(element(r.xml, "TGia") == "25410.5");
    CHECK(r.xml.find("<HDCTTChinh>") == std::string::npos);  // 2.1.0 only
  }

  TEST_CASE("build: lines from CSV give the same invoice, and CSV errors have their line") {
    const std::string json_lines = R"([
    {"name": "Hạt dẻ, loại 1", "unit": "kg", "quantity": "12.5", "unit_price": "150000", "tax_rate": "5%"},
    {"name": "Trà \"Shan\"", "quantity": "3", "unit_price": "33333", "tax_rate": "8%"}
  ])";
    const auto from_json = build::build(invoice(json_lines));
    REQUIRE(from_json.ok());
    build::Options o;
    const std::string csv =
        "\xEF\xBB\xBFname,unit,quantity,unit_price,tax_rate\r\n\"Hạt dẻ, loại 1\",kg,12.5,150000,5%\r\n"
        "\"Trà \"\"Shan\"\"\",,3,33333,8%\r\n";
    o.lines_csv = csv;
    const auto from_csv = build::build(invoice("[]"), o);
    INFO(codes(from_csv.report));
    REQUIRE(from_csv.ok());
    CHECK(from_csv.xml == from_json.xml);

    const std::string bad_rate = "name,quantity,unit_price,tax_rate\nA,1,2,5%\nB,1,2,9%\n";
    o.lines_csv = bad_rate;
    const auto r = build::build(invoice("[]"), o);
    CHECK(has(r.report, "BUILD-RATE", "/lines/1/tax_rate"));
    for (const auto& d : r.report.items())
      if (d.code_name() == "BUILD-RATE") CHECK(d.where.line == 3);
    const std::string ragged = "name,quantity\nA,1\nB,1,2\n";
    o.lines_csv = ragged;
    const auto rr = build::build(invoice("[]"), o);
    REQUIRE(rr.report.has(Code::BuildCsv));
    CHECK(rr.report.items().front().where.line == 3);
    const std::string unclosed = "name\n\"A\n";
    o.lines_csv = unclosed;
    CHECK(build::build(invoice("[]"), o).report.has(Code::BuildCsv));
  }

  TEST_CASE("build: the JSON reader keeps number literals and refuses duplicates, depth and garbage") {
    build::Value v;
    Report rep;
    REQUIRE(build::read_json(R"({"a": 0.1, "b": 123456789012345678901234567890.000001, "c": -5})", v, rep));
    CHECK(v.find("a")->text == "0.1");
    CHECK(v.find("b")->text == "123456789012345678901234567890.000001");
    CHECK(v.find("c")->text == "-5");
    Report dup;
    CHECK_FALSE(build::read_json(R"({"a": 1, "a": 2})", v, dup));
    CHECK(dup.has(Code::BuildJson));
    Report deep;
    CHECK_FALSE(build::read_json(std::string(100000, '[') + std::string(100000, ']'), v, deep));
    CHECK(deep.has(Code::BuildJson));
    Report trunc;
    CHECK_FALSE(build::read_json("{\"template\": \"1\",\n \"series\": ", v, trunc));
    REQUIRE(trunc.has(Code::BuildJson));
    CHECK(trunc.items().front().where.line == 2);
    Report utf8;
    CHECK_FALSE(build::read_json("{\"a\": \"\xC3\x28\"}", v, utf8));
    for (const char* bad : {"", "[]", "null", "\"x\"", "{\"template\": {}}"}) {
      const auto r = build::build(bad);
      INFO(bad);
      CHECK_FALSE(r.ok());
      CHECK_FALSE(r.report.ok());
    }
  }

  TEST_CASE("build: every example of examples/invoices/build builds and validates without a warning") {
    const auto dir = ::testing::source_dir() / "examples" / "invoices" / "build";
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      ++n;
      const auto r = build::build(testing::read_file(entry.path()));
      INFO(entry.path().filename().string(), "\n", codes(r.report));
      CHECK(r.ok());
      CHECK(r.report.count(Severity::Error) == 0);
      CHECK(r.report.count(Severity::Warning) == 0);
    }
    CHECK(n >= 21);  // every template of 2.1.0 (12) and 2.0.1 (9)
  }
}
