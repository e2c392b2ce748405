// hoadon conformance as integrators run it: the runner must tell an implementation that
// conforms from one that does not, for the right reasons, in every report format. (That the
// whole suite passes against hoadon is ctest's "conformance: …" tests.)
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "support/json.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;

namespace {

std::string suite() { return (testing::source_dir() / "conformance").string(); }

struct Row {
  std::string id, op;
  bool pass;
};

// The manifest's rows, read independently of the runner.
std::vector<Row> rows() {
  std::istringstream in(testing::read_file(testing::source_dir() / "conformance/manifest.tsv"));
  std::vector<Row> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("suite-version") || line.starts_with("id\t")) continue;
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
    REQUIRE(f.size() == 10);
    out.push_back({f[0], f[3], f[5] == "pass"});
  }
  return out;
}

std::size_t count(bool pass) {
  std::size_t n = 0;
  for (const auto& r : rows()) n += r.pass == pass;
  return n;
}

const testing::Json& case_of(const testing::Json& report, const std::string& id) {
  for (const auto& c : report["cases"].array())
    if (c["id"].str() == id) return c;
  FAIL("no case " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("conformance: the suite covers every area with at least 150 cases described in both languages") {
  const auto r = hoadon({"conformance", "--suite", suite(), "--format", "json"});
  CHECK(r.exit_code == 0);
  const auto j = parse_json(r.out);
  CHECK(j["suite_version"].str() == "1.1.0");
  CHECK(j["totals"]["cases"].number() >= 150);
  CHECK(j["totals"]["cases"].number() == static_cast<double>(rows().size()));
  std::set<std::string> areas;
  for (const auto& a : j["areas"].array()) areas.insert(a["area"].str());
  CHECK(areas ==
        std::set<std::string>{"certificates", "envelopes", "parser", "rules", "signatures", "structure", "wrapping"});
  for (const auto& c : j["cases"].array()) {
    CHECK_MESSAGE(!c["description"].str().empty(), c["id"].str());
    CHECK_MESSAGE(!c["description_vi"].str().empty(), c["id"].str());
  }
}

TEST_CASE("conformance: a validator that accepts everything fails exactly the cases that must fail") {
  const auto r = hoadon({"conformance", "--suite", suite(), "--impl", "exit 0", "--format", "json"});
  CHECK(r.exit_code == 1);
  const auto j = parse_json(r.out);
  CHECK(j["totals"]["pass"].number() == static_cast<double>(count(true)));
  CHECK(j["totals"]["fail"].number() == static_cast<double>(count(false)));
  const auto& expired = case_of(j, "certificates/expired");
  CHECK(expired["status"].str() == "fail");
  CHECK(expired["actual"].str() == "pass");
  CHECK(expired["expected"].str() == "fail · NBan=invalid/expired · PKI-EXPIRED");
}

TEST_CASE("conformance: a validator that rejects everything fails exactly the cases that must pass") {
  const auto r = hoadon({"conformance", "--suite", suite(), "--impl", "exit 1", "--format", "json"});
  CHECK(r.exit_code == 1);
  const auto j = parse_json(r.out);
  CHECK(j["totals"]["fail"].number() == static_cast<double>(count(true)));
  CHECK(j["totals"]["pass"].number() == static_cast<double>(count(false)));
}

TEST_CASE("conformance: no answer is an error and never a verdict") {
  const auto crash = hoadon(
      {"conformance", "--suite", suite(), "--impl", "echo boom >&2; exit 3", "--area", "parser", "--format", "json"});
  CHECK(crash.exit_code == 1);
  const auto j = parse_json(crash.out);
  CHECK(j["totals"]["error"].number() == j["totals"]["cases"].number());
  CHECK(j["cases"][0]["problems"][0].str().find("exit status 3: boom") != std::string::npos);
  const auto slow = hoadon({"conformance", "--suite", suite(), "--impl", "sleep 30", "--timeout", "1", "--case",
                            "parser/empty", "--format", "json"});
  const auto s = parse_json(slow.out);
  CHECK(s["cases"][0]["status"].str() == "error");
  CHECK(s["cases"][0]["problems"][0].str().find("no answer within 1 s") != std::string::npos);
}

TEST_CASE("conformance: the right verdict for the wrong reason is a mismatch unless only verdicts are graded") {
  // Refuses the seller's bad check digit, but says it is the buyer's.
  const std::string impl =
      "echo '{\"ok\":false,\"diagnostics\":[{\"code\":\"MST-BUYER\",\"severity\":\"error\"}]}'; exit 1";
  const auto r = hoadon(
      {"conformance", "--suite", suite(), "--impl", impl, "--case", "rules/mst-seller-checksum", "--format", "json"});
  CHECK(r.exit_code == 1);
  const auto c = parse_json(r.out)["cases"][0];
  CHECK(c["status"].str() == "mismatch");
  CHECK(c["problems"][0].str() == "MST-SELLER is not reported");
  CHECK(c["problems"][1].str() == "unexpected error MST-BUYER");
  const auto lenient = hoadon(
      {"conformance", "--suite", suite(), "--impl", impl, "--case", "rules/mst-seller-checksum", "--verdict-only"});
  CHECK(lenient.exit_code == 0);
  // A signature outcome other than the expected one is a mismatch too.
  const std::string sig =
      "echo '{\"ok\":false,\"diagnostics\":[{\"code\":\"PKI-EXPIRED\",\"severity\":\"error\"}],"
      "\"signatures\":[{\"slot\":\"NBan\",\"outcome\":\"invalid\",\"reason\":\"revoked\"}]}'; exit 1";
  const auto v =
      hoadon({"conformance", "--suite", suite(), "--impl", sig, "--case", "certificates/expired", "--format", "json"});
  const auto e = parse_json(v.out)["cases"][0];
  CHECK(e["status"].str() == "mismatch");
  CHECK(e["problems"][0].str() == "signature 1: NBan=invalid/revoked where NBan=invalid/expired is expected");
}

TEST_CASE("conformance: the command template receives the case through placeholders and the environment") {
  testing::TempDir dir;
  const auto log = (dir / "calls.log").string();
  const std::string impl =
      "printf '%s|%s|%s|%s|%s|%s\\n' {id} {op} {file} {trust} {at} \"$CONFORMANCE_POLICY\" >> '" + log + "'; exit 0";
  const auto r = hoadon({"conformance", "--suite", suite(), "--impl", impl, "--case", "signatures/shape-bkav-strict",
                         "--case", "rules/sig-draft", "-j", "1"});
  CHECK(r.exit_code == 1);  // the strict BKAV case must fail
  const auto calls = testing::read_file(log);
  const auto root = testing::source_dir() / "conformance";
  CHECK(calls.find("rules/sig-draft|validate|" + (root / "cases/rules/sig-draft.xml").string() + "|||default\n") !=
        std::string::npos);
  CHECK(calls.find("signatures/shape-bkav-strict|verify|" + (root / "cases/signatures/shape-bkav.xml").string() + "|" +
                   (root / "pki/root.pem").string() + "|2026-11-25T10:00:00+07:00|strict\n") != std::string::npos);
}

TEST_CASE("conformance: JUnit and text reports count what the JSON counts and --output writes the file") {
  testing::TempDir dir;
  const auto junit = (dir / "junit.xml").string();
  const auto r = hoadon({"conformance", "--suite", suite(), "--impl", "exit 0", "--area", "certificates", "--format",
                         "junit", "--output", junit});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const auto x = testing::read_file(junit);
  const auto j = parse_json(
      hoadon({"conformance", "--suite", suite(), "--impl", "exit 0", "--area", "certificates", "--format", "json"})
          .out);
  const auto cases = static_cast<std::size_t>(j["totals"]["cases"].number());
  const auto failures = static_cast<std::size_t>(j["totals"]["fail"].number());
  CHECK(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
  CHECK(x.find("tests=\"" + std::to_string(cases) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\"") !=
        std::string::npos);
  std::size_t testcases = 0, failure_tags = 0;
  for (auto p = x.find("<testcase "); p != std::string::npos; p = x.find("<testcase ", p + 1)) ++testcases;
  for (auto p = x.find("<failure "); p != std::string::npos; p = x.find("<failure ", p + 1)) ++failure_tags;
  CHECK(testcases == cases);
  CHECK(failure_tags == failures);
  const auto text = hoadon({"conformance", "--suite", suite(), "--impl", "exit 0", "--area", "certificates"}).out;
  CHECK(text.find("\n" + std::to_string(cases - failures) + " passed, " + std::to_string(failures) + " failed\n") !=
        std::string::npos);
  CHECK(
      text.find(
          "fail [accepted-forgery] certificates/expired — A certificate that expired on 2025-12-31\n  expected: fail · "
          "NBan=invalid/expired · PKI-EXPIRED\n  actual:   pass\n") != std::string::npos);
}

TEST_CASE("conformance: a case whose expectation is wrong fails against hoadon and a broken manifest is refused") {
  testing::TempDir dir;
  std::filesystem::copy(suite(), dir.path(), std::filesystem::copy_options::recursive);
  auto manifest = testing::read_file(dir / "manifest.tsv");
  const std::string row = "certificates/revoked\tcertificates\tcases/certificates/revoked.xml\tverify\t";
  const auto at = manifest.find(row);
  REQUIRE(at != std::string::npos);
  const auto expect = manifest.find("\tfail\t", at);
  manifest.replace(expect, 6, "\tpass\t");
  testing::write_file(dir / "manifest.tsv", manifest);
  const auto r = hoadon({"conformance", "--suite", dir.path().string(), "--area", "certificates"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("fail [rejected-valid] certificates/revoked") != std::string::npos);

  testing::write_file(dir / "manifest.tsv", "suite-version\t1.0.0\nid\tarea\n");
  const auto broken = hoadon({"conformance", "--suite", dir.path().string()});
  CHECK(broken.exit_code == 3);
  CHECK(broken.err.find("manifest.tsv:2: expected the header line") != std::string::npos);
  CHECK(hoadon({"conformance", "--suite", (dir / "nowhere").string()}).exit_code == 3);
  CHECK(hoadon({"conformance", "--suite", suite(), "--case", "no/such-case"}).exit_code == 2);
}

TEST_CASE("conformance: --help documents every placeholder") {
  const auto r = hoadon({"conformance", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* p :
       {"{file}", "{op}", "{trust}", "{at}", "{time}", "{now}", "{strict}", "{policy}", "{stage}", "{integrity_only}"})
    CHECK_MESSAGE(r.out.find(std::string("  ") + p) != std::string::npos, p);
  CHECK(r.out.find("{tax_code_check}  no to skip the signer's tax-code check, else empty\n") != std::string::npos);
}
