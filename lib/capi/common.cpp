// Version, errors, memory and the diagnostic catalogue.
#include <cstdlib>
#include <cstring>

#include "capi/handles.hpp"
#include "report/catalogue.hpp"
#include "util/sha256.hpp"

namespace hoadon::capi {
namespace {
thread_local std::string t_last_error;
}

void set_error(std::string message) { t_last_error = std::move(message); }
void clear_error() noexcept { t_last_error.clear(); }

int fail(int status, std::string message) {
  set_error(std::move(message));
  return status;
}

char* dup_string(const std::string& s) {
  auto* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

}  // namespace hoadon::capi

namespace {

// C views of the catalogue, built once. Codes and titles are string literals, so their
// data() is NUL-terminated.
struct CodeViews {
  std::vector<std::string> areas;  // an area is a prefix of its code: it needs its own terminator
  std::vector<hoadon_code_info> items;
  CodeViews() {
    const auto cat = hoadon::catalogue();
    areas.reserve(cat.size());
    for (const auto& c : cat) {
      areas.emplace_back(c.area);
      items.push_back({c.code.data(), static_cast<hoadon_severity>(c.severity), areas.back().c_str(), c.title_en.data(),
                       c.title_vi.data(), hoadon::is_cosmetic(c.id) ? 1 : 0});
    }
  }
};

const CodeViews& code_views() {
  static const CodeViews views;
  return views;
}

}  // namespace

extern "C" {

const char* hoadon_version(void) { return HOADON_VERSION_STRING; }
int hoadon_version_number(void) { return HOADON_VERSION_NUMBER; }

const char* hoadon_last_error(void) { return hoadon::capi::t_last_error.c_str(); }

const char* hoadon_strerror(int status) {
  switch (status) {
    case HOADON_OK:
      return "success";
    case HOADON_EINVAL:
      return "invalid argument";
    case HOADON_ENOMEM:
      return "out of memory";
    case HOADON_EIO:
      return "input/output error";
    case HOADON_EREJECTED:
      return "input rejected";
    case HOADON_ERANGE:
      return "index out of range";
    case HOADON_ENOTFOUND:
      return "not found";
    case HOADON_EREFUSED:
      return "refused to sign";
    case HOADON_EAUTH:
      return "password or PIN needed or wrong";
    case HOADON_EUNSUPPORTED:
      return "not supported by this build";
    case HOADON_EINTERNAL:
      return "internal error";
    default:
      return "unknown status";
  }
}

void hoadon_free(void* p) { std::free(p); }

int hoadon_sha256_hex(const void* data, size_t len, char hex[65]) {
  if (!hex || (!data && len)) return hoadon::capi::fail(HOADON_EINVAL, "hoadon_sha256_hex: NULL argument");
  return hoadon::capi::guard([&] {
    const auto digest = hoadon::sha256_hex({static_cast<const char*>(data), data ? len : 0});
    std::memcpy(hex, digest.c_str(), digest.size() + 1);
    return HOADON_OK;
  });
}

size_t hoadon_code_count(void) { return hoadon::catalogue().size(); }

const hoadon_code_info* hoadon_code_get(size_t i) {
  return hoadon::capi::guard_ptr([&]() -> const hoadon_code_info* {
    const auto& v = code_views().items;
    return i < v.size() ? &v[i] : nullptr;
  });
}

const hoadon_code_info* hoadon_code_find(const char* code) {
  if (!code) return nullptr;
  return hoadon::capi::guard_ptr([&]() -> const hoadon_code_info* {
    const auto* info = hoadon::find_code(code);
    return info ? &code_views().items[static_cast<std::size_t>(info->id)] : nullptr;
  });
}

}  // extern "C"
