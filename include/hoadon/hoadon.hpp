// hoadon.hpp — a header-only C++17 convenience layer over the C API of hoadon.h.
//
// RAII owns every handle; failures of the call itself (bad arguments, memory, I/O, a wrong
// password) throw hoadon::Error, while verdicts about documents come back as values (Report,
// Verification, SignResult) that say ok() or not — a malformed invoice or a refusal to sign is
// a result, not an exception. Nothing here adds behaviour: each member is one C call, so
// hoadon.h stays the reference for what they do.
//
//   auto doc = hoadon::Document::open("invoice.xml");
//   auto report = doc.validate();
//   for (const auto& d : report) std::cout << d.code << " " << d.path << ": " << d.message << "\n";
//
//   auto signer = hoadon::Signer::from_pem_files("signer.key", "signer.pem");
//   auto signed_ = doc.sign(signer);            // a refusal is a result too: !ok(), report() says why
//   if (signed_.ok()) signed_.write("invoice.signed.xml");
//
// Thread safety is the C API's: distinct objects may be used on distinct threads; a Trust may
// be shared by concurrent verifications, a Signer by concurrent signings.
#ifndef HOADON_HPP
#define HOADON_HPP

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hoadon/hoadon.h"

namespace hoadon {

// A failed call: its status (HOADON_E*) and the library's message for the calling thread.
class Error : public std::runtime_error {
 public:
  Error(int status, const std::string &what) : std::runtime_error(what), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

// The owner of a handle the C API returns, freed with its own _free function:
// `hoadon::Owned<hoadon_doc> doc(raw);`. For C code mixed with the classes below, and for the
// handles they do not wrap.
template <class T>
struct Free;
#define HOADON_HPP_FREE(T)                                      \
  template <>                                                   \
  struct Free<T> {                                              \
    void operator()(T *p) const noexcept { T##_free(p); }       \
  }
HOADON_HPP_FREE(hoadon_doc);
HOADON_HPP_FREE(hoadon_report);
HOADON_HPP_FREE(hoadon_rule_profile);
HOADON_HPP_FREE(hoadon_trust);
HOADON_HPP_FREE(hoadon_verify_result);
HOADON_HPP_FREE(hoadon_signer);
HOADON_HPP_FREE(hoadon_sign_result);
HOADON_HPP_FREE(hoadon_archive);
HOADON_HPP_FREE(hoadon_export);
#undef HOADON_HPP_FREE
// Bytes and strings the library allocated (hoadon_free).
template <>
struct Free<void> {
  void operator()(void *p) const noexcept { hoadon_free(p); }
};
template <>
struct Free<char> {
  void operator()(char *p) const noexcept { hoadon_free(p); }
};
template <class T>
using Owned = std::unique_ptr<T, Free<T>>;

namespace detail {

inline void check(int status) {
  if (status != HOADON_OK) throw Error(status, hoadon_last_error());
}

// Takes a char* the library returned (freeing it); throws when it is NULL.
inline std::string take(char *s) {
  if (!s) throw Error(HOADON_EINTERNAL, hoadon_last_error());
  Owned<char> owned(s);
  return std::string(s);
}

inline std::optional<std::string_view> opt(const char *s) {
  return s ? std::optional<std::string_view>(s) : std::nullopt;
}

}  // namespace detail

inline std::string_view version() { return hoadon_version(); }

// One diagnostic, copied out of its report.
struct Diagnostic {
  std::string code;
  hoadon_severity severity;
  std::string path;
  unsigned line;
  std::string message;
  std::string message_vi;
};

// A list of diagnostics about one document (an owned report, or a view of one owned elsewhere).
class Report {
 public:
  // A view: `r` stays owned by its document or verification, which must outlive this object.
  static Report view(const hoadon_report *r) { return Report(r, nullptr); }
  // Takes ownership of a report hoadon returned to the caller.
  static Report adopt(hoadon_report *r) { return Report(r, r); }

