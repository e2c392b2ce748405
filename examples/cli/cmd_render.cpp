// hoadon render: the human-readable form of invoices, in HTML or PDF, with their signatures
// verified in the same run; each output written atomically.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {

CommandSpec render_spec() {
  CommandSpec s{
      "render",
      "[--format html|pdf] [-o OUT | --suffix SUFFIX] [--trust PATH]... [--integrity-only | --no-verify] PATH...",
      "Show invoices as people read them (bản thể hiện): one self-contained HTML file for the browser and the "
      "printer, or a PDF, with a signature panel from a verification made in the same run.",
      "Every field of the invoice is shown, in a layout that follows its template (VAT, sales, public assets, "
      "national reserve, stamps and tickets, warehouse notes, cash-register invoices), with the QR code drawn from "
      "its DLQRCode (else from its lookup fields).\n"
      "The signatures are verified as 'hoadon verify' does, with the same options: each panel says valid, invalid "
      "or indeterminate, why, who signed and when. Parts that no intact signature covers are marked. --no-verify "
      "shows every signature as not checked.\n"
      "Outputs go beside their inputs (.xml replaced by .html or .pdf) unless -o or --suffix says otherwise; -o - "
      "writes to standard output. Each is written to a temporary file in its directory, then renamed: it is whole "
      "or absent.\n"
      "An input fails (exit 1) when it is rejected or holds no invoice; rendering does not fail because a "
      "signature is invalid: the panel says so.",
      {}};
  std::vector<OptionSpec> own = {
      {"--format", "html|pdf", "output format (default html)"},
      {"-o|--output", "OUT", "write to OUT (one input only; - for standard output)"},
      {"--suffix", "SUFFIX", "write each output beside its input, .xml replaced by SUFFIX (default .html or .pdf)"},
      {"--invoice", "N", "in a message holding several invoices, render only the N-th (from 1)"},
      {"--no-verify", "", "do not verify: every signature is shown as not checked"},
  };
  const auto trust = trust_options();
  own.insert(own.end(), trust.begin(), trust.end());
  own.push_back({"-j|--jobs", "N", "process N inputs in parallel (output stays in input order)"});
  own.push_back({"--max-bytes", "N", "refuse inputs larger than N bytes (default 67108864)"});
  own.push_back({"-h|--help", "", "show this help"});
  s.options = std::move(own);
  return s;
}

std::unique_ptr<Render> render_settings(const Args& args) {
  if (args.has("--no-verify") && (args.has("--trust") || args.has("--integrity-only")))
    throw UsageError("--no-verify leaves the signatures unchecked: it takes no --trust or --integrity-only");
  auto r = std::make_unique<Render>();
  hoadon_parse_options_init(&r->parse, sizeof r->parse);
  r->parse.max_bytes = args.number("--max-bytes", r->parse.max_bytes, 1, 1ul << 31);
  hoadon_render_options_init(&r->options, sizeof r->options);
  r->options.format =
      args.choice("--format", {"html", "pdf"}, "html") == "pdf" ? HOADON_RENDER_PDF : HOADON_RENDER_HTML;
  r->verify = verify_settings(args);
  r->options.verify = &r->verify;
  r->options.skip_verify = args.has("--no-verify");
  if (args.has("--invoice")) r->options.invoice = static_cast<int>(args.number("--invoice", 1, 1, 100000)) - 1;
  return r;
}

bool render_input(const Render& r, const Input& in, std::string& bytes, Outcome& failure) {
  hoadon_doc* doc = nullptr;
  const int open_rc = open_input(in, r.parse, &doc);
  if (!doc) {
    failure = Outcome{take_line(nullptr), kExitIo};
    return false;
  }
  const hoadon::Owned<hoadon_doc> doc_guard(doc);
  if (open_rc == HOADON_EIO) {
    failure =
        Outcome{take_line(hoadon_report_to_text(hoadon_doc_report(doc), in.label.c_str(), HOADON_LANG_EN)), kExitIo};
    return false;
  }
  void* out = nullptr;
  size_t len = 0;
  const int rc = hoadon_doc_render(doc, &r.options, &out, &len);
  if (rc != HOADON_OK) {
    std::string why = hoadon_last_error();
    if (rc == HOADON_EREJECTED) {
      const hoadon::Owned<char> text(hoadon_report_to_text(hoadon_doc_report(doc), in.label.c_str(), HOADON_LANG_EN));
      why = text ? text.get() : why;
      failure = Outcome{why.ends_with('\n') ? why : why + "\n", kExitFailed};
      return false;
    }
    failure = Outcome{fmt::format("{}: not rendered: {}\n", in.label, why),
                      rc == HOADON_EINVAL || rc == HOADON_ERANGE ? kExitFailed : kExitIo};
    return false;
  }
  const hoadon::Owned<void> bytes_guard(out);
  bytes.assign(static_cast<const char*>(out), len);
  return true;
}

int cmd_render(const std::vector<std::string>& argv) {
  const auto s = render_spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("render needs at least one PATH (or - for standard input)");
  const bool pdf = args.choice("--format", {"html", "pdf"}, "html") == "pdf";
  const auto output = args.get("--output");
  const auto suffix = args.get("--suffix").value_or(pdf ? ".pdf" : ".html");
  if (output && args.has("--suffix")) throw UsageError("give -o OUT or --suffix SUFFIX, not both");
  if (suffix.empty() || suffix.find('/') != std::string::npos || suffix == ".xml")
    throw UsageError("--suffix must be a new ending such as .html, without '/'");
  const auto r = render_settings(args);
  const auto inputs = expand_inputs(args.positional());
  if (output && inputs.size() != 1) throw UsageError("-o takes one input; for several, use --suffix");
  for (const auto& in : inputs)
    if (in.path == "-" && !output) throw UsageError("standard input needs -o OUT");
  const unsigned jobs = static_cast<unsigned>(args.number("--jobs", 1, 1, 256));
  if (!hoadon_render_supported(r->options.format)) {
    std::fprintf(stderr, "hoadon render: PDF output: this hoadon was not built with cairo and pango\n");
    return kExitIo;
  }
  std::string error;
  const Trust trust = load_trust(args, error);
  if (!trust) {
    std::fprintf(stderr, "hoadon render: %s\n", error.c_str());
    return kExitIo;
  }
  r->options.trust = trust.get();

  return run_all(inputs, jobs, [&](const Input& in) {
    std::string bytes;
    Outcome failure;
    if (!render_input(*r, in, bytes, failure)) return failure;
    const std::string out = output.value_or(in.path == "-" ? std::string("-") : with_suffix(in.path, suffix));
    if (out == "-") {
      std::fwrite(bytes.data(), 1, bytes.size(), stdout);
      std::fflush(stdout);
      return Outcome{"", kExitOk};
    }
    if (in.path != "-" && same_file(out, in.path))
      return Outcome{fmt::format("{}: not rendered: {} is the input itself\n", in.label, out), kExitIo};
    if (hoadon_file_write(out.c_str(), bytes.data(), bytes.size(), 0) != HOADON_OK)
      return Outcome{fmt::format("{}: {}\n", in.label, hoadon_last_error()), kExitIo};
    return Outcome{fmt::format("{}: rendered {} ({} bytes)\n", in.label, out, bytes.size()), kExitOk};
  });
}

}  // namespace cli
