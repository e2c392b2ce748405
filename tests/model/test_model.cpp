// The document model: what a document is, where its key nodes are, and its essentials.
#include <doctest/doctest.h>

#include <string>

#include "model/essentials.hpp"
#include "model/index.hpp"
#include "support/support.hpp"
#include "xml/document.hpp"
#include "xml/node.hpp"

using hoadon::Code;
using hoadon::Report;
namespace model = hoadon::model;
namespace xml = hoadon::xml;
using model::DocField;
using model::InvoiceField;

namespace {

struct Loaded {
  std::unique_ptr<xml::Document> doc;
  Report report;
  model::Index index;
  model::Essentials essentials;
};

Loaded load(std::string bytes) {
  Loaded l;
  l.doc = xml::parse(std::move(bytes), {}, l.report);
  REQUIRE(l.doc);
  l.index = model::build_index(*l.doc, l.report);
  l.essentials = model::read_essentials(*l.doc, l.index);
  return l;
}

Loaded load_file(const std::filesystem::path& p) { return load(testing::read_file(p)); }

std::string field(const Loaded& l, InvoiceField f, std::size_t i = 0) {
  REQUIRE(i < l.essentials.invoices.size());
  return l.essentials.invoices[i].get(f).value_or("<absent>");
}

constexpr const char* kSig =
    "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"s1\"><SignedInfo>"
    "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
    "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/></SignedInfo>"
    "<Object Id=\"t\"><SignatureProperties><SignatureProperty Target=\"#s1\">"
    "<SigningTime>2026-01-02T03:04:05</SigningTime></SignatureProperty></SignatureProperties></Object></Signature>";

}  // namespace

TEST_CASE("the bundled VAT invoice of the Cao Bằng cooperative") {
  const auto l = load_file(testing::source_dir() / "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml");
  CHECK(l.report.items().empty());
  CHECK(l.index.kind == model::Kind::Invoice);
  CHECK(l.report.kind() == "HDon");
  CHECK(field(l, InvoiceField::Version) == "2.1.0");
  CHECK(field(l, InvoiceField::Template) == "1");
  CHECK(field(l, InvoiceField::Series) == "K26TCB");
  CHECK(field(l, InvoiceField::Number) == "123");
  CHECK(field(l, InvoiceField::IssueDate) == "2026-11-20");
  CHECK(field(l, InvoiceField::SellerName) == "Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc");
  CHECK(field(l, InvoiceField::SellerTaxCode) == "4800123456");
  CHECK(field(l, InvoiceField::BuyerTaxCode) == "0108987656");
  CHECK(field(l, InvoiceField::TotalBeforeTax) == "48700000");
  CHECK(field(l, InvoiceField::TotalTax) == "2870000");
  CHECK(field(l, InvoiceField::Total) == "51570000");
  CHECK(field(l, InvoiceField::LineCount) == "5");
  CHECK(field(l, InvoiceField::TaxAuthorityCode) == "<absent>");
  CHECK(field(l, InvoiceField::DataId) == "data");
  CHECK(l.essentials.signatures.empty());
}

TEST_CASE("the bundled sales invoice keeps decimal strings exactly") {
  const auto l = load_file(testing::source_dir() / "examples/invoices/ho-kinh-doanh-ban-hang-2.0.0.xml");
  CHECK(field(l, InvoiceField::Template) == "2");
  CHECK(field(l, InvoiceField::Version) == "2.0.0");
  CHECK(field(l, InvoiceField::Total) == "4199000");
  CHECK(field(l, InvoiceField::TotalTax) == "<absent>");
  CHECK(field(l, InvoiceField::TotalInWords) == "Bốn triệu một trăm chín mươi chín nghìn đồng");
}

TEST_CASE("values are trimmed, empty elements are empty, absent ones absent") {
  const auto l = load(
      "<HDon><DLHDon Id=\"x\"><TTChung><PBan>\n\t\t2.1.0\n\t</PBan><HTTToan/></TTChung>"
      "<NDHDon><TToan><TgTTTBSo>1.500000</TgTTTBSo></TToan></NDHDon></DLHDon><MCCQT> 00AB </MCCQT></HDon>");
  CHECK(field(l, InvoiceField::Version) == "2.1.0");
  CHECK(field(l, InvoiceField::PaymentMethod) == "");
  CHECK(field(l, InvoiceField::Currency) == "<absent>");
  CHECK(field(l, InvoiceField::Total) == "1.500000");
  CHECK(field(l, InvoiceField::TaxAuthorityCode) == "00AB");
  CHECK(field(l, InvoiceField::DataId) == "x");
  CHECK(field(l, InvoiceField::LineCount) == "0");
}