  bool ok() const { return hoadon_report_ok(r_) == 1; }
  std::size_t size() const { return hoadon_report_count(r_); }
  Diagnostic operator[](std::size_t i) const {
    const hoadon_diagnostic *d = hoadon_report_get(r_, i);
    if (!d) throw Error(HOADON_ERANGE, "diagnostic index out of range");
    return {d->code, d->severity, d->path, d->line, d->message, d->message_vi};
  }
  std::vector<Diagnostic> all() const {
    std::vector<Diagnostic> out;
    for (std::size_t i = 0; i < size(); ++i) out.push_back((*this)[i]);
    return out;
  }
  std::string to_json(const std::string &file = {}) const {
    return detail::take(hoadon_report_to_json(r_, file.c_str()));
  }
  std::string to_text(const std::string &file = "-", hoadon_lang lang = HOADON_LANG_EN) const {
    return detail::take(hoadon_report_to_text(r_, file.c_str(), lang));
  }

  // Iteration over copies of the diagnostics.
  class iterator {
   public:
    iterator(const Report *r, std::size_t i) : r_(r), i_(i) {}
    Diagnostic operator*() const { return (*r_)[i_]; }
    iterator &operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator &o) const { return i_ != o.i_; }

   private:
    const Report *r_;
    std::size_t i_;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

  const hoadon_report *get() const noexcept { return r_; }

 private:
  Report(const hoadon_report *r, hoadon_report *owned) : r_(r), owned_(owned) {}
  const hoadon_report *r_;
  Owned<hoadon_report> owned_;
};

// Per-code severity overrides for validation.
class RuleProfile {
 public:
  RuleProfile() {
    hoadon_rule_profile *p = nullptr;
    detail::check(hoadon_rule_profile_new(&p));
    p_.reset(p);
  }
  // severity: a hoadon_severity, HOADON_RULE_OFF or HOADON_RULE_DEFAULT.
  RuleProfile &set(const std::string &code, int severity) {
    detail::check(hoadon_rule_profile_set(p_.get(), code.c_str(), severity));
    return *this;
  }
  RuleProfile &load(const std::string &path) {
    detail::check(hoadon_rule_profile_load(p_.get(), path.c_str()));
    return *this;
  }
  const hoadon_rule_profile *get() const noexcept { return p_.get(); }

 private:
  Owned<hoadon_rule_profile> p_;
};

// Anchors, intermediates, CRLs: load once, share between threads.
class Trust {
 public:
  Trust() {
    hoadon_trust *t = nullptr;
    detail::check(hoadon_trust_new(&t));
    t_.reset(t);
  }
  Trust &add(hoadon_trust_kind kind, const std::string &path) {
    detail::check(hoadon_trust_add_path(t_.get(), kind, path.c_str()));
    return *this;
  }
  Trust &add_memory(hoadon_trust_kind kind, std::string_view bytes) {
    detail::check(hoadon_trust_add_memory(t_.get(), kind, bytes.data(), bytes.size()));
    return *this;
  }
  std::size_t count(hoadon_trust_kind kind) const { return hoadon_trust_count(t_.get(), kind); }
  const hoadon_trust *get() const noexcept { return t_.get(); }

