// Signature verification through the C API: translation only; the work is lib/dsig's.
#include <cstring>
#include <ctime>

#include "capi/handles.hpp"
#include "dsig/render.hpp"
#include "dsig/verify.hpp"
#include "init.hpp"
#include "pki/time.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::guard_ptr;
using hoadon::capi::has_member;
using hoadon::capi::raw;

}  // namespace

namespace hoadon::capi {

hoadon::dsig::VerifyOptions verify_options_of(const hoadon_verify_options* o) {
  hoadon::dsig::VerifyOptions v;
  if (!o) return v;
  // Members beyond what the caller's header knew keep their defaults.
  if (has_member(o, &hoadon_verify_options::policy))
    v.policy = raw(o->policy) == HOADON_POLICY_STRICT ? hoadon::dsig::Policy::Strict : hoadon::dsig::Policy::Default;
  if (has_member(o, &hoadon_verify_options::time)) v.at = o->time;
  if (has_member(o, &hoadon_verify_options::integrity_only)) v.integrity_only = o->integrity_only != 0;
  if (has_member(o, &hoadon_verify_options::profile))
    v.profile = raw(o->profile) == HOADON_VERIFY_PROFILE_XMLDSIG ? hoadon::dsig::VerifyProfile::XmlDsig
                                                                 : hoadon::dsig::VerifyProfile::Invoice;
  if (has_member(o, &hoadon_verify_options::check_tax_code)) v.check_tax_code = o->check_tax_code != 0;
  if (has_member(o, &hoadon_verify_options::online)) v.online.enabled = o->online != 0;
  if (has_member(o, &hoadon_verify_options::online_cache) && o->online_cache) v.online.cache_dir = o->online_cache;
  if (has_member(o, &hoadon_verify_options::online_timeout) && o->online_timeout > 0)
    v.online.timeout_seconds = o->online_timeout;
  return v;
}

}  // namespace hoadon::capi

namespace {

bool valid_kind(const hoadon_trust_kind& k) {
  return raw(k) >= HOADON_TRUST_ANCHOR && raw(k) <= HOADON_TRUST_TAX_AUTHORITY;
}
hoadon::pki::Material material(const hoadon_trust_kind& k) { return static_cast<hoadon::pki::Material>(raw(k)); }

int trust_error(const hoadon::pki::TrustError& e) {
  return fail(e.unreadable() ? HOADON_EIO : HOADON_ENOTFOUND, e.what());
}

}  // namespace

static_assert(static_cast<int>(hoadon::pki::Material::Anchor) == HOADON_TRUST_ANCHOR);
static_assert(static_cast<int>(hoadon::pki::Material::Intermediate) == HOADON_TRUST_INTERMEDIATE);
static_assert(static_cast<int>(hoadon::pki::Material::Crl) == HOADON_TRUST_CRL);
static_assert(static_cast<int>(hoadon::pki::Material::PinnedKey) == HOADON_TRUST_PINNED_KEY);
static_assert(static_cast<int>(hoadon::pki::Material::TaxAuthority) == HOADON_TRUST_TAX_AUTHORITY);

hoadon_verify_result::hoadon_verify_result(hoadon::dsig::Verification v)
    : verification(std::move(v)), report(std::make_unique<hoadon_report>(verification.report)) {
  const auto& sigs = verification.signatures;
  covers.resize(sigs.size());
  warnings.resize(sigs.size());
  for (std::size_t i = 0; i < sigs.size(); ++i) {
    const auto& s = sigs[i];
    for (const auto& c : s.covers) covers[i].push_back(c.c_str());
    for (const auto& w : s.warnings) warnings[i].push_back(w.c_str());
    static const std::string none;
    const auto& signer = s.signer;
    const auto str = [&](const std::string hoadon::dsig::Signer::*m) {
      return signer ? ((*signer).*m).c_str() : none.c_str();
    };
    views.push_back({s.slot.c_str(), s.invoice, s.path.c_str(), static_cast<hoadon_outcome>(s.outcome),
                     hoadon::dsig::outcome_name(s.outcome).data(), s.intact ? 1 : 0, s.reason.c_str(),
                     s.algorithm.c_str(), s.signing_time.c_str(), str(&hoadon::dsig::Signer::subject),
                     str(&hoadon::dsig::Signer::tax_code), str(&hoadon::dsig::Signer::issuer),
                     str(&hoadon::dsig::Signer::serial), str(&hoadon::dsig::Signer::not_before),
                     str(&hoadon::dsig::Signer::not_after), covers[i].size(), covers[i].data(), warnings[i].size(),
                     warnings[i].data()});
  }
}

