#include <ctime>
#include <fstream>
#include <sstream>

#include "capi/handles.hpp"
#include "validate/validate.hpp"

struct hoadon_rule_profile {
  hoadon::Profile profile;
};

namespace hoadon::capi {

int translate(const hoadon_validate_options* o, hoadon::validate::Options& opts) {
  if (has_member(o, &hoadon_validate_options::strict)) opts.schema.strict = o->strict != 0;
  if (has_member(o, &hoadon_validate_options::version) && o->version) {
    const std::string v = o->version;
    if (v != "2.0.0" && v != "2.0.1" && v != "2.1.0")
      return fail(HOADON_EINVAL, "unknown format version " + v + " (expected 2.0.0, 2.0.1 or 2.1.0)");
    opts.schema.version = v;
  }
  if (has_member(o, &hoadon_validate_options::skip_schema)) opts.run_schema = o->skip_schema == 0;
  if (has_member(o, &hoadon_validate_options::skip_rules)) opts.run_rules = o->skip_rules == 0;
  if (has_member(o, &hoadon_validate_options::profile) && o->profile) opts.profile = &o->profile->profile;
  if (has_member(o, &hoadon_validate_options::tolerance) && o->tolerance) {
    const auto t = hoadon::parse_decimal(o->tolerance);
    if (!t.ok() || t.value->is_negative())
      return fail(HOADON_EINVAL, std::string("tolerance must be a non-negative decimal, not ") + o->tolerance);
    opts.rules.tolerance = *t.value;
  }
  if (has_member(o, &hoadon_validate_options::now) && o->now) opts.rules.now = hoadon::Instant{o->now, 0};
  if (has_member(o, &hoadon_validate_options::stage)) {
    using hoadon::rules::Stage;
    switch (hoadon::capi::raw(o->stage)) {
      case HOADON_STAGE_AUTO:
        opts.rules.stage = Stage::automatic;
        break;
      case HOADON_STAGE_DRAFT:
        opts.rules.stage = Stage::draft;
        break;
      case HOADON_STAGE_SIGNED:
        opts.rules.stage = Stage::seller_signed;
        break;
      case HOADON_STAGE_ISSUED:
        opts.rules.stage = Stage::issued;
        break;
      default:
        return fail(HOADON_EINVAL, "unknown stage " + std::to_string(hoadon::capi::raw(o->stage)) +
                                       " (expected a hoadon_stage value)");
    }
  }
  return HOADON_OK;
}

}  // namespace hoadon::capi

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::translate;

}  // namespace

extern "C" {

int hoadon_rule_profile_new(hoadon_rule_profile** out) {
  if (!out) return fail(HOADON_EINVAL, "hoadon_rule_profile_new: out is NULL");
  *out = nullptr;
  return guard([&] {
    *out = new hoadon_rule_profile();
    return HOADON_OK;
  });
}

void hoadon_rule_profile_free(hoadon_rule_profile* p) { delete p; }

int hoadon_rule_profile_set(hoadon_rule_profile* p, const char* code, int severity) {
  if (!p || !code) return fail(HOADON_EINVAL, "hoadon_rule_profile_set: NULL argument");
  return guard([&] {
    if (!hoadon::find_code(code)) return fail(HOADON_ENOTFOUND, std::string("unknown diagnostic code ") + code);
    // The profile's own vocabulary (the one profile files use).
    const char* name = severity == HOADON_RULE_OFF           ? "off"
                       : severity == HOADON_RULE_DEFAULT     ? "default"
                       : severity == HOADON_SEVERITY_INFO    ? "info"
                       : severity == HOADON_SEVERITY_WARNING ? "warning"
                       : severity == HOADON_SEVERITY_ERROR   ? "error"
                                                             : nullptr;
    if (!name) return fail(HOADON_EINVAL, "unknown severity " + std::to_string(severity));
    const std::string err = p->profile.apply(code, name);
    return err.empty() ? HOADON_OK : fail(HOADON_EINVAL, err);
  });
}

int hoadon_rule_profile_load(hoadon_rule_profile* p, const char* path) {
  if (!p || !path) return fail(HOADON_EINVAL, "hoadon_rule_profile_load: NULL argument");
  return guard([&] {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) return fail(HOADON_EIO, std::string("cannot read profile ") + path);
    const std::string err = p->profile.apply_text(text.str());
    return err.empty() ? HOADON_OK : fail(HOADON_EINVAL, std::string(path) + ": " + err);
  });
}

int hoadon_validate_options_init(hoadon_validate_options* o, size_t size) {
  static constexpr hoadon_validate_options kDefaults HOADON_VALIDATE_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_validate_options_check(const hoadon_validate_options* o) {
  return guard([&] {
    hoadon::validate::Options opts;
    return translate(o, opts);
  });
}

int hoadon_doc_validate(const hoadon_doc* doc, const hoadon_validate_options* o, hoadon_report** out) {
  if (out) *out = nullptr;
  if (!doc || !out) return fail(HOADON_EINVAL, "hoadon_doc_validate: doc and out must not be NULL");
  return guard([&] {
    hoadon::validate::Options opts;
    if (const int rc = translate(o, opts); rc != HOADON_OK) return rc;
    *out = new hoadon_report(hoadon::validate::run(doc->doc.get(), doc->index, doc->report->report, opts));
    return HOADON_OK;
  });
}

}  // extern "C"
