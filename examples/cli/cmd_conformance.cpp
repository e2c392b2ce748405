// hoadon conformance: the conformance suite against hoadon or another implementation.
#include <fmt/format.h>
#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

#include "cli.hpp"
#include "conformance.hpp"

namespace cli {
namespace {

namespace cf = conformance;

// The help's details (CommandSpec holds views: the text must outlive it).
const std::string& details() {
  static const std::string text =
      "Each case of the suite (a document, the operation to run, its options and the expected outcome) runs\n"
      "through hoadon's library, or with --impl through COMMAND, a shell command template run once per case\n"
      "and operation. COMMAND answers by its exit status (0 the document passes, 1 it fails) and may print\n"
      "hoadon's JSON (ok, diagnostics[].code and .severity, signatures[].slot, .outcome and .reason): then\n"
      "codes and signature outcomes are graded too. Placeholders, replaced by shell-quoted values (and\n"
      "also set in the environment as CONFORMANCE_<NAME>):\n" +
      cf::placeholder_help() +
      "With {op} = identify (every other placeholder empty) COMMAND may print the implementation's name on\n"
      "one line and exit 0; else the report names the adapter's file (or --impl-name). Each answer has\n"
      "--timeout seconds; then COMMAND's process group is killed (so is whatever it left running).\n"
      "A case passes (pass), gives the wrong verdict (fail), the right verdict with other details\n"
      "(mismatch), or no answer (error: exit status, crash, signal, timeout). Cases that do not pass are\n"
      "listed most severe first: accepted-forgery, accepted-invalid, rejected-valid, no-answer,\n"
      "wrong-details. Exit status 0 when every case passes, 1 otherwise; with --baseline, 0 when every\n"
      "case that does not pass is listed there (listed cases that pass are reported, to be removed).\n"
      "--case takes shell patterns (fnmatch: '*' also matches '/') matched against the case id and its\n"
      "file, e.g. 'wrapping/*' or '*ts24*'; a pattern that matches no case is an error.\n"
      "The suite is found next to the installed binary (../share/hoadon/conformance) unless --suite.";
  return text;
}

CommandSpec spec() {
  return {"conformance",
          "[options]",
          "Run the conformance suite against hoadon or against another implementation, and report.",
          details(),
          {{"--suite", "DIR", "the suite's folder (with manifest.tsv); default: the installed suite"},
           {"--impl", "COMMAND", "grade another implementation through this command template"},
           {"--format", "text|json|junit|html", "report format (default text)"},
           {"--output", "FILE", "write the report to FILE instead of standard output"},
           {"--area", "AREA", "run only the cases of this area (repeatable)", true},
           {"--case", "GLOB", "run only the cases whose id or file matches (repeatable), e.g. 'wrapping/*'", true},
           {"--list", "", "list the selected cases (after the suite's version and hash) and exit"},
           {"--impl-name", "NAME", "with --impl: the implementation's name in the report"},
           {"--baseline", "FILE", "expected failures: one case id and reason per line; only new failures fail"},
           {"--write-baseline", "FILE", "write the cases that do not pass as a baseline (atomically)"},
           {"--verdict-only", "", "grade the verdict only, not codes and signature outcomes"},
           {"--timeout", "SECONDS", "with --impl: longest wait for one answer, then its process group is killed (60)"},
           {"-j|--jobs", "N", "run N cases in parallel (default: the number of processors)"},
           {"-h|--help", "", "show this help"}}};
}

// The installed suite: <prefix>/share/hoadon/conformance for a binary in <prefix>/bin (as the
// build's install directories place them), found from the binary's own path so that the
// installed tree stays relocatable.
std::filesystem::path installed_suite() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (exe.parent_path() / HOADON_CONFORMANCE_FROM_BIN).lexically_normal();
}

// The cases of the selected areas that match one of the patterns (all when none is given). A
// pattern that matches no case of the suite is a usage error: a typo must not select nothing.
std::vector<const cf::Case*> select_cases(const cf::Manifest& m, const std::vector<std::string>& areas,
                                          const std::vector<std::string>& patterns) {
  auto matches = [](const std::string& pattern, const cf::Case& c) {
    return fnmatch(pattern.c_str(), c.id.c_str(), 0) == 0 || fnmatch(pattern.c_str(), c.file.c_str(), 0) == 0;
  };
  for (const auto& p : patterns)
    if (std::none_of(m.cases.begin(), m.cases.end(), [&](const cf::Case& c) { return matches(p, c); }))
      throw UsageError(
          fmt::format("--case '{}' matches no case of the suite (ids look like wrapping/duplicate-id; "
                      "--list lists them)",
                      p));
  for (const auto& a : areas)
    if (std::none_of(m.cases.begin(), m.cases.end(), [&](const cf::Case& c) { return c.area == a; }))
      throw UsageError(fmt::format("--area '{}' is not an area of the suite", a));
  std::vector<const cf::Case*> out;
  for (const auto& c : m.cases)
    if ((areas.empty() || std::find(areas.begin(), areas.end(), c.area) != areas.end()) &&
        (patterns.empty() ||
         std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return matches(p, c); })))
      out.push_back(&c);
  if (out.empty()) throw UsageError("no case matches both --area and --case");
  return out;
}

