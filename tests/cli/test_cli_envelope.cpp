// hoadon envelope as users run it: a signed bundled invoice wrapped, then validated and verified;
// a 206 signed by the taxpayer; refusals; the tax authority's answers read, real and synthetic.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;
using testing::parse_ndjson;
namespace fs = std::filesystem;
namespace tp = testing::pki;

namespace {

constexpr const char* kTime = "2026-11-20T10:00:00";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not found: " << from);
  return s.replace(at, from.size(), to);
}

struct Fixture {
  testing::TempDir dir;
  std::string key, cert, other_cert;
  Fixture() {
    const auto& w = tp::world();
    tp::write_trust(dir.path());
    key = put("signer.key", tp::key_pem(w.signer_key));
    cert = put("signer.pem", w.signer.pem());
    other_cert = put("other.pem", w.other_mst.pem());
  }
  std::string put(const std::string& name, const std::string& bytes) const {
    testing::write_file(dir / name, bytes);
    return path(name);
  }
  [[nodiscard]] std::string path(const std::string& name) const { return (dir / name).string(); }
  // The bundled VAT invoice, edited, signed by its seller with hoadon sign: the signed file.
  std::string signed_invoice(const std::string& name, const std::string& from = {}, const std::string& to = {}) const {
    auto x = testing::read_file(testing::example_invoice(testing::kDemoVat));
    if (!from.empty()) x = replace(x, from, to);
    const auto in = put(name + ".in.xml", x);
    const auto r = hoadon({"sign", "--key", key, "--cert", cert, "--time", kTime, "-o", path(name), in});
    REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
    return path(name);
  }
  [[nodiscard]] int verify(const std::string& file) const {
    const auto r = hoadon({"verify", "--trust", path("anchors.pem"), "--intermediate", path("ca.pem"), "--crl",
                           path("crl.pem"), "--at", "2026-11-21T00:00:00", file});
    if (r.exit_code != 0) MESSAGE(r.out);
    return r.exit_code;
  }
};

// The HDon element of a file, as its bytes.
std::string hdon_of(const std::string& file) {
  const auto x = testing::read_file(file);
  const auto b = x.find("<HDon"), e = x.rfind("</HDon>");
  REQUIRE((b != std::string::npos && e != std::string::npos));
  return x.substr(b, e + 7 - b);
}

}  // namespace

TEST_CASE("envelope wrap 203: a signed bundled invoice wrapped, valid, its signature still valid inside") {
  Fixture f;
  const auto inv = f.signed_invoice("invoice.xml");
  const auto out = f.path("message.xml");
  const auto r = hoadon({"envelope", "wrap", "--type", "203", "--format", "json", "-o", out, inv});
  REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
  const auto j = parse_json(r.out);
  CHECK(j["ok"].boolean());
  CHECK(j["file"].str() == out);
  const auto& m = j["message"];
  CHECK(m["type"].str() == "203");
  CHECK(m["sender"].str() == "K4800123456");
  CHECK(m["receiver"].str() == "TCT");
  CHECK(m["tax_code"].str() == "4800123456");
  CHECK(m["count"].str() == "1");
  CHECK(m["reference"].is_null());
  CHECK(std::regex_match(m["id"].str(), std::regex("K4800123456[0-9A-F]{32}")));
  CHECK(j["signature"].is_null());
  const auto bytes = testing::read_file(out);
  CHECK(bytes.find("<DLieu>" + hdon_of(inv) + "</DLieu>") != std::string::npos);
  CHECK(bytes.find("<MTDiep>" + m["id"].str() + "</MTDiep>") != std::string::npos);
  CHECK(hoadon({"validate", out}).exit_code == 0);
  CHECK(f.verify(out) == 0);
  // Again: another id.
  const auto again = hoadon({"envelope", "wrap", "--type", "203", "--format", "json", "-o", f.path("again.xml"), inv});
  REQUIRE(again.exit_code == 0);
  CHECK(parse_json(again.out)["message"]["id"].str() != m["id"].str());
  // Without -o the message is the standard output, what is said of it the standard error.
  const auto piped = hoadon({"envelope", "wrap", "--type", "203", inv});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep><TTChung>"));
  CHECK(piped.err.find("message made") != std::string::npos);
}

