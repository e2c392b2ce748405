// envelope::wrap: the TTChung header, the invoices embedded byte for byte (their signatures
// still verify), the taxpayer's CKSNNT of a 206, and every refusal with its code.
#include <doctest/doctest.h>

#include <memory>
#include <set>

#include "dsig/verify_helpers.hpp"
#include "envelope/wrap.hpp"
#include "sign/sign_helpers.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using testing::replace_once;
namespace env = hoadon::envelope;
namespace tp = testing::pki;

namespace {

// Parsed inputs, kept alive for the wrap.
struct Inputs {
  std::vector<std::unique_ptr<hoadon::xml::Document>> docs;
  std::vector<std::unique_ptr<hoadon::model::Index>> indexes;
  std::vector<env::Invoice> list;
  void add(const std::string& xml) {
    hoadon::Report parsed;
    docs.push_back(hoadon::xml::parse(xml, {}, parsed));
    indexes.push_back(std::make_unique<hoadon::model::Index>());
    if (docs.back()) *indexes.back() = hoadon::model::build_index(*docs.back(), parsed);
    list.push_back({docs.back().get(), indexes.back().get(), "invoice " + std::to_string(list.size() + 1)});
  }
};

env::WrapResult wrap_texts(const std::vector<std::string>& invoices, env::WrapOptions o) {
  Inputs in;
  for (const auto& x : invoices) in.add(x);
  return env::wrap(in.list, o);
}

env::WrapOptions of_type(const char* type) {
  env::WrapOptions o;
  o.type = type;
  o.uuid = "0123456789ABCDEF0123456789ABCDEF";
  return o;
}

// The demo invoice signed by its seller; `id` its DLHDon Id, `series` its KHHDon. The signature's
// Ids follow `id`: two invoices in one message must not share any (ENV-WRAP-ID).
std::string signed_invoice(const std::string& id = "data", const std::string& series = "K26TCB") {
  auto x = replace_once(replace_once(tp::invoice_template(), "<DLHDon Id=\"data\">", "<DLHDon Id=\"" + id + "\">"),
                        "<KHHDon>K26TCB</KHHDon>", "<KHHDon>" + series + "</KHHDon>");
  tp::SignSpec spec;
  spec.signature_id = "seller-" + id;
  spec.object_id = "SigningTime-" + id;
  return tp::sign(x, tp::world().signer_key, {tp::world().signer}, spec);
}

// The HDon element of a document, as its bytes.
std::string hdon_of(const std::string& xml) {
  const auto b = xml.find("<HDon"), e = xml.rfind("</HDon>");
  REQUIRE((b != std::string::npos && e != std::string::npos));
  return xml.substr(b, e + 7 - b);
}

// A cash-register invoice with its code (C26MCB, MCCQT of the cash-register form), unsigned.
std::string cash_register_invoice(const std::string& number, const std::string& id) {
  auto x = replace_once(tp::invoice_template(), "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26MCB</KHHDon>");
  x = replace_once(x, "<HDCTTChinh>0</HDCTTChinh>", "");
  x = replace_once(x, "<SHDon>123</SHDon>", "<SHDon>" + number + "</SHDon>");
  x = replace_once(x, "<DLHDon Id=\"data\">", "<DLHDon Id=\"" + id + "\">");
  return replace_once(x, "</DLHDon>", "</DLHDon><MCCQT>M1-26-ABCDE-00000000" + number + "</MCCQT>");
}

bool has(const env::WrapResult& r, Code c) { return r.report.has(c); }
const hoadon::Diagnostic& first(const env::WrapResult& r, Code c) {
  for (const auto& d : r.report.items())
    if (d.code == c) return d;
  FAIL("no such diagnostic");
  return r.report.items().front();
}

}  // namespace

TEST_CASE("MTDiep: the sender and 32 uppercase hexadecimal digits of a new version 4 UUID, never the same twice") {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto u = env::new_uuid_hex();
    REQUIRE(u.size() == 32);
    CHECK(u.find_first_not_of("0123456789ABCDEF") == std::string::npos);
    CHECK(u[12] == '4');                                          // version 4
    CHECK(std::string("89AB").find(u[16]) != std::string::npos);  // RFC 4122 variant
    seen.insert(u);
  }
  CHECK(seen.size() == 2000);
  // Two messages of the same invoice differ in their id only where the UUID is.
  env::WrapOptions o;
  o.type = "203";
  const auto inv = signed_invoice();
  const auto a = wrap_texts({inv}, o), b = wrap_texts({inv}, o);
  REQUIRE((a.ok() && b.ok()));
  CHECK(a.message_id.size() == 11 + 32);  // "K4800123456" + UUID, within MTDiep's 46
  CHECK(a.message_id.starts_with("K4800123456"));
  CHECK(a.message_id != b.message_id);
}

