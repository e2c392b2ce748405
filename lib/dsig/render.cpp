#include "dsig/render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace hoadon::dsig {
namespace {

std::string_view profile_name(VerifyProfile p) { return p == VerifyProfile::XmlDsig ? "xmldsig" : "invoice"; }

void write_strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
  w.key(key).begin_array();
  for (const auto& s : items) w.value(std::string_view(s));
  w.end_array();
}

void write_signature(JsonWriter& w, const SignatureResult& s) {
  w.begin_object()
      .field("slot", std::string_view(s.slot))
      .key("invoice")
      .position_or_null(s.invoice)
      .field("path", std::string_view(s.path))
      .field("id", std::string_view(s.id))
      .field("outcome", outcome_name(s.outcome))
      .field("integrity", std::string_view(s.intact ? "intact" : "broken"))
      .field("reason", std::string_view(s.reason))
      .field("algorithm", std::string_view(s.algorithm))
      .key("signing_time")
      .text_or_null(s.signing_time);
  write_signer(w, s.signer);
  write_strings(w, "covers", s.covers);
  write_strings(w, "warnings", s.warnings);
  w.field("trust_checked", s.trust_checked).end_object();
}

}  // namespace

void write_signer(JsonWriter& w, const std::optional<Signer>& s) {
  w.key("signer");
  if (!s) {
    w.null();
    return;
  }
  w.begin_object()
      .field("subject", std::string_view(s->subject))
      .field("tax_code", std::string_view(s->tax_code))
      .field("issuer", std::string_view(s->issuer))
      .field("serial", std::string_view(s->serial))
      .field("not_before", std::string_view(s->not_before))
      .field("not_after", std::string_view(s->not_after))
      .field("key_bits", s->key_bits);
  write_strings(w, "identifiers", s->identifiers);
  w.end_object();
}

std::string verification_to_json(const Verification& v, std::string_view file) {
  JsonWriter w;
  w.begin_object()
      .field("file", file)
      .field("kind", std::string_view(v.kind))
      .field("ok", v.ok())
      .field("profile", profile_name(v.profile))
      .field("integrity_only", v.integrity_only);
  w.key("signatures").begin_array();
  for (const auto& s : v.signatures) write_signature(w, s);
  w.end_array();
  write_diagnostics(w, v.report);
  w.end_object();
  return w.take();
}

std::string verification_to_text(const Verification& v, std::string_view file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string out;
  for (const auto& s : v.signatures) {
    const auto slot = s.slot.empty() ? std::string("?") : s.slot;
    std::string line = fmt::format("{}: {} {}: {} ({})", file, vi ? "chữ ký" : "signature", slot,
                                   outcome_name(s.outcome), s.intact ? "intact" : "broken");
    if (!s.reason.empty()) line += fmt::format(" — {}", s.reason);
    out += line + "\n";
    if (!s.algorithm.empty()) out += fmt::format("    {}: {}\n", vi ? "thuật toán" : "algorithm", s.algorithm);
    if (!s.signing_time.empty()) out += fmt::format("    {}: {}\n", vi ? "thời điểm ký" : "signed at", s.signing_time);
    if (s.signer) {
      out += fmt::format("    {}: {}\n", vi ? "người ký" : "signer", s.signer->subject);
      if (!s.signer->tax_code.empty())
        out += fmt::format("    {}: {}\n", vi ? "mã số thuế" : "tax code", s.signer->tax_code);
      out += fmt::format("    {}: {} ({} – {})\n", vi ? "cấp bởi" : "issuer", s.signer->issuer, s.signer->not_before,
                         s.signer->not_after);
    }
    if (!s.covers.empty()) out += fmt::format("    {}: {}\n", vi ? "bao phủ" : "covers", fmt::join(s.covers, ", "));
  }
  const auto n = v.signatures.size();
  out += diagnostics_to_text(v.report, file, lang);
  out += verdict_to_text(v.report, file, v.ok(), lang, fmt::format("{} signature{}", n, n == 1 ? "" : "s"),
                         fmt::format("{} chữ ký", n));
  return out;
}

}  // namespace hoadon::dsig
