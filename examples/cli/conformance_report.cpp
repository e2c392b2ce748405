// The reports of a run: text for people at a terminal, JSON for programs, JUnit XML for CI
// systems, and one self-contained HTML page (no external asset) for whoever has to sign off.
#include <fmt/format.h>

#include "conformance.hpp"

namespace cli::conformance {
namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += static_cast<char>(c);
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20)
      out += fmt::format("\\u{:04x}", c);
    else
      out += static_cast<char>(c);
  }
  return out + "\"";
}

// Text for XML and HTML content and attribute values.
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string totals_json(const Totals& t) {
  return fmt::format(R"("cases":{},"pass":{},"fail":{},"mismatch":{},"error":{})", t.cases, t.pass, t.fail, t.mismatch,
                     t.error);
}

bool failed(const Result& r) { return r.status != "pass"; }

// The report's header, the same in every format: when, with what, against what.
std::vector<std::pair<std::string, std::string>> header(const Run& run) {
  std::vector<std::pair<std::string, std::string>> h = {
      {"date", run.date},
      {"hoadon_version", run.hoadon_version},
      {"suite_version", run.manifest->version},
      {"suite_sha256", run.suite_sha256},
      {"implementation", run.implementation},
      {"adapter", run.adapter.empty() ? "none (hoadon's library)" : run.adapter}};
  if (run.baseline) h.emplace_back("baseline", run.baseline->file);
  return h;
}

std::size_t expected_failures(const Run& run) {
  std::size_t n = 0;
  for (const auto& r : run.results) n += r.expected_failure;
  return n;
}

// "fail", or "expected failure" for a case the baseline lists.
std::string shown_status(const Result& r) { return r.expected_failure ? "expected failure" : r.status; }

}  // namespace

std::string report_text(const Run& run) {
  std::string out = "hoadon conformance report\n";
  for (const auto& [key, value] : header(run)) out += fmt::format("{:<16}{}\n", key, value);
  out += fmt::format("\n{:<14} {:>6} {:>6} {:>6} {:>9} {:>6}\n", "area", "cases", "pass", "fail", "mismatch", "error");
  auto row = [&](const std::string& name, const Totals& t) {
    out += fmt::format("{:<14} {:>6} {:>6} {:>6} {:>9} {:>6}\n", name, t.cases, t.pass, t.fail, t.mismatch, t.error);
  };
  for (const auto& [area, t] : area_totals(run)) row(area, t);
  const auto all = overall(run);
  row("total", all);
  const auto failures = failures_by_severity(run);
  auto list = [&](bool expected) {
    Severity current = Severity::none;
    for (const auto* r : failures) {
      if (r->expected_failure != expected) continue;
      if (r->severity != current) {
        current = r->severity;
        std::size_t n = 0;
        for (const auto* x : failures) n += x->severity == current && x->expected_failure == expected;
        out += fmt::format("\n== {}{} ({}): {} ==\n", expected ? "Expected failures (baseline): " : "",
                           severity_title(current), severity_name(current), n);
      }
      out += fmt::format("\n{} [{}] {} — {}\n  expected: {}\n  actual:   {}\n", shown_status(*r),
                         severity_name(r->severity), r->c->id, r->c->description, r->expected, r->actual);
      if (expected) out += fmt::format("  baseline: {}\n", r->baseline_reason);
      for (const auto& p : r->problems) out += fmt::format("  - {}\n", p);
    }
  };
  list(false);
  list(true);
  if (!run.unexpected_passes.empty()) {
    out += fmt::format("\n== Unexpectedly passing — remove from baseline: {} ==\n", run.unexpected_passes.size());
    for (const auto& [id, why] : run.unexpected_passes) out += fmt::format("{}\t{}\n", id, why);
  }
  if (!run.unknown_entries.empty()) {
    out += fmt::format("\n== Baseline entries naming no case of the suite — remove from baseline: {} ==\n",
                       run.unknown_entries.size());
    for (const auto& [id, why] : run.unknown_entries) out += fmt::format("{}\t{}\n", id, why);
  }
  out += fmt::format("\n{} passed, {} failed\n", all.pass, all.cases - all.pass);
  if (run.baseline)
    out += fmt::format("{} new failures, {} expected failures (baseline), {} unexpectedly passing\n", new_failures(run),
                       expected_failures(run), run.unexpected_passes.size());
  return out;
}