TEST_CASE("signatures: slot, owner, algorithm and signing time") {
  const auto l = load(std::string("<TDiep><TTChung><MLTDiep>203</MLTDiep><SLuong>2</SLuong></TTChung><DLieu>") +
                      "<HDon><DLHDon/><DSCKS><NBan>" + kSig + "</NBan><NMua/></DSCKS></HDon>" +
                      "<HDon><DLHDon/><DSCKS><NBan/><NMua>" + kSig + "</NMua></DSCKS></HDon>" + "</DLieu><CKSNNT>" +
                      kSig + "</CKSNNT></TDiep>");
  CHECK(l.report.items().empty());
  CHECK(l.index.kind == model::Kind::Envelope);
  CHECK(l.index.message_type == "203");
  CHECK(l.essentials.get(DocField::Count).value() == "2");
  REQUIRE(l.essentials.invoices.size() == 2);
  const auto& s = l.essentials.signatures;
  REQUIRE(s.size() == 3);
  CHECK(s[0].slot == "NBan");
  CHECK(s[0].invoice == 0);
  CHECK(s[1].slot == "NMua");
  CHECK(s[1].invoice == 1);
  CHECK(s[2].slot == "CKSNNT");
  CHECK(s[2].invoice == -1);
  CHECK(s[0].algorithm == "rsa-sha256");
  CHECK(s[0].c14n == "c14n");
  CHECK(s[0].id == "s1");
  CHECK(s[0].signing_time == "2026-01-02T03:04:05");
  CHECK(s[1].path == "/TDiep/DLieu/HDon[2]/DSCKS/NMua/ds:Signature");
}

TEST_CASE("SigningTime is found in any namespace") {
  const auto l = load(
      "<HDon><DLHDon/><DSCKS><NBan><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><Object>"
      "<SignatureProperties xmlns=\"\"><SignatureProperty Target=\"#x\">"
      "<SigningTime xmlns=\"http://example.org/#signatureProperties\">2021-01-01T00:00:00Z</SigningTime>"
      "</SignatureProperty></SignatureProperties></Object></Signature></NBan></DSCKS></HDon>");
  REQUIRE(l.essentials.signatures.size() == 1);
  CHECK(l.essentials.signatures[0].signing_time == "2021-01-01T00:00:00Z");
  CHECK(l.essentials.signatures[0].algorithm == "");
}

TEST_CASE("forms and envelopes carrying forms") {
  SUBCASE("a notice at the root") {
    const auto l = load("<TBao><DLTBao Id=\"a\"><PBan>2.0.0</PBan><MSo>01/TB-ĐKĐT</MSo></DLTBao></TBao>");
    CHECK(l.report.kind() == "TBao");
    CHECK(l.essentials.get(DocField::FormCode).value() == "01/TB-ĐKĐT");
    CHECK(l.essentials.get(DocField::FormVersion).value() == "2.0.0");
    CHECK(l.essentials.invoices.empty());
  }
  SUBCASE("a registration inside an envelope") {
    const auto l = load(
        "<TDiep><TTChung><PBan>2.0.0</PBan><MLTDiep>100</MLTDiep></TTChung><DLieu><TKhai><DLTKhai><TTChung>"
        "<PBan>2.0.0</PBan><MSo>01/ĐKTĐ-HĐĐT</MSo></TTChung></DLTKhai></TKhai></DLieu></TDiep>");
    CHECK(l.report.items().empty());
    CHECK(l.report.kind() == "TDiep");
    CHECK(l.essentials.get(DocField::MessageType).value() == "100");
    CHECK(l.essentials.get(DocField::FormCode).value() == "01/ĐKTĐ-HĐĐT");
  }
}