TEST_CASE("203: the header, SLuong, the invoices byte for byte, their signatures still valid") {
  const auto one = signed_invoice("data"), two = signed_invoice("data-b");
  const auto r = wrap_texts({one, two}, of_type("203"));
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  CHECK(r.report.ok());
  CHECK(r.count == 2);
  CHECK(r.tax_code == "4800123456");
  CHECK(r.message_id == "K48001234560123456789ABCDEF0123456789ABCDEF");
  CHECK(r.bytes ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep><TTChung><PBan>2.1.0</PBan><MNGui>K4800123456</MNGui>"
        "<MNNhan>TCT</MNNhan><MLTDiep>203</MLTDiep><MTDiep>K48001234560123456789ABCDEF0123456789ABCDEF</MTDiep>"
        "<MST>4800123456</MST><SLuong>2</SLuong></TTChung><DLieu>" +
            hdon_of(one) + hdon_of(two) + "</DLieu></TDiep>\n");
  const auto v = testing::verify(r.bytes, &testing::world_trust());
  REQUIRE(v.result.signatures.size() == 2);
  CHECK(v.sig(0).outcome == Outcome::Valid);
  CHECK(v.sig(0).covers.front() == "/TDiep/DLieu/HDon[1]/DLHDon");
  CHECK(v.sig(1).outcome == Outcome::Valid);
  CHECK(v.sig(1).covers.front() == "/TDiep/DLieu/HDon[2]/DLHDon");

  // The header's options: sender, receiver, version, reference.
  auto o = of_type("203");
  o.sender = "V0101234565";
  o.receiver = "V0309478306";
  o.version = "2.0.0";
  o.reference = "TCTB2C5E9AF7DEF49B5BA33411171A2DF30";
  const auto h = wrap_texts({one}, o);
  REQUIRE(h.ok());
  CHECK(h.bytes.find("<TTChung><PBan>2.0.0</PBan><MNGui>V0101234565</MNGui><MNNhan>V0309478306</MNNhan>"
                     "<MLTDiep>203</MLTDiep><MTDiep>V01012345650123456789ABCDEF0123456789ABCDEF</MTDiep>"
                     "<MTDTChieu>TCTB2C5E9AF7DEF49B5BA33411171A2DF30</MTDTChieu><MST>4800123456</MST>"
                     "<SLuong>1</SLuong></TTChung>") != std::string::npos);
}

TEST_CASE("200: exactly one invoice, of a code series, without MCCQT yet") {
  const auto coded = signed_invoice("data", "C26TCB");
  const auto r = wrap_texts({coded}, of_type("200"));
  REQUIRE(r.ok());
  CHECK(r.bytes.find("<MLTDiep>200</MLTDiep>") != std::string::npos);
  CHECK(r.bytes.find("<SLuong>1</SLuong></TTChung><DLieu>" + hdon_of(coded) + "</DLieu>") != std::string::npos);
  CHECK(testing::verify(r.bytes, &testing::world_trust()).sig().outcome == Outcome::Valid);

  const auto two = wrap_texts({coded, signed_invoice("data-b", "C26TCB")}, of_type("200"));
  CHECK_FALSE(two.ok());
  CHECK(has(two, Code::EnvWrapCount));
  const auto uncoded = wrap_texts({signed_invoice()}, of_type("200"));
  CHECK_FALSE(uncoded.ok());
  CHECK(first(uncoded, Code::EnvWrapCode).where.path == "/HDon/DLHDon/TTChung/KHHDon");
  CHECK(first(uncoded, Code::EnvWrapCode).message.starts_with("invoice 1: series K26TCB"));
  const auto with_code = wrap_texts(
      {replace_once(coded, "</DLHDon>", "</DLHDon><MCCQT>00ABCDEF0123456789ABCDEF0123456789</MCCQT>")}, of_type("200"));
  CHECK_FALSE(with_code.ok());
  CHECK(first(with_code, Code::EnvWrapCode).where.path == "/HDon/MCCQT");
  CHECK(has(wrap_texts({}, of_type("203")), Code::EnvWrapCount));
}