std::string report_json(const Run& run) {
  std::string out = "{";
  for (const auto& [key, value] : header(run))
    out += fmt::format("{}:{},", json_string(key),
                       key == "adapter" && run.adapter.empty() ? std::string("null") : json_string(value));
  out += fmt::format(R"("seconds":{:.3f},"totals":{{{}}},"areas":[)", run.seconds, totals_json(overall(run)));
  bool first = true;
  for (const auto& [area, t] : area_totals(run)) {
    out += fmt::format(R"({}{{"area":{},{}}})", first ? "" : ",", json_string(area), totals_json(t));
    first = false;
  }
  out += "],\"failures\":[";
  first = true;
  for (const auto* r : failures_by_severity(run)) {
    out += fmt::format(R"({}{{"id":{},"class":{},"status":{},"expected_failure":{}}})", first ? "" : ",",
                       json_string(r->c->id), json_string(severity_name(r->severity)), json_string(r->status),
                       r->expected_failure ? "true" : "false");
    first = false;
  }
  out += "]";
  if (run.baseline) {
    auto entries = [](const std::vector<std::pair<std::string, std::string>>& v) {
      std::string o;
      for (const auto& [id, why] : v)
        o += fmt::format(R"({}{{"id":{},"reason":{}}})", o.empty() ? "" : ",", json_string(id), json_string(why));
      return o;
    };
    out += fmt::format(
        R"(,"baseline_result":{{"entries":{},"expected_failures":{},"new_failures":{},"unexpected_passes":[{}],"unknown":[{}]}})",
        run.baseline->entries.size(), expected_failures(run), new_failures(run), entries(run.unexpected_passes),
        entries(run.unknown_entries));
  }
  out += ",\"cases\":[";
  first = true;
  for (const auto& r : run.results) {
    std::string problems;
    for (const auto& p : r.problems) problems += (problems.empty() ? "" : ",") + json_string(p);
    std::string extra;
    if (r.signal) extra += fmt::format(R"(,"signal":{})", r.signal);
    if (run.baseline && !r.baseline_reason.empty())
      extra += fmt::format(R"(,"baseline_reason":{})", json_string(r.baseline_reason));
    out += fmt::format(
        R"({}{{"id":{},"area":{},"file":{},"operation":{},"status":{},"class":{},"expected_failure":{},"expected":{},"actual":{},"problems":[{}]{},"description":{},"description_vi":{}}})",
        first ? "" : ",", json_string(r.c->id), json_string(r.c->area), json_string(r.c->file),
        json_string(r.c->operation), json_string(r.status), json_string(severity_name(r.severity)),
        r.expected_failure ? "true" : "false", json_string(r.expected), json_string(r.actual), problems, extra,
        json_string(r.c->description), json_string(r.c->description_vi));
    first = false;
  }
  return out + "]}\n";
}

