// A signing result for integrators (JSON, documented in README "Signing") and for people.
#include <fmt/format.h>

#include "dsig/render.hpp"
#include "dsig/sign.hpp"
#include "report/json.hpp"
#include "report/render.hpp"
#include "sign/sign.hpp"

namespace hoadon::sign {

std::string result_to_json(const Result& r, std::string_view file) {
  JsonWriter w;
  w.begin_object()
      .field("file", file)
      .key("output")
      .text_or_null(r.ok() ? std::string_view(r.output) : std::string_view())
      .field("kind", std::string_view(r.report.kind()))
      .field("ok", r.ok())
      .field("pending", r.pending)
      .key("signature");
  if (!r.made) {
    w.null();
  } else {
    const Made& m = *r.made;
    w.begin_object()
        .field("slot", std::string_view(m.slot))
        .key("invoice")
        .position_or_null(m.invoice)
        .field("path", std::string_view(m.path))
        .field("id", std::string_view(m.id))
        .field("algorithm", std::string_view(m.algorithm))
        .field("digest_algorithm", std::string_view(m.digest_algorithm))
        .field("signing_time", std::string_view(m.signing_time));
    dsig::write_signer(w, m.signer);
    // Two-phase signing: what the external signer signs, in base64.
    w.key("to_be_signed").text_or_null(r.pending ? dsig::base64(m.to_be_signed) : std::string());
    w.key("digest").text_or_null(r.pending ? dsig::base64(m.digest) : std::string());
    w.end_object();
  }
  write_diagnostics(w, r.report);
  w.end_object();
  return w.take();
}

std::string result_to_text(const Result& r, std::string_view file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string out;
  if (r.made) {
    const Made& m = *r.made;
    out += fmt::format("{}: {} {} ({}, {})\n", file,
                       r.pending ? (vi ? "chuẩn bị chữ ký" : "prepared signature") : (vi ? "đã ký" : "signed"), m.slot,
                       m.algorithm, m.signing_time);
    out += fmt::format("    {}: {}\n", vi ? "người ký" : "signer", m.signer.subject);
    if (!m.signer.tax_code.empty()) out += fmt::format("    {}: {}\n", vi ? "mã số thuế" : "tax code", m.signer.tax_code);
    if (r.ok() && !r.output.empty()) out += fmt::format("    {}: {}\n", vi ? "kết quả" : "output", r.output);
    if (r.pending) out += fmt::format("    {}: {}\n", vi ? "giá trị băm cần ký" : "digest to sign", dsig::base64(m.digest));
  }
  out += diagnostics_to_text(r.report, file, lang);
  const std::string what_en = r.pending ? "pending" : r.ok() ? "signed" : "not signed";
  const std::string what_vi = r.pending ? "chờ ký" : r.ok() ? "đã ký" : "không ký";
  out += verdict_to_text(r.report, file, r.ok(), lang, what_en, what_vi);
  return out;
}

}  // namespace hoadon::sign
