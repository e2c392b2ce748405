#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli.hpp"

namespace cli {

CommandSpec verify_spec() {
  CommandSpec s{"verify", "[options] PATH...",
                "Verify every signature of each document: integrity, binding to the data it must cover, the "
                "signer's certificate, and trust.",
                "Each signature gets an outcome: valid, invalid (integrity or policy failure) or indeterminate "
                "(intact, but trust not established), with a reason. An input passes when it has at least one "
                "signature and every one is valid (with --integrity-only: intact and not invalid).\n"
                "Certificates are checked at each signature's signing time unless --at says otherwise.",
                document_options()};
  std::vector<OptionSpec> own = trust_options();
  // Options of verify alone: the generic XMLDSig profile and its pinned keys.
  own.insert(
      own.begin() + 3,
      {"--pin-key", "PATH", "with --profile xmldsig: a public key or certificate trusted as such; repeatable", true});
  own.push_back(
      {"--profile", "invoice|xmldsig",
       "invoice (default): e-invoice roles and binding; xmldsig: any XMLDSig signature under the same rules"});
  own.push_back({"--online", "",
                 "ask revocation online where no --crl covers it: the certificate's OCSP responder, else its CRL "
                 "distribution point (http/https, answers up to 1 MiB); never without this option"});
  own.push_back(
      {"--online-cache", "DIR", "with --online: keep the answers in DIR and reuse them until their nextUpdate"});
  own.push_back(
      {"--online-timeout", "SECONDS", "with --online: time allowed to connect and for each request (default 10)"});
  s.options.insert(s.options.begin(), own.begin(), own.end());
  const auto verdicts = verdict_options();
  s.options.insert(s.options.begin() + static_cast<long>(own.size()), verdicts.begin(), verdicts.end());
  return s;
}

Job verify_job(const Args& args, const hoadon_trust* trust) {
  Common c = common_settings(args);
  struct State {
    hoadon_verify_options options{};
    std::optional<std::string> cache;
  };
  auto st = std::make_shared<State>();
  hoadon_verify_options& options = st->options;
  options = verify_settings(args);
  options.profile = args.choice("--profile", {"invoice", "xmldsig"}, "invoice") == "xmldsig"
                        ? HOADON_VERIFY_PROFILE_XMLDSIG
                        : HOADON_VERIFY_PROFILE_INVOICE;
  // Generic XMLDSig documents come in any encoding; e-invoices are UTF-8 only.
  if (options.profile == HOADON_VERIFY_PROFILE_XMLDSIG) c.parse.any_encoding = 1;
  options.online = args.has("--online");
  if (!options.online && (args.has("--online-cache") || args.has("--online-timeout")))
    throw UsageError("--online-cache and --online-timeout apply to --online only");
  if (options.online && !hoadon_online_available())
    throw UsageError("--online: not built with libcurl (online revocation checking is unavailable)");
  st->cache = args.get("--online-cache");
  if (st->cache) options.online_cache = st->cache->c_str();
  if (const auto t = args.get("--online-timeout")) {
    const bool digits = !t->empty() && t->size() <= 4 && t->find_first_not_of("0123456789") == std::string::npos;
    options.online_timeout = digits ? std::stoi(*t) : 0;
    if (options.online_timeout < 1 || options.online_timeout > 600)
      throw UsageError("--online-timeout: a number of seconds from 1 to 600");
  }
  if (args.has("--pin-key") && options.profile != HOADON_VERIFY_PROFILE_XMLDSIG)
    throw UsageError("--pin-key applies to --profile xmldsig only: invoices are verified with their certificate");

  return {
      c, [c, st, trust](const Input& in) {
        hoadon_doc* doc = nullptr;
        const int rc = open_input(in, c.parse, &doc);
        if (!doc) return Outcome{take_line(nullptr), kExitIo};
        const hoadon::Owned<hoadon_doc> owned(doc);
        hoadon_verify_result* result = nullptr;
        hoadon_doc_verify(doc, trust, &st->options, &result);
        const hoadon::Owned<hoadon_verify_result> owned_result(result);
        Outcome o;
        if (!result) {
          o = {take_line(nullptr), kExitIo};
        } else {
          o.output = take_line(c.json ? hoadon_verify_result_to_json(result, in.label.c_str())
                                      : hoadon_verify_result_to_verdict(result, doc, in.label.c_str(), &c.verdict));
          o.status = status_of_open(rc) == kExitIo ? kExitIo : hoadon_verify_result_ok(result) ? kExitOk : kExitFailed;
          o.tally = hoadon_verify_result_verdict(result, c.lang);
        }
        return o;
      }};
}

int cmd_verify(const std::vector<std::string>& argv) {
  const auto s = verify_spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("verify needs at least one PATH (or - for standard input)");
  verify_job(args, nullptr);  // a usage error is reported before the trust is loaded
  std::string error;
  const auto trust = load_trust(args, error);
  if (!trust) {
    std::fprintf(stderr, "hoadon verify: %s\n", error.c_str());
    return kExitIo;
  }
  const Job job = verify_job(args, trust.get());
  return run_verdicts(expand_inputs(args.positional()), job.common, job.work);
}

}  // namespace cli
