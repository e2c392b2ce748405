// The rendered invoice: every value present and escaped, the signature panel from a real
// verification, one layout per template, the QR payload, PDF pages and text, real samples.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <regex>

#include "dsig/verify_helpers.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "render/format.hpp"
#include "render/html.hpp"
#include "render/pdf.hpp"
#include "render/qr_image.hpp"
#include "render/qr_payload.hpp"
#include "render/support.hpp"
#include "rules/qrcode.hpp"
#include "support/run.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"
#include "xml/node.hpp"

namespace {

using hoadon::render::Format;
using hoadon::render::Options;
using testing::render_bytes;

std::string html_of(const std::string& xml, Options o = {}) {
  const auto r = render_bytes(xml, o);
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  return r.bytes;
}

// Text with every run of white space made one space (pdftotext breaks lines where the PDF does).
std::string collapsed(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// The essentials of an invoice, as the renderer must show them.
hoadon::model::Essentials essentials_of(const std::string& xml) {
  hoadon::Report report;
  auto doc = hoadon::xml::parse(xml, {}, report);
  REQUIRE(doc);
  const auto index = hoadon::model::build_index(*doc, report);
  return hoadon::model::read_essentials(*doc, index);
}

}  // namespace

TEST_CASE("render: amounts and dates are written the Vietnamese way, anything else as written") {
  using hoadon::render::vn_number;
  CHECK(vn_number("51570000") == "51.570.000");
  CHECK(vn_number("1234567.500000") == "1.234.567,5");
  CHECK(vn_number("-1000") == "-1.000");
  CHECK(vn_number("0") == "0");
  CHECK(vn_number("12a") == "12a");
  CHECK(hoadon::render::vn_date("2026-11-20") == "20/11/2026");
  CHECK(hoadon::render::vn_long_date("2026-11-20") == "Ngày 20 tháng 11 năm 2026");
  CHECK(hoadon::render::vn_date("20/11/2026") == "20/11/2026");
}

TEST_CASE("render: a seller name <script>alert(1)</script> stays text, in every place it goes") {
  const auto xml = testing::demo_with("<Ten>Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc</Ten>",
                                      "<Ten>&lt;script&gt;alert(1)&lt;/script&gt;\"' onload=&amp;x</Ten>");
  const auto html = html_of(xml);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onload=&amp;x") != std::string::npos);
  // The same for a line's name, a note and the title.
  auto hostile = testing::demo_with("<THHDVu>Miến dong Nguyên Bình</THHDVu>",
                                    "<THHDVu>&lt;img src=x onerror=alert(2)&gt;</THHDVu>");
  const auto at = hostile.find("</NDHDon>");
  hostile.insert(at,
                 "<TTKhac><TTin><TTruong>&lt;b&gt;</TTruong><KDLieu>string</KDLieu><DLieu>&lt;/"
                 "style&gt;&lt;script&gt;x()&lt;/script&gt;</DLieu></TTin></TTKhac>");
  const auto h2 = html_of(hostile);
  CHECK(h2.find("<img") == std::string::npos);
  CHECK(h2.find("<script") == std::string::npos);
  CHECK(count(h2, "</style>") == 1);
  CHECK(h2.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(h2.find("&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;") != std::string::npos);
  // Self-contained: nothing is fetched (no element refers to anything, no style imports).
  const auto plain = html_of(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat));
  CHECK(!std::regex_search(plain, std::regex(R"((src|href)=|@import|url\()")));
  CHECK(!std::regex_search(h2, std::regex(R"(<[^>]*\s(src|href|on[a-z]+)=)")));
}

TEST_CASE("render: every field of the invoice is in the HTML") {
  const auto xml = testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat);
  const auto html = html_of(xml);
  const auto e = essentials_of(xml);
  REQUIRE(e.invoices.size() == 1);
  using F = hoadon::model::InvoiceField;
  const auto& inv = e.invoices[0];
  for (F f : {F::SellerName, F::SellerTaxCode, F::BuyerName, F::BuyerTaxCode, F::Series, F::Number, F::Template,
              F::Currency, F::PaymentMethod, F::TotalInWords}) {
    REQUIRE(inv.get(f));
    CHECK_MESSAGE(html.find(hoadon::render::escape_html(*inv.get(f))) != std::string::npos, "missing: " << *inv.get(f));
  }
  for (F f : {F::Total, F::TotalBeforeTax, F::TotalTax})
    CHECK(html.find(hoadon::render::vn_number(*inv.get(f))) != std::string::npos);
  CHECK(html.find(hoadon::render::vn_date(*inv.get(F::IssueDate))) != std::string::npos);
  // Every line, with its unit, quantity, price, rate and amount; the per-rate totals.
  hoadon::Report report;
  auto doc = hoadon::xml::parse(xml, {}, report);
  const auto index = hoadon::model::build_index(*doc, report);
  const auto lines =
      hoadon::xml::children(hoadon::xml::child_path(index.invoices[0].dlhdon, {"NDHDon", "DSHHDVu"}), "HHDVu");
  REQUIRE(lines.size() == 5);
  for (const auto* l : lines) {
    CHECK(html.find(hoadon::render::escape_html(*hoadon::xml::child_text(l, "THHDVu"))) != std::string::npos);
    for (const char* tag : {"SLuong", "DGia", "ThTien"})
      CHECK(html.find(">" + hoadon::render::vn_number(*hoadon::xml::child_text(l, tag)) + "<") != std::string::npos);
  }
  CHECK(count(html, "<td class=\"c\">5%</td>") == 3);  // two lines and the summary row
  CHECK(html.find("1.750.000") != std::string::npos);  // VAT at 5%
  CHECK(html.find("Chuyển khoản") != std::string::npos);
}

