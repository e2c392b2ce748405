// Building invoices through the C API: translation only; the work is lib/build's.
#include <cstdlib>
#include <cstring>

#include "build/build.hpp"
#include "capi/handles.hpp"

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::has_member;

extern "C" {

int hoadon_build_options_init(hoadon_build_options* o, size_t size) {
  static constexpr hoadon_build_options kDefaults HOADON_BUILD_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_build_supported(void) { return hoadon::build::available() ? 1 : 0; }

int hoadon_build_invoice(const void* json, size_t len, const hoadon_build_options* o, void** xml, size_t* xml_len,
                         hoadon_report** report) {
  if (xml) *xml = nullptr;
  if (xml_len) *xml_len = 0;
  if (report) *report = nullptr;
  if (!xml || !xml_len || !report || (!json && len))
    return fail(HOADON_EINVAL,
                "hoadon_build_invoice: json (unless len is 0), xml, xml_len and report must not be NULL");
  hoadon::build::Options opts;
  if (has_member(o, &hoadon_build_options::lines_csv_len) && o->lines_csv) {
    opts.lines_csv = {static_cast<const char*>(o->lines_csv), o->lines_csv_len};
  }
  if (has_member(o, &hoadon_build_options::skip_validate)) opts.validate = o->skip_validate == 0;
  return guard([&] {
    auto r = hoadon::build::build({static_cast<const char*>(json), json ? len : 0}, opts);
    const bool supported = hoadon::build::available();
    if (!r.ok()) {
      *report = new hoadon_report(std::move(r.report));
      return supported ? fail(HOADON_EREJECTED, "the input was refused: see the report")
                       : fail(HOADON_EUNSUPPORTED, "not built with JSON support (HOADON_WITH_JSON)");
    }
    void* bytes = std::malloc(r.xml.size());
    if (!bytes) return fail(HOADON_ENOMEM, "out of memory");
    std::memcpy(bytes, r.xml.data(), r.xml.size());
    *report = new hoadon_report(std::move(r.report));
    *xml = bytes;
    *xml_len = r.xml.size();
    return HOADON_OK;
  });
}

}  // extern "C"
