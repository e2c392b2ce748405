#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{"verify", "[options] PATH...",
                "Verify every signature of each document: integrity, binding to the data it must cover, the "
                "signer's certificate, and trust.",
                "Each signature gets an outcome: valid, invalid (integrity or policy failure) or indeterminate "
                "(intact, but trust not established), with a reason. An input passes when it has at least one "
                "signature and every one is valid (with --integrity-only: intact and not invalid).\n"
                "Certificates are checked at each signature's signing time unless --at says otherwise.",
                document_options()};
  const std::vector<OptionSpec> own = {
      {"--trust", "PATH",
       "trust anchor certificates (PEM/DER/PKCS#7 file or directory), besides the trust lists; repeatable", true},
      {"--no-default-trust", "", "do not use the trust lists ('hoadon trust list'): only --trust and the others"},
      {"--intermediate", "PATH", "intermediate CA certificates for building chains; repeatable", true},
      {"--crl", "PATH", "certificate revocation lists (file or directory); repeatable", true},
      {"--pin-key", "PATH", "with --profile xmldsig: a public key or certificate trusted as such; repeatable", true},
      {"--tax-authority", "PATH",
       "certificates accepted as the tax authority's in its slots (DSCKS/CQT, TTCQT), besides the default rule; "
       "repeatable",
       true},
      {"--tax-authority-subject", "DN",
       "a subject accepted as the tax authority's, exactly as hoadon prints it (RFC 4514); repeatable", true},
      {"--no-default-tax-authority", "",
       "accept only --tax-authority certificates and subjects in the tax authority's slots, not the default rule "
       "(O=BỘ TÀI CHÍNH, CỤC THUẾ, issued by Ban Cơ yếu Chính phủ)"},
      {"--at", "TIME",
       "check certificates at TIME: now, Unix seconds, YYYY-MM-DD[Thh:mm:ss[Z|+hh:mm]] (GMT+7 "
       "without zone)"},
      {"--policy", "default|strict", "strict refuses SHA-1 and RSA keys under 2048 bits, and needs revocation data"},
      {"--integrity-only", "", "check everything except trust (chain, validity, revocation)"},
      {"--profile", "invoice|xmldsig",
       "invoice (default): e-invoice roles and binding; xmldsig: any XMLDSig "
       "signature under the same rules"},
      {"--no-tax-code-check", "", "do not match the signer's tax code against the document"},
      {"--online", "",
       "ask revocation online where no --crl covers it: the certificate's OCSP responder, else its CRL "
       "distribution point (http/https, answers up to 1 MiB); never without this option"},
      {"--online-cache", "DIR", "with --online: keep the answers in DIR and reuse them until their nextUpdate"},
      {"--online-timeout", "SECONDS", "with --online: time allowed to connect and for each request (default 10)"},
  };
  s.options.insert(s.options.begin(), own.begin(), own.end());
  const auto verdicts = verdict_options();
  s.options.insert(s.options.begin() + static_cast<long>(own.size()), verdicts.begin(), verdicts.end());
  return s;
}

struct TrustFree {
  void operator()(hoadon_trust* t) const noexcept { hoadon_trust_free(t); }
};

// Loads every --trust/--intermediate/--crl/--pin-key; a failure ends the command (exit 3).
std::unique_ptr<hoadon_trust, TrustFree> load_trust(const Args& args, std::string& error) {
  hoadon_trust* raw = nullptr;
  if (hoadon_trust_new(&raw) != HOADON_OK) {
    error = hoadon_last_error();
    return nullptr;
  }
  std::unique_ptr<hoadon_trust, TrustFree> trust(raw);
  // The trust lists hold what hoadon trusts out of the box; a tampered list is an error, not
  // a silent fallback to less trust.
  if (!args.has("--no-default-trust") && hoadon_trust_add_list(trust.get(), nullptr) != HOADON_OK) {
    error = fmt::format("trust list: {}", hoadon_last_error());
    return nullptr;
  }
  const std::pair<const char*, hoadon_trust_kind> sources[] = {{"--trust", HOADON_TRUST_ANCHOR},
                                                               {"--intermediate", HOADON_TRUST_INTERMEDIATE},
                                                               {"--crl", HOADON_TRUST_CRL},
                                                               {"--pin-key", HOADON_TRUST_PINNED_KEY},
                                                               {"--tax-authority", HOADON_TRUST_TAX_AUTHORITY}};
  for (const auto& [option, kind] : sources)
    for (const auto& path : args.all(option))
      if (hoadon_trust_add_path(trust.get(), kind, path.c_str()) != HOADON_OK) {
        error = fmt::format("{} {}: {}", option, path, hoadon_last_error());
        return nullptr;
      }
  for (const auto& subject : args.all("--tax-authority-subject"))
    if (hoadon_trust_add_tax_authority_subject(trust.get(), subject.c_str()) != HOADON_OK) {
      error = fmt::format("--tax-authority-subject: {}", hoadon_last_error());
      return nullptr;
    }
  if (args.has("--no-default-tax-authority")) hoadon_trust_use_default_tax_authority(trust.get(), 0);
  return trust;
}

}  // namespace