// Writes a report or a baseline atomically (whole or absent, no temporary file left).
bool write_file(const std::string& path, const std::string& bytes) {
  if (hoadon_file_write(path.c_str(), bytes.data(), bytes.size(), 0) == HOADON_OK) return true;
  std::fprintf(stderr, "hoadon conformance: cannot write %s: %s\n", path.c_str(), hoadon_last_error());
  return false;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

cf::Run run_cases(const cf::Manifest& m, cf::Implementation& impl, const std::vector<const cf::Case*>& cases,
                  bool verdict_only, unsigned jobs) {
  cf::Run run;
  run.manifest = &m;
  run.implementation = impl.name();
  run.adapter = impl.command();
  run.date = utc_now();
  run.hoadon_version = hoadon_version();
  run.results.resize(cases.size());
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < cases.size(); i = next++) {
      const auto& c = *cases[i];
      const auto t0 = std::chrono::steady_clock::now();
      std::vector<std::pair<std::string, cf::Answer>> answers;
      for (const char* op : {"validate", "verify"})
        if ((std::string(op) == "validate" && c.validates()) || (std::string(op) == "verify" && c.verifies()))
          answers.emplace_back(op, impl.run(m, c, op));
      run.results[i] = cf::grade(c, answers, verdict_only);
      run.results[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace

int cmd_conformance(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (!args.positional().empty()) throw UsageError("conformance takes no PATH (use --suite DIR)");
  const auto format = args.choice("--format", {"text", "json", "junit", "html"}, "text");
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const auto jobs = static_cast<unsigned>(args.number("--jobs", hw, 1, 256));
  const auto timeout = static_cast<unsigned>(args.number("--timeout", 60, 1, 86400));
  const auto suite = args.has("--suite") ? std::filesystem::path(*args.get("--suite")) : installed_suite();

  cf::Manifest manifest;
  try {
    manifest = cf::read_manifest(suite);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hoadon conformance: %s%s\n", e.what(),
                 args.has("--suite") ? "" : " (no installed suite: install hoadon-conformance, or use --suite DIR)");
    return kExitIo;
  }
  const auto cases = select_cases(manifest, args.all("--area"), args.all("--case"));
  std::string suite_hash;
  try {
    suite_hash = cf::suite_sha256(manifest);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hoadon conformance: %s\n", e.what());
    return kExitIo;
  }
  if (args.has("--list")) {
    std::string out = fmt::format("# hoadon conformance suite {}, sha256 {}: {} of {} cases\n", manifest.version,
                                  suite_hash, cases.size(), manifest.cases.size());
    for (const auto* c : cases) out += c->id + "\t" + c->file + "\n";
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  std::optional<cf::Baseline> baseline;
  if (const auto file = args.get("--baseline")) {
    try {
      baseline = cf::read_baseline(*file);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "hoadon conformance: %s\n", e.what());
      return kExitIo;
    }
  }
  if (args.has("--impl-name") && !args.has("--impl")) throw UsageError("--impl-name needs --impl");
  if (args.has("--impl") && args.get("--impl")->find_first_not_of(" \t\n") == std::string::npos)
    throw UsageError("--impl needs a command");

  const auto impl = args.has("--impl")
                        ? cf::command_implementation(*args.get("--impl"), timeout, args.get_or("--impl-name", ""))
                        : cf::library_implementation();
  auto run = run_cases(manifest, *impl, cases, args.has("--verdict-only"), jobs);
  run.suite_sha256 = suite_hash;
  if (baseline) cf::apply_baseline(run, *baseline);
  const std::string report = format == "json"    ? cf::report_json(run)
                             : format == "junit" ? cf::report_junit(run)
                             : format == "html"  ? cf::report_html(run)
                                                 : cf::report_text(run);
  if (const auto output = args.get("--output")) {
    if (!write_file(*output, report)) return kExitIo;
  } else {
    std::fputs(report.c_str(), stdout);
  }
  if (const auto file = args.get("--write-baseline"))
    if (!write_file(*file, cf::baseline_text(run, baseline ? &*baseline : nullptr))) return kExitIo;
  if (baseline) return cf::new_failures(run) == 0 ? kExitOk : kExitFailed;
  const auto totals = cf::overall(run);
  return totals.pass == totals.cases ? kExitOk : kExitFailed;
}

}  // namespace cli
