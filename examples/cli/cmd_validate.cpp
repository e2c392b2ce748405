#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli.hpp"

namespace cli {

CommandSpec validate_spec() {
  auto options = document_options();
  options.insert(
      options.begin(),
      {{"--strict", "", "enforce the tables literally (child order, unknown elements, empty values)"},
       {"--version", "PBAN", "validate as format version 2.0.0, 2.0.1 or 2.1.0 instead of the declared one"},
       {"--schema-only", "", "run the schema checks only"},
       {"--rules-only", "", "run the business rules only"},
       {"--rule", "CODE=SEVERITY", "set a code to off, info, warning, error or default (repeatable)", true},
       {"--profile", "FILE", "apply a rule profile file (CODE=SEVERITY per line)", true},
       {"--tolerance", "AMOUNT", "largest accepted difference per amount comparison (default: one minor unit, 1 đồng)"},
       {"--now", "YYYY-MM-DD", "the date taken as today by the date rules (default: today)"},
       {"--stage", "STAGE", "auto (default), draft, signed or issued: the signatures and code required"}});
  const auto verdicts = verdict_options();
  options.insert(options.begin(), verdicts.begin(), verdicts.end());
  return {"validate", "[options] PATH...", "Check each document against the tax schemas and the business rules.",
          "An input fails when any diagnostic of severity error remains after the profile is applied.\n"
          "Default mode accepts what the tax authority accepts and warns about real-world deviations;\n"
          "--strict enforces the tables literally. The stage decides the signatures and tax authority's\n"
          "code an invoice must carry: auto reads it from the envelope's message type (200 signed, 202\n"
          "issued…) or from what a bare invoice carries (none: a draft before signing). 'hoadon codes'\n"
          "lists every code a --rule or --profile line can set.",
          options};
}

namespace {

// --now takes a calendar date (midnight, Vietnam time) or any time --at takes; the library
// reads it.
long long parse_now(const std::string& s) {
  long long t = 0;
  if (hoadon_time_parse(s.c_str(), &t) != HOADON_OK)
    throw UsageError(fmt::format("--now expects a date YYYY-MM-DD, not '{}': {}", s, hoadon_last_error()));
  return t;
}

}  // namespace

Job validate_job(const Args& args) {
  if (args.has("--schema-only") && args.has("--rules-only"))
    throw UsageError("--schema-only and --rules-only exclude each other");
  const Common c = common_settings(args);

  // What every call of the work shares, read-only once built.
  struct State {
    hoadon::Owned<hoadon_rule_profile> profile;
    std::optional<std::string> version, tolerance;
    hoadon_validate_options vo{};
  };
  auto st = std::make_shared<State>();
  {
    hoadon_rule_profile* p = nullptr;
    if (hoadon_rule_profile_new(&p) != HOADON_OK) throw std::runtime_error(hoadon_last_error());
    st->profile.reset(p);
  }
  for (const auto& file : args.all("--profile"))
    if (int rc = hoadon_rule_profile_load(st->profile.get(), file.c_str()); rc != HOADON_OK) {
      if (rc == HOADON_EIO) throw IoError(hoadon_last_error());
      throw UsageError(hoadon_last_error());
    }
  for (const auto& rule : args.all("--rule")) {
    const auto eq = rule.find('=');
    if (eq == std::string::npos) throw UsageError(fmt::format("--rule expects CODE=SEVERITY, not '{}'", rule));
    if (hoadon_rule_profile_set(st->profile.get(), rule.substr(0, eq).c_str(), severity_named(rule.substr(eq + 1))) !=
        HOADON_OK)
      throw UsageError(fmt::format("--rule {}: {}", rule, hoadon_last_error()));
  }

  hoadon_validate_options& vo = st->vo;
  hoadon_validate_options_init(&vo, sizeof vo);
  vo.strict = args.has("--strict");
  st->version = args.get("--version");
  vo.version = st->version ? st->version->c_str() : nullptr;
  vo.skip_schema = args.has("--rules-only");
  vo.skip_rules = args.has("--schema-only");
  vo.profile = st->profile.get();
  st->tolerance = args.get("--tolerance");
  vo.tolerance = st->tolerance ? st->tolerance->c_str() : nullptr;
  if (const auto now = args.get("--now")) vo.now = parse_now(*now);
  if (const auto stage = args.get("--stage")) vo.stage = stage_named(*stage);
  if (hoadon_validate_options_check(&vo) != HOADON_OK) throw UsageError(hoadon_last_error());

  return {c, [c, st](const Input& in) {
            hoadon_doc* doc = nullptr;
            const int rc = open_input(in, c.parse, &doc);
            if (!doc) return Outcome{take_line(nullptr), kExitIo};
            const hoadon::Owned<hoadon_doc> owned(doc);
            hoadon_report* report = nullptr;
            const int vrc = hoadon_doc_validate(doc, &st->vo, &report);
            const hoadon::Owned<hoadon_report> owned_report(report);
            Outcome o;
            if (vrc != HOADON_OK) {
              o = {take_line(nullptr), kExitIo};
            } else {
              o.output = take_line(c.json ? hoadon_report_to_json(report, in.label.c_str())
                                          : hoadon_report_to_verdict(report, doc, in.label.c_str(), &c.verdict));
              o.status = status_of_open(rc) == kExitIo ? kExitIo : hoadon_report_ok(report) ? kExitOk : kExitFailed;
              o.tally = hoadon_report_verdict(report, c.lang);
            }
            return o;
          }};
}

int cmd_validate(const std::vector<std::string>& argv) {
  const auto s = validate_spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("validate needs at least one PATH (or - for standard input)");
  try {
    const Job job = validate_job(args);
    return run_verdicts(expand_inputs(args.positional()), job.common, job.work);
  } catch (const IoError& e) {
    std::fprintf(stderr, "hoadon validate: %s\n", e.what());
    return kExitIo;
  }
}

}  // namespace cli
