// Transmission messages through the C API: translation only; the work is lib/envelope's.
#include "capi/handles.hpp"
#include "envelope/answer.hpp"
#include "envelope/wrap.hpp"

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::guard_ptr;
using hoadon::capi::has_member;

namespace {

std::string string_member(const hoadon_envelope_options* o, const char* const hoadon_envelope_options::*member) {
  return has_member(o, member) && o->*member ? std::string(o->*member) : std::string();
}

hoadon::envelope::Answer answer_of(const hoadon_doc& doc) {
  return hoadon::envelope::read_answer(doc.doc.get(), doc.index, doc.report->report);
}

}  // namespace

extern "C" {

int hoadon_envelope_options_init(hoadon_envelope_options* o, size_t size) {
  static constexpr hoadon_envelope_options kDefaults HOADON_ENVELOPE_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_envelope_wrap(const hoadon_doc* const* invoices, size_t count, const hoadon_envelope_options* options,
                         hoadon_doc** out, hoadon_report** report) {
  if (out) *out = nullptr;
  if (report) *report = nullptr;
  if (!out || !report || (!invoices && count))
    return fail(HOADON_EINVAL, "hoadon_envelope_wrap: out and report must not be NULL, nor invoices when count > 0");
  for (size_t i = 0; i < count; ++i)
    if (!invoices[i]) return fail(HOADON_EINVAL, "hoadon_envelope_wrap: an invoice is NULL");
  using O = hoadon_envelope_options;
  hoadon::envelope::WrapOptions opts;
  opts.type = string_member(options, &O::type);
  opts.sender = string_member(options, &O::sender);
  if (const auto r = string_member(options, &O::receiver); !r.empty()) opts.receiver = r;
  opts.version = string_member(options, &O::version);
  opts.reference = string_member(options, &O::reference);
  opts.uuid = string_member(options, &O::uuid);
  if (has_member(options, &O::force)) opts.force = options->force != 0;
  if (has_member(options, &O::signer) && options->signer) opts.signer = &options->signer->signer;
  if (has_member(options, &O::time)) opts.time = options->time;
  if (has_member(options, &O::sha1)) opts.sha1 = options->sha1 != 0;
  if (has_member(options, &O::include_chain)) opts.include_chain = options->include_chain != 0;
  if (has_member(options, &O::validate))
    if (const int rc = hoadon::capi::translate(options->validate, opts.validation); rc != HOADON_OK) return rc;
  return guard([&] {
    std::vector<hoadon::envelope::Invoice> in;
    in.reserve(count);
    for (size_t i = 0; i < count; ++i)
      in.push_back({invoices[i]->doc.get(), &invoices[i]->index, "invoice " + std::to_string(i + 1)});
    auto r = hoadon::envelope::wrap(in, opts);
    if (!r.ok()) {
      *report = new hoadon_report(std::move(r.report));
      return fail(HOADON_EREFUSED, "the invoices were not wrapped: the report says why");
    }
    hoadon_doc* doc = nullptr;
    if (hoadon::capi::make_doc(std::move(r.bytes), hoadon::xml::Limits{}, &doc) != HOADON_OK) {
      hoadon_doc_free(doc);
      return fail(HOADON_EINTERNAL, "the message made does not parse");
    }
    *out = doc;
    *report = new hoadon_report(std::move(r.report));
    return HOADON_OK;
  });
}

char* hoadon_envelope_to_json(const hoadon_doc* message, const hoadon_report* report, const char* file) {
  if (!report) return fail(HOADON_EINVAL, "report is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::envelope::message_to_json(message ? &message->essentials : nullptr, report->report, file ? file : ""));
  });
}

char* hoadon_envelope_to_text(const hoadon_doc* message, const hoadon_report* report, const char* file,
                              hoadon_lang lang) {
  if (!report) return fail(HOADON_EINVAL, "report is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(hoadon::envelope::message_to_text(
        message ? &message->essentials : nullptr, report->report, file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

int hoadon_envelope_answer_outcome(const hoadon_doc* doc) {
  if (!doc) return HOADON_ANSWER_UNKNOWN;
  return guard([&] {
    switch (answer_of(*doc).outcome) {
      case hoadon::envelope::Outcome::Accepted:
        return HOADON_ANSWER_ACCEPTED;
      case hoadon::envelope::Outcome::Refused:
        return HOADON_ANSWER_REFUSED;
      case hoadon::envelope::Outcome::Unknown:
        break;
    }
    return HOADON_ANSWER_UNKNOWN;
  });
}

char* hoadon_envelope_answer_to_json(const hoadon_doc* doc, const char* file) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr(
      [&] { return hoadon::capi::dup_string(hoadon::envelope::answer_to_json(answer_of(*doc), file ? file : "")); });
}

char* hoadon_envelope_answer_to_text(const hoadon_doc* doc, const char* file, hoadon_lang lang) {
  if (!doc) return fail(HOADON_EINVAL, "document is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::envelope::answer_to_text(answer_of(*doc), file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

}  // extern "C"
