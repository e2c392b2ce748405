// Trust lists and certificate descriptions: the C face of pki/trust_list and pki/describe.
#include "pki/trust_list.hpp"
#include "capi/handles.hpp"
#include "pki/describe.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::guard_ptr;
namespace pki = hoadon::pki;

int list_error(const pki::TrustError& e) { return fail(e.unreadable() ? HOADON_EIO : HOADON_ENOTFOUND, e.what()); }

std::vector<std::string> dirs_of(const char* dir) {
  if (dir) return {dir};
  std::vector<std::string> out{pki::installed_trust_list_dir()};
  if (auto user = pki::user_trust_list_dir(); !user.empty()) out.push_back(std::move(user));
  return out;
}

}  // namespace

extern "C" {

const char* hoadon_trust_list_dir(hoadon_trust_list_which which) {
  thread_local std::string dir;
  try {
    dir = hoadon::capi::raw(which) == HOADON_TRUST_LIST_USER ? pki::user_trust_list_dir()
                                                             : pki::installed_trust_list_dir();
  } catch (...) {
    dir.clear();
  }
  return dir.c_str();
}

int hoadon_trust_add_list(hoadon_trust* trust, const char* dir) {
  if (!trust) return fail(HOADON_EINVAL, "hoadon_trust_add_list: trust is NULL");
  return guard([&] {
    try {
      for (const auto& d : dirs_of(dir)) pki::load_trust_list(trust->store, pki::read_trust_list(d));
      return HOADON_OK;
    } catch (const pki::TrustError& e) {
      return list_error(e);
    }
  });
}

int hoadon_trust_list_add(const char* dir, const char* role, const char* cert_path, const char* source) {
  pki::ListRole r;
  if (!role || !cert_path || !pki::parse_list_role(role, r))
    return fail(HOADON_EINVAL, "hoadon_trust_list_add: the role is root, intermediate or tax-authority");
  return guard([&] {
    try {
      const std::string target = dir ? std::string(dir) : pki::user_trust_list_dir();
      if (target.empty()) return fail(HOADON_EINVAL, "no trust list directory: HOME and HOADON_TRUST_USER are unset");
      pki::add_to_trust_list(target, r, cert_path, source ? source : "");
      return HOADON_OK;
    } catch (const pki::TrustError& e) {
      return list_error(e);
    }
  });
}

char* hoadon_trust_list_describe(const char* dir, int json) {
  return guard_ptr([&]() -> char* {
    try {
      const auto dirs = dirs_of(dir);
      return hoadon::capi::dup_string(json ? pki::trust_lists_to_json(dirs) : pki::trust_lists_to_text(dirs));
    } catch (const pki::TrustError& e) {
      list_error(e);
      return nullptr;
    }
  });
}

char* hoadon_certificate_describe(const char* path, int json) {
  if (!path) return fail(HOADON_EINVAL, "hoadon_certificate_describe: path is NULL"), nullptr;
  return guard_ptr([&]() -> char* {
    try {
      return hoadon::capi::dup_string(json ? pki::certificate_file_to_json(path) : pki::certificate_file_to_text(path));
    } catch (const pki::TrustError& e) {
      list_error(e);
      return nullptr;
    }
  });
}

}  // extern "C"