TEST_CASE("render: the related invoice, the tax authority's code and the notes are shown") {
  auto xml = testing::demo_with("<MSTTCGP>0101234565</MSTTCGP>",
                                "<MSTTCGP>0101234565</MSTTCGP><TTHDLQuan><TCHDon>1</TCHDon><LHDCLQuan>1</LHDCLQuan>"
                                "<KHMSHDCLQuan>1</KHMSHDCLQuan><KHHDCLQuan>K26TCB</KHHDCLQuan><SHDCLQuan>77</SHDCLQuan>"
                                "<NLHDCLQuan>2026-11-02</NLHDCLQuan><GChu>Sai đơn giá</GChu></TTHDLQuan>");
  xml.insert(xml.find("</DLHDon>"),
             "<TTKhac><TTin><TTruong>Mã tra cứu</TTruong><KDLieu>string</KDLieu>"
             "<DLieu>ABC-123</DLieu></TTin></TTKhac>");
  xml.insert(xml.find("<DSCKS>"), "<MCCQT Id=\"mccqt\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</MCCQT>");
  const auto html = html_of(xml);
  CHECK(html.find("Hóa đơn thay thế cho hóa đơn") != std::string::npos);
  CHECK(html.find("Sai đơn giá") != std::string::npos);
  CHECK(html.find("02/11/2026") != std::string::npos);
  CHECK(html.find(">77<") != std::string::npos);
  CHECK(html.find("Mã tra cứu:") != std::string::npos);
  CHECK(html.find("ABC-123") != std::string::npos);
  CHECK(html.find("<b id=\"mccqt\">00EEA9E0CF3EFF43A9AE37A0F2F915BAC3</b>") != std::string::npos);
}

TEST_CASE("render: the signature panel is the verification's: valid, then invalid once tampered") {
  const auto signed_xml =
      testing::signed_demo(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat));
  Options o;
  o.trust = &testing::world_trust();
  const auto good = html_of(signed_xml, o);
  CHECK(good.find("data-slot=\"NBan\" data-status=\"valid\"") != std::string::npos);
  CHECK(good.find("data-coverage=\"unsigned\"") == std::string::npos);
  const auto verified = testing::verify(signed_xml, &testing::world_trust());
  REQUIRE(verified.sig().signer);
  CHECK(good.find(hoadon::render::escape_html(verified.sig().signer->subject)) != std::string::npos);
  CHECK(good.find(verified.sig().signing_time) != std::string::npos);

  // One character of the buyer's name changed after signing.
  auto tampered = signed_xml;
  const auto at = tampered.find("Sạch");
  REQUIRE(at != std::string::npos);
  tampered.replace(at, 5, "Bẩn ");
  const auto bad = html_of(tampered, o);
  CHECK(bad.find("data-slot=\"NBan\" data-status=\"invalid\"") != std::string::npos);
  CHECK(bad.find("data-status=\"valid\"") == std::string::npos);
  CHECK(bad.find("<div class=\"data unsigned\">") != std::string::npos);
  CHECK(bad.find("data-coverage=\"unsigned\"") != std::string::npos);

  // Without trust: intact but indeterminate; without verification: not checked.
  CHECK(html_of(signed_xml).find("data-status=\"indeterminate\"") != std::string::npos);
  o.verify = false;
  const auto unchecked = html_of(signed_xml, o);
  CHECK(unchecked.find("data-slot=\"NBan\" data-status=\"not-checked\"") != std::string::npos);
  CHECK(unchecked.find("data-coverage=\"not-checked\"") != std::string::npos);
}

