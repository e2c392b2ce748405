#include <fmt/format.h>

#include "capi/handles.hpp"
#include "model/content.hpp"
#include "model/describe.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::guard_ptr;

hoadon::xml::Limits limits_of(const hoadon_parse_options* o) {
  using hoadon::capi::has_member;
  using O = hoadon_parse_options;
  hoadon::xml::Limits l;
  // Members beyond what the caller's header knew, and zeros, keep their defaults.
  const auto take = [o](auto O::*member, auto& into) {
    if (has_member(o, member) && o->*member) into = o->*member;
  };
  take(&O::max_bytes, l.max_bytes);
  take(&O::max_depth, l.max_depth);
  take(&O::max_attributes, l.max_attributes);
  take(&O::max_document_attributes, l.max_document_attributes);
  take(&O::max_namespaces_in_scope, l.max_namespaces_in_scope);
  take(&O::max_namespace_lookups, l.max_namespace_lookups);
  if (has_member(o, &O::any_encoding)) l.any_encoding = o->any_encoding != 0;
  return l;
}

void build_views(hoadon_doc& d) {
  d.signature_views.clear();
  for (const auto& s : d.essentials.signatures)
    d.signature_views.push_back({s.slot.c_str(), s.invoice, s.id.c_str(), s.algorithm.c_str(), s.c14n.c_str(),
                                 s.signing_time.c_str(), s.path.c_str()});
}

}  // namespace

namespace hoadon::capi {

// The handle exists (with its report) even when the input is rejected.
int make_doc(std::string bytes, const hoadon::xml::Limits& limits, hoadon_doc** out) {
  auto d = std::make_unique<hoadon_doc>();
  hoadon::Report report;
  d->doc = hoadon::xml::parse(std::move(bytes), limits, report);
  if (d->doc) {
    d->index = hoadon::model::build_index(*d->doc, report);
    d->essentials = hoadon::model::read_essentials(*d->doc, d->index);
  }
  d->report = std::make_unique<hoadon_report>(std::move(report));
  build_views(*d);
  const bool parsed = d->doc != nullptr;
  *out = d.release();
  return parsed ? HOADON_OK : fail(HOADON_EREJECTED, "the input was rejected: see the document's report");
}

}  // namespace hoadon::capi

using hoadon::capi::make_doc;

extern "C" {

namespace {
// The header's defaults are the core's.
constexpr hoadon_parse_options kDefaults HOADON_PARSE_OPTIONS_INIT;
constexpr hoadon::xml::Limits kCore;
static_assert(kDefaults.max_bytes == kCore.max_bytes && kDefaults.max_depth == kCore.max_depth &&
              kDefaults.max_attributes == kCore.max_attributes &&
              kDefaults.max_document_attributes == kCore.max_document_attributes &&
              kDefaults.max_namespaces_in_scope == kCore.max_namespaces_in_scope &&
              kDefaults.max_namespace_lookups == kCore.max_namespace_lookups &&
              kDefaults.any_encoding == kCore.any_encoding);
}  // namespace

int hoadon_parse_options_init(hoadon_parse_options* o, size_t size) {
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_doc_parse(const void* data, size_t len, const hoadon_parse_options* options, hoadon_doc** out) {
  if (out) *out = nullptr;
  if (!out || (!data && len)) return fail(HOADON_EINVAL, "hoadon_doc_parse: out is NULL, or data is NULL with len > 0");
  return guard(
      [&] { return make_doc(std::string(static_cast<const char*>(data ? data : ""), len), limits_of(options), out); });
}

int hoadon_doc_open(const char* path, const hoadon_parse_options* options, hoadon_doc** out) {
  if (out) *out = nullptr;
  if (!out || !path) return fail(HOADON_EINVAL, "hoadon_doc_open: path and out must not be NULL");
  return guard([&] {
    const auto limits = limits_of(options);
    std::string bytes;
    hoadon::Report report;
    switch (hoadon::xml::read_file(path, limits.max_bytes, bytes, report)) {
      case hoadon::xml::ReadResult::Ok:
        return make_doc(std::move(bytes), limits, out);
      case hoadon::xml::ReadResult::TooLarge:
      case hoadon::xml::ReadResult::IoError:
        break;
    }
    auto d = std::make_unique<hoadon_doc>();
    const bool io = report.has(hoadon::Code::IoRead);
    const std::string msg =
        report.items().empty() ? std::string("cannot read ") + path : report.items().front().message;
    d->report = std::make_unique<hoadon_report>(std::move(report));
    *out = d.release();
    return fail(io ? HOADON_EIO : HOADON_EREJECTED, msg);
  });
}

void hoadon_doc_free(hoadon_doc* doc) { delete doc; }

const char* hoadon_doc_kind(const hoadon_doc* doc) { return doc ? doc->report->report.kind().c_str() : nullptr; }

const hoadon_report* hoadon_doc_report(const hoadon_doc* doc) { return doc ? doc->report.get() : nullptr; }

const void* hoadon_doc_bytes(const hoadon_doc* doc, size_t* len) {
  if (len) *len = 0;
  if (!doc || !doc->doc) return nullptr;
  const auto b = doc->doc->bytes();
  if (len) *len = b.size();
  return b.data();
}

const char* hoadon_doc_get(const hoadon_doc* doc, hoadon_field field) {
  using hoadon::model::DocField;
  if (!doc || field < HOADON_FIELD_MESSAGE_VERSION || field > static_cast<int>(DocField::Last)) return nullptr;
  const auto& v = doc->essentials.get(static_cast<DocField>(field));
  return v ? v->c_str() : nullptr;
}

size_t hoadon_doc_invoice_count(const hoadon_doc* doc) { return doc ? doc->essentials.invoices.size() : 0; }

const char* hoadon_doc_invoice_get(const hoadon_doc* doc, size_t index, hoadon_field field) {
  using hoadon::model::InvoiceField;
  if (!doc || index >= doc->essentials.invoices.size() || field < HOADON_FIELD_VERSION ||
      field > static_cast<int>(InvoiceField::Last))
    return nullptr;
  const auto& v = doc->essentials.invoices[index].get(static_cast<InvoiceField>(field));
  return v ? v->c_str() : nullptr;
}

size_t hoadon_doc_signature_count(const hoadon_doc* doc) { return doc ? doc->signature_views.size() : 0; }

const hoadon_signature_info* hoadon_doc_signature_get(const hoadon_doc* doc, size_t i) {
  return (doc && i < doc->signature_views.size()) ? &doc->signature_views[i] : nullptr;
}

char* hoadon_doc_to_json(const hoadon_doc* doc, const char* file) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::model::essentials_to_json(doc->essentials, doc->report->report, file ? file : ""));
  });
}

char* hoadon_doc_to_text(const hoadon_doc* doc, const char* file, hoadon_lang lang) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(hoadon::model::essentials_to_text(doc->essentials, doc->report->report,
                                                                      file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

char* hoadon_doc_content_to_json(const hoadon_doc* doc, const char* file) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::model::content_to_json(doc->essentials, doc->index, doc->report->report, file ? file : ""));
  });
}

char* hoadon_doc_content_to_text(const hoadon_doc* doc, const char* file, hoadon_lang lang) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(hoadon::model::content_to_text(doc->essentials, doc->index, doc->report->report,
                                                                   file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

}  // extern "C"
