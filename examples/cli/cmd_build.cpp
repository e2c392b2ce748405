// hoadon build: an invoice from its JSON description (lib/build/README.md), optionally signed in
// the same step with the key options of `hoadon sign`; the output written atomically.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{
      "build",
      "[--lines LINES.csv] [--sign (--p12 FILE | --key FILE --cert FILE | --pkcs11 URI [--pkcs11-module PATH]) "
      "[--pass-env VAR | --pass-file FILE] [--pin-env VAR | --pin-file FILE] [--chain FILE] [--time T] [--sha1]] "
      "[--no-validate] [-o OUT] INPUT.json",
      "Build an invoice (HDon XML) from a JSON description: amounts, totals per VAT rate, grand total and its "
      "words computed, elements in the order of the template's tables.",
      "INPUT.json (or - for standard input) describes one invoice: version, template, series, number, date, "
      "seller, buyer, lines, currency, related invoice, fees, extensions (the format: lib/build/README.md, "
      "hoadon-build(1)). Inconsistent input is refused with diagnostics located by JSON pointers "
      "(/lines/3/quantity): a given amount or total that differs from the one computed, an unknown VAT rate, a "
      "missing required field, a bad tax code, an element the template does not have. The invoice built is "
      "validated as `hoadon validate` does and refused on any error.\n"
      "--lines reads the lines from a CSV file whose header row names a line's fields (quantity, unit_price, "
      "tax_rate…) instead of the JSON's \"lines\".\n"
      "--sign signs the invoice as the seller with the key options of `hoadon sign`.\n"
      "The invoice goes to OUT (written to a temporary file, then renamed: whole or absent) and the report to "
      "standard output; without -o, the invoice goes to standard output and the report to standard error.",
      {}};
  const std::vector<OptionSpec> own = {
      {"--lines", "FILE", "the invoice lines as CSV (header row: the fields of a line), instead of the JSON's lines"},
      {"--sign", "", "sign the invoice as the seller, with the key options below"},
      {"--no-validate", "", "do not validate the invoice built (it may then fail `hoadon validate`)"},
      {"-o|--output", "OUT", "write the invoice to OUT (default: standard output)"},
      {"--format", "text|json", "format of the report"},
      {"--lang", "en|vi|both",
       "language of text output (default en, vi when LANG is Vietnamese; JSON always has both)"},
      {"-h|--help", "", "show this help"},
  };
  s.options = own;
  const auto keys = key_options();
  s.options.insert(s.options.begin() + 2, keys.begin(), keys.end());
  return s;
}

struct Free {
  void operator()(void* p) const noexcept { hoadon_free(p); }
};
struct ReportFree {
  void operator()(hoadon_report* r) const noexcept { hoadon_report_free(r); }
};
struct DocFree {
  void operator()(hoadon_doc* d) const noexcept { hoadon_doc_free(d); }
};
struct SignResultFree {
  void operator()(hoadon_sign_result* r) const noexcept { hoadon_sign_result_free(r); }
};

std::string read_input(const std::string& path) {
  if (path != "-") return read_whole(path, "input");
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

}  // namespace

