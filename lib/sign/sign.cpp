#include "sign/sign.hpp"

#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dsig/binding.hpp"
#include "dsig/verify.hpp"
#include "pki/time.hpp"
#include "sign/draft.hpp"
#include "sign/pending.hpp"
#include "util/atomic_file.hpp"
#include "xml/node.hpp"

namespace hoadon::sign {
namespace {

sign::SignerRole default_role(const model::Index& index) {
  const bool invoices = index.kind == model::Kind::Invoice ||
                        (index.kind == model::Kind::Envelope && !index.invoices.empty() && index.message_type != "206");
  return invoices ? sign::SignerRole::Seller : sign::SignerRole::Taxpayer;
}

// Refusals: errors; those --force may override become warnings saying what was overridden.
struct Refusals {
  Report& report;
  Location where;
  bool force;

  bool refuse(Code code, const std::string& en, const std::string& vi) const {
    report.add(code, where, fmt::format("Not signed: {}", en), fmt::format("Không ký: {}", vi));
    return false;
  }
  bool forceable(Code code, const std::string& en, const std::string& vi) const {
    if (!force) return refuse(code, en, vi);
    report.add(Code::SignForced, where, fmt::format("Signed despite a refusal ({}): {}", code_info(code).code, en),
               fmt::format("Đã ký dù có lý do từ chối ({}): {}", code_info(code).code, vi));
    return true;
  }
};

bool validated(const xml::Document& doc, const model::Index& index, const Report& parsed, const Options& o, Result& r) {
  Report own;
  const Report* v = o.validated;
  if (!v) {
    own = validate::run(&doc, index, parsed, o.validation);
    v = &own;
  }
  r.report.append(*v);
  const auto errors = v->count(Severity::Error);
  if (errors == 0) return true;
  const auto& items = v->items();
  const auto& first =
      *std::find_if(items.begin(), items.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
  return Refusals{r.report, doc.locate(doc.root()), o.force}.forceable(
      Code::SignInvalid,
      fmt::format("the document fails validation with {} error{}, the first {} at {}: {}", errors,
                  errors == 1 ? "" : "s", first.code_name(), first.where.path, first.message),
      fmt::format("tài liệu không đạt kiểm tra với {} lỗi, lỗi đầu tiên {} tại {}: {}", errors, first.code_name(),
                  first.where.path, first.message_vi));
}

// The checks of the signer's certificate (and the CA certificates embedded with it) at the
// signing time `at`, for the party whose tax codes are `expected`. Returns the signer as reports
// describe signers (its tax code the identifier matching the document), or nullopt when refused.
std::optional<dsig::Signer> certificate_fits(const std::vector<X509*>& certs, std::int64_t at,
                                             const std::vector<std::string>& expected, bool sha1, const Refusals& r) {
  X509* leaf = certs.front();
  const auto info = pki::describe(leaf);
  if (!pki::allows_signing(leaf)) {
    r.refuse(Code::SignKeyUsage,
             fmt::format("the certificate of {} does not allow signing (its key usage has neither digitalSignature "
                         "nor nonRepudiation)",
                         info.subject),
             fmt::format("chứng thư số của {} không cho phép ký (mục đích sử dụng khóa không có digitalSignature "
                         "hay nonRepudiation)",
                         info.subject));
    return std::nullopt;
  }
  const auto when = pki::format_vietnam(at);
  for (X509* c : certs) {
    const auto from = pki::to_unix(X509_get0_notBefore(c)), until = pki::to_unix(X509_get0_notAfter(c));
    if (until && at > *until) {
      const auto subject = pki::name_text(X509_get_subject_name(c));
      r.refuse(Code::SignCertExpired,
               fmt::format("the certificate of {} expired at {} (UTC), before the signing time {}", subject,
                           pki::format_utc(*until), when),
               fmt::format("chứng thư số của {} đã hết hạn lúc {} (UTC), trước thời điểm ký {}", subject,
                           pki::format_utc(*until), when));
      return std::nullopt;
    }
    if (!from || at < *from) {
      const auto subject = pki::name_text(X509_get_subject_name(c));
      const auto valid_from = from ? pki::format_utc(*from) : std::string("?");
      r.refuse(
          Code::SignCertNotYetValid,
          fmt::format("the certificate of {} is valid from {} (UTC), after the signing time {}", subject, valid_from,
                      when),
          fmt::format("chứng thư số của {} có hiệu lực từ {} (UTC), sau thời điểm ký {}", subject, valid_from, when));
      return std::nullopt;
    }
  }
  dsig::Signer signer = dsig::signer_of(info);
  if (const auto* match = pki::identifier_among(info.identifiers, expected)) {
    signer.tax_code = match->value;
  } else if (!expected.empty()) {
    const auto wanted = fmt::format("{}", fmt::join(expected, " or "));
    const auto has = signer.identifiers.empty() ? std::string("no tax code (no UID MST:, CCCD:, CMND: or MNS:)")
                                                : fmt::format("{}", fmt::join(signer.identifiers, ", "));
    if (!r.forceable(Code::SignTaxCode,
                     fmt::format("the certificate carries {}, but this signature must be made by {}", has, wanted),
                     fmt::format("chứng thư số mang {}, nhưng chữ ký này phải do {} ký",
                                 signer.identifiers.empty() ? std::string("không có mã số thuế") : has, wanted)))
      return std::nullopt;
  }
  if (info.key_bits > 0 && info.key_bits < 2048)
    r.report.add(Code::SignWeak, r.where,
                 fmt::format("The signer's RSA key has {} bits, fewer than 2048", info.key_bits),
                 fmt::format("Khóa RSA của người ký chỉ có {} bit, ít hơn 2048", info.key_bits));
  if (sha1)
    r.report.add(Code::SignWeak, r.where, "Signed with SHA-1 (rsa-sha1), as asked: for legacy receivers only",
                 "Ký bằng SHA-1 (rsa-sha1) theo yêu cầu: chỉ dành cho bên nhận cũ");
  return signer;
}

bool self_signed(X509* c) { return X509_check_issued(c, c) == X509_V_OK; }

Made made_of(const model::SignatureNodes& nodes, std::string id, const dsig::ToBeSigned& tbs, std::string digest,
             std::string signing_time, dsig::Signer signer, bool pending) {
  Made m;
  m.slot = nodes.slot;
  m.invoice = nodes.invoice;
  m.path = xml::xpath(nodes.signature);
  m.id = std::move(id);
  m.algorithm = tbs.method;
  m.digest_algorithm = std::move(digest);
  m.signing_time = std::move(signing_time);
  m.signer = std::move(signer);
  if (pending) {
    m.to_be_signed = tbs.signed_info;
    m.digest = tbs.digest;
  }
  return m;
}

// Everything before the key signs: validation, the place, the certificate (described in `who`),
// the digests. Null when refused (the result's report says why).
std::unique_ptr<sign::Draft> draft(const xml::Document& doc, const model::Index& index, const Report& parsed,
                                   const keys::Signer& signer, const Options& o, Result& r,
                                   std::optional<dsig::Signer>& who) {
  if (!validated(doc, index, parsed, o, r)) return nullptr;
  const auto placement = sign::place(doc, index, o.role.value_or(default_role(index)), o.invoice, r.report);
  if (!placement) return nullptr;
  const std::int64_t at = o.time ? o.time : static_cast<std::int64_t>(std::time(nullptr));
  std::vector<X509*> certs{signer.certificate.get()};
  if (o.include_chain)
    for (const auto& c : signer.chain)
      if (!self_signed(c.get())) certs.push_back(c.get());  // a root in KeyInfo proves nothing
  sign::SignatureSpec spec;
  spec.method = o.sha1 ? "rsa-sha1" : "rsa-sha256";
  spec.digest = o.sha1 ? "sha1" : "sha256";
  spec.signing_time = at;
  spec.certificates = certs;
  auto d = sign::Draft::create(doc, index, *placement, spec, r.report);
  if (!d) return nullptr;
  const Refusals refusals{r.report, doc.locate(placement->slot_node ? placement->slot_node : placement->owner),
                          o.force};
  who = certificate_fits(certs, at, xml::texts(sign::party_tax_codes(index, d->nodes())), o.sha1, refusals);
  if (!who || !d->digest(r.report)) return nullptr;
  return d;
}

// A result for `doc`'s kind; for a document the parser rejected, its diagnostics (there is
// nothing else to report).
Result begin(const xml::Document* doc, const Report& parsed) {
  Result r;
  r.report.set_kind(parsed.kind());
  if (!doc) r.report.append(parsed);
  return r;
}

}  // namespace

Result sign(const xml::Document* doc, const model::Index& index, const Report& parsed, const keys::Signer& signer,
            const Options& o) {
  Result r = begin(doc, parsed);
  if (!doc) return r;
  if (!signer.key) {
    r.report.add(Code::SignKey, doc->locate(doc->root()),
                 "Not signed: this signer has only a certificate (an external signer): sign in two phases",
                 "Không ký: bên ký này chỉ có chứng thư số (ký bên ngoài): cần ký theo hai bước");
    return r;
  }
  std::optional<dsig::Signer> who;
  auto d = draft(*doc, index, parsed, signer, o, r, who);
  if (!d) return r;
  const auto& tbs = d->to_be_signed();
  const Location here = doc->locate(d->signature()->parent);
  std::string value;
  try {
    value = signer.key->sign_digest(tbs.hash, tbs.digest);
  } catch (const keys::KeyError& e) {
    r.report.add(Code::SignKey, here, fmt::format("Not signed: {}", e.what()), fmt::format("Không ký: {}", e.what()));
    return r;
  }
  // Whatever holds the key (a token may hold several), the value must verify with the
  // certificate that goes into KeyInfo.
  if (!dsig::value_verifies(tbs, value, signer.certificate.get())) {
    r.report.add(Code::SignKeyMismatch, here,
                 "Not signed: the key's signature does not verify with the certificate: the key is not the "
                 "certificate's",
                 "Không ký: chữ ký của khóa không khớp với chứng thư số: khóa không thuộc về chứng thư số");
    return r;
  }
  r.made = made_of(d->nodes(), d->signature_id(), tbs, o.sha1 ? "sha1" : "sha256", d->signing_time(), std::move(*who),
                   false);
  r.bytes = d->bytes(value);
  return r;
}

Result prepare(const xml::Document* doc, const model::Index& index, const Report& parsed, const keys::Signer& signer,
               const Options& o) {
  Result r = begin(doc, parsed);
  if (!doc) return r;
  std::optional<dsig::Signer> who;
  auto d = draft(*doc, index, parsed, signer, o, r, who);
  if (!d) return r;
  r.made = made_of(d->nodes(), d->signature_id(), d->to_be_signed(), o.sha1 ? "sha1" : "sha256", d->signing_time(),
                   std::move(*who), true);
  r.bytes = d->bytes({});
  r.pending = true;
  return r;
}

Result complete(const xml::Document* doc, const model::Index& index, const Report& parsed, std::string_view value,
                const Options& o) {
  Result r;
  r.report.set_kind(parsed.kind());
  r.report.append(parsed);
  if (!doc) return r;
  auto p = sign::Pending::find(*doc, index, r.report);
  if (!p) return r;
  const Refusals refusals{r.report, doc->locate(p->nodes().signature), o.force};
  const auto at = pki::parse_time(p->signing_time());
  if (!at) {
    refusals.refuse(Code::SignPending, "the pending signature has no readable signing time",
                    "chữ ký đang chờ không có thời điểm ký đọc được");
    return r;
  }
  auto who = certificate_fits({p->certificate()}, *at, xml::texts(sign::party_tax_codes(index, p->nodes())),
                              p->digest_algorithm() == "sha1", refusals);
  if (!who) return r;
  auto bytes = p->complete(value, r.report);
  if (bytes.empty()) return r;
  r.made =
      made_of(p->nodes(), p->id(), p->to_be_signed(), p->digest_algorithm(), p->signing_time(), std::move(*who), false);
  r.bytes = std::move(bytes);
  return r;
}

bool write(Result& r, const std::string& path, unsigned mode) {
  if (!r.ok()) return false;
  const std::string error = write_atomically(path, r.bytes, mode);
  if (error.empty()) {
    r.output = path;
    return true;
  }
  r.unwritten = true;
  r.report.add(Code::IoWrite, {}, fmt::format("Cannot write {}: {}", path, error),
               fmt::format("Không ghi được {}: {}", path, error));
  return false;
}

}  // namespace hoadon::sign
