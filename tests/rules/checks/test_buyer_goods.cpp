// BUYER-IDENTITY and GOODS-SPECIAL.
#include "rules/checks/support.hpp"

using namespace hoadon::test;

TEST_CASE("BUYER-IDENTITY: a buyer with a tax code has a name and an address") {
  const std::string ok = demo_vat();
  auto r = check_rules(edit(ok, "<Ten>Công ty TNHH Thực phẩm Sạch Hà Nội</Ten>", ""));
  CHECK_CODES(r, {"BUYER-IDENTITY"});
  CHECK(r.first("BUYER-IDENTITY").where.path == "/HDon/DLHDon/NDHDon/NMua");
  CHECK(r.first("BUYER-IDENTITY").message ==
        "NMua/Ten (Tên người mua) is missing, but the buyer has NMua/MST (Mã số thuế người mua)");
  r = check_rules(
      edit(ok, "<DChi>Số 18 phố Lê Văn Lương, phường Thanh Xuân, thành phố Hà Nội, Việt Nam</DChi>", "<DChi/>"));
  CHECK_CODES(r, {"BUYER-IDENTITY"});
  CHECK(r.first("BUYER-IDENTITY").where.path == "/HDon/DLHDon/NDHDon/NMua/DChi");
  CHECK(r.first("BUYER-IDENTITY").message_vi.find("để trống") != std::string::npos);
  // A private buyer without tax code needs neither [S 008: "Người mua không lấy hóa đơn"].
  CHECK_CODES(check_rules(edit(edit(ok, "<MST>0108987656</MST>", "<MST/>"),
                               "<Ten>Công ty TNHH Thực phẩm Sạch Hà Nội</Ten>", "<Ten/>")),
              {});
  // 2.1.0: a budget unit identified by its code (ERR:1505) [T2].
  const std::string budget = edit(edit(ok, "<MST>0108987656</MST>", "<MDVQHNSach>1012345</MDVQHNSach>"),
                                  "<Ten>Công ty TNHH Thực phẩm Sạch Hà Nội</Ten>", "");
  CHECK(check_rules(budget).first("BUYER-IDENTITY").message.find("has NMua/MDVQHNSach") != std::string::npos);
}

TEST_CASE("GOODS-SPECIAL: special goods state what their kind requires [T2]") {
  const std::string transport =
      "<TTHHDTrung><TTin><LHHDTrung>2</LHHDTrung><TTruong>BKSPTVChuyen</TTruong><DLieu>11C-123.45</DLieu></TTin>"
      "</TTHHDTrung>";
  const std::string ok = edit(edit(demo_vat(), "<TChat>1</TChat><STT>4</STT>", "<TChat>5</TChat><STT>4</STT>"),
                              "<TSuat>8%</TSuat></HHDVu><HHDVu><TChat>1</TChat><STT>5</STT>",
                              "<TSuat>8%</TSuat>" + transport + "</HHDVu><HHDVu><TChat>1</TChat><STT>5</STT>");
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(edit(ok, "<DLieu>11C-123.45</DLieu>", "<DLieu/>"));
  CHECK_CODES(r, {"GOODS-SPECIAL"});
  CHECK(r.first("GOODS-SPECIAL").where.path == "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[4]/TTHHDTrung");
  CHECK(r.first("GOODS-SPECIAL").message.find("kind LHHDTrung 2 need TTin with TTruong BKSPTVChuyen") !=
        std::string::npos);
  r = check_rules(edit(ok, "<LHHDTrung>2</LHHDTrung>", "<LHHDTrung>1</LHHDTrung>"));
  CHECK(r.first("GOODS-SPECIAL").message.find("TTruong SKhung, SMay") != std::string::npos);
  r = check_rules(edit(ok, "<LHHDTrung>2</LHHDTrung>", "<LHHDTrung>3</LHHDTrung>"));
  CHECK(r.first("GOODS-SPECIAL").message.find("TNGHang, DCNGHang, MSTNGHang, MDDNGHang") != std::string::npos);
  r = check_rules(edit(ok, transport, ""));
  CHECK_CODES(r, {"GOODS-SPECIAL"});
  CHECK(r.first("GOODS-SPECIAL").where.path == "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[4]");
  CHECK_CODES(check_rules(edit(ok, "<LHHDTrung>2</LHHDTrung>", "<LHHDTrung>4</LHHDTrung>")), {});  // meaning unknown
}
