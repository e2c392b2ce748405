// The structs behind the C API's opaque handles, and the glue every C entry point shares.
// The C API is a translation layer: no invoice logic lives here.
#pragma once

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "archive/zip.hpp"
#include "dsig/result.hpp"
#include "hoadon/hoadon.h"
#include "keys/key.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "pki/trust.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "sign/sign.hpp"
#include "tabular/table.hpp"
#include "validate/validate.hpp"
#include "xml/document.hpp"

struct hoadon_report {
  hoadon::Report report;
  std::vector<hoadon_diagnostic> views;  // C views into report, built once by seal()

  explicit hoadon_report(hoadon::Report r) : report(std::move(r)) { seal(); }
  void seal();
};

struct hoadon_doc {
  std::unique_ptr<hoadon::xml::Document> doc;  // null when the input was rejected
  hoadon::model::Index index;
  hoadon::model::Essentials essentials;
  std::unique_ptr<hoadon_report> report;
  std::vector<hoadon_signature_info> signature_views;
};

struct hoadon_archive {
  hoadon::archive::Archive archive;
  std::unique_ptr<hoadon_report> report;
  int status = HOADON_OK;  // what hoadon_archive_open returned
};

struct hoadon_export {
  mutable std::mutex m;
  std::map<std::size_t, hoadon::tabular::Tables> parts;  // by position in the batch
};

struct hoadon_trust {
  hoadon::pki::TrustStore store;
};

struct hoadon_verify_result {
  hoadon::dsig::Verification verification;
  std::unique_ptr<hoadon_report> report;  // C view of verification.report
  std::vector<hoadon_signature_result> views;
  std::vector<std::vector<const char*>> covers, warnings;  // the arrays the views point into

  explicit hoadon_verify_result(hoadon::dsig::Verification v);
};

struct hoadon_signer {
  hoadon::keys::Signer signer;
  std::string subject;
};

struct hoadon_sign_result {
  hoadon::sign::Result result;
  std::unique_ptr<hoadon_report> report;  // C view of result.report
  std::optional<hoadon_sign_info> info;   // C view of result.made

  explicit hoadon_sign_result(hoadon::sign::Result r);
};

namespace hoadon::capi {

// The int a C caller passed for an enum: C allows any value, while in C++ loading an
// out-of-range enumerator is undefined; read the representation instead.
template <class E>
int raw(const E& e) noexcept {
  static_assert(sizeof(E) == sizeof(int));
  int v;
  std::memcpy(&v, &e, sizeof v);
  return v;
}

// The C validation options as C++ options; HOADON_EINVAL (with a message) for values that make no sense.
int translate(const hoadon_validate_options* o, hoadon::validate::Options& opts);
// The C verification options as C++ options (members the caller's header lacks keep their defaults).
hoadon::dsig::VerifyOptions verify_options_of(const hoadon_verify_options* o);

// Records the calling thread's last error message.
void set_error(std::string message);
// After a success: hoadon_last_error() is "" again.
void clear_error() noexcept;
// Records and returns a status.
int fail(int status, std::string message);

// Runs f, turning exceptions into status codes so that none crosses the C boundary.
template <class F>
int guard(F&& f) noexcept {
  try {
    const int status = f();
    if (status >= 0) clear_error();
    return status;
  } catch (const std::bad_alloc&) {
    return fail(HOADON_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(HOADON_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(HOADON_EINTERNAL, "internal error");
  }
}

// The same for functions that return a pointer (null on failure).
template <class F>
auto guard_ptr(F&& f) noexcept -> decltype(f()) {
  try {
    auto result = f();
    if (result) clear_error();
    return result;
  } catch (const std::bad_alloc&) {
    fail(HOADON_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    fail(HOADON_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    fail(HOADON_EINTERNAL, "internal error");
  }
  return nullptr;
}

// By reference: the caller's value may be outside the enum (see raw).
hoadon::Lang lang_of(const hoadon_lang& l);

// Whether the caller's option struct (which starts with its `size`) is large enough to hold
// `member`: a binary built against an older header passes a smaller struct. False for NULL.
template <class T, class M>
bool has_member(const T* o, M T::*member) {
  if (!o) return false;
  const auto end = reinterpret_cast<const char*>(&(o->*member)) + sizeof(M) - reinterpret_cast<const char*>(o);
  return o->size >= static_cast<size_t>(end);
}

// The *_options_init functions: the library's defaults into the `size` bytes the caller's
// struct has (an older header's struct is shorter, a newer one's longer: zeros beyond ours).
template <class T>
int init_options(T* o, size_t size, const T& defaults) noexcept {
  if (!o || size < sizeof(size_t)) return fail(HOADON_EINVAL, "options_init: NULL options or size too small");
  const size_t known = size < sizeof(T) ? size : sizeof(T);
  std::memcpy(static_cast<void*>(o), &defaults, known);
  if (size > known) std::memset(reinterpret_cast<char*>(o) + known, 0, size - known);
  o->size = size;
  clear_error();
  return HOADON_OK;
}

// A malloc'd copy, released by hoadon_free().
char* dup_string(const std::string& s);

// Parses bytes into a new document handle (*out), which exists with its report even when the
// input is rejected: HOADON_OK, or HOADON_EREJECTED.
int make_doc(std::string bytes, const hoadon::xml::Limits& limits, hoadon_doc** out);

}  // namespace hoadon::capi
