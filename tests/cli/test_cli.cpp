// The hoadon command line as users and scripts run it: exit codes, NDJSON, order, inputs.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/json.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;
using testing::parse_ndjson;

namespace {
std::string example(const std::string& name) { return testing::example_invoice(name); }
const std::string& kVat = testing::kDemoVat;
const std::string& kSales = testing::kDemoSales;
}  // namespace

TEST_CASE("--version and --help") {
  auto r = hoadon({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("hoadon ", 0) == 0);
  r = hoadon({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("inspect") != std::string::npos);
  r = hoadon({"inspect", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--format") != std::string::npos);
  CHECK(r.out.find("Exit status") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
  CHECK(hoadon({}).exit_code == 2);
  CHECK(hoadon({"frobnicate"}).exit_code == 2);
  CHECK(hoadon({"inspect"}).exit_code == 2);
  const auto r = hoadon({"inspect", "--no-such-option", example(kVat)});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--no-such-option") != std::string::npos);
  CHECK(hoadon({"inspect", "--format", "yaml", example(kVat)}).exit_code == 2);
  CHECK(hoadon({"inspect", "-j", "0", example(kVat)}).exit_code == 2);
  CHECK(hoadon({"inspect", "-j"}).exit_code == 2);
}

TEST_CASE("inspect: good inputs exit 0 and print the essentials") {
  const auto r = hoadon({"inspect", example(kVat), example(kSales)});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1K26TCB no. 123 of 2026-11-20") != std::string::npos);
  CHECK(r.out.find("Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc (MST 4800123456)") != std::string::npos);
  CHECK(r.out.find("Hộ kinh doanh Nông Thị Hoa") != std::string::npos);
  const auto vi = hoadon({"inspect", "--lang", "vi", example(kVat)});
  CHECK(vi.out.find("người mua: Công ty TNHH Thực phẩm Sạch Hà Nội") != std::string::npos);
}

TEST_CASE("inspect --format json: one object per input, in input order, with the contract's names") {
  testing::TempDir dir;
  testing::write_file(dir / "bad.xml", "<HDon><DLHDon>");
  const std::vector<std::string> files = {example(kVat), (dir / "bad.xml").string(), example(kSales)};
  std::vector<std::string> args = {"inspect", "--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  const auto r = hoadon(args);
  CHECK(r.exit_code == 1);
  const auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(docs[i]["file"].str() == files[i]);
  CHECK(docs[0]["kind"].str() == "HDon");
  CHECK(docs[0]["ok"].boolean());
  CHECK(docs[0]["invoices"][0]["series"].str() == "K26TCB");
  CHECK(docs[0]["invoices"][0]["total"].str() == "51570000");
  CHECK(docs[0]["invoices"][0]["mccqt"].is_null());
  CHECK(docs[0]["diagnostics"].array().empty());
  CHECK(docs[1]["kind"].str() == "unknown");
  CHECK_FALSE(docs[1]["ok"].boolean());
  const auto& d = docs[1]["diagnostics"][0];
  CHECK(d["code"].str() == "XML-MALFORMED");
  CHECK(d["severity"].str() == "error");
  CHECK(d["line"].number() == 1);
  CHECK(d["path"].str() == "/HDon/DLHDon");
  CHECK(!d["message"].str().empty());
  CHECK(!d["message_vi"].str().empty());
}

TEST_CASE("-j keeps the output in input order") {
  std::vector<std::string> args = {"inspect", "--format", "json", "-j", "4"};
  std::vector<std::string> files;
  for (int i = 0; i < 40; ++i) files.push_back(example(i % 2 ? kVat : kSales));
  args.insert(args.end(), files.begin(), files.end());
  const auto r = hoadon(args);
  CHECK(r.exit_code == 0);
  const auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == 40);
  for (int i = 0; i < 40; ++i)
    CHECK(docs[static_cast<std::size_t>(i)]["invoices"][0]["template"].str() == (i % 2 ? "1" : "2"));
  CHECK(r.err.empty());  // no progress line when stderr is not a terminal
}

TEST_CASE("unreadable inputs exit 3, and win over failed ones") {
  testing::TempDir dir;
  testing::write_file(dir / "bad.xml", "not xml");
  auto r = hoadon({"inspect", "--format", "json", (dir / "missing.xml").string()});
  CHECK(r.exit_code == 3);
  const auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["diagnostics"][0]["code"].str() == "IO-READ");
  r = hoadon({"inspect", (dir / "bad.xml").string(), (dir / "missing.xml").string(), example(kVat)});
  CHECK(r.exit_code == 3);
}

TEST_CASE("hostile and malformed inputs are failed inputs (exit 1), not crashes") {
  testing::TempDir dir;
  testing::write_file(dir / "xxe.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
  testing::write_file(dir / "empty.xml", "");
  testing::write_file(dir / "binary.xml", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  testing::write_file(dir / "other.xml", "<Invoice/>");
  for (const char* f : {"xxe.xml", "empty.xml", "binary.xml", "other.xml"}) {
    CAPTURE(f);
    const auto r = hoadon({"inspect", "--format", "json", (dir / f).string()});
    CHECK(r.exit_code == 1);
    const auto j = parse_json(r.out);
    CHECK_FALSE(j["ok"].boolean());
    CHECK(j["diagnostics"].array().size() >= 1);
  }
}

TEST_CASE("directories are searched for *.xml, and - reads standard input") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "b/c");
  testing::write_file(dir / "b/c/z.XML", testing::read_file(example(kSales)));
  testing::write_file(dir / "a.xml", testing::read_file(example(kVat)));
  testing::write_file(dir / "notes.txt", "ignored");
  auto r = hoadon({"inspect", "--format", "json", dir.path().string()});
  CHECK(r.exit_code == 0);
  auto docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["file"].str() == (dir / "a.xml").string());
  CHECK(docs[1]["file"].str() == (dir / "b/c/z.XML").string());

  r = hoadon({"inspect", "--format", "json", "-"}, testing::read_file(example(kVat)));
  CHECK(r.exit_code == 0);
  docs = parse_ndjson(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["file"].str() == "-");
  CHECK(docs[0]["invoices"][0]["number"].str() == "123");

  r = hoadon({"inspect", "--max-bytes", "100", "--format", "json", "-"}, std::string(5000, ' '));
  CHECK(r.exit_code == 1);
  CHECK(parse_json(r.out)["diagnostics"][0]["code"].str() == "XML-SIZE");
}

TEST_CASE("every real sample inspects cleanly") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto r = hoadon({"inspect", "--format", "json", "-j", "2", dir->string()});
  CHECK(r.exit_code == 0);
  const auto docs = parse_ndjson(r.out);
  CHECK(docs.size() == testing::manifest().size());
  for (const auto& d : docs) CHECK(d["ok"].boolean());
}

TEST_CASE("hoadon-codes(7) is the catalogue: one entry per code, in roff that formats cleanly") {
  const auto text = hoadon({"codes"});
  const auto man = hoadon({"codes", "--format", "man"});
  REQUIRE(text.exit_code == 0);
  REQUIRE(man.exit_code == 0);
  std::size_t codes = 0;
  for (std::size_t at = 0; at < text.out.size();) {
    const auto eol = text.out.find('\n', at);
    const auto line = text.out.substr(at, eol - at);
    at = eol == std::string::npos ? text.out.size() : eol + 1;
    if (line.empty()) continue;
    ++codes;
    const auto code = line.substr(0, line.find(' '));
    CHECK_MESSAGE(man.out.find(".TP\n.B " + code + "\n") != std::string::npos, code);
  }
  CHECK(codes > 100);
  std::size_t entries = 0;
  for (auto at = man.out.find(".TP\n"); at != std::string::npos; at = man.out.find(".TP\n", at + 1)) ++entries;
  CHECK(entries == codes);
  // groff's own check, when it is installed: no warning of any kind.
  if (std::filesystem::exists("/usr/bin/groff")) {
    const auto g = testing::run({"/usr/bin/groff", "-k", "-man", "-Tutf8", "-ww", "-z"}, man.out);
    CHECK(g.exit_code == 0);
    CHECK(g.err == "");
  }
}

TEST_CASE("validate: schema errors fail the input (exit 1), deviations warn in default and fail with --strict") {
  const auto samples = testing::source_dir() / "lib/schema/samples";
  auto r =
      hoadon({"validate", "--schema-only", "--format", "json", (samples / "valid/2.1.0/hdon-1-full.xml").string()});
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out)["diagnostics"].array().empty());

  r = hoadon({"validate", "--schema-only", "--format", "json", (samples / "invalid/bad-TGia-3-decimals.xml").string()});
  CHECK(r.exit_code == 1);
  auto j = parse_json(r.out);
  CHECK(j["diagnostics"][0]["code"].str() == "SCHEMA-DECIMALS");
  CHECK(j["diagnostics"][0]["path"].str() == "/HDon/DLHDon/TTChung/TGia");
  CHECK(j["diagnostics"][0]["message_vi"].str().find("TTChung/TGia (Tỷ giá)") == 0);

  const auto dev = (samples / "invalid/dev-line-TThue-Viettel.xml").string();
  r = hoadon({"validate", "--schema-only", "--format", "json", dev});
  CHECK(r.exit_code == 0);
  j = parse_json(r.out);
  CHECK(j["diagnostics"][0]["code"].str() == "SCHEMA-DEV-EXTRA");
  CHECK(j["diagnostics"][0]["severity"].str() == "warning");
  r = hoadon({"validate", "--schema-only", "--strict", "--format", "json", dev});
  CHECK(r.exit_code == 1);
  CHECK(parse_json(r.out)["diagnostics"][0]["code"].str() == "SCHEMA-UNEXPECTED");
  // A profile can make a deviation an error in default mode too.
  r = hoadon({"validate", "--schema-only", "--rule", "SCHEMA-DEV-EXTRA=error", dev});
  CHECK(r.exit_code == 1);
}

