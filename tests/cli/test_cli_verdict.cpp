// Verdicts for people: what `hoadon verify` and `hoadon validate` print by default — short, in
// plain words, problems first, cosmetics counted — and that no real problem is lost on the way.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"
#include "verify_fixture.hpp"

using testing::hoadon;
namespace tp = testing::pki;

namespace {

// The verification fixture; verify(extra) is its args(extra).
struct Fixture : testing::VerifyFixture {
  std::vector<std::string> verify(std::vector<std::string> extra) const { return args(std::move(extra)); }
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::vector<std::string> sample_paths() {
  std::vector<std::string> out;
  for (const auto& s : testing::manifest()) out.push_back(s.path.string());
  return out;
}

}  // namespace

TEST_CASE("verdict: a valid invoice is one line for the document and one for its signature") {
  Fixture f;
  const auto r = hoadon(f.verify({"--lang", "en", f.good}));
  CHECK(r.exit_code == 0);
  const auto l = lines(r.out);
  REQUIRE(l.size() >= 2);
  CHECK(l[0].starts_with(f.good + ": VALID — invoice "));
  CHECK(has(l[0], "; 1 signature"));
  CHECK(l[1].starts_with("  ✓ Seller's signature: valid; signed "));
  CHECK(has(l[1], " by "));
}

TEST_CASE("verdict: the reason is said in words, the problem first") {
  Fixture f;
  const auto r = hoadon(f.verify({"--lang", "en", f.good, f.expired, f.tampered}));
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, f.expired + ": INVALID — "));
  CHECK(has(r.out, "✗ Seller's signature: INVALID — the certificate had expired"));
  CHECK(has(r.out, f.tampered + ": INVALID — "));
  CHECK(has(r.out, "✗ Seller's signature: INVALID — the signed content was changed after signing"));
}

TEST_CASE("verdict: without trust anchors an intact signature is not confirmed, and says why") {
  Fixture f;
  const auto r = hoadon({"verify", "--lang", "en", f.good});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, f.good + ": NOT CONFIRMED — "));
  CHECK(
      has(r.out, "? Seller's signature: intact but not confirmed — the certificate's issuer is not one hoadon trusts"));
  // The untrusted error is what the signature line says: it is counted, not repeated.
  CHECK_FALSE(has(r.out, "PKI-UNTRUSTED"));
  CHECK(has(r.out, "detail of the lines above"));
  const auto v = hoadon({"verify", "--lang", "en", "--verbose", f.good});
  CHECK(has(v.out, "PKI-UNTRUSTED"));
  CHECK(has(v.out, "algorithm: rsa-sha256"));
}

TEST_CASE("verdict: --integrity-only says intact, trust not checked") {
  Fixture f;
  const auto r = hoadon({"verify", "--lang", "en", "--integrity-only", f.good});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, f.good + ": INTACT — "));
  CHECK(has(r.out, "~ Seller's signature: intact, trust not checked"));
}

TEST_CASE("verdict: Vietnamese with --lang vi or a Vietnamese LANG, every word") {
  Fixture f;
  for (const bool by_env : {false, true}) {
    CAPTURE(by_env);
    auto args = f.verify({f.good, f.expired});
    if (!by_env) args.insert(args.begin() + 1, {"--lang", "vi"});
    std::vector<std::string> argv = {"/usr/bin/env", "LC_ALL=", "LC_MESSAGES=", "LANG=vi_VN.UTF-8", HOADON_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = testing::run(argv);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, f.good + ": HỢP LỆ — hóa đơn "));
    CHECK(has(r.out, "✓ Chữ ký người bán: hợp lệ; ký lúc "));
    CHECK(has(r.out, ", bởi "));
    CHECK(has(r.out, f.expired + ": KHÔNG HỢP LỆ — "));
    CHECK(has(r.out, "✗ Chữ ký người bán: KHÔNG HỢP LỆ — chứng thư số đã hết hạn"));
    for (const char* english : {"signature", "signed", "invoice", "error", "warning", "VALID", " by ", "not shown"})
      CHECK_MESSAGE(!has(r.out, english), english);
  }
  // An English locale stays English.
  const auto en = testing::run({"/usr/bin/env", "LC_ALL=", "LC_MESSAGES=", "LANG=en_US.UTF-8", HOADON_CLI, "verify",
                                f.trust[0], f.trust[1], f.trust[2], f.trust[3], f.good});
  CHECK(has(en.out, ": VALID — invoice"));
}