 private:
  Owned<hoadon_trust> t_;
};

// The outcome of one signature, copied out of its verification.
struct SignatureResult {
  std::string slot;
  int invoice;
  std::string path;
  hoadon_outcome outcome;
  bool intact;
  std::string reason, algorithm, signing_time;
  std::string signer_subject, signer_tax_code, signer_issuer, signer_serial, signer_not_before, signer_not_after;
  std::vector<std::string> covers, warnings;
};

// The verification of one document.
class Verification {
 public:
  explicit Verification(hoadon_verify_result *r) : r_(r) {}
  bool ok() const { return hoadon_verify_result_ok(r_.get()) == 1; }
  std::size_t size() const { return hoadon_verify_result_count(r_.get()); }
  SignatureResult operator[](std::size_t i) const {
    const hoadon_signature_result *s = hoadon_verify_result_get(r_.get(), i);
    if (!s) throw Error(HOADON_ERANGE, "signature index out of range");
    SignatureResult out{s->slot,
                        s->invoice,
                        s->path,
                        s->outcome,
                        s->intact != 0,
                        s->reason,
                        s->algorithm,
                        s->signing_time,
                        s->signer_subject,
                        s->signer_tax_code,
                        s->signer_issuer,
                        s->signer_serial,
                        s->signer_not_before,
                        s->signer_not_after,
                        {},
                        {}};
    for (std::size_t k = 0; k < s->covers_count; ++k) out.covers.emplace_back(s->covers[k]);
    for (std::size_t k = 0; k < s->warnings_count; ++k) out.warnings.emplace_back(s->warnings[k]);
    return out;
  }
  Report report() const { return Report::view(hoadon_verify_result_report(r_.get())); }
  std::string to_json(const std::string &file = {}) const {
    return detail::take(hoadon_verify_result_to_json(r_.get(), file.c_str()));
  }
  std::string to_text(const std::string &file = "-", hoadon_lang lang = HOADON_LANG_EN) const {
    return detail::take(hoadon_verify_result_to_text(r_.get(), file.c_str(), lang));
  }

 private:
  Owned<hoadon_verify_result> r_;
};

// A key (or, for two-phase signing, only a certificate) with its certificate and chain. Load it
// once: one Signer may sign on any number of threads at once.
//
// Passwords and PINs are taken as `const char*` (nullptr: none) rather than std::string so that
// the only copy hoadon makes is the one it wipes after use.
class Signer {
 public:
  // A PEM or DER private key and certificates (the signer's is the one matching the key).
  static Signer from_pem(std::string_view key, std::string_view certificates, const char *password = nullptr) {
    return make([&](hoadon_signer **out) {
      return hoadon_signer_from_pem(key.data(), key.size(), certificates.data(), certificates.size(), password, out);
    });
  }
  static Signer from_pem_files(const std::string &key_path, const std::string &certificates_path,
                               const char *password = nullptr) {
    return make([&](hoadon_signer **out) {
      return hoadon_signer_from_pem_files(key_path.c_str(), certificates_path.c_str(), password, out);
    });
  }
  // A PKCS#12 file's bytes; nullptr password: the empty one.
  static Signer from_pkcs12(std::string_view data, const char *password = nullptr) {
    return make(
        [&](hoadon_signer **out) { return hoadon_signer_from_pkcs12(data.data(), data.size(), password, out); });
  }
  static Signer from_pkcs12_file(const std::string &path, const char *password = nullptr) {
    return make([&](hoadon_signer **out) { return hoadon_signer_from_pkcs12_file(path.c_str(), password, out); });
  }
  // A key on a PKCS#11 token (RFC 7512 URI). module nullptr: the URI's module-path, else p11-kit's
  // proxy; pin nullptr: no login; certificate empty: the token's own for the key.
  static Signer from_pkcs11(const std::string &uri, const char *module = nullptr, const char *pin = nullptr,
                            std::string_view certificate = {}) {
    return make([&](hoadon_signer **out) {
      return hoadon_signer_from_pkcs11(uri.c_str(), module, pin, certificate.data(), certificate.size(), out);
    });
  }
  // An external signer: only a certificate (and its chain), for Document::sign_prepare.
  static Signer from_certificate(std::string_view certificates) {
    return make([&](hoadon_signer **out) {
      return hoadon_signer_from_certificate(certificates.data(), certificates.size(), out);
    });
  }

