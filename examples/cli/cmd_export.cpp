// hoadon export: whole invoices as JSON, or their lines and headers as CSV or XLSX.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <mutex>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  return {"export",
          "--format json|csv|xlsx [-o FILE] [options] PATH...",
          "Export invoices: each whole invoice as JSON, or one row per invoice line (and one per invoice) "
          "as CSV or XLSX.",
          "PATH may be a file, a directory (searched recursively for *.xml and *.zip), a ZIP archive or -.\n"
          "json: one object per input and line, as 'inspect --lines --format json' (standard output, or FILE).\n"
          "csv: the lines to FILE and the invoices to --invoices FILE2 (default: FILE with .csv replaced by\n"
          "  .invoices.csv); RFC 4180, formula-safe (cells starting with = + - @ TAB CR get a leading ').\n"
          "xlsx: one workbook FILE with the sheets Lines and Invoices; numbers as numbers, dates as dates.\n"
          "The columns are listed in lib/tabular/COLUMNS.md. Files are written whole or not at all, after\n"
          "every input is read; inputs that fail (rejected documents) are reported and left out (exit 1).",
          {{"--format", "json|csv|xlsx", "what to write (required)"},
           {"-o|--output", "FILE", "where to write (required for csv and xlsx; json: default standard output)"},
           {"--invoices", "FILE2", "csv: where the invoice table goes"},
           {"--bom", "", "csv: begin each file with a UTF-8 byte order mark"},
           {"-j|--jobs", "N", "process N inputs in parallel (output stays in input order)"},
           {"--max-bytes", "N", "refuse inputs larger than N bytes (default 67108864)"},
           {"-h|--help", "", "show this help"}}};
}

std::string invoices_file(const std::string& lines) {
  const std::string ext = ".csv";
  if (lines.size() > ext.size() && lines.compare(lines.size() - ext.size(), ext.size(), ext) == 0)
    return lines.substr(0, lines.size() - ext.size()) + ".invoices.csv";
  return lines + ".invoices.csv";
}

bool write(const std::string& path, const void* data, std::size_t len) {
  if (hoadon_file_write(path.c_str(), data, len, 0) == HOADON_OK) return true;
  std::fprintf(stderr, "hoadon export: %s\n", hoadon_last_error());
  return false;
}

}  // namespace

int cmd_export(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (!args.has("--format")) throw UsageError("say what to export: --format json, csv or xlsx");
  const std::string format = args.choice("--format", {"json", "csv", "xlsx"}, "json");
  const auto output = args.get("--output");
  if (format != "json" && !output) throw UsageError(fmt::format("--format {} needs -o FILE", format));
  if (args.has("--invoices") && format != "csv") throw UsageError("--invoices goes with --format csv");
  if (args.positional().empty()) throw UsageError("export needs at least one PATH (or - for standard input)");
  if (format == "xlsx" && !hoadon_export_xlsx_supported()) {
    std::fprintf(stderr, "hoadon export: XLSX cannot be written: hoadon was not built with libxlsxwriter\n");
    return kExitIo;
  }
  hoadon_parse_options parse;
  hoadon_parse_options_init(&parse, sizeof parse);
  parse.max_bytes = args.number("--max-bytes", parse.max_bytes, 1, 1ul << 31);
  const auto jobs = static_cast<unsigned>(args.number("--jobs", 1, 1, 256));

  hoadon_export* raw = nullptr;
  if (hoadon_export_new(&raw) != HOADON_OK) throw std::bad_alloc();
  const hoadon::Owned<hoadon_export> exp(raw);
  const auto inputs = expand_inputs(args.positional());
  const bool json = format == "json";
  std::vector<std::string> json_lines(json && output ? inputs.size() : 0);

  int status = run_all(inputs, jobs, [&](const Input& in) {
    hoadon_doc* doc = nullptr;
    const int rc = open_input(in, parse, &doc);
    if (!doc) return Outcome{take_line(nullptr), kExitIo};
    const hoadon::Owned<hoadon_doc> guard(doc);
    Outcome o;
    o.status = rc != HOADON_OK ? status_of_open(rc) : hoadon_report_ok(hoadon_doc_report(doc)) ? kExitOk : kExitFailed;
    const auto position = static_cast<std::size_t>(&in - inputs.data());
    if (json) {
      std::string line = take_line(hoadon_doc_content_to_json(doc, in.label.c_str()));
      (output ? json_lines[position] : o.output) = std::move(line);
      return o;
    }
    if (o.status != kExitOk) {  // left out of the tables; say why
      o.output = take_line(hoadon_report_to_text(hoadon_doc_report(doc), in.label.c_str(), HOADON_LANG_EN));
      return o;
    }
    if (hoadon_export_add(exp.get(), position, doc, in.label.c_str()) != HOADON_OK)
      return Outcome{take_line(nullptr), kExitIo};
    return o;
  });

  bool written = true;
  if (json && output) {
    std::string all;
    for (const auto& l : json_lines) all += l;
    written = write(*output, all.data(), all.size());
  } else if (format == "csv") {
    const int bom = args.has("--bom") ? 1 : 0;
    const std::string second = args.get("--invoices").value_or(invoices_file(*output));
    for (const auto& [table, path] :
         {std::pair{HOADON_TABLE_LINES, *output}, std::pair{HOADON_TABLE_INVOICES, second}}) {
      char* csv = nullptr;
      std::size_t len = 0;
      if (hoadon_export_csv(exp.get(), table, bom, &csv, &len) != HOADON_OK) {
        std::fprintf(stderr, "hoadon export: %s\n", hoadon_last_error());
        written = false;
        continue;
      }
      written = write(path, csv, len) && written;
      hoadon_free(csv);
    }
  } else if (format == "xlsx") {
    void* bytes = nullptr;
    std::size_t len = 0;
    if (hoadon_export_xlsx(exp.get(), &bytes, &len) != HOADON_OK) {
      std::fprintf(stderr, "hoadon export: %s\n", hoadon_last_error());
      written = false;
    } else {
      written = write(*output, bytes, len);
    }
    hoadon_free(bytes);
  }
  if (!json)
    std::fprintf(stderr, "hoadon export: %zu invoice(s), %zu line(s)%s\n",
                 hoadon_export_rows(exp.get(), HOADON_TABLE_INVOICES),
                 hoadon_export_rows(exp.get(), HOADON_TABLE_LINES), written ? "" : " — not written");
  if (!written) status = kExitIo;
  return status;
}

}  // namespace cli
