// hoadon envelope: wrap invoices into a transmission message for the tax authority (200, 203,
// 206, the last signed by the taxpayer), and read what the tax authority answers (202, 204, 999).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{
      "envelope",
      "wrap --type 200|203|206 [--sender CODE] [--receiver CODE] [--pban V] [--reference MTDIEP] [--force] "
      "[key options] [-o OUT] INVOICE... | read ANSWER...",
      "Wrap invoices into a transmission message (TDiep) for the tax authority, or read its answers.",
      "wrap: 200 sends one invoice with code (C series, no MCCQT yet) to be given its code; 203 transfers the data "
      "of invoices without code (K series); 206 sends cash-register invoices (C..M.. series) with their MCCQT, "
      "signed by the taxpayer in TDiep/CKSNNT when a key is given (--p12, --key with --cert, --pkcs11). The header "
      "gets MTDiep = MNGui + a new UUID (32 uppercase hexadecimal digits), MST = the sellers' tax code, SLuong = "
      "the number of invoices; each invoice goes in byte for byte, so its signatures still verify. The message is "
      "validated before it is written (--force writes it despite errors), atomically, to OUT (standard output "
      "without -o).\n"
      "read: for each answer, what the tax authority decided — 202 the invoice coded, with its MCCQT; 204 "
      "(01/TB-KTDL) accepted when LTBao is 2, else refused with its reasons; 999 received (TTTNhan 0) or refused "
      "(1) with its reasons — per invoice it names, the reasons as the tax authority wrote them.\n"
      "Exit status: 0 wrapped, or every answer accepted; 1 refused (an answer, or the invoices); 2 usage; 3 "
      "unreadable input or key, unwritable output.",
      document_options()};
  const std::vector<OptionSpec> own = {
      {"--type", "200|203|206", "wrap: the message type (MLTDiep)"},
      {"--sender", "CODE", "wrap: MNGui, TCT, V or K + tax code, or a tax code (default K + the sellers' tax code)"},
      {"--receiver", "CODE", "wrap: MNNhan (default TCT)"},
      {"--pban", "V", "wrap: the message's PBan (default the invoices')"},
      {"--reference", "MTDIEP", "wrap: MTDTChieu, the message this one answers (default none)"},
      {"--force", "", "wrap: write the message despite validation errors (reported as a warning)"},
      {"-o|--output", "OUT", "wrap: write the message to OUT (default standard output)"},
  };
  s.options.insert(s.options.begin(), own.begin(), own.end());
  const auto keys = key_options();
  s.options.insert(s.options.begin() + static_cast<std::ptrdiff_t>(own.size()), keys.begin(), keys.end());
  return s;
}

using Doc = std::unique_ptr<hoadon_doc, void (*)(hoadon_doc*)>;
using Report = std::unique_ptr<hoadon_report, void (*)(hoadon_report*)>;