TEST_CASE("render: an unsigned invoice says so, and its data is marked as covered by nothing") {
  const auto html = html_of(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat));
  CHECK(html.find("the invoice carries no signature") != std::string::npos);
  CHECK(html.find("data-coverage=\"unsigned\"") != std::string::npos);
}

TEST_CASE("render: the layout follows the template") {
  const auto vat = html_of(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat));
  CHECK(vat.find("data-layout=\"vat\"") != std::string::npos);
  CHECK(vat.find("<th>Thuế suất</th>") != std::string::npos);
  const auto sales = html_of(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoSales));
  CHECK(sales.find("data-layout=\"sales\"") != std::string::npos);
  CHECK(sales.find("<th>Thuế suất</th>") == std::string::npos);
  const auto pxk =
      html_of(testing::demo_with("<THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon><KHHDon>K26TCB",
                                 "<KHMSHDon>6</KHMSHDon><KHHDon>K26NCB"));
  CHECK(pxk.find("data-layout=\"pxk-internal\"") != std::string::npos);
  CHECK(pxk.find("PHIẾU XUẤT KHO KIÊM VẬN CHUYỂN NỘI BỘ") != std::string::npos);
  CHECK(pxk.find("<th>Mã số</th>") != std::string::npos);
  CHECK(pxk.find("Đơn vị nhận hàng") != std::string::npos);
  const auto ticket =
      html_of(testing::demo_with("<KHMSHDon>1</KHMSHDon><KHHDon>K26TCB", "<KHMSHDon>5</KHMSHDon><KHHDon>K26HCB"));
  CHECK(ticket.find("data-layout=\"stamp\"") != std::string::npos);
  CHECK(ticket.find("<th>Đơn vị tính</th>") == std::string::npos);
  const auto mtt = html_of(testing::demo_with("<KHHDon>K26TCB", "<KHHDon>C26MCB"));
  CHECK(mtt.find("Khởi tạo từ máy tính tiền") != std::string::npos);
}

TEST_CASE("render: the QR code carries DLQRCode, else the invoice's lookup fields with a valid CRC") {
  const auto payload =
      hoadon::render::lookup_qr_payload({"0107001729-001", "1", "C21TYY", "68", "2021-11-21", "120000"});
  const auto parsed = hoadon::rules::parse_emv_qr(payload);
  REQUIRE(parsed.ok());
  CHECK(hoadon::rules::check_qr_crc(payload).status == hoadon::rules::CrcStatus::ok);
  const auto lookup = hoadon::rules::invoice_lookup(parsed);
  REQUIRE(lookup);
  CHECK(lookup->seller_tax_code == "0107001729001");
  CHECK(lookup->series == "C21TYY");
  CHECK(lookup->number == "68");
  CHECK(lookup->issue_date == "20211121");
  CHECK(lookup->total == "120000");
  CHECK(hoadon::rules::invoice_lookup_problems(*lookup).empty());
  // A hostile value is left out rather than breaking the payload.
  CHECK(hoadon::rules::parse_emv_qr(hoadon::render::lookup_qr_payload({"x", "1", std::string(200, 'A'), "Số", "", ""}))
            .ok());

  std::string why;
  const auto m = hoadon::render::encode_qr(payload, why);
  SKIP_UNLESS(m, why);
  CHECK(m->width >= 21);
  const auto html = html_of(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat));
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("Tra cứu (lookup)") != std::string::npos);
  auto with_qr = testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat);
  with_qr.insert(with_qr.find("<DSCKS>"), "<DLQRCode>hello QR</DLQRCode>");
  const auto h2 = html_of(with_qr);
  CHECK(h2.find(">DLQRCode<") != std::string::npos);
  std::string why2;
  CHECK(h2.find(hoadon::render::qr_svg(*hoadon::render::encode_qr("hello QR", why2), 30)) != std::string::npos);
}

TEST_CASE("render: forms and rejected ranges are refused with a reason") {
  Options o;
  o.invoice = 3;
  const auto r = render_bytes(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat), o);
  CHECK(r.failure == hoadon::render::Result::Failure::NoSuchInvoice);
  CHECK(r.bytes.empty());
  const auto form = render_bytes("<TBao><DLTBao><PBan>2.0.0</PBan></DLTBao></TBao>");
  CHECK(form.failure == hoadon::render::Result::Failure::NotInvoice);
  CHECK(!form.error.empty());
}