TEST_CASE("envelope wrap 200 and 206: the code request — cash-register invoices signed by the taxpayer (CKSNNT)") {
  Fixture f;
  const auto coded = f.signed_invoice("coded.xml", "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26TCB</KHHDon>");
  const auto req = f.path("200.xml");
  auto r = hoadon({"envelope", "wrap", "--type", "200", "--sender", "V0101234565", "-o", req, coded});
  REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
  CHECK(testing::read_file(req).find("<MNGui>V0101234565</MNGui><MNNhan>TCT</MNNhan><MLTDiep>200</MLTDiep><MTDiep>"
                                     "V0101234565") != std::string::npos);
  CHECK(hoadon({"validate", req}).exit_code == 0);
  CHECK(f.verify(req) == 0);

  // Two cash-register invoices with their codes, unsigned (the taxpayer signs the message).
  auto mtt = replace(testing::read_file(testing::example_invoice(testing::kDemoVat)), "<KHHDon>K26TCB</KHHDon>",
                     "<KHHDon>C26MCB</KHHDon>");
  mtt = replace(mtt, "<HDCTTChinh>0</HDCTTChinh>", "");
  const auto a = f.put("a.xml", replace(mtt, "</DLHDon>", "</DLHDon><MCCQT>M1-26-ABCDE-00000000123</MCCQT>"));
  auto second = replace(replace(mtt, "<SHDon>123</SHDon>", "<SHDon>124</SHDon>"), "</DLHDon>",
                        "</DLHDon><MCCQT>M1-26-ABCDE-00000000124</MCCQT>");
  second = replace(second, "<DLHDon Id=\"", "<DLHDon Id=\"b-");
  const auto b = f.put("b.xml", second);
  const auto msg = f.path("206.xml");
  r = hoadon({"envelope", "wrap", "--type", "206", "--key", f.key, "--cert", f.cert, "--time", kTime, "--format",
              "json", "-o", msg, a, b});
  REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
  const auto j = parse_json(r.out);
  CHECK(j["message"]["count"].str() == "2");
  CHECK(j["signature"]["slot"].str() == "CKSNNT");
  CHECK(j["signature"]["path"].str() == "/TDiep/CKSNNT/ds:Signature");
  CHECK(j["signature"]["signing_time"].str() == kTime);
  CHECK(hoadon({"validate", msg}).exit_code == 0);
  const auto v = hoadon({"verify", "--format", "json", "--trust", f.path("anchors.pem"), "--intermediate",
                         f.path("ca.pem"), "--crl", f.path("crl.pem"), "--at", "2026-11-21T00:00:00", msg});
  CHECK(v.exit_code == 0);
  const auto vj = parse_json(v.out);
  REQUIRE(vj["signatures"].array().size() == 1);
  CHECK(vj["signatures"][0]["slot"].str() == "CKSNNT");
  CHECK(vj["signatures"][0]["outcome"].str() == "valid");
  CHECK(vj["signatures"][0]["covers"][0].str() == "/TDiep/DLieu");

  // Another taxpayer's certificate: refused, nothing written.
  r = hoadon({"envelope", "wrap", "--type", "206", "--key", f.key, "--cert", f.other_cert, "--time", kTime, "-o",
              f.path("no.xml"), a});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("SIGN-TAX-CODE") != std::string::npos);
  CHECK_FALSE(fs::exists(f.path("no.xml")));
}

TEST_CASE("envelope wrap refuses: the wrong invoices for the type, bad options") {
  Fixture f;
  const auto inv = f.signed_invoice("invoice.xml");
  auto r = hoadon({"envelope", "wrap", "--type", "200", "-o", f.path("x.xml"), inv});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("ENV-WRAP-CODE") != std::string::npos);
  CHECK_FALSE(fs::exists(f.path("x.xml")));
  r = hoadon({"envelope", "wrap", "--type", "203", "-o", f.path("x.xml"), inv, inv});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("ENV-WRAP-ID") != std::string::npos);
  r = hoadon({"envelope", "wrap", "--type", "203", "--key", f.key, "--cert", f.cert, "-o", f.path("x.xml"), inv});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("ENV-WRAP-HEADER") != std::string::npos);
  CHECK(hoadon({"envelope", "wrap", "-o", f.path("x.xml"), inv}).exit_code == 2);
  CHECK(hoadon({"envelope", "wrap", "--type", "202", inv}).exit_code == 2);
  CHECK(hoadon({"envelope", "wrap", "--type", "203", "--cert", f.cert, inv}).exit_code == 2);
  CHECK(hoadon({"envelope", "read", "--type", "203", inv}).exit_code == 2);
  CHECK(hoadon({"envelope", "send", inv}).exit_code == 2);
  CHECK(hoadon({"envelope", "wrap", "--type", "203", f.path("missing.xml")}).exit_code == 3);
  CHECK_FALSE(fs::exists(f.path("x.xml")));
}

TEST_CASE("envelope read: the real answers among the samples, and synthetic 204 and 999") {
  const auto answers = testing::source_dir() / "tests/envelope/answers";
  auto r = hoadon({"envelope", "read", "--format", "json", (answers / "204-refused-invoices.xml").string(),
                   (answers / "999-received.xml").string(), (answers / "999-malformed.xml").string()});
  CHECK(r.exit_code == 1);
  const auto lines = parse_ndjson(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["answer"]["outcome"].str() == "refused");
  CHECK(lines[0]["answer"]["invoices"][0]["reasons"][0]["code"].str() == "30001");
  CHECK(lines[0]["answer"]["invoices"][0]["reasons"][0]["text"].str() ==
        "Tổng tiền thanh toán không khớp với tổng tiền hàng và tiền thuế.");
  CHECK(lines[1]["answer"]["outcome"].str() == "accepted");
  CHECK(lines[2]["answer"]["outcome"].str() == "unknown");
  CHECK(lines[2]["diagnostics"][0]["code"].str() == "ENV-ANSWER-MISSING");
  CHECK(lines[2]["diagnostics"][0]["path"].str() == "/TDiep/DLieu/TBao");
  CHECK(hoadon({"envelope", "read", (answers / "999-received.xml").string()}).exit_code == 0);
  r = hoadon({"envelope", "read", "--lang", "vi", (answers / "999-refused.xml").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("lý do 9992: Chữ ký số không hợp lệ.") != std::string::npos);

  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  std::vector<std::string> args = {"envelope", "read", "--format", "json"};
  std::size_t coded = 0;
  for (const auto& s : testing::manifest())
    if (s.message_type == "202") {
      args.push_back(s.path.string());
      ++coded;
    }
  args.push_back((*dir / "A22.xml").string());  // 204: the data changed on the way
  r = hoadon(args);
  CHECK(r.exit_code == 1);  // the 204 refuses
  const auto all = parse_ndjson(r.out);
  REQUIRE(all.size() == coded + 1);
  for (std::size_t i = 0; i < coded; ++i) {
    CHECK(all[i]["answer"]["outcome"].str() == "accepted");
    CHECK(all[i]["answer"]["invoices"][0]["mccqt"].str().size() == 34);
  }
  CHECK(all.back()["answer"]["outcome"].str() == "refused");
  CHECK(all.back()["answer"]["reasons"][0]["code"].str() == "01");
}
