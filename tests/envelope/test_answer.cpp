// envelope::read_answer: the tax authority's answers 202, 204 and 999, real (the samples) and
// synthetic (tests/envelope/answers), malformed ones included.
#include <doctest/doctest.h>

#include <memory>

#include "envelope/answer.hpp"
#include "support/json.hpp"
#include "support/support.hpp"

using hoadon::Code;
namespace env = hoadon::envelope;

namespace {

struct Read {
  std::unique_ptr<hoadon::xml::Document> doc;
  hoadon::model::Index index;
  env::Answer a;
  [[nodiscard]] const hoadon::Diagnostic* find(Code c) const {
    for (const auto& d : a.report.items())
      if (d.code == c) return &d;
    return nullptr;
  }
};

Read read_bytes(const std::string& xml) {
  Read r;
  hoadon::Report parsed;
  r.doc = hoadon::xml::parse(xml, {}, parsed);
  if (r.doc) r.index = hoadon::model::build_index(*r.doc, parsed);
  r.a = env::read_answer(r.doc.get(), r.index, parsed);
  return r;
}

Read read_answer_file(const std::string& name) {
  return read_bytes(testing::read_file(testing::source_dir() / "tests/envelope/answers" / name));
}

}  // namespace

TEST_CASE("202: the coded invoice, its MCCQT (real answers of the tax authority)") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto r = read_bytes(testing::read_file(*dir / "011.xml"));
  CHECK(r.a.report.ok());
  CHECK(r.a.type == "202");
  CHECK(r.a.outcome == env::Outcome::Accepted);
  CHECK(r.a.sender == "TCT");
  CHECK(r.a.reference == "V0103930279912D4E32E0EA40DBBAB2A804D71E0272");
  REQUIRE(r.a.invoices.size() == 1);
  const auto& inv = r.a.invoices.front();
  CHECK(inv.outcome == env::Outcome::Accepted);
  CHECK(inv.mccqt == "00790E97754D9248FC987A5C4A07E52DAC");
  CHECK(inv.template_code == "1");
  CHECK(inv.series == "C25TAC");
  CHECK(inv.number == "1632");
  CHECK(inv.date == "2025-10-17");
  CHECK(inv.path == "/TDiep/DLieu/HDon");
  // Every 202 of the samples says the same: coded.
  for (const auto& s : testing::manifest()) {
    if (s.message_type != "202") continue;
    const auto each = read_bytes(testing::read_file(s.path));
    CHECK_MESSAGE(each.a.outcome == env::Outcome::Accepted, s.file);
    CHECK_MESSAGE(!each.a.invoices.at(0).mccqt.empty(), s.file);
  }
}

TEST_CASE("204 (01/TB-KTDL): refused with the reasons as written (a real notice), accepted, refused per invoice") {
  const auto dir = testing::samples_dir();
  if (dir) {
    const auto r = read_bytes(testing::read_file(*dir / "A22.xml"));
    CHECK(r.a.outcome == env::Outcome::Refused);
    CHECK(r.a.status == "1");
    CHECK(r.a.gloss == "refused: the invoice is not eligible for a code");
    CHECK(r.a.original_id == "V0105987432FCD6F792E9C14653988CE930AC3CBBA8");
    REQUIRE(r.a.reasons.size() == 1);
    CHECK(r.a.reasons[0].code == "01");
    CHECK(r.a.reasons[0].text == "Dữ liệu trong thẻ có Id = SigningData đã bị thay đổi trên đường truyền.");
    CHECK(r.a.reasons[0].path == "/TDiep/DLieu/TBao/DLTBao/LCMa/DSLDo/LDo");
  }
  const auto ok = read_answer_file("204-accepted.xml");
  CHECK(ok.a.report.ok());
  CHECK(ok.a.outcome == env::Outcome::Accepted);
  CHECK(ok.a.gloss_vi == "tiếp nhận: gói dữ liệu hợp lệ");

  const auto some = read_answer_file("204-refused-invoices.xml");
  CHECK(some.a.report.ok());
  CHECK(some.a.outcome == env::Outcome::Refused);
  REQUIRE(some.a.invoices.size() == 2);
  CHECK(some.a.invoices[0].outcome == env::Outcome::Refused);
  CHECK(some.a.invoices[0].series == "K26TCB");
  CHECK(some.a.invoices[0].number == "123");
  REQUIRE(some.a.invoices[0].reasons.size() == 2);
  CHECK(some.a.invoices[0].reasons[0].code == "30001");
  CHECK(some.a.invoices[0].reasons[0].action == "Lập hóa đơn điều chỉnh");
  CHECK(some.a.invoices[1].reasons.at(0).note == "NLap sau ngày gửi");
  CHECK(some.a.invoices[1].path == "/TDiep/DLieu/TBao/DLTBao/LHDKMa/DSHDon/HDon[2]");

  const auto bad = read_answer_file("204-bad-kind.xml");
  CHECK_FALSE(bad.a.report.ok());
  CHECK(bad.a.outcome == env::Outcome::Unknown);
  REQUIRE(bad.find(Code::EnvAnswerValue));
  CHECK(bad.find(Code::EnvAnswerValue)->where.path == "/TDiep/DLieu/TBao/DLTBao/LTBao");
  CHECK(bad.find(Code::EnvAnswerValue)->where.line == 4);
  REQUIRE(bad.find(Code::EnvAnswerMissing));
  CHECK(bad.find(Code::EnvAnswerMissing)->where.path == "/TDiep/TTChung");
}