static_assert(static_cast<int>(hoadon::dsig::Outcome::Valid) == HOADON_OUTCOME_VALID);
static_assert(static_cast<int>(hoadon::dsig::Outcome::Invalid) == HOADON_OUTCOME_INVALID);
static_assert(static_cast<int>(hoadon::dsig::Outcome::Indeterminate) == HOADON_OUTCOME_INDETERMINATE);

extern "C" {

int hoadon_trust_new(hoadon_trust** out) {
  if (out) *out = nullptr;
  if (!out) return fail(HOADON_EINVAL, "hoadon_trust_new: out is NULL");
  return guard([&] {
    hoadon::ensure_initialized();
    *out = new hoadon_trust();
    return HOADON_OK;
  });
}

void hoadon_trust_free(hoadon_trust* trust) { delete trust; }

int hoadon_trust_add_path(hoadon_trust* trust, hoadon_trust_kind kind, const char* path) {
  if (!trust || !path || !valid_kind(kind)) return fail(HOADON_EINVAL, "hoadon_trust_add_path: bad argument");
  return guard([&] {
    try {
      trust->store.add_path(material(kind), path);
      return HOADON_OK;
    } catch (const hoadon::pki::TrustError& e) {
      return trust_error(e);
    }
  });
}

int hoadon_trust_add_memory(hoadon_trust* trust, hoadon_trust_kind kind, const void* data, size_t len) {
  if (!trust || (!data && len) || !valid_kind(kind))
    return fail(HOADON_EINVAL, "hoadon_trust_add_memory: bad argument");
  return guard([&] {
    try {
      trust->store.add_memory(material(kind), std::string_view(static_cast<const char*>(data ? data : ""), len));
      return HOADON_OK;
    } catch (const hoadon::pki::TrustError& e) {
      return trust_error(e);
    }
  });
}

size_t hoadon_trust_count(const hoadon_trust* trust, hoadon_trust_kind kind) {
  return trust && valid_kind(kind) ? trust->store.count(material(kind)) : 0;
}

int hoadon_trust_add_tax_authority_subject(hoadon_trust* trust, const char* subject) {
  if (!trust || !subject || !*subject)
    return fail(HOADON_EINVAL, "hoadon_trust_add_tax_authority_subject: trust and a non-empty subject are required");
  return guard([&] {
    trust->store.add_tax_authority_subject(subject);
    return HOADON_OK;
  });
}

int hoadon_trust_use_default_tax_authority(hoadon_trust* trust, int enabled) {
  if (!trust) return fail(HOADON_EINVAL, "hoadon_trust_use_default_tax_authority: trust is NULL");
  trust->store.use_default_tax_authority(enabled != 0);
  return HOADON_OK;
}

int hoadon_verify_options_init(hoadon_verify_options* o, size_t size) {
  // The header's defaults are the core's (checked once; VerifyOptions is not a literal type).
  static const bool same = [] {
    const hoadon_verify_options h HOADON_VERIFY_OPTIONS_INIT;
    const hoadon::dsig::VerifyOptions d;
    return h.time == d.at && (h.integrity_only != 0) == d.integrity_only &&
           (h.check_tax_code != 0) == d.check_tax_code && (h.online != 0) == d.online.enabled &&
           h.online_timeout == d.online.timeout_seconds;
  }();
  if (!same)
    return hoadon::capi::fail(HOADON_EINTERNAL, "HOADON_VERIFY_OPTIONS_INIT differs from the library's defaults");
  static constexpr hoadon_verify_options kDefaults HOADON_VERIFY_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_online_available(void) { return hoadon::pki::online_available() ? 1 : 0; }

int hoadon_time_parse(const char* text, long long* unix_seconds) {
  if (!text || !unix_seconds) return fail(HOADON_EINVAL, "hoadon_time_parse: NULL argument");
  return guard([&] {
    const std::string_view t = text;
    if (t == "now") {
      *unix_seconds = static_cast<long long>(std::time(nullptr));
      return HOADON_OK;
    }
    if (!t.empty() && t.size() <= 12 && t.find_first_not_of("0123456789") == std::string_view::npos) {
      *unix_seconds = std::stoll(std::string(t));
      return HOADON_OK;
    }
    const auto parsed = hoadon::pki::parse_time(t);
    if (!parsed)
      return fail(HOADON_EINVAL, "not a time: expected now, Unix seconds, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[Z|±hh:mm]");
    *unix_seconds = *parsed;
    return HOADON_OK;
  });
}

int hoadon_doc_verify(hoadon_doc* doc, const hoadon_trust* trust, const hoadon_verify_options* options,
                      hoadon_verify_result** out) {
  if (out) *out = nullptr;
  if (!doc || !out) return fail(HOADON_EINVAL, "hoadon_doc_verify: doc and out must not be NULL");
  return guard([&] {
    const auto opts = hoadon::capi::verify_options_of(options);
    if (opts.online.enabled && !hoadon::pki::online_available())
      return fail(HOADON_EINVAL, "online revocation checking: not built with libcurl");
    if (!doc->doc) {
      *out = new hoadon_verify_result(hoadon::dsig::rejected_document(doc->report->report, opts));
      return fail(HOADON_EREJECTED, "the input was rejected: see the result's report");
    }
    *out = new hoadon_verify_result(hoadon::dsig::verify_document(*doc->doc, doc->index, doc->report->report,
                                                                  trust ? &trust->store : nullptr, opts));
    return HOADON_OK;
  });
}

void hoadon_verify_result_free(hoadon_verify_result* result) { delete result; }

int hoadon_verify_result_ok(const hoadon_verify_result* r) { return r && r->verification.ok() ? 1 : 0; }

size_t hoadon_verify_result_count(const hoadon_verify_result* r) { return r ? r->views.size() : 0; }

const hoadon_signature_result* hoadon_verify_result_get(const hoadon_verify_result* r, size_t i) {
  return r && i < r->views.size() ? &r->views[i] : nullptr;
}

const char* hoadon_signature_result_cover(const hoadon_signature_result* s, size_t i) {
  return s && i < s->covers_count ? s->covers[i] : nullptr;
}

const char* hoadon_signature_result_warning(const hoadon_signature_result* s, size_t i) {
  return s && i < s->warnings_count ? s->warnings[i] : nullptr;
}

const hoadon_report* hoadon_verify_result_report(const hoadon_verify_result* r) {
  return r ? r->report.get() : nullptr;
}

char* hoadon_verify_result_to_json(const hoadon_verify_result* r, const char* file) {
  if (!r) return fail(HOADON_EINVAL, "result is NULL"), nullptr;
  return guard_ptr(
      [&] { return hoadon::capi::dup_string(hoadon::dsig::verification_to_json(r->verification, file ? file : "")); });
}

char* hoadon_verify_result_to_text(const hoadon_verify_result* r, const char* file, hoadon_lang lang) {
  if (!r) return fail(HOADON_EINVAL, "result is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::dsig::verification_to_text(r->verification, file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

}  // extern "C"
