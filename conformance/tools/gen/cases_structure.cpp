// Structure and schema (format §1, §2.1, §7.5; hoadon's XSDs in lib/schema): a valid invoice of
// every template and version, each kind of schema violation, and each real-world deviation
// that default mode tolerates with a warning and strict mode refuses. The documents are the
// schema samples of lib/schema/samples, copied so that the suite stands alone.
#include <stdexcept>

#include "suite.hpp"

namespace conformance {
namespace {

struct Kind {
  const char* tag;  // template as the schema entries name it
  const char* en;
  const char* vi;
};

constexpr Kind kKinds[] = {
    {"1", "VAT invoice", "Hóa đơn giá trị gia tăng"},
    {"1m", "cash-register VAT invoice", "Hóa đơn GTGT khởi tạo từ máy tính tiền"},
    {"2", "sales invoice", "Hóa đơn bán hàng"},
    {"2m", "cash-register sales invoice", "Hóa đơn bán hàng khởi tạo từ máy tính tiền"},
    {"3", "public-asset sale invoice", "Hóa đơn bán tài sản công"},
    {"4", "national-reserve sale invoice", "Hóa đơn bán hàng dự trữ quốc gia"},
    {"5", "stamp, ticket or card", "Tem, vé, thẻ"},
    {"6n", "internal-transfer warehouse note", "Phiếu xuất kho kiêm vận chuyển nội bộ"},
    {"6b", "warehouse note for sales agents", "Phiếu xuất kho hàng gửi bán đại lý"},
    {"7", "electronic commercial invoice", "Hóa đơn thương mại điện tử"},
    {"8", "VAT invoice with a tax or fee receipt", "Hóa đơn GTGT tích hợp biên lai thu thuế, phí, lệ phí"},
    {"9", "sales invoice with a tax or fee receipt", "Hóa đơn bán hàng tích hợp biên lai thu thuế, phí, lệ phí"},
};

// The "full" samples use every optional field; a few of them carry amounts or special goods
// that the business rules refuse, so the "min" sample stands for that template there.
bool use_minimal(const std::string& version, const std::string& tag) {
  return tag == "2m" || (version == "2.1.0" && (tag == "2" || tag == "9"));
}

void add_templates(Suite& s) {
  for (const std::string version : {"2.0.0", "2.0.1", "2.1.0"})
    for (const auto& k : kKinds) {
      const std::string tag = k.tag;
      if (version != "2.1.0" && (tag == "7" || tag == "8" || tag == "9")) continue;  // 2.1.0 only (TT32/2025)
      const bool minimal = use_minimal(version, tag);
      const std::string file = "structure/template-" + version + "-" + tag + ".xml";
      s.file(file,
             source("lib/schema/samples/valid/" + version + "/hdon-" + tag + (minimal ? "-min" : "-full") + ".xml"));
      s.add({"structure/template-" + version + "-" + tag,
             file,
             "validate",
             validate_options(),
             true,
             "",
             {},
             std::string("A valid ") + k.en + " (KHMSHDon " + tag.substr(0, 1) + "), format " + version +
                 (minimal ? ", required fields only" : ", with every field of its table"),
             std::string(k.vi) + " hợp lệ (KHMSHDon " + tag.substr(0, 1) + "), định dạng " + version +
                 (minimal ? ", chỉ các trường bắt buộc" : ", đủ mọi trường của bảng")});
    }
}

// A violation every mode refuses.
struct Violation {
  const char* sample;  // lib/schema/samples/invalid/<sample>.xml
  std::vector<std::string> codes;
  const char* en;
  const char* vi;
};

const std::vector<Violation> kViolations = {
    {"missing-NLap", {"SCHEMA-MISSING"}, "The issue date (NLap) is missing", "Thiếu ngày lập (NLap)"},
    {"missing-NBan-MST",
     {"SCHEMA-MISSING"},
     "The seller's tax code (NBan/MST) is missing",
     "Thiếu mã số thuế người bán (NBan/MST)"},
    {"missing-TgTTTBSo",
     {"SCHEMA-MISSING"},
     "The grand total (TgTTTBSo) is missing",
     "Thiếu tổng tiền thanh toán bằng số (TgTTTBSo)"},
    {"missing-DSCKS", {"SCHEMA-MISSING"}, "The signature list (DSCKS) is missing", "Thiếu danh sách chữ ký (DSCKS)"},
    {"missing-THHDVu", {"SCHEMA-MISSING"}, "A line has no item name (THHDVu)", "Dòng hàng thiếu tên hàng hóa (THHDVu)"},
    {"missing-PTVChuyen-6n",
     {"SCHEMA-MISSING"},
     "An internal-transfer note lacks the means of transport (PTVChuyen)",
     "Phiếu xuất kho nội bộ thiếu phương tiện vận chuyển (PTVChuyen)"},
    {"missing-TTruong",
     {"SCHEMA-MISSING"},
     "An extension field (TTKhac/TTin) has no name (TTruong)",
     "Trường mở rộng (TTKhac/TTin) thiếu tên trường (TTruong)"},
    {"overlong-NBan-Ten",
     {"SCHEMA-LENGTH"},
     "The seller's name is longer than 400 characters",
     "Tên người bán dài hơn 400 ký tự"},
    {"overlong-THDon",
     {"SCHEMA-LENGTH"},
     "The invoice title is longer than 100 characters",
     "Tên hóa đơn dài hơn 100 ký tự"},
    {"bad-CCCDan",
     {"SCHEMA-PATTERN"},
     "The buyer's personal ID (CCCDan) is not 12 digits",
     "Số định danh cá nhân của người mua (CCCDan) không phải 12 chữ số"},
    {"bad-date-format",
     {"SCHEMA-TYPE"},
     "The issue date is not written YYYY-MM-DD",
     "Ngày lập không viết theo dạng YYYY-MM-DD"},
    {"bad-date-calendar",
     {"SCHEMA-TYPE"},
     "The issue date does not exist in the calendar",
     "Ngày lập không có thật trong lịch"},
    {"bad-TChat-6",
     {"SCHEMA-ENUM"},
     "A line nature (TChat) outside its code list",
     "Tính chất dòng hàng (TChat) không thuộc danh mục"},
    {"bad-TCHDon",
     {"SCHEMA-ENUM"},
     "The related-invoice nature (TCHDon) is neither 1 nor 2",
     "Tính chất hóa đơn (TCHDon) không phải 1 hoặc 2"},
    {"bad-LHDCLQuan",
     {"SCHEMA-ENUM"},
     "The related invoice's kind (LHDCLQuan) outside its code list",
     "Loại hóa đơn có liên quan (LHDCLQuan) không thuộc danh mục"},
    {"bad-KDLieu",
     {"SCHEMA-ENUM"},
     "An extension field's data type (KDLieu) outside its code list",
     "Kiểu dữ liệu của trường mở rộng (KDLieu) không thuộc danh mục"},
    {"bad-HDCTTChinh",
     {"SCHEMA-ENUM"},
     "The leasing flag (HDCTTChinh) is neither 0 nor 1",
     "Cờ hóa đơn cho thuê tài chính (HDCTTChinh) không phải 0 hoặc 1"},
    {"bad-LHHDTrung",
     {"SCHEMA-ENUM"},
     "A special-goods kind (LHHDTrung) outside its code list",
     "Loại hàng hóa đặc trưng (LHHDTrung) không thuộc danh mục"},
    {"bad-TGia-3-decimals",
     {"SCHEMA-DECIMALS"},
     "An exchange rate with 3 decimals (7,2 allows 2)",
     "Tỷ giá có 3 chữ số thập phân (7,2 chỉ cho phép 2)"},
    {"bad-ThTien-7-decimals",
     {"SCHEMA-DECIMALS"},
     "A line amount with 7 decimals (at most 6)",
     "Thành tiền có 7 chữ số thập phân (tối đa 6)"},
    {"bad-SLuong-text", {"SCHEMA-TYPE"}, "A quantity that is not a number", "Số lượng không phải là số"},
    {"bad-number-plus-sign", {"SCHEMA-TYPE"}, "A unit price written with a '+' sign", "Đơn giá viết kèm dấu '+'"},
    {"v21field-CCCDan-in-2.0.0",
     {"SCHEMA-UNEXPECTED"},
     "A 2.1.0 field (NMua/CCCDan) in a 2.0.0 invoice",
     "Trường của phiên bản 2.1.0 (NMua/CCCDan) trong hóa đơn 2.0.0"},
    {"v21field-HDCTTChinh-in-2.0.0",
     {"SCHEMA-UNEXPECTED"},
     "A 2.1.0 field (HDCTTChinh) in a 2.0.0 invoice",
     "Trường của phiên bản 2.1.0 (HDCTTChinh) trong hóa đơn 2.0.0"},
    {"v21field-MCHang-in-2.0.1",
     {"SCHEMA-UNEXPECTED"},
     "A 2.1.0 field (NBan/MCHang) in a 2.0.1 invoice",
     "Trường của phiên bản 2.1.0 (NBan/MCHang) trong hóa đơn 2.0.1"},
    {"v21field-SBKCLQuan-in-2.0.1",
     {"SCHEMA-UNEXPECTED"},
     "A 2.1.0 field (SBKCLQuan) in a 2.0.1 invoice",
     "Trường của phiên bản 2.1.0 (SBKCLQuan) trong hóa đơn 2.0.1"},
    {"v21field-TTHHDTrung-in-2.0.0",
     {"SCHEMA-UNEXPECTED"},
     "Special goods (TTHHDTrung) in a 2.0.0 invoice",
     "Thông tin hàng hóa đặc trưng (TTHHDTrung) trong hóa đơn 2.0.0"},
    {"unknown-element",
     {"SCHEMA-UNEXPECTED"},
     "An element the tables do not know (TTChung/GhiChu)",
     "Phần tử không có trong bảng định dạng (TTChung/GhiChu)"},
    {"sig-no-Target",
     {"SCHEMA-MISSING"},
     "A SignatureProperty without its required Target attribute",
     "SignatureProperty thiếu thuộc tính Target bắt buộc"},
    {"sig-no-X509Certificate",
     {"SCHEMA-MISSING"},
     "A signature without the signer's certificate",
     "Chữ ký không kèm chứng thư số của người ký"},
    {"sig-no-SignatureValue", {"SCHEMA-MISSING"}, "A signature without SignatureValue", "Chữ ký thiếu SignatureValue"},
    {"sig-bad-base64", {"SCHEMA-TYPE"}, "A DigestValue that is not base64", "DigestValue không phải chuỗi base64"},
    {"sig-two-in-slot", {"SCHEMA-REPEATED"}, "Two signatures in the seller's slot", "Hai chữ ký trong ô của người bán"},
    {"sig-no-SigningTime",
     {"SCHEMA-MISSING"},
     "A signature whose SignatureProperty has no SigningTime",
     "SignatureProperty của chữ ký không có SigningTime"},
    {"bad-SHDon-9digits",
     {"SCHEMA-DIGITS", "INV-NUMBER"},
     "A 9-digit invoice number (at most 8)",
     "Số hóa đơn có 9 chữ số (tối đa 8)"},
    {"bad-PBan-value",
     {"SCHEMA-VERSION", "INV-VERSION"},
     "An unknown format version (PBan): no schema applies",
     "Phiên bản định dạng (PBan) không xác định: không có lược đồ áp dụng"},
};

// A real-world deviation: accepted with a warning by default, refused by --strict.
struct Deviation {
  const char* sample;
  const char* warning;  // default mode
  const char* error;    // strict mode
  const char* en;
  const char* vi;
};

const std::vector<Deviation> kDeviations = {
    {"order-KHHDon-KHMSHDon", "SCHEMA-DEV-ORDER", "SCHEMA-ORDER", "KHHDon written before KHMSHDon",
     "KHHDon viết trước KHMSHDon"},
    {"dev-TTin-order-Viettel", "SCHEMA-DEV-ORDER", "SCHEMA-ORDER", "Viettel's TTin order: DLieu, KDLieu, TTruong",
     "Thứ tự TTin của Viettel: DLieu, KDLieu, TTruong"},
    {"dev-LTSuat-order", "SCHEMA-DEV-ORDER", "SCHEMA-ORDER", "LTSuat children as TSuat, TThue, ThTien (Viettel, TS24)",
     "Các phần tử con của LTSuat theo thứ tự TSuat, TThue, ThTien (Viettel, TS24)"},
    {"dev-empty-Fax", "SCHEMA-DEV-EMPTY", "SCHEMA-EMPTY", "An empty optional element (<Fax/>)",
     "Phần tử không bắt buộc để trống (<Fax/>)"},
    {"dev-TTKhac-under-NDHDon", "SCHEMA-DEV-EXTRA", "SCHEMA-UNEXPECTED", "TTKhac directly under NDHDon (Viettel)",
     "TTKhac nằm ngay dưới NDHDon (Viettel)"},
    {"dev-line-TThue-Viettel", "SCHEMA-DEV-EXTRA", "SCHEMA-UNEXPECTED", "A line-level TThue (Viettel)",
     "Tiền thuế (TThue) ở từng dòng hàng (Viettel)"},
    {"dev-Fkey-VNPT", "SCHEMA-DEV-EXTRA", "SCHEMA-UNEXPECTED", "VNPT's Fkey element after DSCKS",
     "Phần tử Fkey của VNPT sau DSCKS"},
    {"dev-MCCQT-before-DLQRCode", "SCHEMA-DEV-ORDER", "SCHEMA-ORDER", "MCCQT placed before DLQRCode",
     "MCCQT đặt trước DLQRCode"},
    {"dev-no-HDCTTChinh-BKAV", "SCHEMA-DEV-MISSING", "SCHEMA-MISSING",
     "A 2.1.0 invoice without HDCTTChinh, as BKAV issues them", "Hóa đơn 2.1.0 không có HDCTTChinh, như BKAV lập"},
    {"dev-trailing-zeros-MISA", "SCHEMA-DEV-DECIMALS", "SCHEMA-DECIMALS", "Amounts with 6 trailing zeros (MISA)",
     "Số tiền có 6 chữ số 0 thừa ở phần thập phân (MISA)"},
    {"dev-whitespace-padded", "SCHEMA-DEV-SPACE", "SCHEMA-PATTERN", "Coded values wrapped in line breaks",
     "Giá trị mã bị bao quanh bởi dấu xuống dòng"},
    {"dev-Signature-placeholder-Viettel", "SCHEMA-DEV-SIGNATURE", "SCHEMA-UNEXPECTED",
     "An empty <Signature/> placeholder (Viettel)", "Phần tử giữ chỗ <Signature/> rỗng (Viettel)"},
    {"dev-SigningTime-Z", "SCHEMA-DEV-SIGNATURE", "SCHEMA-PATTERN", "A SigningTime with a zone designator (Z)",
     "SigningTime có ký hiệu múi giờ (Z)"},
    {"dev-TSuat-bare-number-BKSOFT", "SCHEMA-DEV-VALUE", "SCHEMA-PATTERN",
     "A tax rate written \"10\" instead of \"10%\"", "Thuế suất viết \"10\" thay vì \"10%\""},
    {"dev-empty-TgTTTBChu", "SCHEMA-DEV-EMPTY", "SCHEMA-EMPTY", "An empty total in words (TgTTTBChu)",
     "Tổng tiền bằng chữ (TgTTTBChu) để trống"},
    {"dev-DLHDon-without-Id-BKSOFT", "SCHEMA-DEV-MISSING", "SCHEMA-MISSING", "DLHDon without its Id attribute",
     "DLHDon không có thuộc tính Id"},
    {"dev-second-empty-DSCKS", "SCHEMA-DEV-REPEATED", "SCHEMA-REPEATED", "A second, empty DSCKS (TS24)",
     "Phần tử DSCKS thứ hai, rỗng (TS24)"},
};

}  // namespace

void add_structure(Suite& s) {
  add_templates(s);
  add_case(s, "structure/text-in-container",
           edit(source("examples/invoices/htx-cao-bang-gtgt-2.1.0.xml"), "<NMua>", "<NMua>khách lẻ"), "validate",
           validate_options(), false, "", {"SCHEMA-CONTENT"}, "Text directly inside NMua, which holds only elements",
           "Văn bản nằm trực tiếp trong NMua, vốn chỉ chứa phần tử con");
  for (const auto& v : kViolations) {
    const std::string file = std::string("structure/") + v.sample + ".xml";
    s.file(file, source(std::string("lib/schema/samples/invalid/") + v.sample + ".xml"));
    s.add({std::string("structure/") + v.sample, file, "validate", validate_options(), false, "", v.codes, v.en, v.vi});
  }
  for (const auto& d : kDeviations) {
    const std::string file = std::string("structure/") + d.sample + ".xml";
    s.file(file, source(std::string("lib/schema/samples/invalid/") + d.sample + ".xml"));
    s.add({std::string("structure/") + d.sample,
           file,
           "validate",
           validate_options(),
           true,
           "",
           {d.warning},
           std::string(d.en) + ": tolerated, with a warning",
           std::string(d.vi) + ": được chấp nhận, kèm cảnh báo"});
    s.add({std::string("structure/") + d.sample + "-strict",
           file,
           "validate",
           validate_options({{"strict", "yes"}}),
           false,
           "",
           {d.error},
           std::string(d.en) + ": refused in strict mode",
           std::string(d.vi) + ": bị từ chối ở chế độ nghiêm ngặt"});
  }
}

}  // namespace conformance