TEST_CASE("999: received, refused with its reasons, malformed") {
  const auto ok = read_answer_file("999-received.xml");
  CHECK(ok.a.report.ok());
  CHECK(ok.a.outcome == env::Outcome::Accepted);
  CHECK(ok.a.original_id == "K4800123456B18F39AFDABD4263A2CC839A4400B6D1");
  CHECK(ok.a.time == "2026-11-20T10:00:05");
  const auto no = read_answer_file("999-refused.xml");
  CHECK(no.a.outcome == env::Outcome::Refused);
  REQUIRE(no.a.reasons.size() == 2);
  CHECK(no.a.reasons[0].code == "9992");
  CHECK(no.a.reasons[0].text == "Chữ ký số không hợp lệ.");
  const auto bad = read_answer_file("999-malformed.xml");
  CHECK(bad.a.outcome == env::Outcome::Unknown);
  std::size_t missing = 0;
  for (const auto& d : bad.a.report.items()) missing += d.code == Code::EnvAnswerMissing;
  CHECK(missing == 3);  // TTTNhan, MTDiep, and the empty LDo
  CHECK(bad.find(Code::EnvAnswerMissing)->where.path == "/TDiep/DLieu/TBao");
  auto odd = testing::read_file(testing::source_dir() / "tests/envelope/answers/999-received.xml");
  odd.replace(odd.find("<TTTNhan>0<"), 11, "<TTTNhan>7<");
  CHECK(read_bytes(odd).find(Code::EnvAnswerValue));
}

TEST_CASE("what is not an answer: a request, an invoice, a broken file") {
  const auto dir = testing::samples_dir();
  if (dir) {
    const auto request = read_bytes(testing::read_file(*dir / "070.xml"));
    CHECK(request.a.outcome == env::Outcome::Unknown);
    REQUIRE(request.find(Code::EnvAnswerType));
    CHECK(request.find(Code::EnvAnswerType)->where.path == "/TDiep/TTChung/MLTDiep");
  }
  const auto invoice = read_bytes(testing::read_file(testing::example_invoice(testing::kDemoVat)));
  CHECK(invoice.find(Code::EnvAnswerType));
  const auto broken = read_bytes("<TDiep><TTChung>");
  CHECK(broken.a.outcome == env::Outcome::Unknown);
  CHECK_FALSE(broken.a.report.ok());  // the parser's diagnostic, kept
  const auto no_mccqt = read_bytes(
      "<TDiep><TTChung><PBan>2.0.0</PBan><MNGui>TCT</MNGui><MNNhan>K4800123456</MNNhan><MLTDiep>202</MLTDiep>"
      "<MTDiep>TCT0B6C1F0E2D3A4B5C6D7E8F9A0B1C2D3E</MTDiep><MTDTChieu>K48001234562B5F71D498C041E3B2FD028E41C322A0"
      "</MTDTChieu><MST>4800123456</MST><SLuong>1</SLuong></TTChung><DLieu><HDon><DLHDon Id=\"d\"><TTChung>"
      "<KHHDon>C26TCB</KHHDon></TTChung></DLHDon></HDon></DLieu></TDiep>");
  CHECK(no_mccqt.a.outcome == env::Outcome::Unknown);
  REQUIRE(no_mccqt.find(Code::EnvAnswerMissing));
  CHECK(no_mccqt.find(Code::EnvAnswerMissing)->where.path == "/TDiep/DLieu/HDon");
}

TEST_CASE("the answer as JSON: well-formed, the reasons in Vietnamese, the gloss in both languages") {
  const auto some = read_answer_file("204-refused-invoices.xml");
  const auto j = testing::parse_json(env::answer_to_json(some.a, "a.xml"));
  CHECK(j["file"].str() == "a.xml");
  CHECK(j["ok"].boolean());
  const auto& a = j["answer"];
  CHECK(a["type"].str() == "204");
  CHECK(a["outcome"].str() == "refused");
  CHECK(a["status"].str() == "3");
  CHECK(a["gloss"].str() == "refused: some invoices' data is invalid");
  CHECK(a["reasons"].array().empty());
  CHECK(a["invoices"][0]["reasons"][1]["text"].str() == "Mã số thuế người mua không tồn tại.");
  CHECK(a["invoices"][0]["reasons"][1]["action"].is_null());
  CHECK(a["invoices"][0]["mccqt"].is_null());
  CHECK(j["diagnostics"].array().empty());
  const auto text = env::answer_to_text(some.a, "a.xml", hoadon::Lang::Vi);
  CHECK(text.find("thông điệp 204 TỪ CHỐI") != std::string::npos);
}
