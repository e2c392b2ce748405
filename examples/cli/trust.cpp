// What verify and render share: the trust options, the verification settings, the trust handle.
#include <fmt/format.h>

#include "cli.hpp"

namespace cli {

std::vector<OptionSpec> trust_options() {
  return {
      {"--trust", "PATH",
       "trust anchor certificates (PEM/DER/PKCS#7 file or directory), besides the trust lists; repeatable", true},
      {"--no-default-trust", "", "do not use the trust lists ('hoadon trust list'): only --trust and the others"},
      {"--intermediate", "PATH", "intermediate CA certificates for building chains; repeatable", true},
      {"--crl", "PATH", "certificate revocation lists (file or directory); repeatable", true},
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
      {"--no-tax-code-check", "", "do not match the signer's tax code against the document"},
  };
}

hoadon_verify_options verify_settings(const Args& args) {
  hoadon_verify_options options;
  hoadon_verify_options_init(&options, sizeof options);
  options.policy = args.choice("--policy", {"default", "strict"}, "default") == "strict" ? HOADON_POLICY_STRICT
                                                                                         : HOADON_POLICY_DEFAULT;
  options.integrity_only = args.has("--integrity-only");
  options.check_tax_code = !args.has("--no-tax-code-check");
  if (const auto at = args.get("--at"); at && hoadon_time_parse(at->c_str(), &options.time) != HOADON_OK)
    throw UsageError(fmt::format("--at: {}", hoadon_last_error()));
  return options;
}

Trust load_trust(const Args& args, std::string& error) {
  hoadon_trust* raw = nullptr;
  if (hoadon_trust_new(&raw) != HOADON_OK) {
    error = hoadon_last_error();
    return nullptr;
  }
  Trust trust(raw);
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

}  // namespace cli