int wrap(const Args& args, const Common& c, const std::vector<std::string>& paths) {
  const auto type = args.get("--type");
  if (!type) throw UsageError("envelope wrap needs --type 200, 203 or 206");
  if (*type != "200" && *type != "203" && *type != "206")
    throw UsageError(fmt::format("--type {}: hoadon wraps 200, 203 and 206", *type));
  if (paths.empty()) throw UsageError("envelope wrap needs at least one INVOICE");
  const auto out = args.get("--output");
  const bool keyed = args.has("--p12") || args.has("--key") || args.has("--pkcs11");
  Signer signer;
  if (keyed) {
    if (!open_signer(args, false, false, "envelope", signer)) return kExitIo;
  } else if (args.has("--cert") || args.has("--chain") || args.has("--time") || args.has("--sha1")) {
    throw UsageError("--cert, --chain, --time and --sha1 go with a key: --p12, --key or --pkcs11");
  }

  std::vector<Doc> docs;
  for (const auto& in : expand_inputs(paths)) {
    if (!in.problem.empty()) {
      std::fprintf(stderr, "hoadon envelope: %s: %s\n", in.label.c_str(), in.problem.c_str());
      return kExitIo;
    }
    hoadon_doc* d = nullptr;
    const int rc = open_input(in, c.parse, &d);
    Doc doc(d, hoadon_doc_free);
    if (!d || status_of_open(rc) == kExitIo) {
      std::fputs(take_line(d ? hoadon_report_to_text(hoadon_doc_report(d), in.label.c_str(), c.lang) : nullptr).c_str(),
                 stderr);
      return kExitIo;
    }
    // A rejected input is refused by the wrap (ENV-WRAP-INPUT); the parser says why here.
    if (rc == HOADON_EREJECTED)
      std::fputs(take_line(hoadon_report_to_text(hoadon_doc_report(d), in.label.c_str(), c.lang)).c_str(), stderr);
    docs.push_back(std::move(doc));
  }
  std::vector<const hoadon_doc*> raw;
  for (const auto& d : docs) raw.push_back(d.get());

  hoadon_envelope_options o;
  hoadon_envelope_options_init(&o, sizeof o);
  o.type = type->c_str();
  const auto sender = args.get("--sender"), receiver = args.get("--receiver"), pban = args.get("--pban"),
             reference = args.get("--reference");
  if (sender) o.sender = sender->c_str();
  if (receiver) o.receiver = receiver->c_str();
  if (pban) o.version = pban->c_str();
  if (reference) o.reference = reference->c_str();
  o.force = args.has("--force");
  o.signer = signer.get();
  hoadon_sign_options key;  // --time, --sha1 and --chain, read as sign reads them
  hoadon_sign_options_init(&key, sizeof key);
  sign_settings(args, key);
  o.time = key.time;
  o.sha1 = key.sha1;
  o.include_chain = key.include_chain;

  hoadon_doc* m = nullptr;
  hoadon_report* r = nullptr;
  const int rc = hoadon_envelope_wrap(raw.data(), raw.size(), &o, &m, &r);
  Doc message(m, hoadon_doc_free);
  Report report(r, hoadon_report_free);
  if (!r) {
    std::fprintf(stderr, "hoadon envelope: %s\n", hoadon_last_error());
    return kExitIo;
  }
  int status = rc == HOADON_OK ? kExitOk : kExitFailed;
  const std::string label = out ? *out : "-";
  if (message) {
    size_t len = 0;
    const void* bytes = hoadon_doc_bytes(m, &len);
    if (out) {
      if (hoadon_file_write(out->c_str(), bytes, len, 0) != HOADON_OK) {
        std::fprintf(stderr, "hoadon envelope: %s\n", hoadon_last_error());
        return kExitIo;
      }
    } else if (std::fwrite(bytes, 1, len, stdout) != len || std::fflush(stdout) != 0) {
      return kExitIo;
    }
  }
  // Without -o the message is standard output: what is said about it goes to standard error.
  std::fputs(take_line(c.json ? hoadon_envelope_to_json(m, r, label.c_str())
                              : hoadon_envelope_to_text(m, r, label.c_str(), c.lang))
                 .c_str(),
             out ? stdout : stderr);
  return status;
}

int read(const Common& c, const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError("envelope read needs at least one ANSWER");
  return run_all(expand_inputs(paths), c.jobs, [&](const Input& in) {
    hoadon_doc* d = nullptr;
    const int rc = open_input(in, c.parse, &d);
    if (!d) return Outcome{take_line(nullptr), kExitIo};
    Doc doc(d, hoadon_doc_free);
    const int outcome = hoadon_envelope_answer_outcome(d);
    int status = outcome == HOADON_ANSWER_ACCEPTED ? kExitOk : kExitFailed;
    if (status_of_open(rc) == kExitIo) status = kExitIo;
    return Outcome{take_line(c.json ? hoadon_envelope_answer_to_json(d, in.label.c_str())
                                    : hoadon_envelope_answer_to_text(d, in.label.c_str(), c.lang)),
                   status};
  });
}

}  // namespace

int cmd_envelope(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  const auto& pos = args.positional();
  if (pos.empty()) throw UsageError("envelope needs an action: wrap or read");
  const Common c = common_settings(args);
  const std::vector<std::string> paths(pos.begin() + 1, pos.end());
  if (pos[0] == "wrap") return wrap(args, c, paths);
  if (pos[0] == "read") {
    for (const char* o : {"--type", "--sender", "--receiver", "--pban", "--reference", "--force", "--output", "--p12",
                          "--key", "--cert", "--pkcs11"})
      if (args.has(o)) throw UsageError(fmt::format("{} goes with envelope wrap", o));
    return read(c, paths);
  }
  throw UsageError(fmt::format("unknown envelope action '{}' (wrap, read)", pos[0]));
}

}  // namespace cli
