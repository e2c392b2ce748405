// hoadon sign: signs documents with a key file, a PKCS#11 token or, in two phases, an external
// signer; writes each output atomically, never over its input unless asked.
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{
      "sign",
      "[--role seller|buyer|taxpayer] (--p12 FILE | --key FILE --cert FILE | --pkcs11 URI [--pkcs11-module PATH] | "
      "--prepare --cert FILE | --complete [--signature FILE]) [--pass-env VAR | --pass-file FILE] [--pin-env VAR | "
      "--pin-file FILE] [--chain FILE] [--time T] [--sha1] [--force] (-o OUT | --suffix .signed.xml | --in-place) "
      "PATH...",
      "Sign invoices (seller, buyer), forms and 206 messages (taxpayer) the way the tax authority expects, leaving "
      "every other byte of each document as it was.",
      "Before signing, each document is validated (schemas, business rules) and the certificate checked: it must "
      "allow signing, be valid at the signing time and carry the tax code of the party signing. Validation errors "
      "and a tax-code mismatch are overridden by --force; nothing else is.\n"
      "Passwords and PINs come from an environment variable, a file, or the terminal — never from the command "
      "line.\n"
      "Two phases, for a signer hoadon cannot reach (a remote service, a token plugin): --prepare --cert FILE writes "
      "the pending document and, beside it, OUT.digest (the SHA-256 or SHA-1 digest to sign with RSA PKCS#1 v1.5); "
      "--complete writes the document with the signature value read from --signature FILE (raw or base64), or from "
      "PATH.sig for each input.\n"
      "Each output is written to a temporary file in its directory, then renamed: it is whole or absent.",
      document_options()};
  const std::vector<OptionSpec> own = {
      {"--role", "seller|buyer|taxpayer", "whose signature (default: seller for invoices, taxpayer for forms and 206)"},
      {"--prepare", "", "two-phase signing, phase 1: write the pending document and OUT.digest (needs --cert)"},
      {"--complete", "", "two-phase signing, phase 2: complete pending documents with their signature values"},
      {"--signature", "FILE", "with --complete and one input: the signature value (raw or base64)"},
      {"--force", "", "sign despite validation errors or a tax-code mismatch (reported as warnings)"},
      {"--invoice", "N", "in a message holding several invoices, sign the N-th (from 1)"},
      {"-o|--output", "OUT", "write the signed document to OUT (one input only)"},
      {"--suffix", "SUFFIX", "write each signed document beside its input, .xml replaced by SUFFIX"},
      {"--in-place", "", "replace each input by its signed document"},
  };
  s.options.insert(s.options.begin(), own.begin(), own.end());
  const auto keys = key_options();
  s.options.insert(s.options.begin() + 1, keys.begin(), keys.end());
  return s;
}

struct Mode {
  bool prepare = false, complete = false;
};

// Where an input's output goes.
struct Destination {
  std::optional<std::string> output;  // -o
  std::optional<std::string> suffix;  // --suffix
  bool in_place = false;

  [[nodiscard]] std::string for_input(const std::string& path) const {
    if (output) return *output;
    if (in_place) return path;
    return with_suffix(path, *suffix);
  }
};

