#include "capi/handles.hpp"
#include "report/render.hpp"

void hoadon_report::seal() {
  views.clear();
  views.reserve(report.items().size());
  for (const auto& d : report.items())
    views.push_back({d.code_name().data(), static_cast<hoadon_severity>(d.severity), d.where.path.c_str(), d.where.line,
                     d.message.c_str(), d.message_vi.c_str()});
}

namespace hoadon::capi {

Lang lang_of(const hoadon_lang& l) {
  switch (raw(l)) {
    case HOADON_LANG_VI:
      return Lang::Vi;
    case HOADON_LANG_BOTH:
      return Lang::Both;
    default:
      return Lang::En;
  }
}

}  // namespace hoadon::capi

extern "C" {

size_t hoadon_report_count(const hoadon_report* r) { return r ? r->views.size() : 0; }

const hoadon_diagnostic* hoadon_report_get(const hoadon_report* r, size_t i) {
  return (r && i < r->views.size()) ? &r->views[i] : nullptr;
}

int hoadon_report_ok(const hoadon_report* r) { return r && r->report.ok() ? 1 : 0; }

char* hoadon_report_to_json(const hoadon_report* r, const char* file) {
  if (!r) return hoadon::capi::fail(HOADON_EINVAL, "report is NULL"), nullptr;
  return hoadon::capi::guard_ptr(
      [&] { return hoadon::capi::dup_string(hoadon::report_to_json(r->report, file ? file : "")); });
}

char* hoadon_report_to_text(const hoadon_report* r, const char* file, hoadon_lang lang) {
  if (!r) return hoadon::capi::fail(HOADON_EINVAL, "report is NULL"), nullptr;
  return hoadon::capi::guard_ptr([&] {
    return hoadon::capi::dup_string(hoadon::report_to_text(r->report, file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

void hoadon_report_free(hoadon_report* r) { delete r; }

}  // extern "C"
