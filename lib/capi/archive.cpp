// ZIP archives of documents: the C view of lib/archive.
#include "archive/names.hpp"
#include "capi/handles.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::has_member;

hoadon::archive::Limits limits_of(const hoadon_archive_options* o) {
  hoadon::archive::Limits l;
  // Members beyond what the caller's header knew, and zeros, keep their defaults.
  if (has_member(o, &hoadon_archive_options::max_total_bytes) && o->max_total_bytes)
    l.max_total_bytes = o->max_total_bytes;
  if (has_member(o, &hoadon_archive_options::max_member_bytes) && o->max_member_bytes)
    l.max_member_bytes = o->max_member_bytes;
  if (has_member(o, &hoadon_archive_options::max_members) && o->max_members) l.max_members = o->max_members;
  if (has_member(o, &hoadon_archive_options::max_ratio) && o->max_ratio) l.max_ratio = o->max_ratio;
  if (has_member(o, &hoadon_archive_options::max_depth) && o->max_depth) l.max_depth = o->max_depth;
  return l;
}

template <class Read>
int make_archive(hoadon_archive** out, Read&& read) {
  auto a = std::make_unique<hoadon_archive>();
  hoadon::Report report;
  switch (read(a->archive, report)) {
    case hoadon::archive::Outcome::Ok:
      a->status = HOADON_OK;
      break;
    case hoadon::archive::Outcome::Refused:
      a->status = HOADON_EREJECTED;
      break;
    case hoadon::archive::Outcome::IoError:
      a->status = HOADON_EIO;
      break;
    case hoadon::archive::Outcome::Unsupported:
      a->status = HOADON_EUNSUPPORTED;
      break;
  }
  const std::string why = report.items().empty() ? std::string() : report.items().front().message;
  a->report = std::make_unique<hoadon_report>(std::move(report));
  const int status = a->status;
  *out = a.release();
  return status == HOADON_OK ? HOADON_OK : fail(status, why);
}

}  // namespace

extern "C" {

namespace {
// The header's defaults are the core's.
constexpr hoadon_archive_options kDefaults HOADON_ARCHIVE_OPTIONS_INIT;
constexpr hoadon::archive::Limits kCore;
static_assert(kDefaults.max_total_bytes == kCore.max_total_bytes &&
              kDefaults.max_member_bytes == kCore.max_member_bytes && kDefaults.max_members == kCore.max_members &&
              kDefaults.max_ratio == kCore.max_ratio && kDefaults.max_depth == kCore.max_depth);
}  // namespace

int hoadon_archive_options_init(hoadon_archive_options* o, size_t size) {
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_archive_supported(void) { return hoadon::archive::supported() ? 1 : 0; }

int hoadon_archive_detect(const void* head, size_t len) {
  if (!head) return 0;
  return hoadon::archive::looks_like_zip(std::string_view(static_cast<const char*>(head), len)) ? 1 : 0;
}

int hoadon_archive_open(const char* path, const hoadon_archive_options* options, hoadon_archive** out) {
  if (out) *out = nullptr;
  if (!out || !path) return fail(HOADON_EINVAL, "hoadon_archive_open: path and out must not be NULL");
  return guard([&] {
    return make_archive(out, [&](hoadon::archive::Archive& a, hoadon::Report& r) {
      return hoadon::archive::read_file(path, limits_of(options), a, r);
    });
  });
}

int hoadon_archive_parse(const void* data, size_t len, const hoadon_archive_options* options, hoadon_archive** out) {
  if (out) *out = nullptr;
  if (!out || (!data && len))
    return fail(HOADON_EINVAL, "hoadon_archive_parse: out is NULL, or data is NULL with len > 0");
  return guard([&] {
    return make_archive(out, [&](hoadon::archive::Archive& a, hoadon::Report& r) {
      return hoadon::archive::read(std::string_view(static_cast<const char*>(data ? data : ""), len),
                                   limits_of(options), a, r);
    });
  });
}

void hoadon_archive_free(hoadon_archive* archive) { delete archive; }

const hoadon_report* hoadon_archive_report(const hoadon_archive* archive) {
  return archive ? archive->report.get() : nullptr;
}

size_t hoadon_archive_count(const hoadon_archive* archive) { return archive ? archive->archive.members.size() : 0; }

const char* hoadon_archive_name(const hoadon_archive* archive, size_t i) {
  return archive && i < archive->archive.members.size() ? archive->archive.members[i].name.c_str() : nullptr;
}

const void* hoadon_archive_data(const hoadon_archive* archive, size_t i, size_t* len) {
  if (len) *len = 0;
  if (!archive || i >= archive->archive.members.size()) return nullptr;
  const auto& bytes = archive->archive.members[i].bytes;
  if (len) *len = bytes.size();
  return bytes.data();
}

int hoadon_archive_doc(const hoadon_archive* archive, size_t i, const hoadon_parse_options* options, hoadon_doc** out) {
  if (out) *out = nullptr;
  if (!archive || !out) return fail(HOADON_EINVAL, "hoadon_archive_doc: archive and out must not be NULL");
  if (i >= archive->archive.members.size()) return fail(HOADON_ERANGE, "hoadon_archive_doc: no such member");
  const auto& bytes = archive->archive.members[i].bytes;
  return hoadon_doc_parse(bytes.data(), bytes.size(), options, out);
}

int hoadon_archive_refusal(const hoadon_archive* archive, hoadon_doc** out) {
  if (out) *out = nullptr;
  if (!archive || !out || archive->status == HOADON_OK)
    return fail(HOADON_EINVAL, "hoadon_archive_refusal: the archive was not refused");
  return guard([&] {
    auto d = std::make_unique<hoadon_doc>();
    d->report = std::make_unique<hoadon_report>(archive->report->report);
    *out = d.release();
    const auto& items = archive->report->report.items();
    return fail(archive->status, items.empty() ? std::string("archive refused") : items.front().message);
  });
}

}  // extern "C"