  // CA certificates embedded in KeyInfo when the options say include_chain. Not while signing.
  Signer &add_chain(std::string_view certificates) {
    detail::check(hoadon_signer_add_chain(s_.get(), certificates.data(), certificates.size()));
    return *this;
  }
  std::string_view kind() const { return hoadon_signer_kind(s_.get()); }  // "pem", "pkcs12", "pkcs11", "external"
  std::string_view subject() const { return hoadon_signer_subject(s_.get()); }
  const hoadon_signer *get() const noexcept { return s_.get(); }

 private:
  template <class F>
  static Signer make(F &&construct) {
    hoadon_signer *s = nullptr;
    detail::check(construct(&s));  // EAUTH, EIO, EINVAL: *out stays NULL
    return Signer(s);
  }
  explicit Signer(hoadon_signer *s) : s_(s) {}
  Owned<hoadon_signer> s_;
};

// What was signed (or prepared), copied out of its result.
struct SignInfo {
  std::string slot;
  int invoice;
  std::string path, id, algorithm, digest_algorithm, signing_time;
  std::string signer_subject, signer_tax_code, signer_issuer, signer_serial, signer_not_before, signer_not_after;
  // Two-phase signing only (empty otherwise), raw bytes: the canonical SignedInfo, and its digest
  // under digest_algorithm — what an external signer signs.
  std::string to_be_signed, digest;
};

// The outcome of signing. Like a Verification it is a value: a refusal is a result whose ok() is
// false and whose report() says why, not an exception.
class SignResult {
 public:
  SignResult(hoadon_sign_result *r, int status) : r_(r), status_(status) {}

  bool ok() const { return hoadon_sign_result_ok(r_.get()) == 1; }
  bool pending() const { return hoadon_sign_result_pending(r_.get()) == 1; }
  // HOADON_OK, HOADON_EREFUSED or HOADON_EREJECTED, as the signing call returned it (a failed
  // write() later makes ok() false but leaves this as it was).
  int status() const noexcept { return status_; }
  // The signed (or pending) document; empty when refused.
  std::string_view bytes() const {
    std::size_t n = 0;
    const void *p = hoadon_sign_result_bytes(r_.get(), &n);
    return p ? std::string_view(static_cast<const char *>(p), n) : std::string_view();
  }
  // Absent when refused before the signature existed.
  std::optional<SignInfo> info() const {
    const hoadon_sign_info *i = hoadon_sign_result_info(r_.get());
    if (!i) return std::nullopt;
    auto raw = [](const void *p, std::size_t n) {
      return p ? std::string(static_cast<const char *>(p), n) : std::string();
    };
    return SignInfo{i->slot,
                    i->invoice,
                    i->path,
                    i->id,
                    i->algorithm,
                    i->digest_algorithm,
                    i->signing_time,
                    i->signer_subject,
                    i->signer_tax_code,
                    i->signer_issuer,
                    i->signer_serial,
                    i->signer_not_before,
                    i->signer_not_after,
                    raw(i->to_be_signed, i->to_be_signed_len),
                    raw(i->digest, i->digest_len)};
  }
  // Validation's diagnostics, then signing's. A view: valid as long as this result (also across
  // write(), which only appends to it).
  Report report() const { return Report::view(hoadon_sign_result_report(r_.get())); }

  // Writes the document atomically (whole or absent). Throws on failure; after HOADON_EIO the
  // result also carries an IO-WRITE diagnostic and is no longer ok(). mode 0: 0666 less the umask.
  void write(const std::string &path, unsigned mode = 0) {
    detail::check(hoadon_sign_result_write(r_.get(), path.c_str(), mode));
  }
  std::string to_json(const std::string &file = {}) const {
    return detail::take(hoadon_sign_result_to_json(r_.get(), file.c_str()));
  }
  std::string to_text(const std::string &file = "-", hoadon_lang lang = HOADON_LANG_EN) const {
    return detail::take(hoadon_sign_result_to_text(r_.get(), file.c_str(), lang));
  }

  hoadon_sign_result *get() noexcept { return r_.get(); }
  const hoadon_sign_result *get() const noexcept { return r_.get(); }