int cmd_verify(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (args.positional().empty()) throw UsageError("verify needs at least one PATH (or - for standard input)");
  Common c = common_settings(args);
  hoadon_verify_options options;
  hoadon_verify_options_init(&options);
  options.policy = args.choice("--policy", {"default", "strict"}, "default") == "strict" ? HOADON_POLICY_STRICT
                                                                                         : HOADON_POLICY_DEFAULT;
  options.profile = args.choice("--profile", {"invoice", "xmldsig"}, "invoice") == "xmldsig"
                        ? HOADON_VERIFY_PROFILE_XMLDSIG
                        : HOADON_VERIFY_PROFILE_INVOICE;
  // Generic XMLDSig documents come in any encoding; e-invoices are UTF-8 only.
  if (options.profile == HOADON_VERIFY_PROFILE_XMLDSIG) c.parse.any_encoding = 1;
  options.integrity_only = args.has("--integrity-only");
  options.check_tax_code = !args.has("--no-tax-code-check");
  if (const auto at = args.get("--at"); at && hoadon_time_parse(at->c_str(), &options.time) != HOADON_OK)
    throw UsageError(fmt::format("--at: {}", hoadon_last_error()));
  options.online = args.has("--online");
  if (!options.online && (args.has("--online-cache") || args.has("--online-timeout")))
    throw UsageError("--online-cache and --online-timeout apply to --online only");
  if (options.online && !hoadon_online_available())
    throw UsageError("--online: not built with libcurl (online revocation checking is unavailable)");
  const auto cache = args.get("--online-cache");
  if (cache) options.online_cache = cache->c_str();
  if (const auto t = args.get("--online-timeout")) {
    const bool digits = !t->empty() && t->size() <= 4 && t->find_first_not_of("0123456789") == std::string::npos;
    options.online_timeout = digits ? std::stoi(*t) : 0;
    if (options.online_timeout < 1 || options.online_timeout > 600)
      throw UsageError("--online-timeout: a number of seconds from 1 to 600");
  }
  if (args.has("--pin-key") && options.profile != HOADON_VERIFY_PROFILE_XMLDSIG)
    throw UsageError("--pin-key applies to --profile xmldsig only: invoices are verified with their certificate");

  std::string error;
  const auto trust = load_trust(args, error);
  if (!trust) {
    std::fprintf(stderr, "hoadon verify: %s\n", error.c_str());
    return kExitIo;
  }
  return run_verdicts(expand_inputs(args.positional()), c, [&](const Input& in) {
    hoadon_doc* doc = nullptr;
    const int rc = open_input(in, c.parse, &doc);
    if (!doc) return Outcome{take_line(nullptr), kExitIo};
    hoadon_verify_result* result = nullptr;
    hoadon_doc_verify(doc, trust.get(), &options, &result);
    Outcome o;
    if (!result) {
      o = {take_line(nullptr), kExitIo};
    } else {
      o.output = take_line(c.json ? hoadon_verify_result_to_json(result, in.label.c_str())
                                  : hoadon_verify_result_to_verdict(result, doc, in.label.c_str(), &c.verdict));
      o.status = rc == HOADON_EIO ? kExitIo : hoadon_verify_result_ok(result) ? kExitOk : kExitFailed;
      o.tally = hoadon_verify_result_verdict(result, c.lang);
    }
    hoadon_verify_result_free(result);
    hoadon_doc_free(doc);
    return o;
  });
}

}  // namespace cli
