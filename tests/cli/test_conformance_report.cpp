// hoadon conformance as a CI job uses it: every report says when, with which hoadon, against
// which suite (version and hash) and which implementation it was made; what does not pass is
// listed most severe first; a baseline of expected failures gates on regressions only; --case
// takes patterns; an adapter that dies of a signal or hangs is reported as such and leaves
// nothing running.
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "support/json.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;

namespace {

std::filesystem::path suite() { return testing::source_dir() / "conformance"; }

struct Row {
  std::string id, area, file, op;
  bool pass;
  std::vector<std::string> files;  // file, then the path options in row order
};

// The manifest's rows, read independently of the runner.
std::vector<Row> rows(const std::filesystem::path& dir = suite()) {
  std::istringstream in(testing::read_file(dir / "manifest.tsv"));
  std::vector<Row> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.starts_with("suite-version") || line.starts_with("id\t")) continue;
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
    REQUIRE(f.size() == 10);
    Row r{f[0], f[1], f[2], f[3], f[5] == "pass", {f[2]}};
    std::istringstream options(f[4]);
    for (std::string kv; options >> kv;) {
      const auto key = kv.substr(0, kv.find('='));
      if (key == "trust" || key == "intermediate" || key == "crl" || key == "tax-authority")
        r.files.push_back(kv.substr(kv.find('=') + 1));
    }
    out.push_back(r);
  }
  return out;
}

std::string manifest_version() {
  const auto m = testing::read_file(suite() / "manifest.tsv");
  const auto at = m.find("\nsuite-version\t") + 15;
  return m.substr(at, m.find('\n', at) - at);
}

// The suite's hash as conformance/README.md defines it, with coreutils.
std::string sha256sum_of_suite(const std::filesystem::path& dir) {
  std::string files;
  std::set<std::string> seen;
  for (const auto& r : rows(dir))
    for (const auto& f : r.files)
      if (seen.insert(f).second) files += " " + f;
  const auto r = testing::run(
      {"/bin/sh", "-c", "cd \"$1\" && sha256sum manifest.tsv" + files + " | sha256sum", "sh", dir.string()});
  REQUIRE(r.exit_code == 0);
  return r.out.substr(0, 64);
}

// The hash --list prints in its first line.
std::string listed_hash(const std::filesystem::path& dir) {
  const auto r = hoadon({"conformance", "--suite", dir.string(), "--list", "--case", "parser/empty"});
  REQUIRE(r.exit_code == 0);
  const auto at = r.out.find("sha256 ");
  REQUIRE(at != std::string::npos);
  return r.out.substr(at + 7, 64);
}

std::vector<std::string> listed_ids(const std::vector<std::string>& selection) {
  std::vector<std::string> argv = {"conformance", "--suite", suite().string(), "--list"};
  argv.insert(argv.end(), selection.begin(), selection.end());
  const auto r = hoadon(argv);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> ids;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (!line.starts_with("#")) ids.push_back(line.substr(0, line.find('\t')));
  return ids;
}

// An implementation that gets one case of each severity wrong, and the cases it runs (in
// manifest order: the severities are not).
const std::string kWrong =
    "case \"$CONFORMANCE_ID\" in "
    "rules/mst-seller-checksum) echo "
    "'{\"ok\":false,\"diagnostics\":[{\"code\":\"MST-BUYER\",\"severity\":\"error\"}]}';"
    " exit 1;; "
    "structure/*) exit 1;; parser/*) echo broken >&2; exit 3;; *) exit 0;; esac";
const std::vector<std::string> kWrongCases = {
    "--case", "structure/template-2.0.0-1", "--case", "rules/mst-seller-checksum",
    "--case", "rules/mst-buyer-checksum",   "--case", "parser/empty",
    "--case", "wrapping/moved-into-object", "--case", "wrapping/comment-in-signed-text"};
