// The taxpayer's signature on forms (01/ĐKTĐ, 04/SS, 01/TH) and on the cash-register message 206,
// and a document with relative namespace URIs.
#include <doctest/doctest.h>

#include "dsig/verify_helpers.hpp"
#include "pki/time.hpp"
#include "sign/sign_helpers.hpp"
#include "support/pki.hpp"
#include "support/support.hpp"

using hoadon::Code;
using hoadon::dsig::Outcome;
using testing::erase_first;
using testing::erase_signature;
using testing::replace_once;
using testing::sign_with;
using testing::signature_start;
using testing::verify;
using testing::world_trust;
namespace tp = testing::pki;

namespace {

// A form of the schema samples with its placeholder signatures taken out: DSCKS holds two empty slots.
std::string unsigned_form(const std::string& name) {
  auto s = testing::read_file(testing::source_dir() / "lib/schema/samples/valid/forms" / name);
  const auto b = s.find("<DSCKS>"), e = s.find("</DSCKS>");
  REQUIRE((b != std::string::npos && e != std::string::npos));
  return s.replace(b, e + 8 - b, "<DSCKS>\n    <NNT/>\n    <CCKSKhac/>\n  </DSCKS>");
}

}  // namespace

TEST_CASE("a taxpayer signs the forms: 01/ĐKTĐ-HĐĐT, 04/SS-HĐĐT, 01/TH-HĐĐT") {
  for (const char* name : {"tkhai.xml", "tbao-04ss.xml", "bthdlieu.xml"}) {
    CAPTURE(name);
    const auto in = unsigned_form(name);
    const auto r = sign_with(in, testing::seller());  // the taxpayer's role is the default for forms
    REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
    CHECK(r.made->slot == "NNT");
    CHECK(r.made->signer.tax_code == "4800123456");
    CHECK(erase_signature(r.bytes, signature_start("NNT")) == replace_once(in, "<NNT/>", "<NNT></NNT>"));
    const auto v = verify(r.bytes, &world_trust());
    CHECK(v.result.ok());
    CHECK(v.sig().slot == "NNT");
    CHECK(v.sig().outcome == Outcome::Valid);
  }
  // Another taxpayer's certificate: refused (the form's MST is the party's).
  const auto& w = tp::world();
  const auto r = sign_with(unsigned_form("tkhai.xml"), testing::pem_signer(w.signer_key, w.other_mst));
  CHECK_FALSE(r.ok());
  CHECK(r.report.has(Code::SignTaxCode));
}

TEST_CASE("a form without DSCKS gets one, with the taxpayer's slot and an empty CCKSKhac") {
  auto in = unsigned_form("tkhai.xml");
  const auto b = in.find("<DSCKS>"), e = in.find("</DSCKS>");
  in.erase(b, e + 8 - b);
  hoadon::sign::Options force;
  force.force = true;  // DSCKS is required by the schema: the input is invalid
  const auto r = sign_with(in, testing::seller(), force);
  REQUIRE(r.ok());
  const auto stripped = erase_signature(r.bytes, signature_start("NNT"));
  const auto at = stripped.find("<DSCKS><NNT></NNT><CCKSKhac/></DSCKS>");  // 37 bytes
  REQUIRE(at != std::string::npos);
  CHECK(std::string(stripped).erase(at, 37) == in);
  CHECK(verify(r.bytes, &world_trust()).sig().outcome == Outcome::Valid);
}