std::string report_junit(const Run& run) {
  const auto all = overall(run);
  std::size_t expected_all = expected_failures(run);
  std::string properties = "    <properties>\n";
  for (const auto& [key, value] : header(run))
    properties += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", key, escape(value));
  properties += "    </properties>\n";
  // A failure the baseline expects is a skipped test: CI fails on new failures only.
  auto failures_of = [](const Totals& t, std::size_t expected_errors, std::size_t expected_other) {
    return std::pair{t.fail + t.mismatch - expected_other, t.error - expected_errors};
  };
  std::size_t ee = 0, eo = 0;
  for (const auto& r : run.results)
    if (r.expected_failure) (r.status == "error" ? ee : eo)++;
  const auto [f_all, e_all] = failures_of(all, ee, eo);
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"hoadon conformance {}\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\" timestamp=\"{}\">\n",
      escape(run.manifest->version), all.cases, f_all, e_all, expected_all, run.seconds, escape(run.date));
  const auto areas = area_totals(run);
  for (const auto& [area, t] : areas) {
    std::size_t aee = 0, aeo = 0;
    for (const auto& r : run.results)
      if (r.c->area == area && r.expected_failure) (r.status == "error" ? aee : aeo)++;
    const auto [f, e] = failures_of(t, aee, aeo);
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" timestamp=\"{}\">\n{}",
        escape(area), t.cases, f, e, aee + aeo, escape(run.date), properties);
    for (const auto& r : run.results) {
      if (r.c->area != area) continue;
      out += fmt::format("    <testcase classname=\"conformance.{}\" name=\"{}\" time=\"{:.3f}\"", escape(area),
                         escape(r.c->id), r.seconds);
      if (!failed(r)) {
        bool unexpected = false;
        for (const auto& u : run.unexpected_passes) unexpected = unexpected || u.first == r.c->id;
        out += unexpected ? fmt::format(
                                ">\n      <system-out>unexpectedly passing — remove from baseline ({})"
                                "</system-out>\n    </testcase>\n",
                                escape(r.baseline_reason))
                          : "/>\n";
        continue;
      }
      std::string detail = fmt::format("[{}] {}\nexpected: {}\nactual:   {}\n", severity_name(r.severity),
                                       r.c->description, r.expected, r.actual);
      for (const auto& p : r.problems) detail += "- " + p + "\n";
      const std::string message =
          fmt::format("[{}] {}", severity_name(r.severity), r.problems.empty() ? r.status : r.problems.front());
      if (r.expected_failure) {
        out += fmt::format(
            ">\n      <skipped message=\"expected failure (baseline): {}\"/>\n      <system-out>{}</system-out>\n"
            "    </testcase>\n",
            escape(r.baseline_reason), escape(detail));
        continue;
      }
      const char* tag = r.status == "error" ? "error" : "failure";
      out += fmt::format(">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n", tag, escape(message),
                         severity_name(r.severity), escape(detail), tag);
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

std::string report_html(const Run& run) {
  const auto all = overall(run);
  const auto fresh = new_failures(run), expected = expected_failures(run);
  const bool green = run.baseline ? fresh == 0 : all.pass == all.cases;
  const std::string verdict =
      !run.baseline ? (green ? fmt::format("All {} cases pass", all.cases)
                             : fmt::format("{} of {} cases do not pass", all.cases - all.pass, all.cases))
      : green       ? fmt::format("No new failure: {} passed, {} expected failures (baseline)", all.pass, expected)
                    : fmt::format("{} new failures, {} expected failures (baseline)", fresh, expected);
  std::string meta = "<table id=\"header\" class=\"header\"><tbody>\n";
  for (const auto& [key, value] : header(run))
    meta += fmt::format("<tr data-key=\"{}\"><th>{}</th><td><code>{}</code></td></tr>\n", key, key, escape(value));
  meta += "</tbody></table>\n";
  std::string out = fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hoadon conformance {} — {}/{} passed</title>
<style>
body{{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2430}}
h1{{font-size:1.5rem;margin:0 0 .3rem}} h2{{font-size:1.15rem;margin:2rem 0 .6rem}}
.meta{{color:#5a6475}} .verdict{{display:inline-block;padding:.35rem .8rem;border-radius:6px;font-weight:600;margin:1rem 0}}
.ok{{background:#e3f5e8;color:#17692d}} .ko{{background:#fbe5e3;color:#9b1c13}}
table{{border-collapse:collapse;width:100%}} th,td{{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e2e6ec;vertical-align:top}}
th{{background:#f4f6f9}} td.n,th.n{{text-align:right;font-variant-numeric:tabular-nums}} tr.total td{{font-weight:600}}
.bar{{height:8px;background:#fbe5e3;border-radius:4px;min-width:120px}} .bar span{{display:block;height:8px;background:#2f9e52;border-radius:4px}}
.st{{font-weight:600}} .st-pass{{color:#17692d}} .st-fail,.st-error{{color:#9b1c13}} .st-mismatch{{color:#9a5b00}} .st-expected{{color:#5a6475}}
table.header{{width:auto;margin:.6rem 0}} table.header th{{background:none;font-weight:600;padding:.15rem .8rem .15rem 0;border:0}} table.header td{{padding:.15rem 0;border:0}}
code{{font:13px ui-monospace,Menlo,Consolas,monospace;word-break:break-all}} .vi{{color:#5a6475;font-style:italic}}
details{{margin-top:1rem}} summary{{cursor:pointer;font-weight:600}}
</style></head><body>
<h1>hoadon conformance suite {}</h1>
<div class="meta">Implementation: <code>{}</code> · {} cases in {:.1f} s</div>
{}<div class="verdict {}" id="verdict">{}</div>
<h2>Totals by area</h2>
<table id="totals"><thead><tr><th>Area</th><th class="n">Cases</th><th class="n">Pass</th><th class="n">Fail</th><th class="n">Mismatch</th><th class="n">Error</th><th>Passed</th></tr></thead><tbody>
)",
                                escape(run.manifest->version), all.pass, all.cases, escape(run.manifest->version),
                                escape(run.implementation), all.cases, run.seconds, meta, green ? "ok" : "ko", verdict);
  auto row = [&](const std::string& name, const Totals& t, bool total) {
    const double share = t.cases ? 100.0 * static_cast<double>(t.pass) / static_cast<double>(t.cases) : 0;
    out += fmt::format(
        "<tr{} data-area=\"{}\"><td>{}</td><td class=\"n\" data-key=\"cases\">{}</td><td class=\"n\" "
        "data-key=\"pass\">{}</td><td class=\"n\" data-key=\"fail\">{}</td><td class=\"n\" "
        "data-key=\"mismatch\">{}</td><td class=\"n\" data-key=\"error\">{}</td><td><div class=\"bar\"><span "
        "style=\"width:{:.1f}%\"></span></div></td></tr>\n",
        total ? " class=\"total\"" : "", escape(name), escape(name), t.cases, t.pass, t.fail, t.mismatch, t.error,
        share);
  };
  for (const auto& [area, t] : area_totals(run)) row(area, t, false);
  row("total", all, true);
  out += "</tbody></table>\n";
  const auto failures = failures_by_severity(run);
  if (!failures.empty()) {
    out +=
        "<h2>Cases that do not pass, most severe first</h2>\n<table id=\"failures\"><thead><tr><th>Case</th>"
        "<th>Severity</th><th>Status</th><th>Expected / actual</th></tr></thead><tbody>\n";
    for (const auto* r : failures) {
      std::string problems;
      for (const auto& p : r->problems) problems += "<br>· " + escape(p);
      if (r->expected_failure) problems += "<br>baseline: " + escape(r->baseline_reason);
      out += fmt::format(
          "<tr data-status=\"{}\" data-class=\"{}\"{}><td><code>{}</code><br>{}<br><span class=\"vi\">{}</span></td>"
          "<td title=\"{}\">{}</td><td class=\"st st-{}\">{}</td><td>expected <code>{}</code><br>actual "
          "<code>{}</code>{}</td></tr>\n",
          r->status, severity_name(r->severity), r->expected_failure ? " data-expected=\"yes\"" : "", escape(r->c->id),
          escape(r->c->description), escape(r->c->description_vi), severity_title(r->severity),
          severity_name(r->severity), r->expected_failure ? "expected" : r->status, escape(shown_status(*r)),
          escape(r->expected), escape(r->actual), problems);
    }
    out += "</tbody></table>\n";
  }
  auto stale = [&](const char* id, const char* title, const std::vector<std::pair<std::string, std::string>>& v) {
    if (v.empty()) return;
    out += fmt::format(
        "<h2>{}</h2>\n<table id=\"{}\"><thead><tr><th>Case</th><th>Baseline reason</th></tr></thead>"
        "<tbody>\n",
        title, id);
    for (const auto& [case_id, why] : v)
      out += fmt::format("<tr><td><code>{}</code></td><td>{}</td></tr>\n", escape(case_id), escape(why));
    out += "</tbody></table>\n";
  };
  stale("unexpected", "Unexpectedly passing — remove from baseline", run.unexpected_passes);
  stale("unknown", "Baseline entries naming no case of the suite", run.unknown_entries);
  out +=
      "<details><summary>Every case</summary><table "
      "id=\"cases\"><thead><tr><th>Case</th><th>Operation</th><th>Status</th>"
      "<th>Expected</th></tr></thead><tbody>\n";
  for (const auto& r : run.results)
    out += fmt::format(
        "<tr><td><code>{}</code><br>{}<br><span class=\"vi\">{}</span></td><td>{}</td><td class=\"st st-{}\">{}</td>"
        "<td><code>{}</code></td></tr>\n",
        escape(r.c->id), escape(r.c->description), escape(r.c->description_vi), escape(r.c->operation), r.status,
        r.status, escape(r.expected));
  return out + "</tbody></table></details>\n</body></html>\n";
}

}  // namespace cli::conformance