// Most severe first.
const std::vector<std::pair<std::string, std::string>> kWrongOrder = {
    {"wrapping/moved-into-object", "accepted-forgery"},
    {"rules/mst-buyer-checksum", "accepted-invalid"},
    {"structure/template-2.0.0-1", "rejected-valid"},
    {"parser/empty", "no-answer"},
    {"rules/mst-seller-checksum", "wrong-details"}};

testing::RunResult run_wrong(const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {
      "conformance", "--suite", suite().string(), "--impl", kWrong, "--impl-name", "Wrong Validator 2.0", "-j", "2"};
  argv.insert(argv.end(), kWrongCases.begin(), kWrongCases.end());
  argv.insert(argv.end(), extra.begin(), extra.end());
  return hoadon(argv);
}

// Where each id appears in a report, in the order of kWrongOrder.
void check_order(const std::string& report, std::size_t from = 0) {
  std::size_t last = from;
  for (const auto& [id, severity] : kWrongOrder) {
    const auto at = report.find(id, from);
    CHECK_MESSAGE(at != std::string::npos, id);
    CHECK_MESSAGE(at >= last, id << " comes before a more severe failure");
    last = at;
  }
}

bool is_iso_utc(const std::string& s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Whether the process is gone (or dead, waiting for init to reap it), within a few seconds.
bool gone(pid_t pid) {
  for (int i = 0; i < 100; ++i) {
    std::error_code ec;
    const auto stat = std::filesystem::exists("/proc/" + std::to_string(pid), ec)
                          ? testing::read_file("/proc/" + std::to_string(pid) + "/stat")
                          : std::string();
    const auto close = stat.rfind(')');
    if (stat.empty() || (close != std::string::npos && stat.substr(close + 2, 1) == "Z")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE(
    "conformance: every report carries the date, hoadon's version, the suite's version and hash, the "
    "implementation and the adapter") {
  const auto version = hoadon({"--version"}).out;  // "hoadon 0.1.0 (libhoadon 0.1.0)"
  const auto hoadon_version = version.substr(7, version.find(' ', 7) - 7);
  const auto hash = sha256sum_of_suite(suite());
  const auto j = parse_json(
      hoadon({"conformance", "--suite", suite().string(), "--case", "parser/empty", "--format", "json"}).out);
  CHECK(is_iso_utc(j["date"].str()));
  CHECK(j["hoadon_version"].str() == hoadon_version);
  CHECK(j["suite_version"].str() == manifest_version());
  CHECK(j["suite_sha256"].str() == hash);
  CHECK(j["implementation"].str() == "hoadon " + hoadon_version + " (library)");
  CHECK(j["adapter"].is_null());

  const std::string adapter =
      "HOADON='" + std::string(HOADON_CLI) + "' sh " + (suite() / "adapters/hoadon-cli.sh").string();
  const std::vector<std::string> through_cli = {"conformance", "--suite", suite().string(), "--impl",
                                                adapter,       "--case",  "parser/empty"};
  auto with = [&](std::vector<std::string> extra) {
    auto argv = through_cli;
    argv.insert(argv.end(), extra.begin(), extra.end());
    return hoadon(argv);
  };
  // hoadon-cli.sh answers the identify question with `hoadon --version`.
  const auto cli = parse_json(with({"--format", "json"}).out);
  CHECK(cli["implementation"].str() == version.substr(0, version.size() - 1) + ", command line");
  CHECK(cli["adapter"].str() == adapter);
  CHECK(cli["suite_sha256"].str() == hash);

  const auto text = with({"--impl-name", "Vendor X 4.2"}).out;
  for (const auto& line : {"suite_version   " + manifest_version() + "\n", "suite_sha256    " + hash + "\n",
                           std::string("implementation  Vendor X 4.2\n"), "adapter         " + adapter + "\n",
                           "hoadon_version  " + hoadon_version + "\n", std::string("date            20")})
    CHECK_MESSAGE(text.find(line) != std::string::npos, line);
  const auto junit = with({"--impl-name", "Vendor X 4.2", "--format", "junit"}).out;
  for (const auto& p : {"<property name=\"suite_sha256\" value=\"" + hash + "\"/>",
                        std::string("<property name=\"implementation\" value=\"Vendor X 4.2\"/>"),
                        "<property name=\"suite_version\" value=\"" + manifest_version() + "\"/>",
                        "<property name=\"hoadon_version\" value=\"" + hoadon_version + "\"/>",
                        std::string("<property name=\"date\" value=\"20")})
    CHECK_MESSAGE(junit.find(p) != std::string::npos, p);
  const auto html = with({"--impl-name", "Vendor <X>", "--format", "html"}).out;
  for (const auto& p : {"<tr data-key=\"suite_sha256\"><th>suite_sha256</th><td><code>" + hash + "</code>",
                        std::string("<tr data-key=\"implementation\"><th>implementation</th><td><code>Vendor "
                                    "&lt;X&gt;</code>"),
                        std::string("<tr data-key=\"date\"><th>date</th><td><code>20"),
                        std::string("<tr data-key=\"adapter\">"), std::string("<tr data-key=\"hoadon_version\">")})
    CHECK_MESSAGE(html.find(p) != std::string::npos, p);
  // Without an answer to identify, the adapter's file name.
  testing::TempDir dir;
  testing::write_file(dir / "my-adapter.sh", "exit 0\n");
  const auto named =
      parse_json(hoadon({"conformance", "--suite", suite().string(), "--impl", "sh " + (dir / "my-adapter.sh").string(),
                         "--case", "parser/empty", "--format", "json"})
                     .out);
  CHECK(named["implementation"].str() == "my-adapter.sh");
}

TEST_CASE(
    "conformance: the suite's hash is sha256sum's over the manifest and its files, and a changed byte changes "
    "it") {
  testing::TempDir dir;
  const auto copy = dir / "suite";
  std::filesystem::copy(suite(), copy, std::filesystem::copy_options::recursive);
  const auto original = listed_hash(suite());
  CHECK(original == sha256sum_of_suite(suite()));
  CHECK(listed_hash(copy) == original);  // where the suite lies does not matter
  CHECK(listed_hash(suite()) == original);

  auto flip_last_byte = [](const std::filesystem::path& p) {
    auto bytes = testing::read_file(p);
    REQUIRE(!bytes.empty());
    bytes.back() = bytes.back() == ' ' ? '\t' : ' ';
    testing::write_file(p, bytes);
  };
  const auto case_file = copy / "cases/wrapping/moved-into-object.xml";
  const auto before = testing::read_file(case_file);
  flip_last_byte(case_file);
  const auto changed = listed_hash(copy);
  CHECK(changed != original);
  CHECK(changed == sha256sum_of_suite(copy));
  testing::write_file(case_file, before);
  CHECK(listed_hash(copy) == original);
  // The trust material a row names counts too, and so does a manifest byte.
  flip_last_byte(copy / "pki/crl.pem");
  CHECK(listed_hash(copy) != original);
  CHECK(listed_hash(copy) == sha256sum_of_suite(copy));
  std::filesystem::copy_file(suite() / "pki/crl.pem", copy / "pki/crl.pem",
                             std::filesystem::copy_options::overwrite_existing);
  auto manifest = testing::read_file(copy / "manifest.tsv");
  manifest.replace(manifest.find("A valid"), 7, "A Valid");
  testing::write_file(copy / "manifest.tsv", manifest);
  CHECK(listed_hash(copy) != original);
  // A file the manifest names that cannot be read: the suite cannot be read (exit 3).
  std::filesystem::remove(case_file);
  const auto missing = hoadon({"conformance", "--suite", copy.string(), "--case", "parser/empty"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("moved-into-object.xml") != std::string::npos);
}

TEST_CASE("conformance: what does not pass is listed most severe first, accepted forgeries first, in every format") {
  const auto json = run_wrong({"--format", "json"});
  CHECK(json.exit_code == 1);
  const auto j = parse_json(json.out);
  REQUIRE(j["failures"].array().size() == kWrongOrder.size());
  for (std::size_t i = 0; i < kWrongOrder.size(); ++i) {
    CHECK(j["failures"][i]["id"].str() == kWrongOrder[i].first);
    CHECK(j["failures"][i]["class"].str() == kWrongOrder[i].second);
  }
  CHECK(j["implementation"].str() == "Wrong Validator 2.0");
  for (const auto& c : j["cases"].array())
    CHECK_MESSAGE(c["class"].str() == (c["status"].str() == "pass" ? "" : c["class"].str()), c["id"].str());
  // cases[] stays in manifest order.
  CHECK(j["cases"][0]["id"].str() == "structure/template-2.0.0-1");

  const auto text = run_wrong({}).out;
  check_order(text, text.find("\n== "));
  CHECK(text.find("\n== Accepted forgeries and hostile input (accepted-forgery): 1 ==\n\nfail [accepted-forgery] "
                  "wrapping/moved-into-object — ") != std::string::npos);
  CHECK(text.find("error [no-answer] parser/empty — ") != std::string::npos);
  CHECK(text.find("mismatch [wrong-details] rules/mst-seller-checksum — ") != std::string::npos);
  const auto html = run_wrong({"--format", "html"}).out;
  check_order(html, html.find("<table id=\"failures\">"));
  CHECK(html.find("data-class=\"accepted-forgery\"") != std::string::npos);
  const auto junit = run_wrong({"--format", "junit"}).out;
  CHECK(junit.find("<failure message=\"[accepted-forgery] verdict pass where fail is expected\" "
                   "type=\"accepted-forgery\">") != std::string::npos);
  CHECK(junit.find("<error message=\"[no-answer] validate: exit status 3: broken\" type=\"no-answer\">") !=
        std::string::npos);
}

TEST_CASE(
    "conformance: with a baseline, known failures are expected, a new one fails the run, a fixed one is "
    "reported") {
  testing::TempDir dir;
  const auto baseline = (dir / "baseline.txt").string();
  // Written from a run: every case that does not pass, most severe first.
  const auto first = run_wrong({"--write-baseline", baseline});
  CHECK(first.exit_code == 1);
  const auto written = testing::read_file(baseline);
  check_order(written);
  CHECK(written.find("\nwrapping/moved-into-object\taccepted-forgery: verdict pass where fail is expected\n") !=
        std::string::npos);
  CHECK(written.find("wrapping/comment-in-signed-text") == std::string::npos);  // it passes
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    CHECK_MESSAGE(entry.path().filename() == "baseline.txt", "left behind: " << entry.path());

  // The same failures: the run passes, and says they are expected.
  const auto same = run_wrong({"--baseline", baseline, "--format", "json"});
  CHECK(same.exit_code == 0);
  const auto j = parse_json(same.out);
  CHECK(j["baseline"].str() == baseline);
  CHECK(j["baseline_result"]["expected_failures"].number() == 5);
  CHECK(j["baseline_result"]["new_failures"].number() == 0);
  for (const auto& f : j["failures"].array()) CHECK(f["expected_failure"].boolean());
  const auto text = run_wrong({"--baseline", baseline}).out;
  CHECK(text.find("expected failure [accepted-forgery] wrapping/moved-into-object — ") != std::string::npos);
  CHECK(text.find("0 new failures, 5 expected failures (baseline), 0 unexpectedly passing\n") != std::string::npos);
  const auto junit = run_wrong({"--baseline", baseline, "--format", "junit"}).out;
  CHECK(junit.find("failures=\"0\" errors=\"0\" skipped=\"5\"") != std::string::npos);

  // A hand-written baseline: comments, blank lines, spaces; one failure missing (new), one
  // entry for a case that passes (fixed), one for a case that is not in the suite.
  testing::write_file(baseline,
                      "# known problems of Wrong Validator 2.0\n\n"
                      "wrapping/moved-into-object   ticket 12: we do not check where the data is\n"
                      "rules/mst-buyer-checksum\tticket 13\n"
                      "structure/template-2.0.0-1\tticket 14\n"
                      "parser/empty\tticket 15\r\n"
                      "wrapping/comment-in-signed-text\tticket 16\n"
                      "wrapping/no-such-case\tticket 17\n");
  const auto regress = run_wrong({"--baseline", baseline});
  CHECK(regress.exit_code == 1);
  CHECK(regress.out.find("\nmismatch [wrong-details] rules/mst-seller-checksum — ") != std::string::npos);
  CHECK(regress.out.find("expected failure [no-answer] parser/empty — ") != std::string::npos);
  CHECK(regress.out.find("  baseline: ticket 15\n") != std::string::npos);
  CHECK(regress.out.find("== Unexpectedly passing — remove from baseline: 1 ==\nwrapping/comment-in-signed-text\t"
                         "ticket 16\n") != std::string::npos);
  CHECK(regress.out.find("wrapping/no-such-case\tticket 17") != std::string::npos);
  CHECK(regress.out.find("1 new failures, 4 expected failures (baseline), 1 unexpectedly passing\n") !=
        std::string::npos);
  const auto rj = parse_json(run_wrong({"--baseline", baseline, "--format", "json"}).out);
  CHECK(rj["baseline_result"]["unexpected_passes"][0]["id"].str() == "wrapping/comment-in-signed-text");
  CHECK(rj["baseline_result"]["unknown"][0]["id"].str() == "wrapping/no-such-case");
  // Rewritten, the baseline keeps the reasons people wrote and gains the new failure.
  const auto rewritten = (dir / "rewritten.txt").string();
  run_wrong({"--baseline", baseline, "--write-baseline", rewritten});
  const auto r = testing::read_file(rewritten);
  CHECK(r.find("\nwrapping/moved-into-object\tticket 12: we do not check where the data is\n") != std::string::npos);
  CHECK(r.find("\nrules/mst-seller-checksum\twrong-details: MST-SELLER is not reported\n") != std::string::npos);
  CHECK(r.find("comment-in-signed-text") == std::string::npos);
  CHECK(run_wrong({"--baseline", rewritten}).exit_code == 0);

  // A case listed twice, or an unreadable baseline: exit 3, nothing run.
  testing::write_file(baseline, "parser/empty a\nparser/empty b\n");
  const auto twice = run_wrong({"--baseline", baseline});
  CHECK(twice.exit_code == 3);
  CHECK(twice.err.find(":2: parser/empty is listed twice") != std::string::npos);
  CHECK(run_wrong({"--baseline", (dir / "absent").string()}).exit_code == 3);
}

TEST_CASE(
    "conformance: --case takes patterns matched against ids and files, and one that matches nothing is an "
    "error") {
  std::vector<std::string> wrapping, ts24, parser_files;
  for (const auto& r : rows()) {
    if (r.area == "wrapping") wrapping.push_back(r.id);
    if (r.id.find("ts24") != std::string::npos || r.file.find("ts24") != std::string::npos) ts24.push_back(r.id);
    if (r.file.starts_with("cases/parser/") && r.file.ends_with(".xml")) parser_files.push_back(r.id);
  }
  REQUIRE(!wrapping.empty());
  REQUIRE(!ts24.empty());
  CHECK(listed_ids({"--case", "wrapping/*"}) == wrapping);
  CHECK(listed_ids({"--case", "*ts24*"}) == ts24);
  CHECK(listed_ids({"--case", "cases/parser/*.xml"}) == parser_files);
  auto both = ts24;
  both.insert(both.begin(), wrapping.begin(), wrapping.end());
  std::sort(both.begin(), both.end());
  auto listed = listed_ids({"--case", "*ts24*", "--case", "wrapping/*"});
  std::sort(listed.begin(), listed.end());
  CHECK(listed == both);
  CHECK(listed_ids({"--case", "signatures/shape-ts2?"}) == std::vector<std::string>{"signatures/shape-ts24"});
  CHECK(listed_ids({"--area", "signatures", "--case", "*-ts24*"}) == ts24);

  const auto none = hoadon({"conformance", "--suite", suite().string(), "--case", "wrapping/*", "--case", "wraping/*"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("--case 'wraping/*' matches no case of the suite") != std::string::npos);
  const auto disjoint =
      hoadon({"conformance", "--suite", suite().string(), "--area", "parser", "--case", "wrapping/*"});
  CHECK(disjoint.exit_code == 2);
  CHECK(disjoint.err.find("no case matches both --area and --case") != std::string::npos);
  CHECK(hoadon({"conformance", "--suite", suite().string(), "--area", "nowhere"}).exit_code == 2);
  // A run of the selection passes through the library.
  const auto r = hoadon({"conformance", "--suite", suite().string(), "--case", "*ts24*", "--format", "json"});
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out)["totals"]["cases"].number() == static_cast<double>(ts24.size()));
}

TEST_CASE(
    "conformance: an adapter killed by a signal is reported with its signal, and a hung one is killed with "
    "everything it started") {
  testing::TempDir dir;
  testing::write_file(dir / "suicide.sh", "echo dying >&2\nkill -9 $$\n");
  const auto killed =
      hoadon({"conformance", "--suite", suite().string(), "--impl", "sh " + (dir / "suicide.sh").string(), "--case",
              "parser/empty", "--case", "wrapping/moved-into-object", "--format", "json"});
  CHECK(killed.exit_code == 1);
  const auto j = parse_json(killed.out);
  for (const auto& c : j["cases"].array()) {
    CHECK(c["status"].str() == "error");
    CHECK(c["class"].str() == "no-answer");
    CHECK(c["signal"].number() == SIGKILL);
  }
  REQUIRE(j["cases"].array().size() == 2);  // in manifest order: wrapping comes before parser
  CHECK(j["cases"][0]["problems"][0].str() == "verify: adapter killed by signal 9 (SIGKILL)");
  CHECK(j["cases"][1]["problems"][0].str() == "validate: adapter killed by signal 9 (SIGKILL)");
  CHECK(j["cases"][1]["problems"][1].str() == "verify: adapter killed by signal 9 (SIGKILL)");
  // Killed directly (the shell itself) and by another signal.
  const auto term = hoadon({"conformance", "--suite", suite().string(), "--impl", "kill -s TERM $$", "--case",
                            "parser/empty", "--format", "json"});
  CHECK(parse_json(term.out)["cases"][0]["problems"][0].str() == "validate: adapter killed by signal 15 (SIGTERM)");

  // Hung after closing its output, with a child of its own: both killed at the timeout.
  const auto pid_file = (dir / "child.pid").string();
  const auto hung = hoadon({"conformance", "--suite", suite().string(), "--impl",
                            "sleep 60 & echo $! > '" + pid_file + "'; exec >/dev/null 2>&1; wait", "--impl-name",
                            "hung", "--timeout", "1", "--case", "parser/empty", "--format", "json"});
  CHECK(hung.exit_code == 1);
  const auto h = parse_json(hung.out)["cases"][0];
  CHECK(h["problems"][0].str() == "validate: no answer within 1 s: adapter killed by signal 9 (SIGKILL)");
  CHECK(h["signal"].number() == SIGKILL);
  const auto child = std::stoi(testing::read_file(pid_file));
  CHECK(gone(child));
}

TEST_CASE("conformance: interrupted, the runner kills the adapters it started") {
  testing::TempDir dir;
  const auto pid_file = (dir / "adapter.pid").string();
  // The runner in the background, terminated once its adapter runs (readiness only, bounded).
  const std::string script =
      "\"$1\" conformance --suite \"$2\" --impl \"echo \\$\\$ > '$3'; exec sleep 60\" --impl-name slow --case "
      "parser/empty & runner=$!\n"
      "i=0; while [ ! -s \"$3\" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n"
      "kill -TERM $runner; wait $runner; echo \"runner $?\"\n";
  const auto r = testing::run({"/bin/sh", "-c", script, "sh", HOADON_CLI, suite().string(), pid_file});
  CHECK(r.out == "runner 143\n");  // it died of SIGTERM, as it was asked to
  REQUIRE(std::filesystem::exists(pid_file));
  CHECK(gone(std::stoi(testing::read_file(pid_file))));
}
