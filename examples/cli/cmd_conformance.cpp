// hoadon conformance: the conformance suite against hoadon or another implementation.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
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
      "A case passes (pass), gives the wrong verdict (fail), the right verdict with other details\n"
      "(mismatch), or no answer (error). Exit status 0 when every case passes, 1 otherwise.\n"
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
           {"--case", "ID", "run only this case (repeatable), e.g. certificates/expired", true},
           {"--verdict-only", "", "grade the verdict only, not codes and signature outcomes"},
           {"--timeout", "SECONDS", "with --impl: longest wait for one answer (default 60)"},
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

cf::Run run_cases(const cf::Manifest& m, cf::Implementation& impl, const std::vector<const cf::Case*>& cases,
                  bool verdict_only, unsigned jobs) {
  cf::Run run;
  run.manifest = &m;
  run.implementation = impl.name();
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
                 args.has("--suite") ? "" : " (no installed suite; use --suite DIR)");
    return kExitIo;
  }
  const auto areas = args.all("--area"), ids = args.all("--case");
  auto selected = [](const std::vector<std::string>& wanted, const std::string& value) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
  };
  std::vector<const cf::Case*> cases;
  for (const auto& c : manifest.cases)
    if (selected(areas, c.area) && selected(ids, c.id)) cases.push_back(&c);
  if (cases.empty()) throw UsageError("no case matches --area/--case");

  const auto impl =
      args.has("--impl") ? cf::command_implementation(*args.get("--impl"), timeout) : cf::library_implementation();
  const auto run = run_cases(manifest, *impl, cases, args.has("--verdict-only"), jobs);
  const std::string report = format == "json"    ? cf::report_json(run)
                             : format == "junit" ? cf::report_junit(run)
                             : format == "html"  ? cf::report_html(run)
                                                 : cf::report_text(run);
  if (const auto output = args.get("--output")) {
    std::ofstream out(*output, std::ios::binary);
    out << report;
    if (!out) {
      std::fprintf(stderr, "hoadon conformance: cannot write %s\n", output->c_str());
      return kExitIo;
    }
  } else {
    std::fputs(report.c_str(), stdout);
  }
  const auto totals = cf::overall(run);
  return totals.pass == totals.cases ? kExitOk : kExitFailed;
}

}  // namespace cli