TEST_CASE("recognition problems") {
  SUBCASE("unknown root") {
    const auto l = load("<Invoice/>");
    CHECK(l.report.has(Code::DocUnknownRoot));
    CHECK(l.report.kind() == "unknown");
    CHECK_FALSE(l.report.ok());
  }
  SUBCASE("a look-alike root in a namespace") {
    const auto l = load("<inv:HDon xmlns:inv=\"http://laphoadon.gdt.gov.vn/2014/09/invoicexml/v1\"/>");
    CHECK(l.report.has(Code::DocUnknownRoot));
    CHECK(l.report.items()[0].message.find("{http://laphoadon.gdt.gov.vn") != std::string::npos);
  }
  SUBCASE("an invoice without DLHDon") { CHECK(load("<HDon><DSCKS/></HDon>").report.has(Code::DocNoData)); }
  SUBCASE("a second DLHDon next to the first") {
    const auto l = load("<HDon><DLHDon Id=\"a\"/><DLHDon Id=\"a\"/></HDon>");
    REQUIRE(l.report.has(Code::DocDuplicate));
    CHECK(l.report.items()[0].where.path == "/HDon/DLHDon[2]");
  }
  SUBCASE("an envelope without DLieu") {
    CHECK(load("<TDiep><TTChung><MLTDiep>200</MLTDiep></TTChung></TDiep>").report.has(Code::DocEnvelope));
  }
  SUBCASE("an invoice message without invoices") {
    CHECK(load("<TDiep><TTChung><MLTDiep>200</MLTDiep></TTChung><DLieu/></TDiep>").report.has(Code::DocNoInvoice));
  }
  SUBCASE("a signature outside DSCKS is reported but still listed") {
    const auto l = load(std::string("<HDon><DLHDon>") + kSig + "</DLHDon></HDon>");
    CHECK(l.report.has(Code::DocSigOutside));
    CHECK(l.report.ok());  // a warning
    REQUIRE(l.essentials.signatures.size() == 1);
    CHECK(l.essentials.signatures[0].slot == "DLHDon");
  }
}

TEST_CASE("every real sample is recognised as its manifest says") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  const auto samples = testing::manifest();
  CHECK(samples.size() == 45);
  for (const auto& s : samples) {
    CAPTURE(s.file);
    const auto l = load_file(s.path);
    CHECK(l.report.ok());
    CHECK(l.report.has(Code::DocNestedEnvelope) == (s.file == "173.xml"));  // re-wrapped by its exporter
    CHECK(l.report.kind() == s.root);
    if (!s.message_type.empty()) CHECK(l.index.message_type == s.message_type);
    // Signature slots and algorithms, in document order, as the manifest lists them.
    REQUIRE(l.essentials.signatures.size() == s.signatures.size());
    for (std::size_t i = 0; i < s.signatures.size(); ++i) {
      CHECK(l.essentials.signatures[i].slot == s.signatures[i].slot);
      CHECK(l.essentials.signatures[i].algorithm == s.signatures[i].algorithm);
    }
    // The format version: the invoice's, else the form's, else the envelope's.
    std::string version;
    if (!l.essentials.invoices.empty())
      version = l.essentials.invoices[0].get(InvoiceField::Version).value_or("");
    else if (l.essentials.get(DocField::FormVersion))
      version = *l.essentials.get(DocField::FormVersion);
    else
      version = l.essentials.get(DocField::MessageVersion).value_or("");
    CHECK(version == s.pban);
    for (const auto& inv : l.essentials.invoices) {
      CHECK(inv.get(InvoiceField::Series).has_value());
      CHECK(inv.get(InvoiceField::SellerTaxCode).has_value());
      CHECK(inv.get(InvoiceField::Total).has_value());
      if (s.pban != "1.0.0")
        CHECK(inv.get(InvoiceField::IssueDate).value_or("").size() == 10);  // 005.xml predates TT78
    }
  }
}

TEST_CASE("the essentials of three real samples, field by field") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  SUBCASE("TS24 inside a 202 envelope") {
    const auto l = load_file(*dir / "001.xml");
    CHECK(l.essentials.get(DocField::MessageType).value() == "202");
    CHECK(l.essentials.get(DocField::Sender).value() == "TCT");
    CHECK(field(l, InvoiceField::Series) == "C21TCT");
    CHECK(field(l, InvoiceField::Currency) == "đ");
    CHECK(field(l, InvoiceField::TotalTax) == "84000");
    CHECK(field(l, InvoiceField::TaxAuthorityCode) == "00474597512BE94B7BAB367996EF464828");
    CHECK(field(l, InvoiceField::DataId) == "TS24_2111051448445960106322455");
  }
  SUBCASE("BKAV 2.1.0 with a CQT signature") {
    const auto l = load_file(*dir / "156.xml");
    CHECK(field(l, InvoiceField::SellerTaxCode) == "2700952079");
    CHECK(field(l, InvoiceField::Total) == "71375040");
    CHECK(field(l, InvoiceField::LineCount) == "12");
    REQUIRE(l.essentials.signatures.size() == 2);
    CHECK(l.essentials.signatures[0].c14n == "c14n-with-comments");
    CHECK(l.essentials.signatures[1].slot == "CQT");
  }
  SUBCASE("Viettel, a branch tax code") {
    const auto l = load_file(*dir / "007.xml");
    CHECK(field(l, InvoiceField::Series) == "K23TAC");
    CHECK(field(l, InvoiceField::SellerTaxCode) == "0104831030-091");
  }
}
