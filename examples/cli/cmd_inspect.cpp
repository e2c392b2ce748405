#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{"inspect", "[options] PATH...",
                "Print the essentials of each document: kind, format version, template, series, number, date, "
                "seller, buyer, totals, tax-authority code and the signatures present.",
                "PATH may be a file, a directory (searched recursively for *.xml) or - for standard input.\n"
                "An input fails when it is not a well-formed, safe XML e-invoice document.",
                document_options()};
  return s;
}

}  // namespace

int cmd_inspect(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("inspect needs at least one PATH (or - for standard input)");
  const Common c = common_settings(args);
  return run_all(expand_inputs(args.positional()), c.jobs, [&](const Input& in) {
    hoadon_doc* doc = nullptr;
    const int rc = open_input(in, c.parse, &doc);
    if (!doc) return Outcome{take_line(nullptr), kExitIo};
    Outcome o;
    o.output = take_line(c.json ? hoadon_doc_to_json(doc, in.label.c_str())
                                : hoadon_doc_to_text(doc, in.label.c_str(), c.lang));
    o.status = rc != HOADON_OK ? status_of_open(rc) : hoadon_report_ok(hoadon_doc_report(doc)) ? kExitOk : kExitFailed;
    hoadon_doc_free(doc);
    return o;
  });
}

}  // namespace cli