int cmd_build(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().size() != 1) throw UsageError("build takes one INPUT.json (or - for standard input)");
  const Common c = common_settings(args);
  const std::string input = args.positional().front();
  const auto output = args.get("--output");
  const bool sign = args.has("--sign");
  if (!sign) {
    for (const auto& o : key_options())
      if (args.has(o.name)) throw UsageError(fmt::format("{} goes with --sign", o.name));
  } else if (args.has("--no-validate")) {
    throw UsageError("--sign validates the invoice: --no-validate does not go with it");
  }
  // Report to stdout when the invoice goes to a file, else to stderr (stdout carries the XML).
  FILE* report_to = output ? stdout : stderr;
  const std::string label = input == "-" ? std::string("<stdin>") : input;

  Signer signer;
  hoadon_sign_options sign_options;
  hoadon_sign_options_init(&sign_options, sizeof sign_options);
  if (sign) {
    sign_options.role = HOADON_SIGN_ROLE_SELLER;
    sign_settings(args, sign_options);
    if (!open_signer(args, false, false, "build", signer)) return kExitIo;
  }

  std::string json, csv;
  try {
    json = read_input(input);
    if (const auto lines = args.get("--lines")) csv = read_whole(*lines, "--lines");
  } catch (const UsageError& e) {
    std::fprintf(stderr, "hoadon build: %s\n", e.what());
    return kExitIo;
  }
  hoadon_build_options options;
  hoadon_build_options_init(&options, sizeof options);
  if (args.has("--lines")) {
    options.lines_csv = csv.data();
    options.lines_csv_len = csv.size();
  }
  options.skip_validate = args.has("--no-validate");
  void* raw_xml = nullptr;
  std::size_t xml_len = 0;
  hoadon_report* raw_report = nullptr;
  const int rc = hoadon_build_invoice(json.data(), json.size(), &options, &raw_xml, &xml_len, &raw_report);
  std::unique_ptr<void, Free> xml(raw_xml);
  std::unique_ptr<hoadon_report, ReportFree> report(raw_report);
  if (!report) {
    std::fprintf(stderr, "hoadon build: %s\n", hoadon_last_error());
    return kExitIo;
  }
  const std::string printed = take_line(c.json ? hoadon_report_to_json(report.get(), label.c_str())
                                               : hoadon_report_to_text(report.get(), label.c_str(), c.lang));
  std::fputs(printed.c_str(), report_to);
  if (rc == HOADON_EUNSUPPORTED) return kExitIo;
  if (rc != HOADON_OK) return kExitFailed;

  if (!sign) {
    if (output) {
      if (hoadon_file_write(output->c_str(), xml.get(), xml_len, 0) != HOADON_OK) {
        std::fprintf(stderr, "hoadon build: %s\n", hoadon_last_error());
        return kExitIo;
      }
    } else if (std::fwrite(xml.get(), 1, xml_len, stdout) != xml_len || std::fflush(stdout) != 0) {
      return kExitIo;
    }
    return kExitOk;
  }

  hoadon_doc* raw_doc = nullptr;
  hoadon_doc_parse(xml.get(), xml_len, nullptr, &raw_doc);
  std::unique_ptr<hoadon_doc, DocFree> doc(raw_doc);
  if (!doc) {
    std::fprintf(stderr, "hoadon build: %s\n", hoadon_last_error());
    return kExitIo;
  }
  // Signing validates again, on the XML: its report speaks of XPaths, the build's of the JSON.
  hoadon_sign_result* raw_result = nullptr;
  hoadon_doc_sign(doc.get(), signer.get(), &sign_options, &raw_result);
  std::unique_ptr<hoadon_sign_result, SignResultFree> result(raw_result);
  if (!result) {
    std::fprintf(stderr, "hoadon build: %s\n", hoadon_last_error());
    return kExitIo;
  }
  int status = hoadon_sign_result_ok(result.get()) ? kExitOk : kExitFailed;
  if (status == kExitOk) {
    if (output) {
      if (hoadon_sign_result_write(result.get(), output->c_str(), 0) != HOADON_OK) status = kExitIo;
    } else {
      std::size_t len = 0;
      const void* bytes = hoadon_sign_result_bytes(result.get(), &len);
      if (std::fwrite(bytes, 1, len, stdout) != len || std::fflush(stdout) != 0) status = kExitIo;
    }
  }
  const std::string signed_report = take_line(c.json ? hoadon_sign_result_to_json(result.get(), label.c_str())
                                                     : hoadon_sign_result_to_text(result.get(), label.c_str(), c.lang));
  std::fputs(signed_report.c_str(), report_to);
  return status;
}

}  // namespace cli
