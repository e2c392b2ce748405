// Rendering through the C API: translation only; the work is lib/render's.
#include <cstdlib>
#include <cstring>

#include "capi/handles.hpp"
#include "render/render.hpp"

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::has_member;
using hoadon::capi::raw;

extern "C" {

int hoadon_render_options_init(hoadon_render_options* o, size_t size) {
  static constexpr hoadon_render_options kDefaults HOADON_RENDER_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_render_supported(hoadon_render_format format) {
  const int f = raw(format);
  if (f == HOADON_RENDER_HTML) return 1;
  return f == HOADON_RENDER_PDF && hoadon::render::available(hoadon::render::Format::Pdf) ? 1 : 0;
}

int hoadon_doc_render(hoadon_doc* doc, const hoadon_render_options* o, void** out, size_t* len) {
  if (out) *out = nullptr;
  if (len) *len = 0;
  if (!doc || !out || !len) return fail(HOADON_EINVAL, "hoadon_doc_render: doc, out and len must not be NULL");
  hoadon::render::Options opts;
  if (has_member(o, &hoadon_render_options::format)) {
    const int f = raw(o->format);
    if (f != HOADON_RENDER_HTML && f != HOADON_RENDER_PDF)
      return fail(HOADON_EINVAL, "hoadon_doc_render: unknown format");
    opts.format = f == HOADON_RENDER_PDF ? hoadon::render::Format::Pdf : hoadon::render::Format::Html;
  }
  const hoadon_trust* trust = has_member(o, &hoadon_render_options::trust) ? o->trust : nullptr;
  opts.trust = trust ? &trust->store : nullptr;
  opts.verify_options =
      hoadon::capi::verify_options_of(has_member(o, &hoadon_render_options::verify) ? o->verify : nullptr);
  if (has_member(o, &hoadon_render_options::skip_verify)) opts.verify = o->skip_verify == 0;
  if (has_member(o, &hoadon_render_options::invoice)) opts.invoice = o->invoice < 0 ? -1 : o->invoice;
  if (!doc->doc) return fail(HOADON_EREJECTED, "the input was rejected: see the document's report");
  return guard([&] {
    auto r = hoadon::render::render(*doc->doc, doc->index, doc->essentials, doc->report->report, opts);
    using F = hoadon::render::Result::Failure;
    switch (r.failure) {
      case F::None:
        break;
      case F::NoSuchInvoice:
        return fail(HOADON_ERANGE, r.error);
      case F::Failed:
        return fail(HOADON_EINTERNAL, r.error);
      case F::NotInvoice:
      case F::NotBuilt:
        return fail(HOADON_EINVAL, r.error);
    }
    void* bytes = std::malloc(r.bytes.size() ? r.bytes.size() : 1);
    if (!bytes) return fail(HOADON_ENOMEM, "out of memory");
    if (!r.bytes.empty()) std::memcpy(bytes, r.bytes.data(), r.bytes.size());
    *out = bytes;
    *len = r.bytes.size();
    return HOADON_OK;
  });
}

}  // extern "C"