TEST_CASE("message 206: the seller signs the invoice, then the taxpayer the message (TDiep/CKSNNT)") {
  const auto seller_signed = sign_with(tp::invoice_template(), testing::seller());
  REQUIRE(seller_signed.ok());
  auto invoice = seller_signed.bytes;
  invoice.erase(0, invoice.find("<HDon>"));
  const std::string message =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep><TTChung><PBan>2.1.0</PBan><MNGui>V0101234565</MNGui>"
      "<MNNhan>TCT</MNNhan><MLTDiep>206</MLTDiep><MTDiep>V0101234565F6CA05C0FAD546FCA237A8E930E7CB49</MTDiep>"
      "<MTDTChieu/><MST>4800123456</MST><SLuong>1</SLuong></TTChung><DLieu>" +
      invoice + "</DLieu></TDiep>";
  hoadon::sign::Options force;
  force.force = true;  // a VAT invoice in a cash-register message is not what the rules expect
  const auto r = sign_with(message, testing::seller(), force);
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  CHECK(r.made->slot == "CKSNNT");
  CHECK(r.made->path == "/TDiep/CKSNNT/ds:Signature");
  // DLieu gets an Id ("data" is the invoice's already), CKSNNT is created for the signature.
  const auto stripped = erase_first(erase_signature(r.bytes, signature_start("CKSNNT")), " Id=\"data-2\"");
  CHECK(stripped == replace_once(message, "</DLieu></TDiep>", "</DLieu><CKSNNT></CKSNNT></TDiep>"));
  const auto v = verify(r.bytes, &world_trust());
  REQUIRE(v.result.signatures.size() == 2);
  CHECK(v.sig(0).outcome == Outcome::Valid);  // the seller's, inside DLieu
  CHECK(v.sig(1).slot == "CKSNNT");
  CHECK(v.sig(1).outcome == Outcome::Valid);
  CHECK(v.sig(1).covers.front() == "/TDiep/DLieu");

  // Now that the message is signed, signing inside it would break the taxpayer's signature.
  auto buyer = testing::buyer();
  hoadon::sign::Options b = force;
  b.role = hoadon::sign::SignerRole::Buyer;
  const auto late = sign_with(r.bytes, buyer, b);
  CHECK_FALSE(late.ok());
  CHECK(late.report.has(Code::SignBreaks));
}

TEST_CASE("a message with several invoices: the one to sign is named") {
  auto one = tp::invoice_template();
  one.erase(0, one.find("<HDon>"));
  const auto two = replace_once(one, "<DLHDon Id=\"data\">", "<DLHDon Id=\"data2\">");
  const std::string message =
      "<TDiep><TTChung><PBan>2.1.0</PBan><MLTDiep>203</MLTDiep><MST>4800123456</MST>"
      "<SLuong>2</SLuong></TTChung><DLieu>" +
      one + two + "</DLieu></TDiep>";
  hoadon::sign::Options o;
  o.force = true;
  const auto ambiguous = sign_with(message, testing::seller(), o);
  CHECK_FALSE(ambiguous.ok());
  CHECK(ambiguous.report.has(Code::SignNoRole));
  o.invoice = 1;
  const auto r = sign_with(message, testing::seller(), o);
  REQUIRE(r.ok());
  CHECK(r.made->invoice == 1);
  CHECK(r.made->path == "/TDiep/DLieu/HDon[2]/DSCKS/NBan/ds:Signature");
  const auto v = verify(r.bytes, &world_trust());
  CHECK(v.sig().intact);
  CHECK(v.sig().covers.front() == "/TDiep/DLieu/HDon[2]/DLHDon");
}

TEST_CASE("a real summary table with relative namespace URIs, signed again by its taxpayer") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  // A23: a 01/TH-HĐĐT whose data declares xmlns="DSDLieu"-style relative URIs; its signature taken out.
  auto in = testing::read_file(*dir / "A23.xml");
  const auto b = in.find("<Signature"), e = in.find("</Signature>");
  REQUIRE((b != std::string::npos && e != std::string::npos));
  in.erase(b, e + 12 - b);
  const auto& w = tp::world();
  const auto cert = tp::issue({"Công ty TNHH Giải pháp Công nghệ Tokyo (test)",
                               {"MST:0109205608"},
                               *hoadon::pki::parse_time("2021-01-01"),
                               *hoadon::pki::parse_time("2028-01-01"),
                               false,
                               -2,
                               400},
                              w.signer_key, &w.ca, w.ca_key);
  hoadon::sign::Options o;
  o.force = true;  // the sample has validation errors of its own
  const auto r = sign_with(in, testing::pem_signer(w.signer_key, cert), o);
  REQUIRE_MESSAGE(r.ok(), (r.report.items().empty() ? "" : r.report.items().back().message));
  const auto v = verify(r.bytes, &world_trust());
  CHECK(v.sig().outcome == Outcome::Valid);
  CHECK(v.warns(0, "DSIG-DOTNET-COMPAT"));  // the relative URIs, canonicalized as written
}
