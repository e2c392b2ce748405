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

}  // namespace

std::string report_text(const Run& run) {
  std::string out =
      fmt::format("hoadon conformance suite {} against {}\n\n", run.manifest->version, run.implementation);
  out += fmt::format("{:<14} {:>6} {:>6} {:>6} {:>9} {:>6}\n", "area", "cases", "pass", "fail", "mismatch", "error");
  auto row = [&](const std::string& name, const Totals& t) {
    out += fmt::format("{:<14} {:>6} {:>6} {:>6} {:>9} {:>6}\n", name, t.cases, t.pass, t.fail, t.mismatch, t.error);
  };
  for (const auto& [area, t] : area_totals(run)) row(area, t);
  const auto all = overall(run);
  row("total", all);
  for (const auto& r : run.results) {
    if (!failed(r)) continue;
    out += fmt::format("\n{} {} — {}\n  expected: {}\n  actual:   {}\n", r.status, r.c->id, r.c->description,
                       r.expected, r.actual);
    for (const auto& p : r.problems) out += fmt::format("  - {}\n", p);
  }
  out += fmt::format("\n{} passed, {} failed\n", all.pass, all.cases - all.pass);
  return out;
}

std::string report_json(const Run& run) {
  std::string out = fmt::format(
      R"({{"suite_version":{},"implementation":{},"seconds":{:.3f},"totals":{{{}}},"areas":[)",
      json_string(run.manifest->version), json_string(run.implementation), run.seconds, totals_json(overall(run)));
  bool first = true;
  for (const auto& [area, t] : area_totals(run)) {
    out += fmt::format(R"({}{{"area":{},{}}})", first ? "" : ",", json_string(area), totals_json(t));
    first = false;
  }
  out += "],\"cases\":[";
  first = true;
  for (const auto& r : run.results) {
    std::string problems;
    for (const auto& p : r.problems) problems += (problems.empty() ? "" : ",") + json_string(p);
    out += fmt::format(
        R"({}{{"id":{},"area":{},"file":{},"operation":{},"status":{},"expected":{},"actual":{},"problems":[{}],"description":{},"description_vi":{}}})",
        first ? "" : ",", json_string(r.c->id), json_string(r.c->area), json_string(r.c->file),
        json_string(r.c->operation), json_string(r.status), json_string(r.expected), json_string(r.actual), problems,
        json_string(r.c->description), json_string(r.c->description_vi));
    first = false;
  }
  return out + "]}\n";
}

std::string report_junit(const Run& run) {
  const auto all = overall(run);
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"hoadon conformance {}\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
      escape(run.manifest->version), all.cases, all.fail + all.mismatch, all.error, run.seconds);
  const auto areas = area_totals(run);
  for (const auto& [area, t] : areas) {
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", escape(area), t.cases,
                       t.fail + t.mismatch, t.error);
    for (const auto& r : run.results) {
      if (r.c->area != area) continue;
      out += fmt::format("    <testcase classname=\"conformance.{}\" name=\"{}\" time=\"{:.3f}\"", escape(area),
                         escape(r.c->id), r.seconds);
      if (!failed(r)) {
        out += "/>\n";
        continue;
      }
      const char* tag = r.status == "error" ? "error" : "failure";
      std::string detail = fmt::format("{}\nexpected: {}\nactual:   {}\n", r.c->description, r.expected, r.actual);
      for (const auto& p : r.problems) detail += "- " + p + "\n";
      out += fmt::format(">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n", tag,
                         escape(r.problems.empty() ? r.status : r.problems.front()), r.status, escape(detail), tag);
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

std::string report_html(const Run& run) {
  const auto all = overall(run);
  const bool green = all.pass == all.cases;
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
.st{{font-weight:600}} .st-pass{{color:#17692d}} .st-fail,.st-error{{color:#9b1c13}} .st-mismatch{{color:#9a5b00}}
code{{font:13px ui-monospace,Menlo,Consolas,monospace;word-break:break-all}} .vi{{color:#5a6475;font-style:italic}}
details{{margin-top:1rem}} summary{{cursor:pointer;font-weight:600}}
</style></head><body>
<h1>hoadon conformance suite {}</h1>
<div class="meta">Implementation: <code>{}</code> · {} cases in {:.1f} s</div>
<div class="verdict {}" id="verdict">{}</div>
<h2>Totals by area</h2>
<table id="totals"><thead><tr><th>Area</th><th class="n">Cases</th><th class="n">Pass</th><th class="n">Fail</th><th class="n">Mismatch</th><th class="n">Error</th><th>Passed</th></tr></thead><tbody>
)",
                                escape(run.manifest->version), all.pass, all.cases, escape(run.manifest->version),
                                escape(run.implementation), all.cases, run.seconds, green ? "ok" : "ko",
                                green ? fmt::format("All {} cases pass", all.cases)
                                      : fmt::format("{} of {} cases do not pass", all.cases - all.pass, all.cases));
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
  if (!green) {
    out +=
        "<h2>Cases that do not pass</h2>\n<table id=\"failures\"><thead><tr><th>Case</th><th>Status</th><th>Expected "
        "/ actual</th></tr></thead><tbody>\n";
    for (const auto& r : run.results) {
      if (!failed(r)) continue;
      std::string problems;
      for (const auto& p : r.problems) problems += "<br>· " + escape(p);
      out += fmt::format(
          "<tr data-status=\"{}\"><td><code>{}</code><br>{}<br><span class=\"vi\">{}</span></td><td class=\"st "
          "st-{}\">{}</td><td>expected <code>{}</code><br>actual <code>{}</code>{}</td></tr>\n",
          r.status, escape(r.c->id), escape(r.c->description), escape(r.c->description_vi), r.status, r.status,
          escape(r.expected), escape(r.actual), problems);
    }
    out += "</tbody></table>\n";
  }
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
