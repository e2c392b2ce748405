// Business rules (format §2, §3, §4, §7; README "Business rules"): for every rule code that
// validate can emit on an invoice, a case that triggers it and, where the rule has an edge, a
// near miss that must pass. Each case is one edit of the demo VAT invoice (51,570,000 đồng),
// with the totals kept consistent so that only the rule in question can fire.
#include <cstdio>

#include "documents.hpp"

namespace conformance {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

void rule(Suite& s, const std::string& name, const std::string& doc, bool pass, std::vector<std::string> codes,
          const char* en, const char* vi, Options extra = {}) {
  const std::string file = "rules/" + name + ".xml";
  s.file(file, doc);
  s.add({"rules/" + name, file, "validate", validate_options(std::move(extra)), pass, "", std::move(codes), en, vi});
}

// Replaces the totals of the demo invoice: TgTCThue, TgTThue, TgTTTBSo and the words.
std::string totals(std::string x, const char* base, const char* tax, const char* total, const char* words) {
  x = set(x, "TgTCThue", base);
  x = set(x, "TgTThue", tax);
  x = set(x, "TgTTTBSo", total);
  return set(x, "TgTTTBChu", words);
}

constexpr const char* kRelated =
    "<TTHDLQuan><TCHDon>1</TCHDon><LHDCLQuan>1</LHDCLQuan><KHMSHDCLQuan>1</KHMSHDCLQuan><KHHDCLQuan>K26TCB</"
    "KHHDCLQuan><SHDCLQuan>100</SHDCLQuan><NLHDCLQuan>2026-11-10</NLHDCLQuan><GChu>Thay thế hóa đơn ghi sai đơn "
    "giá</GChu></TTHDLQuan>";

std::string with_related(const std::string& related) {
  return edit(demo_vat(), "<MSTTCGP>0101234565</MSTTCGP>", "<MSTTCGP>0101234565</MSTTCGP>" + related);
}

// CRC-16/CCITT-FALSE, as tag 63 of an EMVCo payload carries it (format §4.2).
std::string crc16(const std::string& s) {
  unsigned crc = 0xFFFF;
  for (unsigned char c : s) {
    crc ^= static_cast<unsigned>(c) << 8;
    for (int i = 0; i < 8; ++i) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
  }
  char out[5];
  std::snprintf(out, sizeof out, "%04X", crc);
  return out;
}

std::string tlv(const std::string& tag, const std::string& value) {
  char len[3];
  std::snprintf(len, sizeof len, "%02zu", value.size());
  return tag + len + value;
}

// The invoice lookup template (tag 99) of the demo invoice, with its number.
std::string lookup(const std::string& number) {
  return tlv("99", tlv("00", "A000000775") + tlv("01", "4800123456") + tlv("02", "1") + tlv("03", "K26TCB") +
                       tlv("04", number) + tlv("05", "20261120") + tlv("06", "51570000"));
}

std::string qr_payload(const std::string& tag99, bool good_crc = true) {
  const std::string head = tlv("00", "01") + tlv("01", "12") +
                           tlv("26", tlv("00", "A000000775") + tlv("01", "4800123456")) + tlv("52", "5499") +
                           tlv("53", "704") + tlv("54", "51570000") + tlv("58", "VN") + tlv("59", "HTX PHIA OAC") +
                           tlv("60", "CAO BANG") + tag99 + "6304";
  return head + (good_crc ? crc16(head) : "0000");
}

std::string with_qr(const std::string& payload) {
  return edit(demo_vat(), "</DLHDon>", "</DLHDon><DLQRCode>" + payload + "</DLQRCode>");
}

void tax_codes(Suite& s) {
  const auto v = demo_vat();
  rule(s, "mst-seller-checksum", edit(v, "<MST>4800123456</MST>", "<MST>4800123457</MST>"), false, {"MST-SELLER"},
       "The seller's tax code has a wrong check digit", "Mã số thuế người bán sai chữ số kiểm tra");
  rule(s, "mst-seller-branch", edit(v, "<MST>4800123456</MST>", "<MST>4800123456-001</MST>"), true, {},
       "Near miss: a branch tax code (10 digits, hyphen, 3 digits) is valid",
       "Gần đúng: mã số thuế đơn vị phụ thuộc (10 số, gạch nối, 3 số) là hợp lệ");
  rule(s, "mst-buyer-checksum", edit(v, "<MST>0108987656</MST>", "<MST>0108987657</MST>"), false, {"MST-BUYER"},
       "The buyer's tax code has a wrong check digit", "Mã số thuế người mua sai chữ số kiểm tra");
  rule(s, "mst-buyer-personal-id", edit(v, "<MST>0108987656</MST>", "<MST>001085012345</MST>"), true, {},
       "Near miss: a buyer identified by a 12-digit personal ID (since 2025)",
       "Gần đúng: người mua dùng số định danh cá nhân 12 chữ số (từ năm 2025)");
  rule(s, "mst-provider-checksum", edit(v, "<MSTTCGP>0101234565</MSTTCGP>", "<MSTTCGP>0101234566</MSTTCGP>"), false,
       {"MST-PROVIDER"}, "The solution provider's tax code (MSTTCGP) has a wrong check digit",
       "Mã số thuế tổ chức cung cấp giải pháp (MSTTCGP) sai chữ số kiểm tra");
  rule(s, "mst-delegate-checksum",
       edit(v, "<MSTTCGP>0101234565</MSTTCGP>",
            "<MSTTCGP>0101234565</MSTTCGP><MSTDVNUNLHDon>4800234566</MSTDVNUNLHDon><TDVNUNLHDon>Công ty TNHH Dịch "
            "vụ Kế toán Non Nước</TDVNUNLHDon><DCDVNUNLHDon>Số 25 phố Vườn Cam, tỉnh Cao Bằng</DCDVNUNLHDon>"),
       false, {"MST-DELEGATE"}, "The delegate issuer's tax code (MSTDVNUNLHDon) has a wrong check digit",
       "Mã số thuế đơn vị nhận ủy nhiệm lập hóa đơn (MSTDVNUNLHDon) sai chữ số kiểm tra");
}

void symbols(Suite& s) {
  const auto v = demo_vat();
  rule(s, "inv-template", edit(v, "<KHMSHDon>1</KHMSHDon>", "<KHMSHDon>0</KHMSHDon>"), false,
       {"INV-TEMPLATE", "SCHEMA-TEMPLATE"}, "A template code (KHMSHDon) 0, which no version defines",
       "Ký hiệu mẫu số (KHMSHDon) 0, không phiên bản nào quy định");
  rule(s, "inv-series-form", edit(v, "<KHHDon>K26TCB</KHHDon>", "<KHHDon>K26TC1</KHHDon>"), false,
       {"INV-SERIES", "SCHEMA-PATTERN"}, "A series symbol whose last two characters are not letters",
       "Ký hiệu hóa đơn có hai ký tự cuối không phải chữ cái");
  rule(s, "inv-series-template", edit(v, "<KHHDon>K26TCB</KHHDon>", "<KHHDon>K26NCB</KHHDon>"), false,
       {"INV-SERIES-TEMPLATE", "SCHEMA-PATTERN"},
       "A VAT invoice on a warehouse-note series (letter N): the rule and the template's schema both refuse it",
       "Hóa đơn GTGT dùng ký hiệu của phiếu xuất kho (chữ N): quy tắc và lược đồ của mẫu đều từ chối");
  rule(s, "inv-series-unusual", edit(v, "<KHHDon>K26TCB</KHHDon>", "<KHHDon>K26DCB</KHHDon>"), true,
       {"INV-SERIES-UNUSUAL"}, "A VAT invoice on a letter-D series: allowed, but noted",
       "Hóa đơn GTGT dùng ký hiệu chữ D: được phép, nhưng được ghi nhận");
  rule(s, "inv-series-year", edit(v, "<KHHDon>K26TCB</KHHDon>", "<KHHDon>K25TCB</KHHDon>"), false, {"INV-SERIES-YEAR"},
       "The series year (25) differs from the issue year (2026)", "Năm trong ký hiệu (25) khác năm lập hóa đơn (2026)");
  rule(s, "inv-number-zero", edit(v, "<SHDon>123</SHDon>", "<SHDon>0</SHDon>"), false, {"INV-NUMBER"},
       "Invoice number 0", "Số hóa đơn bằng 0");
  rule(s, "inv-number-padded", edit(v, "<SHDon>123</SHDon>", "<SHDon>00000123</SHDon>"), true, {},
       "Near miss: a zero-padded invoice number is the same number",
       "Gần đúng: số hóa đơn có các số 0 ở đầu vẫn là cùng một số");
  rule(s, "inv-date-future", edit(v, "<NLap>2026-11-20</NLap>", "<NLap>2026-12-02</NLap>"), false, {"INV-DATE-FUTURE"},
       "An issue date after \"now\" (2026-12-01)", "Ngày lập sau thời điểm hiện tại (2026-12-01)");
  rule(s, "inv-date-today", edit(v, "<NLap>2026-11-20</NLap>", "<NLap>2026-12-01</NLap>"), true, {},
       "Near miss: an invoice issued today", "Gần đúng: hóa đơn lập trong ngày hôm nay");
  rule(s, "inv-mhso-missing", edit(v, "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26LCB</KHHDon>"), false, {"INV-MHSO"},
       "An invoice the tax authority issues per occurrence (letter L) without its dossier code (MHSo)",
       "Hóa đơn cơ quan thuế cấp theo từng lần phát sinh (chữ L) không có mã hồ sơ (MHSo)");
}

void related(Suite& s) {
  rule(s, "rel-replacement", with_related(kRelated), true, {},
       "Near miss: a replacement invoice naming the invoice it replaces",
       "Gần đúng: hóa đơn thay thế ghi đúng hóa đơn bị thay thế");
  rule(s, "rel-symbols", with_related(edit(kRelated, "<KHMSHDCLQuan>1<", "<KHMSHDCLQuan>01GTKT0/001<")), false,
       {"REL-SYMBOLS"}, "An old-regime template (01GTKT0/001) for a related invoice said to be under Decree 123",
       "Mẫu số theo chế độ cũ (01GTKT0/001) cho hóa đơn liên quan được ghi là theo Nghị định 123");
  rule(s, "rel-old-regime",
       with_related(edit(
           edit(edit(kRelated, "<LHDCLQuan>1<", "<LHDCLQuan>3<"), "<KHMSHDCLQuan>1<", "<KHMSHDCLQuan>01GTKT0/001<"),
           "<KHHDCLQuan>K26TCB<", "<KHHDCLQuan>AA/20E<")),
       true, {}, "Near miss: replacing an invoice of the old regime (LHDCLQuan 3, 01GTKT0/001, AA/20E)",
       "Gần đúng: thay thế hóa đơn theo chế độ cũ (LHDCLQuan 3, 01GTKT0/001, AA/20E)");
  rule(s, "rel-number", with_related(edit(kRelated, "<SHDCLQuan>100<", "<SHDCLQuan>0<")), false, {"REL-NUMBER"},
       "The related invoice's number is 0", "Số hóa đơn có liên quan bằng 0");
  rule(s, "rel-date", with_related(edit(kRelated, "<NLHDCLQuan>2026-11-10<", "<NLHDCLQuan>2026-11-25<")), false,
       {"REL-DATE"}, "The replaced invoice is dated after its replacement",
       "Hóa đơn bị thay thế có ngày lập sau hóa đơn thay thế");
  rule(s, "rel-series-year", with_related(edit(kRelated, "<KHHDCLQuan>K26TCB<", "<KHHDCLQuan>K25TCB<")), false,
       {"REL-SERIES-YEAR"}, "The related invoice's series year (25) differs from its date (2026)",
       "Năm trong ký hiệu hóa đơn có liên quan (25) khác năm ngày lập của nó (2026)");
  rule(s, "rel-self",
       with_related(edit(edit(kRelated, "<SHDCLQuan>100<", "<SHDCLQuan>123<"), "<NLHDCLQuan>2026-11-10<",
                         "<NLHDCLQuan>2026-11-20<")),
       false, {"REL-SELF"}, "An invoice that names itself as the invoice it replaces",
       "Hóa đơn tự ghi chính nó là hóa đơn bị thay thế");
}

void money(Suite& s) {
  const auto v = demo_vat();
  rule(s, "money-line", edit(v, "<DGia>150000</DGia>", "<DGia>150001</DGia>"), false, {"MONEY-LINE"},
       "A line amount that is not quantity × unit price (120 × 150,001 ≠ 18,000,000)",
       "Thành tiền của dòng khác số lượng × đơn giá (120 × 150.001 ≠ 18.000.000)");
  rule(s, "money-line-rounding", edit(v, "<DGia>150000</DGia>", "<DGia>150000.005</DGia>"), true, {},
       "Near miss: a line amount within one đồng of quantity × unit price",
       "Gần đúng: thành tiền chênh lệch không quá một đồng so với số lượng × đơn giá");
  const auto discounted =
      totals(edit(edit(v, "<DGia>150000</DGia><ThTien>18000000</ThTien>",
                       "<DGia>150000</DGia><TLCKhau>10</TLCKhau><STCKhau>1800000</STCKhau><ThTien>16200000</ThTien>"),
                  "<ThTien>35000000</ThTien><TThue>1750000</TThue>", "<ThTien>33200000</ThTien><TThue>1660000</TThue>"),
             "46900000", "2780000", "49680000", "Bốn mươi chín triệu sáu trăm tám mươi nghìn đồng");
  rule(s, "money-line-discount-valid", discounted, true, {},
       "Near miss: a 10% line discount, subtracted from the line amount",
       "Gần đúng: chiết khấu 10% trên dòng, đã trừ vào thành tiền");
  rule(s, "money-line-discount", edit(discounted, "<TLCKhau>10</TLCKhau>", "<TLCKhau>9</TLCKhau>"), false,
       {"MONEY-LINE-DISCOUNT"},
       "A line discount amount that is not the discount rate applied (9% of 18,000,000 ≠ 1,800,000)",
       "Số tiền chiết khấu khác tỷ lệ chiết khấu nhân giá trị (9% của 18.000.000 ≠ 1.800.000)");
  const char* promotion =
      "<HHDVu><TChat>2</TChat><STT>6</STT><MHHDVu>HD-TK-L1</MHHDVu><THHDVu>Hạt dẻ tặng kèm</THHDVu><DVTinh>kg</"
      "DVTinh><SLuong>1</SLuong><DGia>150000</DGia><ThTien>150000</ThTien><TSuat>5%</TSuat></HHDVu></DSHHDVu>";
  rule(s, "money-promotion",
       totals(edit(edit(v, "</DSHHDVu>", promotion), "<ThTien>35000000</ThTien><TThue>1750000</TThue>",
                   "<ThTien>35150000</ThTien><TThue>1757500</TThue>"),
              "48850000", "2877500", "51727500", "Năm mươi mốt triệu bảy trăm hai mươi bảy nghìn năm trăm đồng"),
       true, {"MONEY-PROMOTION"}, "A promotion line (TChat 2) with an amount, counted in the base: a warning",
       "Dòng khuyến mại (TChat 2) có thành tiền, được tính vào tổng: cảnh báo");
  const char* discount_line =
      "<HHDVu><TChat>3</TChat><STT>6</STT><THHDVu>Chiết khấu thương mại hạt dẻ</THHDVu><ThTien>500000</ThTien><TSuat>"
      "5%</TSuat></HHDVu></DSHHDVu>";
  rule(s, "money-discount-line",
       totals(edit(edit(v, "</DSHHDVu>", discount_line), "<ThTien>35000000</ThTien><TThue>1750000</TThue>",
                   "<ThTien>34500000</ThTien><TThue>1725000</TThue>"),
              "48200000", "2845000", "51045000", "Năm mươi mốt triệu không trăm bốn mươi lăm nghìn đồng"),
       true, {}, "Near miss: a commercial-discount line (TChat 3) subtracted from its rate, as BKAV writes it",
       "Gần đúng: dòng chiết khấu thương mại (TChat 3) được trừ vào thuế suất của nó, như BKAV lập");
  rule(s, "money-rate-base",
       edit(v, "<ThTien>35000000</ThTien><TThue>1750000</TThue>", "<ThTien>35000100</ThTien><TThue>1750000</TThue>"),
       false, {"MONEY-RATE-BASE", "MONEY-TOTAL-BASE"},
       "The 5% summary base (35,000,100) differs from its lines (35,000,000)",
       "Thành tiền tổng hợp thuế suất 5% (35.000.100) khác tổng các dòng (35.000.000)");
  rule(s, "money-rate-tax",
       totals(edit(v, "<TThue>1750000</TThue>", "<TThue>1760000</TThue>"), "48700000", "2880000", "51580000",
              "Năm mươi mốt triệu năm trăm tám mươi nghìn đồng"),
       false, {"MONEY-RATE-TAX"}, "The 5% tax (1,760,000) is not 5% of its base (35,000,000)",
       "Tiền thuế 5% (1.760.000) không bằng 5% của thành tiền (35.000.000)");
  rule(s, "money-rate-unmatched",
       edit(v, "<ThTien>1200000</ThTien><TSuat>10%</TSuat>", "<ThTien>1200000</ThTien><TSuat>0%</TSuat>"), false,
       {"MONEY-RATE-UNMATCHED"}, "A line at 0% while the summary still lists it at 10%",
       "Dòng hàng thuế suất 0% trong khi bảng tổng hợp vẫn ghi 10%");
  rule(s, "money-total-base",
       totals(v, "48700100", "2870000", "51570100", "Năm mươi mốt triệu năm trăm bảy mươi nghìn một trăm đồng"), false,
       {"MONEY-TOTAL-BASE"}, "The total before tax differs from the per-rate bases by 100 đồng",
       "Tổng tiền chưa thuế khác tổng thành tiền theo thuế suất 100 đồng");
  rule(s, "money-total-tax",
       totals(v, "48700000", "2870100", "51570100", "Năm mươi mốt triệu năm trăm bảy mươi nghìn một trăm đồng"), false,
       {"MONEY-TOTAL-TAX"}, "The total tax differs from the per-rate taxes by 100 đồng",
       "Tổng tiền thuế khác tổng tiền thuế theo thuế suất 100 đồng");
  rule(s, "money-total",
       totals(v, "48700000", "2870000", "51580000", "Năm mươi mốt triệu năm trăm tám mươi nghìn đồng"), false,
       {"MONEY-TOTAL"}, "A grand total 10,000 đồng above the base plus the tax",
       "Tổng tiền thanh toán lớn hơn tổng tiền chưa thuế cộng tiền thuế 10.000 đồng");
  rule(s, "money-total-tolerance",
       totals(v, "48700000", "2870000", "51570004",
              "Năm mươi mốt triệu năm trăm bảy mươi nghìn không trăm linh bốn đồng"),
       true, {}, "Near miss: a grand total 4 đồng off, accepted under a tolerance of 5 đồng",
       "Gần đúng: tổng tiền thanh toán lệch 4 đồng, được chấp nhận với dung sai 5 đồng", {{"tolerance", "5"}});
  rule(s, "money-total-tolerance-exceeded",
       totals(v, "48700000", "2870000", "51570004",
              "Năm mươi mốt triệu năm trăm bảy mươi nghìn không trăm linh bốn đồng"),
       false, {"MONEY-TOTAL"}, "The same grand total 4 đồng off, refused under the default tolerance of 1 đồng",
       "Cùng tổng tiền lệch 4 đồng, bị từ chối với dung sai mặc định 1 đồng");
  rule(s, "money-vnd-fraction",
       totals(v, "48700000", "2870000", "51570000.50", "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng"), true,
       {"MONEY-VND-FRACTION", "WORDS-FRACTION"},
       "A grand total in VND with decimals (within tolerance): warnings for the total and its words",
       "Tổng tiền VND có phần thập phân (trong dung sai): cảnh báo cho tổng tiền và phần bằng chữ");
  const char* negative =
      "<HHDVu><TChat>1</TChat><STT>6</STT><MHHDVu>THUNG-CT</MHHDVu><THHDVu>Trả lại thùng carton</THHDVu><DVTinh>"
      "cái</DVTinh><SLuong>1</SLuong><DGia>-100000</DGia><ThTien>-100000</ThTien><TSuat>10%</TSuat></HHDVu></DSHHDVu>";
  rule(s, "money-negative",
       totals(edit(edit(v, "</DSHHDVu>", negative), "<ThTien>1200000</ThTien><TThue>120000</TThue>",
                   "<ThTien>1100000</ThTien><TThue>110000</TThue>"),
              "48600000", "2860000", "51460000", "Năm mươi mốt triệu bốn trăm sáu mươi nghìn đồng"),
       true, {"MONEY-NEGATIVE"}, "A negative line on an invoice that is not an adjustment: a warning",
       "Dòng hàng âm trên hóa đơn không phải hóa đơn điều chỉnh: cảnh báo");
  rule(s, "money-leasing-rate", edit(v, "<HDCTTChinh>0</HDCTTChinh>", "<HDCTTChinh>1</HDCTTChinh>"), true,
       {"MONEY-LEASING-RATE"}, "A financial-leasing invoice with three tax rates: a warning",
       "Hóa đơn cho thuê tài chính có ba thuế suất: cảnh báo");
}

void currency_and_words(Suite& s) {
  const auto v = demo_vat();
  rule(s, "cur-code", edit(v, "<DVTTe>VND</DVTTe>", "<DVTTe>XYZ</DVTTe>"), false, {"CUR-CODE"},
       "A currency that is not an ISO 4217 code (XYZ)", "Đơn vị tiền tệ không phải mã ISO 4217 (XYZ)");
  rule(s, "cur-vnd-symbol", edit(v, "<DVTTe>VND</DVTTe>", "<DVTTe>đ</DVTTe>"), true,
       {"CUR-VND-SYMBOL", "SCHEMA-DEV-VALUE"}, "The currency written \"đ\" (TS24): read as VND, with warnings",
       "Đơn vị tiền tệ ghi \"đ\" (TS24): được hiểu là VND, kèm cảnh báo");
  rule(s, "cur-withdrawn",
       edit(edit(v, "<DVTTe>VND</DVTTe>", "<DVTTe>HRK</DVTTe>"), "<TGia>1</TGia>", "<TGia>3500</TGia>"), true,
       {"CUR-WITHDRAWN"}, "A withdrawn ISO 4217 currency (HRK, replaced by the euro in 2023): a warning",
       "Mã tiền tệ ISO 4217 đã bị hủy bỏ (HRK, được thay bằng euro năm 2023): cảnh báo");
  rule(s, "cur-rate-missing", edit(edit(v, "<DVTTe>VND</DVTTe>", "<DVTTe>USD</DVTTe>"), "<TGia>1</TGia>", ""), false,
       {"CUR-RATE"}, "An invoice in USD without an exchange rate", "Hóa đơn bằng USD không có tỷ giá");
  rule(s, "cur-rate-usd",
       edit(edit(v, "<DVTTe>VND</DVTTe>", "<DVTTe>USD</DVTTe>"), "<TGia>1</TGia>", "<TGia>25380.50</TGia>"), true, {},
       "Near miss: an invoice in USD with its exchange rate", "Gần đúng: hóa đơn bằng USD có tỷ giá");
  rule(s, "cur-rate-vnd", edit(v, "<TGia>1</TGia>", "<TGia>2</TGia>"), true, {"CUR-RATE-VND"},
       "An invoice in VND with an exchange rate of 2: a warning", "Hóa đơn bằng VND có tỷ giá 2: cảnh báo");
  rule(s, "words-mismatch", set(v, "TgTTTBChu", "Năm mươi mốt triệu năm trăm bảy mươi hai nghìn đồng"), true,
       {"WORDS-MISMATCH"}, "The total in words says 51,572,000, the figures 51,570,000: a warning",
       "Tổng tiền bằng chữ là 51.572.000, bằng số là 51.570.000: cảnh báo");
  rule(s, "words-southern", set(v, "TgTTTBChu", "năm mươi mốt triệu năm trăm bảy mươi ngàn đồng chẵn./."), true, {},
       "Near miss: the same amount in lower case, southern \"ngàn\", \"đồng chẵn./.\"",
       "Gần đúng: cùng số tiền, chữ thường, \"ngàn\" theo miền Nam, \"đồng chẵn./.\"");
  rule(s, "words-unreadable", set(v, "TgTTTBChu", "Xin cảm ơn quý khách"), true, {"WORDS-UNREADABLE"},
       "A total in words that is not an amount: a warning", "Tổng tiền bằng chữ không phải là một số tiền: cảnh báo");
}

void codes_and_qr(Suite& s) {
  const auto v = demo_vat();
  rule(s, "mccqt-unexpected", edit(seller_signed(s), "</DLHDon>", "</DLHDon>" + mccqt_element()), false,
       {"MCCQT-UNEXPECTED"}, "A tax authority's code on a signed no-code invoice (K)",
       "Mã của cơ quan thuế trên hóa đơn không có mã (ký hiệu K) đã ký");
  const auto issued_doc = issued(s);
  rule(s, "mccqt-format", edit(issued_doc, kMccqt, "00ABCDEF"), false, {"MCCQT-FORMAT", "SCHEMA-PATTERN"},
       "A tax authority's code of 8 characters", "Mã của cơ quan thuế chỉ có 8 ký tự");
  rule(s, "mccqt-unusual", edit(issued_doc, kMccqt, "017D3F9A1C5B2E4D6F8A0B1C2D3E4F5A6B"), true, {"MCCQT-UNUSUAL"},
       "A tax authority's code with another prefix than 00: a warning",
       "Mã của cơ quan thuế có tiền tố khác 00: cảnh báo");
  rule(s, "mccqt-missing", edit(issued_doc, mccqt_element(), ""), false, {"MCCQT-MISSING"},
       "An issued code invoice (C, signed by the tax authority) without MCCQT",
       "Hóa đơn có mã đã cấp (C, có chữ ký cơ quan thuế) nhưng không có MCCQT");
  rule(s, "mccqt-series", edit(issued_doc, kMccqt, "M1-26-A1B2C-00001234567"), false,
       {"MCCQT-SERIES", "SCHEMA-PATTERN"}, "A cash-register code (M1-…) on a T series",
       "Mã dạng máy tính tiền (M1-…) trên ký hiệu chữ T");
  rule(s, "qr-valid", with_qr(qr_payload(lookup("123"))), true, {},
       "Near miss: EMVCo QR data with a correct CRC and the invoice's lookup template",
       "Gần đúng: dữ liệu QR EMVCo có CRC đúng và mẫu tra cứu đúng hóa đơn");
  rule(s, "qr-format", with_qr("https://tracuu.example.vn/?key=ABC123"), true, {"QR-FORMAT"},
       "QR data that is not an EMVCo payload: a warning", "Dữ liệu QR không theo cấu trúc EMVCo: cảnh báo");
  rule(s, "qr-crc", with_qr(qr_payload(lookup("123"), false)), true, {"QR-CRC"},
       "QR data with a wrong CRC (tag 63): a warning", "Dữ liệu QR sai CRC (thẻ 63): cảnh báo");
  rule(s, "qr-lookup", with_qr(qr_payload("")), true, {"QR-LOOKUP"},
       "QR data without the invoice lookup template (tag 99): a warning",
       "Dữ liệu QR thiếu mẫu tra cứu hóa đơn (thẻ 99): cảnh báo");
  rule(s, "qr-mismatch", with_qr(qr_payload(lookup("124"))), true, {"QR-MISMATCH"},
       "QR data naming invoice 124 on invoice 123: a warning",
       "Dữ liệu QR ghi hóa đơn số 124 trên hóa đơn số 123: cảnh báo");
}

void signatures_buyer_goods(Suite& s) {
  const auto v = demo_vat();
  rule(s, "sig-seller-missing", v, false, {"SIG-SELLER-MISSING"},
       "An unsigned invoice validated as signed (stage signed)", "Hóa đơn chưa ký được kiểm tra ở giai đoạn đã ký",
       {{"stage", "signed"}});
  rule(s, "sig-draft", v, true, {}, "Near miss: the same unsigned invoice as a draft (stage auto)",
       "Gần đúng: cùng hóa đơn chưa ký, là bản nháp (giai đoạn tự xác định)");
  const auto issued_doc = issued(s);
  const std::string cqt_begin = "<CQT>", cqt_end = "</CQT>";
  const auto b = issued_doc.find(cqt_begin), e = issued_doc.find(cqt_end);
  rule(s, "sig-cqt-missing", issued_doc.substr(0, b) + issued_doc.substr(e + cqt_end.size()), false,
       {"SIG-CQT-MISSING"}, "An issued code invoice (MCCQT present) without the tax authority's signature",
       "Hóa đơn có mã đã cấp (có MCCQT) nhưng không có chữ ký của cơ quan thuế", {{"stage", "issued"}});
  rule(s, "sig-issued", issued_doc, true, {}, "Near miss: an issued code invoice with both signatures (stage issued)",
       "Gần đúng: hóa đơn có mã đã cấp, đủ hai chữ ký (giai đoạn đã cấp mã)", {{"stage", "issued"}});
  rule(s, "sig-cqt-unexpected", edit(issued_doc, "<KHHDon>C26TCB</KHHDon>", "<KHHDon>K26TCB</KHHDon>"), false,
       {"SIG-CQT-UNEXPECTED", "MCCQT-UNEXPECTED"},
       "A no-code invoice (K) carrying an MCCQT and a tax authority's signature",
       "Hóa đơn không có mã (K) mang MCCQT và chữ ký của cơ quan thuế");
  rule(s, "sig-cqt-before-seller", issued(s, "2026-11-20T09:59:00"), false, {"SIG-CQT-BEFORE-SELLER"},
       "The tax authority signed (09:59) before the seller (10:00)", "Cơ quan thuế ký (09:59) trước người bán (10:00)");
  rule(s, "buyer-identity",
       edit(v, "<DChi>Số 18 phố Lê Văn Lương, phường Thanh Xuân, thành phố Hà Nội, Việt Nam</DChi>", ""), false,
       {"BUYER-IDENTITY"}, "A buyer with a tax code but no address", "Người mua có mã số thuế nhưng không có địa chỉ");
  rule(s, "buyer-retail",
       edit(v,
            "<NMua><Ten>Công ty TNHH Thực phẩm Sạch Hà Nội</Ten><MST>0108987656</MST><DChi>Số 18 phố Lê Văn Lương, "
            "phường Thanh Xuân, thành phố Hà Nội, Việt Nam</DChi>",
            "<NMua>"),
       true, {}, "Near miss: a retail buyer with neither tax code nor address",
       "Gần đúng: người mua lẻ không có mã số thuế và địa chỉ");
  const std::string transport = "<TChat>1</TChat><STT>4</STT>";
  const std::string plate =
      "<TSuat>8%</TSuat><TTHHDTrung><TTin><LHHDTrung>2</LHHDTrung><TTruong>BKSPTVChuyen</TTruong><DLieu>11C-123.45</"
      "DLieu></TTin></TTHHDTrung></HHDVu><HHDVu><TChat>1</TChat><STT>5</STT>";
  const auto special = edit(v, transport, "<TChat>5</TChat><STT>4</STT>");
  rule(s, "goods-special-transport",
       edit(special, "<TSuat>8%</TSuat></HHDVu><HHDVu><TChat>1</TChat><STT>5</STT>", plate), true, {},
       "Near miss: a transport service line (TChat 5, LHHDTrung 2) with its vehicle plate",
       "Gần đúng: dòng dịch vụ vận chuyển (TChat 5, LHHDTrung 2) có biển kiểm soát phương tiện");
  rule(s, "goods-special-missing", special, false, {"GOODS-SPECIAL"},
       "A special-goods line (TChat 5) without its special-goods information",
       "Dòng hàng hóa đặc trưng (TChat 5) không có thông tin hàng hóa đặc trưng");
}

}  // namespace

void add_rules(Suite& s) {
  tax_codes(s);
  symbols(s);
  related(s);
  money(s);
  currency_and_words(s);
  codes_and_qr(s);
  signatures_buyer_goods(s);
}

}  // namespace conformance
