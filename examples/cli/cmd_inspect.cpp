#include "cli.hpp"

namespace cli {

CommandSpec inspect_spec() {
  CommandSpec s{"inspect", "[options] PATH...",
                "Print the essentials of each document: kind, format version, template, series, number, date, "
                "seller, buyer, totals, tax-authority code and the signatures present.",
                "PATH may be a file, a directory (searched recursively for *.xml and *.zip), a ZIP archive\n"
                "(each XML member is an input, ARCHIVE!MEMBER) or - for standard input.\n"
                "An input fails when it is not a well-formed, safe XML e-invoice document.\n"
                "--lines adds each invoice's lines to text output and, to JSON, the whole invoice as \"data\"\n"
                "(every element, values exactly as written; see lib/model/CONTENT-JSON.md).",
                document_options()};
  s.options.insert(s.options.begin(),
                   {"--lines", "", "also print the invoice lines (JSON: every element of each invoice)"});
  return s;
}

Job inspect_job(const Args& args) {
  const Common c = common_settings(args);
  const bool lines = args.has("--lines");
  return {c, [c, lines](const Input& in) {
            hoadon_doc* doc = nullptr;
            const int rc = open_input(in, c.parse, &doc);
            if (!doc) return Outcome{take_line(nullptr), kExitIo};
            const hoadon::Owned<hoadon_doc> owned(doc);
            Outcome o;
            const char* label = in.label.c_str();
            if (lines)
              o.output = take_line(c.json ? hoadon_doc_content_to_json(doc, label)
                                          : hoadon_doc_content_to_text(doc, label, c.lang));
            else
              o.output = take_line(c.json ? hoadon_doc_to_json(doc, label) : hoadon_doc_to_text(doc, label, c.lang));
            o.status = rc != HOADON_OK                            ? status_of_open(rc)
                       : hoadon_report_ok(hoadon_doc_report(doc)) ? kExitOk
                                                                  : kExitFailed;
            return o;
          }};
}

int cmd_inspect(const std::vector<std::string>& argv) {
  const auto s = inspect_spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("inspect needs at least one PATH (or - for standard input)");
  const Job job = inspect_job(args);
  return run_all(expand_inputs(args.positional()), job.common.jobs, job.work);
}

}  // namespace cli
