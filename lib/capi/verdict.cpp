// Verdicts for people: the C face of report/brief and dsig/verdict.
#include "dsig/verdict.hpp"
#include "capi/handles.hpp"
#include "model/describe.hpp"
#include "report/brief.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard_ptr;
using hoadon::capi::has_member;

hoadon::BriefOptions translate(const hoadon_verdict_options* o) {
  hoadon::BriefOptions b;
  if (has_member(o, &hoadon_verdict_options::lang)) b.lang = hoadon::capi::lang_of(o->lang);
  if (has_member(o, &hoadon_verdict_options::verbose)) b.verbose = o->verbose != 0;
  if (has_member(o, &hoadon_verdict_options::summary)) b.summary = o->summary != 0;
  return b;
}

// Renders in each language the options ask for, naming the document when there is one.
template <class Render>
char* render(const hoadon_doc* doc, const hoadon_verdict_options* options, Render&& one) {
  return guard_ptr([&] {
    auto o = translate(options);
    return hoadon::capi::dup_string(hoadon::in_each_language(o.lang, [&](hoadon::Lang lang) {
      o.lang = lang;
      return one(doc ? hoadon::model::identity(doc->essentials, lang) : std::string(), o);
    }));
  });
}

}  // namespace

extern "C" {

int hoadon_verdict_options_init(hoadon_verdict_options* o, size_t size) {
  static constexpr hoadon_verdict_options kDefaults HOADON_VERDICT_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

char* hoadon_verify_result_to_verdict(const hoadon_verify_result* r, const hoadon_doc* doc, const char* file,
                                      const hoadon_verdict_options* options) {
  if (!r) return fail(HOADON_EINVAL, "result is NULL"), nullptr;
  return render(doc, options, [&](const std::string& identity, const hoadon::BriefOptions& o) {
    return hoadon::dsig::verification_brief(r->verification, file ? file : "-", identity, o);
  });
}

char* hoadon_report_to_verdict(const hoadon_report* r, const hoadon_doc* doc, const char* file,
                               const hoadon_verdict_options* options) {
  if (!r) return fail(HOADON_EINVAL, "report is NULL"), nullptr;
  return render(doc, options, [&](const std::string& identity, const hoadon::BriefOptions& o) {
    return hoadon::report_brief(r->report, file ? file : "-", identity, o);
  });
}

const char* hoadon_verify_result_verdict(const hoadon_verify_result* r, hoadon_lang lang) {
  if (!r) return "";
  // verdict_word returns a view of a string literal: NUL-terminated.
  return hoadon::dsig::verdict_word(r->verification, hoadon::capi::lang_of(lang)).data();
}

const char* hoadon_report_verdict(const hoadon_report* r, hoadon_lang lang) {
  if (!r) return "";
  return hoadon::report_verdict_word(r->report, hoadon::capi::lang_of(lang)).data();
}

}  // extern "C"