TEST_CASE("validate --version validates as another PBan — unknown versions are usage errors") {
  const auto doc = (testing::source_dir() / "lib/schema/samples/valid/2.1.0/hdon-1-min.xml").string();
  CHECK(hoadon({"validate", "--schema-only", doc}).exit_code == 0);
  const auto r = hoadon({"validate", "--schema-only", "--version", "2.0.0", "--format", "json", doc});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("SCHEMA-UNEXPECTED") != std::string::npos);
  CHECK(hoadon({"validate", "--version", "9.9.9", doc}).exit_code == 2);
}

TEST_CASE("validate: every real sample but 005.xml passes in default mode") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  const auto r = hoadon({"validate", "--schema-only", "--format", "json", "-j", "2", dir->string()});
  CHECK(r.exit_code == 1);  // 005.xml, PBan 1.0.0
  for (const auto& d : parse_ndjson(r.out)) {
    const bool is005 = d["file"].str().ends_with("/005.xml");
    CAPTURE(d["file"].str());
    CHECK(d["ok"].boolean() == !is005);
    if (is005) CHECK(d["diagnostics"][0]["code"].str() == "SCHEMA-VERSION");
  }
}

TEST_CASE("schema --list and --print take the XSDs out of the library") {
  auto r = hoadon({"schema", "--list"});
  CHECK(r.exit_code == 0);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == 89);
  CHECK(r.out.find("hdon-2.1.0-1-strict.xsd\n") != std::string::npos);
  r = hoadon({"schema", "--print", "types.xsd"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == testing::read_file(testing::source_dir() / "lib/schema/xsd/types.xsd"));
  CHECK(hoadon({"schema", "--print", "nope.xsd"}).exit_code == 2);
  CHECK(hoadon({"schema"}).exit_code == 2);
  CHECK(hoadon({"schema", "--list", "--print", "types.xsd"}).exit_code == 2);
}