 private:
  Owned<hoadon_sign_result> r_;
  int status_;
};

namespace detail {

// A signing call's result: refusals and rejected inputs come back as values (the C API gives a
// result for them); anything else — bad arguments, memory — throws.
inline SignResult sign_result(int status, hoadon_sign_result *r) {
  if (r && (status == HOADON_OK || status == HOADON_EREFUSED || status == HOADON_EREJECTED))
    return SignResult(r, status);
  Error e(status == HOADON_OK ? HOADON_EINTERNAL : status, hoadon_last_error());  // before freeing
  hoadon_sign_result_free(r);
  throw e;
}

}  // namespace detail

// Atomic write of any bytes (e.g. the digest an external signer needs): whole or absent.
inline void file_write(const std::string &path, std::string_view bytes, unsigned mode = 0) {
  detail::check(hoadon_file_write(path.c_str(), bytes.data(), bytes.size(), mode));
}

// Options with their defaults, ready to adjust: hoadon::validate_options().strict = 1 …
inline hoadon_validate_options validate_options() {
  hoadon_validate_options o;
  hoadon_validate_options_init(&o, sizeof o);
  return o;
}
inline hoadon_verify_options verify_options() {
  hoadon_verify_options o;
  hoadon_verify_options_init(&o, sizeof o);
  return o;
}
inline hoadon_sign_options sign_options() {
  hoadon_sign_options o;
  hoadon_sign_options_init(&o, sizeof o);
  return o;
}
inline hoadon_render_options render_options() {
  hoadon_render_options o;
  hoadon_render_options_init(&o, sizeof o);
  return o;
}
inline hoadon_parse_options parse_options() {
  hoadon_parse_options o;
  hoadon_parse_options_init(&o, sizeof o);
  return o;
}

// A parsed document. A rejected input is still a Document: parsed() is false and report()
// says why.
class Document {
 public:
  static Document parse(std::string_view bytes, const hoadon_parse_options *options = nullptr) {
    hoadon_doc *d = nullptr;
    const int rc = hoadon_doc_parse(bytes.data(), bytes.size(), options, &d);
    return Document(d, rc);
  }
  static Document open(const std::string &path, const hoadon_parse_options *options = nullptr) {
    hoadon_doc *d = nullptr;
    const int rc = hoadon_doc_open(path.c_str(), options, &d);
    return Document(d, rc);
  }

  bool parsed() const noexcept { return status_ == HOADON_OK; }
  int status() const noexcept { return status_; }  // HOADON_OK, HOADON_EREJECTED or HOADON_EIO
  std::string_view kind() const { return hoadon_doc_kind(d_.get()); }
  Report report() const { return Report::view(hoadon_doc_report(d_.get())); }
  std::string_view bytes() const {
    std::size_t n = 0;
    const void *p = hoadon_doc_bytes(d_.get(), &n);
    return p ? std::string_view(static_cast<const char *>(p), n) : std::string_view();
  }

  std::optional<std::string_view> get(hoadon_field f) const { return detail::opt(hoadon_doc_get(d_.get(), f)); }
  std::size_t invoices() const { return hoadon_doc_invoice_count(d_.get()); }
  std::optional<std::string_view> invoice(std::size_t i, hoadon_field f) const {
    return detail::opt(hoadon_doc_invoice_get(d_.get(), i, f));
  }
  std::size_t signatures() const { return hoadon_doc_signature_count(d_.get()); }
  const hoadon_signature_info &signature(std::size_t i) const {
    const hoadon_signature_info *s = hoadon_doc_signature_get(d_.get(), i);
    if (!s) throw Error(HOADON_ERANGE, "signature index out of range");
    return *s;
  }

  std::string to_json(const std::string &file = {}) const {
    return detail::take(hoadon_doc_to_json(d_.get(), file.c_str()));
  }
  std::string to_text(const std::string &file = "-", hoadon_lang lang = HOADON_LANG_EN) const {
    return detail::take(hoadon_doc_to_text(d_.get(), file.c_str(), lang));
  }