// A signature value file: base64 text when it is only that, else the raw bytes.
std::string signature_value(const std::string& path) {
  std::string bytes = read_whole(path, "the signature value");
  std::string b64;
  for (char c : bytes) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return bytes;
    b64 += c;
  }
  if (b64.empty() || b64.size() % 4) return bytes;
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : b64) {
    if (c == '=') break;
    acc = (acc << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace

int cmd_sign(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("sign needs at least one PATH (or - for standard input)");
  const Common c = common_settings(args);
  const Mode mode{args.has("--prepare"), args.has("--complete")};
  if (mode.prepare && mode.complete) throw UsageError("--prepare and --complete are the two phases: give one");

  Destination dest{args.get("--output"), args.get("--suffix"), args.has("--in-place")};
  if (dest.output.has_value() + dest.suffix.has_value() + dest.in_place != 1)
    throw UsageError("say where signed documents go: -o OUT, --suffix SUFFIX or --in-place");
  const auto inputs = expand_inputs(args.positional());
  if (dest.output && inputs.size() != 1)
    throw UsageError("-o takes one input; for several, use --suffix or --in-place");
  if (dest.suffix && (dest.suffix->empty() || *dest.suffix == ".xml" || dest.suffix->find('/') != std::string::npos))
    throw UsageError("--suffix must be a new ending such as .signed.xml, without '/'");
  for (const auto& in : inputs)
    if (in.path == "-" && !dest.output) throw UsageError("standard input needs -o OUT");
  for (const auto& in : inputs)
    if (in.archive && !dest.output)
      throw UsageError(fmt::format("{} is inside a ZIP archive: sign it with -o OUT", in.label));
  if (dest.output && inputs.front().path != "-" && same_file(*dest.output, inputs.front().path))
    throw UsageError("-o names the input itself: use --in-place to replace it");
  if (args.has("--signature") && (!mode.complete || inputs.size() != 1))
    throw UsageError("--signature goes with --complete and one input (else each PATH.sig is read)");

  hoadon_sign_options options;
  hoadon_sign_options_init(&options, sizeof options);
  const auto role = args.choice("--role", {"seller", "buyer", "taxpayer", "auto"}, "auto");
  options.role = role == "seller"     ? HOADON_SIGN_ROLE_SELLER
                 : role == "buyer"    ? HOADON_SIGN_ROLE_BUYER
                 : role == "taxpayer" ? HOADON_SIGN_ROLE_TAXPAYER
                                      : HOADON_SIGN_ROLE_AUTO;
  sign_settings(args, options);
  options.force = args.has("--force");
  if (args.has("--invoice")) options.invoice = static_cast<int>(args.number("--invoice", 1, 1, 100000)) - 1;

  Signer signer;
  if (!open_signer(args, mode.prepare, mode.complete, "sign", signer)) return kExitIo;

  return run_all(inputs, c.jobs, [&](const Input& in) {
    hoadon_doc* doc = nullptr;
    const int open_rc = open_input(in, c.parse, &doc);
    if (!doc) return Outcome{take_line(nullptr), kExitIo};
    std::unique_ptr<hoadon_doc, void (*)(hoadon_doc*)> doc_guard(doc, hoadon_doc_free);
    hoadon_sign_result* raw = nullptr;
    if (mode.complete) {
      std::string value;
      try {
        value = signature_value(args.get("--signature").value_or(in.path + ".sig"));
      } catch (const UsageError& e) {
        return Outcome{fmt::format("hoadon sign: {}: {}\n", in.label, e.what()), kExitIo};
      }
      hoadon_doc_sign_complete(doc, value.data(), value.size(), &options, &raw);
    } else if (mode.prepare) {
      hoadon_doc_sign_prepare(doc, signer.get(), &options, &raw);
    } else {
      hoadon_doc_sign(doc, signer.get(), &options, &raw);
    }
    if (!raw) return Outcome{take_line(nullptr), kExitIo};
    std::unique_ptr<hoadon_sign_result, void (*)(hoadon_sign_result*)> result(raw, hoadon_sign_result_free);
    int status = status_of_open(open_rc) == kExitIo ? kExitIo : hoadon_sign_result_ok(raw) ? kExitOk : kExitFailed;
    if (status == kExitOk) {
      const std::string out = dest.for_input(in.path);
      struct stat st {};
      const unsigned keep = dest.in_place && ::stat(in.path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
      bool written = true;
      if (!dest.in_place && same_file(out, in.path)) {
        std::fprintf(stderr, "hoadon sign: %s: %s is the input itself: not written (use --in-place)\n",
                     in.label.c_str(), out.c_str());
        written = false;
      } else if (mode.prepare) {
        // The digest first: a pending document is of no use without it.
        const hoadon_sign_info* info = hoadon_sign_result_info(raw);
        if (hoadon_file_write((out + ".digest").c_str(), info->digest, info->digest_len, 0) != HOADON_OK) {
          std::fprintf(stderr, "hoadon sign: %s\n", hoadon_last_error());
          written = false;
        }
      }
      if (written && hoadon_sign_result_write(raw, out.c_str(), keep) != HOADON_OK) {
        written = false;
        if (mode.prepare) std::remove((out + ".digest").c_str());
      }
      if (!written) status = kExitIo;
    }
    return Outcome{take_line(c.json ? hoadon_sign_result_to_json(raw, in.label.c_str())
                                    : hoadon_sign_result_to_text(raw, in.label.c_str(), c.lang)),
                   status};
  });
}

}  // namespace cli
