#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "cli.hpp"

namespace cli {

int cmd_schema(const std::vector<std::string>& argv) {
  const CommandSpec s{
      "schema",
      "--list | --print NAME",
      "List or print the XSD schemas compiled into libhoadon.",
      "Each entry schema comes in a default variant (what the tax authority accepts) and a strict one\n"
      "(-strict: the format tables literally). Entries include invoice-<PBan>.xsd or forms.xsd, which\n"
      "include types.xsd and import dsig.xsd (dsig-strict.xsd), by relative name: to use them elsewhere,\n"
      "save every file into one folder, e.g.\n"
      "  for f in $(hoadon schema --list); do hoadon schema --print $f > $f; done",
      {{"--list", "", "print the name of every embedded .xsd file, one per line"},
       {"--print", "NAME", "print the text of one file exactly as embedded"},
       {"-h|--help", "", "show this help"}}};
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (!args.positional().empty()) throw UsageError("schema takes no PATH");
  const auto name = args.get("--print");
  if (args.has("--list") == name.has_value()) throw UsageError("give exactly one of --list and --print NAME");
  if (!name) {
    std::string out;
    for (size_t i = 0; i < hoadon_schema_count(); ++i) out += fmt::format("{}\n", hoadon_schema_name(i));
    fputs(out.c_str(), stdout);
    return kExitOk;
  }
  size_t len = 0;
  const char* text = hoadon_schema_text(name->c_str(), &len);
  if (!text) throw UsageError(fmt::format("no embedded schema named '{}' (see hoadon schema --list)", *name));
  if (std::fwrite(text, 1, len, stdout) != len || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "hoadon schema: cannot write the output\n");
    return kExitIo;
  }
  return kExitOk;
}

}  // namespace cli
