// ENV-* and MST-ENVELOPE: the transmission envelope against what it carries.
#include "rules/checks/support.hpp"

using namespace hoadon::test;

namespace {
// The demo invoice signed by the seller (a function: test helpers may only run inside tests).
std::string signed_vat() {
  return edit(demo_vat(), "<NBan/>", "<NBan>" + signature("2026-11-20T10:00:00") + "</NBan>");
}
}  // namespace

TEST_CASE("ENV-MST-SELLER and MST-ENVELOPE: the envelope's taxpayer is the seller") {
  const std::string ok = envelope("203", {signed_vat()});
  CHECK_CODES(check_rules(ok), {});
  auto r = check_rules(edit(ok, "<MST>4800123456</MST><SLuong>", "<MST>0101234565</MST><SLuong>"));
  CHECK_CODES(r, {"ENV-MST-SELLER"});
  CHECK(r.first("ENV-MST-SELLER").where.path == "/TDiep/TTChung/MST");
  CHECK(r.first("ENV-MST-SELLER").message ==
        "TTChung/MST (Mã số thuế người nộp thuế) \"0101234565\" is not the seller's NBan/MST \"4800123456\"");
  // The branch form may be written with or without its hyphen.
  const std::string branch = edit(signed_vat(), "<MST>4800123456</MST>", "<MST>4800123456-001</MST>");
  CHECK_CODES(
      check_rules(edit(envelope("203", {branch}), "<MST>4800123456</MST><SLuong>", "<MST>4800123456001</MST><SLuong>")),
      {"MST-ENVELOPE"});  // 13 digits: the hyphen is part of a tax code, but the seller is the same
  CHECK_CODES(check_rules(edit(envelope("203", {branch}), "<MST>4800123456</MST><SLuong>",
                               "<MST>4800123456-001</MST><SLuong>")),
              {});
  r = check_rules(edit(ok, "<MST>4800123456</MST><SLuong>", "<MST>4800123457</MST><SLuong>"));
  CHECK_CODES(r, {"MST-ENVELOPE", "ENV-MST-SELLER"});
}

TEST_CASE("ENV-PARTY: sender and receiver codes") {
  const std::string ok = envelope("203", {signed_vat()});
  // SES's demo sends from "V" + a 9-digit code [S 003].
  auto r = check_rules(edit(edit(ok, "<MNGui>V0101234565</MNGui>", "<MNGui>V738373933</MNGui>"), "<MTDiep>V0101234565",
                            "<MTDiep>V738373933"));
  CHECK_CODES(r, {"ENV-PARTY"});
  CHECK(r.first("ENV-PARTY").message ==
        "TTChung/MNGui (Mã nơi gửi) \"V738373933\": has 9 characters; a tax code is 10 "
        "digits, 10 digits + '-' + 3 digits (a dependent unit) or a 12-digit personal ID");
  r = check_rules(edit(ok, "<MNNhan>TCT</MNNhan>", "<MNNhan>X0101234565</MNNhan>"));
  CHECK_CODES(r, {"ENV-PARTY"});
  CHECK(r.first("ENV-PARTY").where.path == "/TDiep/TTChung/MNNhan");
  CHECK(check_rules(edit(ok, "<MNNhan>TCT</MNNhan>", "<MNNhan>K0101234564</MNNhan>"))
            .first("ENV-PARTY")
            .message.find("check digit is 4, expected 5") != std::string::npos);
}

TEST_CASE("ENV-MTDIEP: the sender code and 32 uppercase hex digits") {
  const std::string ok = envelope("203", {signed_vat()});
  auto r = check_rules(edit(ok, "F6CA05C0FAD546FCA237A8E930E7CB49", "f6ca05c0fad546fca237a8e930e7cb49"));
  CHECK_CODES(r, {"ENV-MTDIEP"});
  CHECK(r.first("ENV-MTDIEP").where.path == "/TDiep/TTChung/MTDiep");
  CHECK_CODES(check_rules(edit(ok, "F6CA05C0FAD546FCA237A8E930E7CB49", "F6CA05C0-FAD5-46FC-A237-A8E930E7CB49")),
              {"ENV-MTDIEP"});
  CHECK_CODES(check_rules(edit(ok, "<MTDiep>V0101234565", "<MTDiep>V0101234566")), {"ENV-MTDIEP"});
}

TEST_CASE("ENV-TYPE: the message type and what DLieu carries") {
  // A registration message carrying an invoice.
  auto r = check_rules(envelope("100", {signed_vat()}));
  CHECK(r.has("ENV-TYPE"));
  CHECK(r.first("ENV-TYPE").message == "TTChung/MLTDiep (Mã loại thông điệp) 100 carries TKhai, but DLieu holds HDon");
  // A notice whose form is not the one its type announces.
  const std::string notice =
      "<TDiep><TTChung><PBan>2.0.0</PBan><MNGui>TCT</MNGui><MNNhan>V0101234565</MNNhan>"
      "<MLTDiep>102</MLTDiep><MTDiep>TCTF6CA05C0FAD546FCA237A8E930E7CB49</MTDiep>"
      "<MST>4800123456</MST><SLuong>1</SLuong></TTChung><DLieu><TBao><DLTBao><PBan>2.0.0</PBan>"
      "<MSo>01/TB-TNĐT</MSo></DLTBao></TBao></DLieu></TDiep>";
  CHECK_CODES(check_rules(notice), {});
  r = check_rules(edit(notice, "01/TB-TNĐT", "01/TB-KTDL"));
  CHECK_CODES(r, {"ENV-TYPE"});
  CHECK(r.first("ENV-TYPE").message.find("102 carries form 01/TB-TNĐT, but the form is 01/TB-KTDL") !=
        std::string::npos);
  CHECK_CODES(check_rules(edit(notice, "<MLTDiep>102</MLTDiep>", "<MLTDiep>400</MLTDiep>")), {"ENV-TYPE"});
  CHECK_CODES(check_rules(edit(notice, "<MLTDiep>102</MLTDiep>", "<MLTDiep>507</MLTDiep>")), {});  // not known
}

TEST_CASE("ENV-COUNT: SLuong counts what DLieu carries") {
  CHECK_CODES(check_rules(envelope("203", {signed_vat(), signed_vat()})), {});
  auto r = check_rules(envelope("203", {signed_vat(), signed_vat()}, "3"));
  CHECK_CODES(r, {"ENV-COUNT"});
  CHECK(r.first("ENV-COUNT").message == "TTChung/SLuong (Số lượng dữ liệu trong thông điệp) 3, but DLieu carries 2 invoices (HDon)");
  // Code requests and their answers carry exactly one invoice [T §6.1].
  r = check_rules(envelope("200", {signed_vat(), signed_vat()}));
  CHECK_CODES(r, {"ENV-COUNT"});
  CHECK(r.first("ENV-COUNT").message.find("message 200 carries exactly one invoice") != std::string::npos);
  CHECK_CODES(check_rules(envelope("203", {signed_vat()}, "x")), {});  // not a number: the schema's finding
}
