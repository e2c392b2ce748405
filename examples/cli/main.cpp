// hoadon — command-line front end of libhoadon.
#include <fmt/format.h>

#include <signal.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli.hpp"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

constexpr Command kCommands[] = {
    {"inspect", "print the essentials of invoices, envelopes and forms", cli::cmd_inspect},
    {"validate", "check documents against the tax schemas and the business rules", cli::cmd_validate},
    {"schema", "list or print the embedded XSD schemas", cli::cmd_schema},
    {"verify", "verify signatures: integrity, binding, signer, trust", cli::cmd_verify},
    {"trust", "list, show and add the certificates verification trusts by default", cli::cmd_trust},
    {"render", "show invoices as HTML or PDF, with their signatures verified in the same run", cli::cmd_render},
    {"words", "write amounts in Vietnamese words, as TgTTTBChu does", cli::cmd_words},
    {"export", "export whole invoices as JSON, or their lines as CSV or XLSX", cli::cmd_export},
    {"sign", "sign as seller, buyer or taxpayer: key files, PKCS#11 tokens, two phases", cli::cmd_sign},
    {"build", "build an invoice from JSON: amounts, totals and words computed; signed with --sign", cli::cmd_build},
    {"envelope", "wrap invoices into messages for the tax authority (200, 203, 206); read its answers",
     cli::cmd_envelope},
    {"codes", "list the diagnostic codes", cli::cmd_codes},
    {"conformance", "run the conformance suite against hoadon or another implementation", cli::cmd_conformance},
    {"serve", "answer validate, verify, inspect and render over HTTP (JSON, metrics)", cli::cmd_serve},
};

// Interrupted (Ctrl-C, kill, the file-size limit), the command removes the temporary files of the outputs it was
// writing, then dies of the signal as it would have.
extern "C" void on_signal(int sig) {
  hoadon_remove_temporary_files();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void usage(std::FILE* to) {
  std::string out =
      "Usage: hoadon COMMAND [options] PATH...\n\n"
      "Validate, verify and sign Vietnamese e-invoices (hóa đơn điện tử).\n\nCommands:\n";
  for (const auto& c : kCommands) out += fmt::format("  {:<12} {}\n", c.name, c.summary);
  out += "\nRun 'hoadon COMMAND --help' for a command's options. 'hoadon --version' prints the version.\n";
  std::fputs(out.c_str(), to);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return cli::kExitUsage;
  }
  // SIGXFSZ too: a write beyond the file-size limit is interrupted the same way. Signals the
  // caller ignores (nohup) stay ignored.
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) std::signal(sig, on_signal);
  }
  const std::string first = argv[1];
  if (first == "--version" || first == "-V") {
    std::printf("hoadon %s (libhoadon %s)\n", HOADON_VERSION_STRING, hoadon_version());
    return cli::kExitOk;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    usage(stdout);
    return cli::kExitOk;
  }
  for (const auto& c : kCommands) {
    if (first != c.name) continue;
    try {
      return c.run(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const cli::UsageError& e) {
      std::fprintf(stderr, "hoadon %s: %s\nTry 'hoadon %s --help'.\n", c.name, e.what(), c.name);
      return cli::kExitUsage;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "hoadon %s: internal error: %s\n", c.name, e.what());
      return cli::kExitIo;
    }
  }
  std::fprintf(stderr, "hoadon: unknown command '%s'\n", first.c_str());
  usage(stderr);
  return cli::kExitUsage;
}