TEST_CASE("verdict: --summary prints a table row per document and the count of each verdict") {
  Fixture f;
  const auto r = hoadon(f.verify({"--lang", "en", "--summary", f.good, f.expired, f.tampered}));
  CHECK(r.exit_code == 1);
  const auto l = lines(r.out);
  REQUIRE(l.size() == 5);
  CHECK(l[0].starts_with("VERDICT"));
  CHECK(l[1].starts_with("VALID "));
  CHECK(has(l[1], "[NBan:✓]"));
  CHECK(l[2].starts_with("INVALID "));
  CHECK(has(l[2], "[NBan:✗]"));
  CHECK(l[4] == "3 documents: 2 INVALID, 1 VALID");
  const auto vi = hoadon(f.verify({"--lang", "vi", "--summary", f.good}));
  CHECK(has(vi.out, "1 tài liệu: 1 HỢP LỆ"));
}

TEST_CASE("verdict: a path that yields no document is an error — a PDF or a ZIP says what it is") {
  testing::TempDir dir;
  std::filesystem::create_directory(dir / "empty");
  const auto r = hoadon({"validate", (dir / "empty").string()});
  CHECK(r.exit_code == 3);
  CHECK(has(r.out + r.err, "no XML or ZIP found"));

  testing::write_file(dir / "invoice.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");
  testing::write_file(dir / "portal.zip", std::string("PK\x03\x04\x14\x00\x00\x00", 8));
  const auto pdf = hoadon({"validate", "--lang", "en", (dir / "invoice.pdf").string()});
  CHECK(pdf.exit_code == 1);
  CHECK(has(pdf.out, "XML-OTHER-FORMAT"));
  CHECK(has(pdf.out, "The input is a PDF document, not XML"));
  const auto zip = hoadon({"verify", "--lang", "vi", (dir / "portal.zip").string()});
  CHECK(zip.exit_code == 1);
  CHECK(has(zip.out, "ZIP-CORRUPT"));
  CHECK(has(zip.out, "Không đọc được tệp nén"));
}

TEST_CASE("verdict: on the real samples, cosmetics fold and no problem is lost") {
  const auto paths = sample_paths();
  SKIP_UNLESS(!paths.empty(), "the real samples are absent");
  for (const char* command : {"validate", "verify"}) {
    CAPTURE(command);
    std::vector<std::string> base = {command, "--lang", "en"};
    base.insert(base.end(), paths.begin(), paths.end());
    auto verbose_args = base;
    verbose_args.push_back("--verbose");
    auto json_args = base;
    json_args.insert(json_args.end(), {"--format", "json"});
    const auto brief = hoadon(base), verbose = hoadon(verbose_args), json = hoadon(json_args);
    CHECK(brief.exit_code == verbose.exit_code);
    MESSAGE(std::string(command) << ": " << lines(brief.out).size() << " lines by default, "
                                 << lines(verbose.out).size() << " with --verbose");
    CHECK(lines(brief.out).size() * 2 < lines(verbose.out).size());
    CHECK_FALSE(has(brief.out, "SCHEMA-DEV-EMPTY"));
    CHECK(has(brief.out, "vendor cosmetic"));
    // Every error of every document is either listed or said by an invalid signature's line.
    const auto docs = testing::parse_ndjson(json.out);
    REQUIRE(docs.size() == paths.size());
    std::size_t invalid_signatures = 0;
    for (const auto& d : docs) {
      if (std::string(command) == "validate")  // a validation folds no error
        for (const auto& diag : d["diagnostics"].array())
          if (diag["severity"].str() == "error")
            CHECK_MESSAGE(has(brief.out, diag["code"].str()), d["file"].str() << " " << diag["code"].str());
      if (d.has("signatures"))
        for (const auto& s : d["signatures"].array()) invalid_signatures += s["outcome"].str() == "invalid";
    }
    std::size_t crosses = 0;
    for (const auto& l : lines(brief.out)) crosses += l.starts_with("  ✗ ");
    CHECK(crosses == invalid_signatures);
  }
}
