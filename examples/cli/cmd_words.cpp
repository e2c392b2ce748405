// hoadon words: the Vietnamese words for amounts, as TgTTTBChu writes them (for spreadsheets).
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  return {"words",
          "[options] AMOUNT...",
          "Print the Vietnamese words for each AMOUNT, one line each, as an invoice's TgTTTBChu writes them.",
          "AMOUNT is a decimal number as invoices write it (1234500, -12.50). Without AMOUNT, or with -,\n"
          "amounts are read from standard input, one per line (an empty line gives an empty line).\n"
          "Styles (comma-separated): lower (no capital), le (lẻ for linh), ngan (ngàn for nghìn),\n"
          "tu (tư for a 4 after mươi), minor (decimals as the minor unit: và năm mươi xu), tru (Trừ for Âm).",
          {{"--currency", "CODE", "ISO 4217 currency (default VND): its name is the unit (đồng, đô la Mỹ…)"},
           {"--style", "STYLE[,STYLE]", "lower, le, ngan, tu, minor, tru"},
           {"--unit", "TEXT", "words after the number instead of the currency's name (\"đồng chẵn\", \"\")"},
           {"--decimals", "N", "decimals to speak, rounding half away from zero (default: as the amount needs)"},
           {"-h|--help", "", "show this help"}}};
}

unsigned style_flags(const std::string& styles) {
  struct Style {
    std::string_view name;
    unsigned flag;
  };
  constexpr Style kStyles[] = {{"lower", HOADON_WORDS_LOWERCASE},  {"le", HOADON_WORDS_LE},
                               {"ngan", HOADON_WORDS_NGAN},        {"tu", HOADON_WORDS_TU},
                               {"minor", HOADON_WORDS_MINOR_UNIT}, {"tru", HOADON_WORDS_TRU}};
  unsigned flags = 0;
  std::size_t start = 0;
  while (start <= styles.size()) {
    const std::size_t comma = std::min(styles.find(',', start), styles.size());
    const std::string_view name = std::string_view(styles).substr(start, comma - start);
    bool known = false;
    for (const auto& s : kStyles)
      if (s.name == name) {
        flags |= s.flag;
        known = true;
      }
    if (!known) throw UsageError(fmt::format("--style: unknown style '{}' (lower, le, ngan, tu, minor, tru)", name));
    start = comma + 1;
  }
  return flags;
}

}  // namespace

int cmd_words(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  hoadon_words_options o;
  hoadon_words_options_init(&o, sizeof o);
  if (const auto styles = args.get("--style")) o.flags = style_flags(*styles);
  const auto unit = args.get("--unit");
  if (unit) o.unit = unit->c_str();
  o.decimals = args.has("--decimals") ? static_cast<int>(args.number("--decimals", 0, 0, 6)) : -1;
  const auto currency = args.get_or("--currency", "VND");
  // Check the currency once, so that a wrong code is a usage error rather than a failed amount.
  if (char* probe = hoadon_amount_in_words("0", currency.c_str(), &o)) {
    hoadon_free(probe);
  } else {
    throw UsageError(fmt::format("--currency: {}", hoadon_last_error()));
  }

  int status = kExitOk;
  auto say = [&](const std::string& amount) {
    if (amount.empty()) {
      std::fputs("\n", stdout);
      return;
    }
    if (char* words = hoadon_amount_in_words(amount.c_str(), currency.c_str(), &o)) {
      std::printf("%s\n", words);
      hoadon_free(words);
    } else {
      std::fprintf(stderr, "hoadon words: %s\n", hoadon_last_error());
      std::fputs("\n", stdout);  // keep the output aligned with the input lines
      status = kExitFailed;
    }
  };
  std::vector<std::string> amounts = args.positional();
  if (amounts.empty()) amounts.push_back("-");
  for (const auto& a : amounts) {
    if (a != "-") {
      say(a);
      continue;
    }
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();  // spreadsheets export CRLF
      const auto first = line.find_first_not_of(" \t");
      say(first == std::string::npos ? std::string() : line.substr(first, line.find_last_not_of(" \t") - first + 1));
    }
  }
  std::fflush(stdout);
  return status;
}

}  // namespace cli
