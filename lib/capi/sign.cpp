// Signing through the C API: translation only; the work is lib/sign's, the keys lib/keys'.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "capi/handles.hpp"
#include "dsig/render.hpp"
#include "init.hpp"
#include "pki/certificate.hpp"
#include "util/atomic_file.hpp"

namespace {

using hoadon::capi::fail;
using hoadon::capi::guard;
using hoadon::capi::guard_ptr;
using hoadon::capi::has_member;
using hoadon::capi::raw;
using hoadon::keys::KeyError;

// A key or certificate file: read into one buffer sized from the file, so that growing it leaves
// no copy of the key behind, and overwritten when done with.
class KeyFile {
 public:
  explicit KeyFile(const char* path) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    struct stat st {};
    int err = 0;  // -1: not a key file (a directory, a device, a large file)
    if (fd < 0 || ::fstat(fd, &st) != 0)
      err = errno;
    else if (!S_ISREG(st.st_mode) || st.st_size > (1 << 20))
      err = -1;
    if (err) {
      if (fd >= 0) ::close(fd);
      throw KeyError(KeyError::Kind::Io, std::string("cannot read ") + path + ": " +
                                             (err < 0 ? "not a regular file of at most 1 MiB" : std::strerror(err)));
    }
    bytes_.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < bytes_.size()) {
      const ssize_t n = ::read(fd, bytes_.data() + got, bytes_.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes_.resize(got);
  }
  ~KeyFile() { hoadon::keys::wipe(bytes_.data(), bytes_.size()); }
  KeyFile(const KeyFile&) = delete;
  KeyFile& operator=(const KeyFile&) = delete;
  [[nodiscard]] std::string_view bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

std::string_view view(const void* data, size_t len) { return {static_cast<const char*>(data ? data : ""), len}; }

// Makes a signer from `make()`, turning key errors into status codes.
template <class F>
int new_signer(hoadon_signer** out, const char* what, F&& make) {
  if (out) *out = nullptr;
  if (!out) return fail(HOADON_EINVAL, std::string(what) + ": out is NULL");
  return guard([&] {
    hoadon::ensure_initialized();
    try {
      auto s = std::make_unique<hoadon_signer>();
      s->signer = make();
      s->subject = hoadon::pki::name_text(X509_get_subject_name(s->signer.certificate.get()));
      *out = s.release();
      return HOADON_OK;
    } catch (const KeyError& e) {
      switch (e.kind()) {
        case KeyError::Kind::Auth:
          return fail(HOADON_EAUTH, e.what());
        case KeyError::Kind::Invalid:
          return fail(HOADON_EINVAL, e.what());
        case KeyError::Kind::Io:
        case KeyError::Kind::Device:
          break;
      }
      return fail(HOADON_EIO, e.what());
    }
  });
}

// A NUL-terminated secret as hoadon keeps it (wiped when done), or null.
std::optional<hoadon::keys::Secret> secret(const char* s) {
  return s ? std::optional<hoadon::keys::Secret>(std::in_place, s) : std::nullopt;
}
const hoadon::keys::Secret* ptr(const std::optional<hoadon::keys::Secret>& s) { return s ? &*s : nullptr; }

int translate(const hoadon_sign_options* o, hoadon::sign::Options& out) {
  if (!o) return HOADON_OK;
  if (has_member(o, &hoadon_sign_options::role)) {
    const int r = raw(o->role);
    if (r < HOADON_SIGN_ROLE_AUTO || r > HOADON_SIGN_ROLE_TAXPAYER) return fail(HOADON_EINVAL, "unknown signer role");
    if (r != HOADON_SIGN_ROLE_AUTO) out.role = static_cast<hoadon::sign::SignerRole>(r - 1);
  }
  if (has_member(o, &hoadon_sign_options::time)) out.time = o->time;
  if (has_member(o, &hoadon_sign_options::sha1)) out.sha1 = o->sha1 != 0;
  if (has_member(o, &hoadon_sign_options::force)) out.force = o->force != 0;
  if (has_member(o, &hoadon_sign_options::include_chain)) out.include_chain = o->include_chain != 0;
  if (has_member(o, &hoadon_sign_options::invoice)) {
    if (o->invoice < -1) return fail(HOADON_EINVAL, "invoice must be -1 (the only one) or an index");
    out.invoice = o->invoice;
  }
  if (has_member(o, &hoadon_sign_options::validate) && o->validate)
    if (const int rc = hoadon::capi::translate(o->validate, out.validation); rc != HOADON_OK) return rc;
  if (has_member(o, &hoadon_sign_options::validated) && o->validated) out.validated = &o->validated->report;
  return HOADON_OK;
}

// Wraps a result and says how it went.
int finish(hoadon::sign::Result r, bool rejected, hoadon_sign_result** out) {
  *out = new hoadon_sign_result(std::move(r));
  if (rejected) return fail(HOADON_EREJECTED, "the input was rejected: see the result's report");
  if ((*out)->result.ok()) return HOADON_OK;
  const auto& items = (*out)->result.report.items();
  const auto it = std::find_if(items.rbegin(), items.rend(),
                               [](const hoadon::Diagnostic& d) { return d.severity == hoadon::Severity::Error; });
  return fail(HOADON_EREFUSED, it == items.rend() ? std::string("not signed") : it->message);
}

static_assert(static_cast<int>(hoadon::sign::SignerRole::Seller) == HOADON_SIGN_ROLE_SELLER - 1);
static_assert(static_cast<int>(hoadon::sign::SignerRole::Buyer) == HOADON_SIGN_ROLE_BUYER - 1);
static_assert(static_cast<int>(hoadon::sign::SignerRole::Taxpayer) == HOADON_SIGN_ROLE_TAXPAYER - 1);

}  // namespace

hoadon_sign_result::hoadon_sign_result(hoadon::sign::Result r)
    : result(std::move(r)), report(std::make_unique<hoadon_report>(result.report)) {
  if (!result.made) return;
  const auto& m = *result.made;
  const auto& s = m.signer;
  const bool pending = result.pending;
  info = hoadon_sign_info{m.slot.c_str(),
                          m.invoice,
                          m.path.c_str(),
                          m.id.c_str(),
                          m.algorithm.c_str(),
                          m.digest_algorithm.c_str(),
                          m.signing_time.c_str(),
                          s.subject.c_str(),
                          s.tax_code.c_str(),
                          s.issuer.c_str(),
                          s.serial.c_str(),
                          s.not_before.c_str(),
                          s.not_after.c_str(),
                          pending ? m.to_be_signed.data() : nullptr,
                          pending ? m.to_be_signed.size() : 0,
                          pending ? m.digest.data() : nullptr,
                          pending ? m.digest.size() : 0};
}

extern "C" {

int hoadon_signer_from_pem(const void* key, size_t key_len, const void* certs, size_t certs_len, const char* password,
                           hoadon_signer** out) {
  if ((!key && key_len) || (!certs && certs_len)) return fail(HOADON_EINVAL, "hoadon_signer_from_pem: bad argument");
  const auto pass = secret(password);
  return new_signer(out, "hoadon_signer_from_pem",
                    [&] { return hoadon::keys::from_pem(view(key, key_len), view(certs, certs_len), ptr(pass)); });
}

int hoadon_signer_from_pem_files(const char* key_path, const char* cert_path, const char* password,
                                 hoadon_signer** out) {
  if (!key_path || !cert_path) return fail(HOADON_EINVAL, "hoadon_signer_from_pem_files: NULL path");
  const auto pass = secret(password);
  return new_signer(out, "hoadon_signer_from_pem_files", [&] {
    const KeyFile key(key_path), certs(cert_path);
    return hoadon::keys::from_pem(key.bytes(), certs.bytes(), ptr(pass));
  });
}

int hoadon_signer_from_pkcs12(const void* data, size_t len, const char* password, hoadon_signer** out) {
  if (!data && len) return fail(HOADON_EINVAL, "hoadon_signer_from_pkcs12: data is NULL");
  const auto pass = secret(password);
  return new_signer(out, "hoadon_signer_from_pkcs12",
                    [&] { return hoadon::keys::from_pkcs12(view(data, len), ptr(pass)); });
}

int hoadon_signer_from_pkcs12_file(const char* path, const char* password, hoadon_signer** out) {
  if (!path) return fail(HOADON_EINVAL, "hoadon_signer_from_pkcs12_file: NULL path");
  const auto pass = secret(password);
  return new_signer(out, "hoadon_signer_from_pkcs12_file", [&] {
    const KeyFile file(path);
    return hoadon::keys::from_pkcs12(file.bytes(), ptr(pass));
  });
}

int hoadon_signer_from_pkcs11(const char* uri, const char* module, const char* pin, const void* cert, size_t cert_len,
                              hoadon_signer** out) {
  if (!uri || (!cert && cert_len)) return fail(HOADON_EINVAL, "hoadon_signer_from_pkcs11: bad argument");
  const auto p = secret(pin);
  return new_signer(out, "hoadon_signer_from_pkcs11",
                    [&] { return hoadon::keys::from_pkcs11(uri, module ? module : "", ptr(p), view(cert, cert_len)); });
}

int hoadon_signer_from_certificate(const void* certs, size_t len, hoadon_signer** out) {
  if (!certs && len) return fail(HOADON_EINVAL, "hoadon_signer_from_certificate: data is NULL");
  return new_signer(out, "hoadon_signer_from_certificate",
                    [&] { return hoadon::keys::from_certificate(view(certs, len)); });
}

int hoadon_signer_add_chain(hoadon_signer* signer, const void* data, size_t len) {
  if (!signer || (!data && len)) return fail(HOADON_EINVAL, "hoadon_signer_add_chain: bad argument");
  return guard([&] {
    try {
      for (auto& c : hoadon::keys::read_certificates(view(data, len), "the chain"))
        signer->signer.chain.push_back(std::move(c));
      return HOADON_OK;
    } catch (const KeyError& e) {
      return fail(HOADON_EINVAL, e.what());
    }
  });
}

void hoadon_signer_free(hoadon_signer* signer) { delete signer; }

const char* hoadon_signer_kind(const hoadon_signer* s) { return s ? s->signer.kind.c_str() : nullptr; }
const char* hoadon_signer_subject(const hoadon_signer* s) { return s ? s->subject.c_str() : nullptr; }

int hoadon_sign_options_init(hoadon_sign_options* o, size_t size) {
  static constexpr hoadon_sign_options kDefaults HOADON_SIGN_OPTIONS_INIT;  // static: zero padding
  return hoadon::capi::init_options(o, size, kDefaults);
}

int hoadon_doc_sign(hoadon_doc* doc, const hoadon_signer* signer, const hoadon_sign_options* options,
                    hoadon_sign_result** out) {
  if (out) *out = nullptr;
  if (!doc || !signer || !out) return fail(HOADON_EINVAL, "hoadon_doc_sign: doc, signer and out must not be NULL");
  return guard([&] {
    hoadon::sign::Options o;
    if (const int rc = translate(options, o); rc != HOADON_OK) return rc;
    return finish(hoadon::sign::sign(doc->doc.get(), doc->index, doc->report->report, signer->signer, o), !doc->doc,
                  out);
  });
}

int hoadon_doc_sign_prepare(hoadon_doc* doc, const hoadon_signer* signer, const hoadon_sign_options* options,
                            hoadon_sign_result** out) {
  if (out) *out = nullptr;
  if (!doc || !signer || !out)
    return fail(HOADON_EINVAL, "hoadon_doc_sign_prepare: doc, signer and out must not be NULL");
  return guard([&] {
    hoadon::sign::Options o;
    if (const int rc = translate(options, o); rc != HOADON_OK) return rc;
    return finish(hoadon::sign::prepare(doc->doc.get(), doc->index, doc->report->report, signer->signer, o), !doc->doc,
                  out);
  });
}

int hoadon_doc_sign_complete(hoadon_doc* pending, const void* value, size_t len, const hoadon_sign_options* options,
                             hoadon_sign_result** out) {
  if (out) *out = nullptr;
  if (!pending || !out || (!value && len))
    return fail(HOADON_EINVAL, "hoadon_doc_sign_complete: pending and out must not be NULL");
  return guard([&] {
    hoadon::sign::Options o;
    if (const int rc = translate(options, o); rc != HOADON_OK) return rc;
    return finish(
        hoadon::sign::complete(pending->doc.get(), pending->index, pending->report->report, view(value, len), o),
        !pending->doc, out);
  });
}

int hoadon_sign_result_ok(const hoadon_sign_result* r) { return r && r->result.ok() ? 1 : 0; }
int hoadon_sign_result_pending(const hoadon_sign_result* r) { return r && r->result.pending ? 1 : 0; }

const void* hoadon_sign_result_bytes(const hoadon_sign_result* r, size_t* len) {
  if (len) *len = 0;
  if (!r || !r->result.ok()) return nullptr;
  if (len) *len = r->result.bytes.size();
  return r->result.bytes.data();
}

const hoadon_sign_info* hoadon_sign_result_info(const hoadon_sign_result* r) {
  return r && r->info ? &*r->info : nullptr;
}

const hoadon_report* hoadon_sign_result_report(const hoadon_sign_result* r) { return r ? r->report.get() : nullptr; }

int hoadon_sign_result_write(hoadon_sign_result* r, const char* path, unsigned mode) {
  if (!r || !path) return fail(HOADON_EINVAL, "hoadon_sign_result_write: result and path must not be NULL");
  if (!r->result.ok()) return fail(HOADON_EINVAL, "the result holds no document to write");
  return guard([&] {
    if (hoadon::sign::write(r->result, path, mode)) return HOADON_OK;
    r->report->report = r->result.report;  // with the IO-WRITE diagnostic
    r->report->seal();
    return fail(HOADON_EIO, r->result.report.items().back().message);
  });
}

char* hoadon_sign_result_to_json(const hoadon_sign_result* r, const char* file) {
  if (!r) return fail(HOADON_EINVAL, "result is NULL"), nullptr;
  return guard_ptr([&] { return hoadon::capi::dup_string(hoadon::sign::result_to_json(r->result, file ? file : "")); });
}

char* hoadon_sign_result_to_text(const hoadon_sign_result* r, const char* file, hoadon_lang lang) {
  if (!r) return fail(HOADON_EINVAL, "result is NULL"), nullptr;
  return guard_ptr([&] {
    return hoadon::capi::dup_string(
        hoadon::sign::result_to_text(r->result, file ? file : "-", hoadon::capi::lang_of(lang)));
  });
}

int hoadon_file_write(const char* path, const void* data, size_t len, unsigned mode) {
  if (!path || (!data && len)) return fail(HOADON_EINVAL, "hoadon_file_write: bad argument");
  return guard([&] {
    const std::string error = hoadon::write_atomically(path, view(data, len), mode);
    return error.empty() ? HOADON_OK : fail(HOADON_EIO, std::string(path) + ": " + error);
  });
}

void hoadon_remove_temporary_files(void) { hoadon::remove_temporaries(); }

void hoadon_sign_result_free(hoadon_sign_result* r) { delete r; }

}  // extern "C"
