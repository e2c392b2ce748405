// hoadon trust: the trust lists verification uses by default — list them, add to one, and
// describe a certificate file before adding it.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  return {"trust",
          "list | show FILE... | add --role ROLE [--source TEXT] [--list DIR] FILE",
          "Show and maintain the trust lists that hoadon verify uses by default.",
          "A trust list is a folder with trust-list.tsv (role, SHA-256, file, subject, validity, source per "
          "certificate) and the certificate files; a certificate whose file does not hash to its row is never "
          "loaded. Two lists are used: the installed one (the package's, or $HOADON_TRUST_LIST) and yours "
          "($HOADON_TRUST_USER, else ~/.local/share/hoadon/trust), where 'add' writes.\n"
          "Before adding a root, compare its SHA-256 ('show') with the one its CA publishes. Never add a "
          "certificate because an invoice carries it.",
          {{"--role", "root|intermediate|tax-authority", "add: what the certificate is trusted as"},
           {"--source", "TEXT", "add: where it came from and how its fingerprint was checked"},
           {"--list", "DIR", "add or list: this trust list instead of the default ones"},
           {"--format", "text|json", "output format of list and show (default text)"},
           {"-h|--help", "", "show this help"}}};
}

int print(char* s) {
  if (!s) {
    std::fprintf(stderr, "hoadon trust: %s\n", hoadon_last_error());
    return kExitIo;
  }
  std::fputs(s, stdout);
  hoadon_free(s);
  return kExitOk;
}

}  // namespace

int cmd_trust(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help") || args.positional().empty()) {
    fputs(help_text(s).c_str(), args.has("--help") ? stdout : stderr);
    return args.has("--help") ? kExitOk : kExitUsage;
  }
  const auto& pos = args.positional();
  const std::string& action = pos[0];
  const int json = args.choice("--format", {"text", "json"}, "text") == "json";
  const auto list = args.get("--list");
  if (action == "list") {
    if (pos.size() != 1) throw UsageError("trust list takes no FILE");
    return print(hoadon_trust_list_describe(list ? list->c_str() : nullptr, json));
  }
  if (action == "show") {
    if (pos.size() < 2) throw UsageError("trust show needs a certificate FILE");
    int status = kExitOk;
    for (std::size_t i = 1; i < pos.size(); ++i) {
      if (pos.size() > 2 && !json) std::printf("%s:\n", pos[i].c_str());
      status = std::max(status, print(hoadon_certificate_describe(pos[i].c_str(), json)));
    }
    return status;
  }
  if (action == "add") {
    if (pos.size() != 2) throw UsageError("trust add takes one certificate FILE");
    const auto role = args.get("--role");
    if (!role) throw UsageError("trust add needs --role root|intermediate|tax-authority");
    const auto source = args.get("--source");
    const int rc = hoadon_trust_list_add(list ? list->c_str() : nullptr, role->c_str(), pos[1].c_str(),
                                         source ? source->c_str() : nullptr);
    if (rc == HOADON_EINVAL) throw UsageError(hoadon_last_error());
    if (rc != HOADON_OK) {
      std::fprintf(stderr, "hoadon trust add: %s\n", hoadon_last_error());
      return rc == HOADON_EIO ? kExitIo : kExitFailed;
    }
    std::printf("added %s as %s to %s\n", pos[1].c_str(), role->c_str(),
                list ? list->c_str() : hoadon_trust_list_dir(HOADON_TRUST_LIST_USER));
    return kExitOk;
  }
  throw UsageError(fmt::format("unknown trust action '{}' (list, show, add)", action));
}

}  // namespace cli