TEST_CASE("render: the PDF is A4 with the totals and Vietnamese names as text, and long invoices run over pages") {
  Options o;
  o.format = Format::Pdf;
  if (!hoadon::render::pdf_available()) {
    const auto r = render_bytes(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat), o);
    CHECK(r.failure == hoadon::render::Result::Failure::NotBuilt);
    CHECK(r.error.find("not built") != std::string::npos);
    return;
  }
  const auto pdftotext = testing::find_program("pdftotext");
  const auto pdfinfo = testing::find_program("pdfinfo");
  const auto pdftoppm = testing::find_program("pdftoppm");
  const auto r = render_bytes(testing::read_file(testing::source_dir() / "examples/invoices" / testing::kDemoVat), o);
  REQUIRE(r.error.empty());
  CHECK(r.bytes.starts_with("%PDF-"));
  SKIP_UNLESS_TOOL(pdftotext && pdfinfo && pdftoppm, "poppler-utils (pdftotext, pdfinfo, pdftoppm) not installed");
  testing::TempDir dir;
  testing::write_file(dir / "demo.pdf", r.bytes);
  const auto text = collapsed(testing::run({*pdftotext, "-raw", (dir / "demo.pdf").string(), "-"}).out);
  for (const char* s : {"51.570.000", "48.700.000", "2.870.000", "Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc",
                        "Công ty TNHH Thực phẩm Sạch Hà Nội", "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng chẵn",
                        "Hạt dẻ Trùng Khánh loại 1", "Dịch vụ vận chuyển Cao Bằng – Hà Nội", "K26TCB"})
    CHECK_MESSAGE(text.find(s) != std::string::npos, "pdftotext does not find: " << std::string(s));
  const auto info = testing::run({*pdfinfo, (dir / "demo.pdf").string()});
  CHECK(std::regex_search(info.out, std::regex("Page size: +595.276 x 841.89 pts \\(A4\\)")));
  CHECK(std::regex_search(info.out, std::regex("Pages: +1\n")));
  if (const auto pdffonts = testing::find_program("pdffonts")) {  // every font embedded
    const auto fonts = testing::run({*pdffonts, (dir / "demo.pdf").string()});
    CHECK(fonts.out.find("DejaVu") != std::string::npos);
    CHECK(fonts.out.find(" no  ") == std::string::npos);
  }

  // 1,000 lines: many pages, the table's header on each of them, every line's number present.
  const auto big = render_bytes(testing::demo_with_lines(1000), o);
  REQUIRE(big.error.empty());
  testing::write_file(dir / "big.pdf", big.bytes);
  const auto ppm = testing::run({*pdftoppm, "-r", "20", "-png", (dir / "big.pdf").string(), (dir / "page").string()});
  REQUIRE(ppm.exit_code == 0);
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().filename().string().starts_with("page")) ++pages;
  CHECK(pages > 10);
  const auto big_text = testing::run({*pdftotext, (dir / "big.pdf").string(), "-"});
  // The header repeats on every page the table reaches (the last page may hold only totals).
  CHECK(count(big_text.out, "Tên hàng hóa, dịch vụ") >= static_cast<std::size_t>(pages - 1));
  CHECK(count(big_text.out, "Hạt dẻ Trùng Khánh loại 1") == 1000);
}

TEST_CASE("render: real samples render in HTML and PDF with their seller, buyer and total") {
  const auto samples = testing::manifest();
  SKIP_UNLESS(!samples.empty(), "vn-invoice-samples not found");
  int rendered = 0;
  for (const auto& s : samples) {
    const auto xml = testing::read_file(s.path);
    hoadon::Report report;
    auto doc = hoadon::xml::parse(xml, {}, report);
    if (!doc) continue;
    const auto index = hoadon::model::build_index(*doc, report);
    const auto e = hoadon::model::read_essentials(*doc, index);
    Options o;
    const auto r = hoadon::render::render(*doc, index, e, report, o);
    if (index.invoices.empty()) {
      CHECK_MESSAGE(r.failure == hoadon::render::Result::Failure::NotInvoice, s.file);
      continue;
    }
    INFO(s.file);
    REQUIRE(r.error.empty());
    using F = hoadon::model::InvoiceField;
    for (const auto& inv : e.invoices) {
      for (F f : {F::SellerName, F::BuyerName, F::Series})
        if (inv.get(f) && !inv.get(f)->empty())
          CHECK(r.bytes.find(hoadon::render::escape_html(*inv.get(f))) != std::string::npos);
      if (inv.get(F::Total)) CHECK(r.bytes.find(hoadon::render::vn_number(*inv.get(F::Total))) != std::string::npos);
    }
    // One panel per signature of the invoices, each with the verification's outcome.
    CHECK(count(r.bytes, "class=\"panel ") >= 1);
    if (hoadon::render::pdf_available()) {
      o.format = Format::Pdf;
      const auto pdf = hoadon::render::render(*doc, index, e, report, o);
      CHECK(pdf.bytes.starts_with("%PDF-"));
    }
    ++rendered;
  }
  CHECK(rendered >= 20);
}