TEST_CASE("206: cash-register invoices with their code, signed by the taxpayer in TDiep/CKSNNT over DLieu") {
  const auto seller = testing::seller();
  auto o = of_type("206");
  o.signer = &seller;
  o.time = tp::world().signing_time;
  const auto a = cash_register_invoice("123", "data"), b = cash_register_invoice("124", "data-b");
  const auto r = wrap_texts({a, b}, o);
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  REQUIRE(r.signature);
  CHECK(r.signature->slot == "CKSNNT");
  CHECK(r.signature->path == "/TDiep/CKSNNT/ds:Signature");
  CHECK(r.bytes.find("<SLuong>2</SLuong></TTChung><DLieu Id=\"_0123456789ABCDEF0123456789ABCDEF\">" + hdon_of(a) +
                     hdon_of(b) + "</DLieu><CKSNNT><Signature") != std::string::npos);
  CHECK(r.bytes.find("<Reference URI=\"#_0123456789ABCDEF0123456789ABCDEF\">") != std::string::npos);
  const auto v = testing::verify(r.bytes, &testing::world_trust());
  REQUIRE(v.result.signatures.size() == 1);
  CHECK(v.sig().slot == "CKSNNT");
  CHECK(v.sig().outcome == Outcome::Valid);
  CHECK(v.sig().covers.front() == "/TDiep/DLieu");

  // Unsigned, it is still a message (the taxpayer may sign it later with hoadon sign).
  const auto unsigned_206 = wrap_texts({a}, of_type("206"));
  REQUIRE(unsigned_206.ok());
  CHECK_FALSE(unsigned_206.signature);
  // Without their code, or not of a cash-register series, the invoices are not a 206's.
  CHECK(has(wrap_texts({signed_invoice()}, of_type("206")), Code::EnvWrapCode));
  // Another taxpayer's certificate is refused as sign refuses it.
  const auto other = testing::pem_signer(tp::world().signer_key, tp::world().other_mst);
  o.signer = &other;
  const auto wrong = wrap_texts({a}, o);
  CHECK_FALSE(wrong.ok());
  CHECK(has(wrong, Code::SignTaxCode));
  // Only a 206 carries the taxpayer's signature.
  auto s203 = of_type("203");
  s203.signer = &seller;
  CHECK(has(wrap_texts({signed_invoice()}, s203), Code::EnvWrapHeader));
}

TEST_CASE("refusals: not an invoice, two taxpayers, shared Ids, bad header values, over 2 MB") {
  const auto inv = signed_invoice();
  const auto message = wrap_texts({inv}, of_type("203"));
  REQUIRE(message.ok());
  auto r = wrap_texts({message.bytes}, of_type("203"));
  CHECK(has(r, Code::EnvWrapInput));
  CHECK(first(r, Code::EnvWrapInput).where.path == "/TDiep");
  r = wrap_texts({"<HDon><DLHDon"}, of_type("203"));  // rejected by the parser
  CHECK(has(r, Code::EnvWrapInput));

  const auto other =
      replace_once(replace_once(tp::invoice_template(), "<MST>4800123456</MST>", "<MST>0101243150</MST>"),
                   "<DLHDon Id=\"data\">", "<DLHDon Id=\"data-b\">");
  r = wrap_texts({inv, other}, of_type("203"));
  CHECK(has(r, Code::EnvWrapTaxpayer));
  CHECK(first(r, Code::EnvWrapTaxpayer).where.path == "/HDon/DLHDon/NDHDon/NBan/MST");

  r = wrap_texts({inv, inv}, of_type("203"));
  CHECK(has(r, Code::EnvWrapId));
  CHECK(first(r, Code::EnvWrapId).message.starts_with("invoice 2: Id=\"data\" is also invoice 1's"));

  for (auto [member, value] : std::vector<std::pair<std::string env::WrapOptions::*, std::string>>{
           {&env::WrapOptions::type, "202"},
           {&env::WrapOptions::sender, "X123"},
           {&env::WrapOptions::sender, "K48001234<a/>"},
           {&env::WrapOptions::receiver, "V12"},
           {&env::WrapOptions::version, "2.1.0\"/>"},
           {&env::WrapOptions::uuid, "0123456789abcdef0123456789abcdef"},
           {&env::WrapOptions::reference, "TCT<x/>"}}) {
    auto o = of_type("203");
    o.*member = value;
    const auto bad = wrap_texts({inv}, o);
    CHECK_MESSAGE(has(bad, Code::EnvWrapHeader), value);
    CHECK(bad.bytes.empty());
  }

  // 900 invoices of about 2.6 KB each: more than a message may carry.
  std::vector<std::string> many;
  const auto plain = tp::invoice_template();
  for (int i = 0; i < 900; ++i)
    many.push_back(replace_once(plain, "<DLHDon Id=\"data\">", "<DLHDon Id=\"d" + std::to_string(i) + "\">"));
  r = wrap_texts(many, of_type("203"));
  CHECK(has(r, Code::EnvWrapSize));
  CHECK_FALSE(r.ok());
}

TEST_CASE("the message is validated: refused with located diagnostics, or written with --force") {
  const auto broken = replace_once(signed_invoice(), "<NLap>2026-11-20</NLap>", "<NLap>2026-02-30</NLap>");
  auto r = wrap_texts({broken}, of_type("203"));
  CHECK_FALSE(r.ok());
  REQUIRE(has(r, Code::EnvWrapInvalid));
  bool located = false;
  for (const auto& d : r.report.items())
    located = located || d.where.path.starts_with("/TDiep/DLieu/HDon/DLHDon/TTChung/NLap");
  CHECK_MESSAGE(located, "a diagnostic points into the message");
  auto o = of_type("203");
  o.force = true;
  r = wrap_texts({broken}, o);
  CHECK(r.ok());
  CHECK(has(r, Code::EnvWrapForced));
}