  Report validate(const hoadon_validate_options *options = nullptr) const {
    hoadon_report *r = nullptr;
    detail::check(hoadon_doc_validate(d_.get(), options, &r));
    return Report::adopt(r);
  }
  Report validate(const hoadon_validate_options &options) const { return validate(&options); }

  // Not const: verification rebuilds the document's table of Id attributes.
  Verification verify(const Trust *trust = nullptr, const hoadon_verify_options *options = nullptr) {
    hoadon_verify_result *r = nullptr;
    const int rc = hoadon_doc_verify(d_.get(), trust ? trust->get() : nullptr, options, &r);
    if (!r) detail::check(rc);
    return Verification(r);
  }

  // The HTML (or PDF) form of the invoices, the signatures verified with the options' trust.
  // Not const, as verify(). Throws hoadon::Error (e.g. HOADON_EINVAL for a form, or a PDF this
  // build cannot write).
  std::string render(const hoadon_render_options *options = nullptr) {
    void *out = nullptr;
    std::size_t len = 0;
    detail::check(hoadon_doc_render(d_.get(), options, &out, &len));
    const Owned<void> owned(out);
    return std::string(static_cast<const char *>(out), len);
  }
  std::string render(const hoadon_render_options &options) { return render(&options); }

  // Signs with a Signer holding a key. Not const: the document's tree is used while signing (it
  // is left as it was, so the same Document can be signed or verified again).
  SignResult sign(const Signer &signer, const hoadon_sign_options *options = nullptr) {
    hoadon_sign_result *r = nullptr;
    const int rc = hoadon_doc_sign(d_.get(), signer.get(), options, &r);
    return detail::sign_result(rc, r);
  }
  SignResult sign(const Signer &signer, const hoadon_sign_options &options) { return sign(signer, &options); }
  // Two-phase signing, phase 1: the pending document (bytes()) and what to sign (info()). The
  // signer needs only a certificate. Phase 2 is hoadon::sign_complete on the pending bytes.
  SignResult sign_prepare(const Signer &signer, const hoadon_sign_options *options = nullptr) {
    hoadon_sign_result *r = nullptr;
    const int rc = hoadon_doc_sign_prepare(d_.get(), signer.get(), options, &r);
    return detail::sign_result(rc, r);
  }
  SignResult sign_prepare(const Signer &signer, const hoadon_sign_options &options) {
    return sign_prepare(signer, &options);
  }

  hoadon_doc *get() noexcept { return d_.get(); }
  const hoadon_doc *get() const noexcept { return d_.get(); }

 private:
  Document(hoadon_doc *d, int status) : d_(d), status_(status) {
    if (!d_) detail::check(status);  // argument or memory errors leave no document
  }
  Owned<hoadon_doc> d_;
  int status_;
};

// Two-phase signing, phase 2: `pending` (the pending bytes of sign_prepare, parsed) completed with
// `value`, the raw signature value (not base64). Only options->force is read.
inline SignResult sign_complete(Document &pending, std::string_view value,
                                const hoadon_sign_options *options = nullptr) {
  hoadon_sign_result *r = nullptr;
  const int rc = hoadon_doc_sign_complete(pending.get(), value.data(), value.size(), options, &r);
  return detail::sign_result(rc, r);
}
inline SignResult sign_complete(Document &pending, std::string_view value, const hoadon_sign_options &options) {
  return sign_complete(pending, value, &options);
}

// The Vietnamese words of an amount ("51570000" → "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng").
inline std::string amount_in_words(const std::string &amount, const std::string &currency = "VND",
                                   const hoadon_words_options *options = nullptr) {
  return detail::take(hoadon_amount_in_words(amount.c_str(), currency.c_str(), options));
}

}  // namespace hoadon

#endif  // HOADON_HPP
