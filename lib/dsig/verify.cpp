#include "dsig/verify.hpp"

#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "dsig/binding.hpp"
#include "dsig/coverage.hpp"
#include "dsig/findings.hpp"
#include "dsig/ids.hpp"
#include "dsig/integrity.hpp"
#include "dsig/relative_ns.hpp"
#include "dsig/signature.hpp"
#include "model/essentials.hpp"
#include "pki/certificate.hpp"
#include "pki/time.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

// The strict policy raises these codes to errors; the checks read the severity back.
const Profile* profile_for(Policy p) {
  static const Profile strict = [] {
    Profile s;
    s.set(Code::DsigSha1, Severity::Error);
    s.set(Code::PkiWeakKey, Severity::Error);
    s.set(Code::PkiRevocationUnknown, Severity::Error);
    return s;
  }();
  return p == Policy::Strict ? &strict : nullptr;
}

const pki::TrustStore& no_trust() {
  static const pki::TrustStore empty;
  return empty;
}

// The signer's certificate: the one in KeyInfo that issued none of the others.
struct Signers {
  std::shared_ptr<const pki::KnownCertificate> leaf;
  std::vector<std::shared_ptr<const pki::KnownCertificate>> others;
};

bool pick_signer(const xml::Document& doc, const ParsedSignature& sig, const pki::TrustStore& trust, Findings& f,
                 Signers& out) {
  std::vector<std::shared_ptr<const pki::KnownCertificate>> certs;
  for (xmlNode* n : sig.certificates) {
    const auto der = pki::base64_der(xml::text(n));
    auto c = der.empty() ? nullptr : trust.certificate(der);
    if (!c) {
      f.problem(Code::PkiCertificate, doc.locate(n), "The X509Certificate element does not hold a readable certificate",
                "Phần tử X509Certificate không chứa chứng thư số đọc được", Stage::Integrity, Outcome::Invalid,
                "no-certificate");
      return false;
    }
    certs.push_back(std::move(c));
  }
  if (certs.empty()) {
    const bool kv = sig.key_value;
    f.problem(Code::DsigKey, doc.locate(sig.node),
              kv ? "KeyInfo carries only a KeyValue: a key the document supplies proves nothing about its signer; "
                   "the signer's X509Certificate is required"
                 : "KeyInfo carries no X509Certificate: the signer cannot be identified",
              kv ? "KeyInfo chỉ có KeyValue: khóa do chính tài liệu cung cấp không chứng minh được người ký; cần "
                   "X509Certificate của người ký"
                 : "KeyInfo không có X509Certificate: không xác định được người ký",
              Stage::Integrity, Outcome::Invalid, "no-certificate");
    return false;
  }
  std::vector<std::size_t> leaves;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    bool issuer = false;
    for (std::size_t j = 0; j < certs.size() && !issuer; ++j)
      // By name only: whether the issuer could really issue is the chain's business, later.
      issuer = i != j && X509_NAME_cmp(X509_get_subject_name(certs[i]->cert.get()),
                                       X509_get_issuer_name(certs[j]->cert.get())) == 0;
    if (!issuer) leaves.push_back(i);
  }
  if (leaves.size() != 1) {
    f.problem(Code::DsigKey, doc.locate(sig.node), "KeyInfo holds several certificates that could each be the signer's",
              "KeyInfo chứa nhiều chứng thư số mà mỗi cái đều có thể là của người ký", Stage::Integrity,
              Outcome::Invalid, "no-certificate");
    return false;
  }
  out.leaf = std::move(certs[leaves.front()]);
  for (std::size_t i = 0; i < certs.size(); ++i)
    if (i != leaves.front()) out.others.push_back(std::move(certs[i]));
  return true;
}

void report_integrity(const xml::Document& doc, const ParsedSignature& sig, const Integrity& in, Findings& f) {
  auto& r = f.result();
  switch (in.status) {
    case Integrity::Status::Intact:
      r.intact = true;
      break;
    case Integrity::Status::DigestMismatch: {
      const auto& ref = sig.references[in.failed_reference];
      const auto what = ref.whole_document ? std::string("the document") : xml::xpath(ref.target);
      f.problem(Code::DsigDigest, doc.locate(ref.node),
                fmt::format("The digest of reference \"{}\" does not match: {} changed after signing", ref.uri, what),
                fmt::format("Giá trị băm của tham chiếu \"{}\" không khớp: {} đã bị thay đổi sau khi ký", ref.uri,
                            ref.whole_document ? std::string("tài liệu") : what),
                Stage::Integrity, Outcome::Invalid, "digest-mismatch");
      break;
    }
    case Integrity::Status::ValueMismatch:
      f.problem(Code::DsigValue, doc.locate(xml::next_element(sig.signed_info)),
                "The signature value does not verify with the key of the signer's certificate: SignedInfo changed "
                "after signing, or another key signed it",
                "Giá trị chữ ký không khớp với khóa trong chứng thư số của người ký: SignedInfo đã bị thay đổi sau "
                "khi ký, hoặc một khóa khác đã ký",
                Stage::Integrity, Outcome::Invalid, "signature-mismatch");
      break;
    case Integrity::Status::Error:
      f.problem(
          Code::DsigEngine, doc.locate(sig.node), fmt::format("The signature could not be verified: {}", in.detail),
          fmt::format("Không xác minh được chữ ký: {}", in.detail), Stage::Integrity, Outcome::Invalid, "engine-error");
      break;
  }
  if (in.status == Integrity::Status::Error) return;
  if (in.enveloped_as_identity)
    f.note(Code::DsigCompat, doc.locate(sig.node),
           "A reference covers part of its own signature and carries the enveloped-signature transform; as .NET "
           "SignedXml does, the transform was applied as identity",
           "Một tham chiếu bao phủ một phần của chính chữ ký và có phép biến đổi enveloped-signature; như .NET "
           "SignedXml, phép biến đổi được áp dụng như phép đồng nhất");
  if (in.relative_namespaces)
    f.note(Code::DsigCompat, doc.locate(sig.node),
           "The signed content declares a relative namespace URI, which Canonical XML forbids; as .NET does, it was "
           "canonicalized as written",
           "Nội dung được ký khai báo URI không gian tên tương đối, điều mà Canonical XML cấm; như .NET, nó được "
           "chuẩn hóa đúng như đã viết");
}

// Certificate content: checked in every mode (it needs no trust anchor).
void check_certificate(const xml::Document& doc, const ParsedSignature& sig, const Role& role,
                       const pki::KnownCertificate& leaf, const pki::TrustStore& trust, const VerifyOptions& options,
                       Findings& f) {
  auto& r = f.result();
  const auto& info = leaf.info;
  Signer s = signer_of(info);
  const auto here = doc.locate(sig.node);

  if (role.tax_authority && !trust.is_tax_authority(leaf.cert.get())) {
    const auto accepted = trust.tax_authorities();
    f.problem(Code::PkiNotTaxAuthority, here,
              fmt::format("The {} is made by {}, which is not the tax authority: this slot takes only {}", role.name_en,
                          info.subject, accepted.accepted_en()),
              fmt::format("{} do {} ký, không phải cơ quan thuế: vị trí này chỉ nhận {}", role.name_vi, info.subject,
                          accepted.accepted_vi()),
              Stage::Policy, Outcome::Invalid, "not-tax-authority");
  }

  if (!leaf.allows_signing)
    f.problem(Code::PkiKeyUsage, here,
              fmt::format("The certificate of {} does not allow signing: its key usage has neither digitalSignature "
                          "nor nonRepudiation",
                          info.subject),
              fmt::format("Chứng thư số của {} không cho phép ký: mục đích sử dụng khóa không có digitalSignature "
                          "hay nonRepudiation",
                          info.subject),
              Stage::Policy, Outcome::Invalid, "key-usage");
  if (info.key_bits > 0 && info.key_bits < 2048)
    f.problem(Code::PkiWeakKey, here, fmt::format("The signer's RSA key has {} bits, fewer than 2048", info.key_bits),
              fmt::format("Khóa RSA của người ký chỉ có {} bit, ít hơn 2048", info.key_bits), Stage::Policy,
              Outcome::Invalid, "weak-key");

  if (options.check_tax_code && !role.tax_codes.empty()) {
    const auto expected = xml::texts(role.tax_codes);
    if (const pki::Identifier* match = pki::identifier_among(info.identifiers, expected)) {
      s.tax_code = match->value;
    } else {
      const auto where = doc.locate(role.tax_codes.front());
      const auto wanted = fmt::format("{}", fmt::join(expected, " or "));
      if (info.identifiers.empty())
        f.problem(Code::PkiTaxCode, where,
                  fmt::format("The signer's certificate carries no tax code (no UID MST:, CCCD:, CMND: or MNS:); "
                              "the {} must be made by {}",
                              role.name_en, wanted),
                  fmt::format("Chứng thư số của người ký không có mã số thuế (không có UID MST:, CCCD:, CMND: hay "
                              "MNS:); {} phải do {} ký",
                              role.name_vi, wanted),
                  Stage::Policy, Outcome::Invalid, "tax-code-mismatch");
      else
        f.problem(Code::PkiTaxCode, where,
                  fmt::format("The signer's certificate is issued to {}, but the {} must be made by {}",
                              fmt::join(s.identifiers, ", "), role.name_en, wanted),
                  fmt::format("Chứng thư số của người ký cấp cho {}, nhưng {} phải do {} ký",
                              fmt::join(s.identifiers, ", "), role.name_vi, wanted),
                  Stage::Policy, Outcome::Invalid, "tax-code-mismatch");
    }
  }
  r.signer = std::move(s);
}

// The time certificates must be valid at: the one asked for, else the signing time when the
// signature covers it, else now.
std::int64_t verification_time(const xml::Document& doc, const ParsedSignature& sig, bool time_signed,
                               const VerifyOptions& options, Findings& f) {
  if (options.at != 0) return options.at;
  if (sig.signing_time) {
    if (const auto t = pki::parse_time(xml::text(sig.signing_time))) {
      if (time_signed) return *t;
    } else {
      f.note(Code::DsigSigningTime, doc.locate(sig.signing_time),
             fmt::format("The signing time \"{}\" is not a date-time: the current time is used",
                         xml::trimmed_text(sig.signing_time)),
             fmt::format("Thời điểm ký \"{}\" không phải ngày giờ hợp lệ: dùng thời điểm hiện tại",
                         xml::trimmed_text(sig.signing_time)));
    }
  }
  return static_cast<std::int64_t>(std::time(nullptr));
}

// Clocks of signers and verifiers differ a little: a signing time up to this far after "now"
// is accepted. A time asked for (--at) is taken exactly.
constexpr std::int64_t kClockSkewSeconds = 300;

// A signature cannot have been made after the moment it is validated at: such a signing time is
// forged or wrong, and certificates checked "at the signing time" would be checked in the future.
void check_not_future(const xml::Document& doc, const ParsedSignature& sig, const Role& role, bool time_signed,
                      const VerifyOptions& options, Findings& f) {
  if (!sig.signing_time || !(time_signed || role.signing_time_required)) return;
  const auto t = pki::parse_time(xml::text(sig.signing_time));
  if (!t) return;
  const bool asked = options.at != 0;
  const std::int64_t at = asked ? options.at : static_cast<std::int64_t>(std::time(nullptr));
  if (*t <= at + (asked ? 0 : kClockSkewSeconds)) return;
  const auto written = xml::trimmed_text(sig.signing_time);
  f.problem(Code::DsigTimeFuture, doc.locate(sig.signing_time),
            fmt::format("The signing time {} is later than the validation time {} ({})", written, pki::format_utc(at),
                        asked ? "the time asked for" : "now"),
            fmt::format("Thời điểm ký {} muộn hơn thời điểm kiểm tra {} ({})", written, pki::format_utc(at),
                        asked ? "thời điểm được yêu cầu" : "hiện tại"),
            Stage::Policy, Outcome::Invalid, "signing-time-future");
}

void check_trust(const xml::Document& doc, const ParsedSignature& sig, const Signers& signers,
                 const pki::TrustStore& trust, std::int64_t at, const pki::OnlineOptions& online, Findings& f) {
  std::vector<X509*> extra;
  for (const auto& c : signers.others) extra.push_back(c->cert.get());
  const auto chk = trust.check(signers.leaf->cert.get(), extra, at, online);
  const auto here = doc.locate(sig.node);
  const auto when = pki::format_utc(at);
  f.result().trust_checked = true;
  switch (chk.status) {
    case pki::ChainCheck::Status::NoAnchor:
      f.problem(Code::PkiUntrusted, here,
                fmt::format("The signer's certificate does not chain to a trust anchor: {}", chk.detail),
                fmt::format("Chứng thư số của người ký không dẫn tới chứng thư tin cậy nào: {}", chk.detail),
                Stage::Trust, Outcome::Indeterminate, "untrusted");
      return;
    case pki::ChainCheck::Status::Invalid:
      f.problem(Code::PkiChain, here, fmt::format("The certificate chain is invalid: {}", chk.detail),
                fmt::format("Chuỗi chứng thư số không hợp lệ: {}", chk.detail), Stage::Trust, Outcome::Indeterminate,
                "bad-chain");
      return;
    case pki::ChainCheck::Status::Trusted:
      break;
  }
  if (chk.validity == pki::ChainCheck::Validity::Expired)
    f.problem(Code::PkiExpired, here, fmt::format("At {}, {}", when, chk.validity_detail),
              fmt::format("Tại {}, {} (chứng thư số đã hết hạn)", when, chk.validity_detail), Stage::Policy,
              Outcome::Invalid, "expired");
  else if (chk.validity == pki::ChainCheck::Validity::NotYetValid)
    f.problem(Code::PkiNotYetValid, here, fmt::format("At {}, {}", when, chk.validity_detail),
              fmt::format("Tại {}, {} (chứng thư số chưa có hiệu lực)", when, chk.validity_detail), Stage::Policy,
              Outcome::Invalid, "not-yet-valid");
  if (chk.revocation == pki::ChainCheck::Revocation::Revoked)
    f.problem(Code::PkiRevoked, here, fmt::format("{}, before {}", chk.revocation_detail, when),
              fmt::format("{}, trước {} (chứng thư số đã bị thu hồi)", chk.revocation_detail, when), Stage::Policy,
              Outcome::Invalid, "revoked");
  else if (chk.revocation == pki::ChainCheck::Revocation::Unknown)
    f.problem(Code::PkiRevocationUnknown, here, fmt::format("Revocation unknown: {}", chk.revocation_detail),
              fmt::format("Không rõ tình trạng thu hồi: {}", chk.revocation_detail), Stage::Trust,
              Outcome::Indeterminate, "revocation-unknown");
}

struct Context {
  const xml::Document& doc;
  const model::Index& index;
  const pki::TrustStore& trust;
  const VerifyOptions& options;
  const IdTable& ids;
  const RelativeNamespaces& relative;
  Verification& out;
  std::vector<Covered> covered;
};

void verify_one(Context& c, const model::SignatureNodes& node) {
  SignatureResult r;
  r.slot = node.slot;
  r.invoice = node.invoice;
  const auto here = c.doc.locate(node.signature);
  r.path = here.path;
  r.line = here.line;
  r.id = xml::attribute(node.signature, "Id").value_or("");
  Findings f(c.out.report, r);

  const ParsedSignature sig = parse_signature(c.doc, node.signature, c.ids, f);
  if (const xmlNode* m = xml::next_element(xml::first_child_element(sig.signed_info));
      xml::is_dsig(m, "SignatureMethod"))
    r.algorithm = model::algorithm_short_name(xml::attribute(m, "Algorithm").value_or(""));
  if (sig.signing_time) r.signing_time = xml::trimmed_text(sig.signing_time);
  const Role role = role_of(c.index, node, c.options.profile);
  const bool time_signed = check_binding(c.doc, role, sig, f);
  check_not_future(c.doc, sig, role, time_signed, c.options, f);

  const bool pinned = c.options.profile == VerifyProfile::XmlDsig && c.trust.count(pki::Material::PinnedKey) > 0;
  Signers signers;
  const bool have_signer = !pinned && pick_signer(c.doc, sig, c.trust, f, signers);
  if (sig.checkable && pinned) {
    // The key is the one the user pinned, whatever KeyInfo says.
    Integrity in;
    for (const auto& key : c.trust.pinned_keys()) {
      in = check_integrity(sig, key.get(), c.relative);
      if (in.status == Integrity::Status::Intact) break;
    }
    report_integrity(c.doc, sig, in, f);
  } else if (sig.checkable && have_signer) {
    report_integrity(c.doc, sig, check_integrity(sig, X509_get0_pubkey(signers.leaf->cert.get()), c.relative), f);
  }

  if (have_signer) {
    check_certificate(c.doc, sig, role, *signers.leaf, c.trust, c.options, f);
    if (c.options.integrity_only) {
      f.note(
          Code::PkiIntegrityOnly, here,
          "Integrity-only mode: the certificate's chain, validity and revocation were not checked",
          "Chế độ chỉ kiểm tra tính toàn vẹn: không kiểm tra chuỗi, hiệu lực và tình trạng thu hồi của chứng thư số");
      f.fail(Stage::Trust, Outcome::Indeterminate, "trust-not-checked");
    } else if (r.intact) {
      check_trust(c.doc, sig, signers, c.trust, verification_time(c.doc, sig, time_signed, c.options, f),
                  c.options.online, f);
    }
  } else if (pinned && c.options.integrity_only && r.intact) {
    f.fail(Stage::Trust, Outcome::Indeterminate, "trust-not-checked");
  }
  if (!r.intact && !f.failed()) f.fail(Stage::Integrity, Outcome::Invalid, "not-verified");
  f.conclude();

  if (r.intact)
    for (const auto& ref : sig.references)
      c.covered.push_back({ref.target, ref.removes_signature ? sig.node : nullptr});
  c.out.signatures.push_back(std::move(r));
}

Verification empty_result(const Report& doc_report, const VerifyOptions& options) {
  Verification v;
  v.report = Report(profile_for(options.policy));
  v.kind = doc_report.kind();
  v.report.set_kind(v.kind);
  v.integrity_only = options.integrity_only;
  v.profile = options.profile;
  for (const auto& d : doc_report.items()) {
    // Under the XMLDSig profile any document may be signed: what makes an e-invoice does not matter.
    if (options.profile == VerifyProfile::XmlDsig && code_info(d.code).area == "DOC") continue;
    v.report.add(d.code, d.where, d.message, d.message_vi);
  }
  return v;
}

}  // namespace

Signer signer_of(const pki::CertificateInfo& info) {
  Signer s;
  s.subject = info.subject;
  s.issuer = info.issuer;
  s.serial = info.serial;
  s.not_before = info.not_before;
  s.not_after = info.not_after;
  s.key_bits = info.key_bits;
  for (const auto& id : info.identifiers) s.identifiers.push_back(id.text);
  const auto first_mst = std::find_if(info.identifiers.begin(), info.identifiers.end(),
                                      [](const pki::Identifier& i) { return i.kind == "MST"; });
  if (first_mst != info.identifiers.end())
    s.tax_code = first_mst->value;
  else if (!info.identifiers.empty())
    s.tax_code = info.identifiers.front().value;
  return s;
}

bool Verification::ok() const noexcept {
  if (signatures.empty() || !report.ok()) return false;
  return std::all_of(signatures.begin(), signatures.end(), [&](const SignatureResult& s) {
    return integrity_only ? s.intact && s.outcome != Outcome::Invalid : s.outcome == Outcome::Valid;
  });
}

Verification rejected_document(const Report& doc_report, const VerifyOptions& options) {
  return empty_result(doc_report, options);
}

Verification verify_document(const xml::Document& doc, const model::Index& index, const Report& doc_report,
                             const pki::TrustStore* trust, const VerifyOptions& options) {
  Verification v = empty_result(doc_report, options);
  if (index.signatures.empty()) {
    v.report.add(Code::DsigNone, doc.locate(doc.root()), "The document carries no signature: nothing vouches for it",
                 "Tài liệu không có chữ ký số nào: không có gì bảo đảm cho nội dung của nó");
    return v;
  }
  const IdTable ids(doc.tree(), options.profile == VerifyProfile::XmlDsig ? IdNames::Generic : IdNames::Invoice);
  for (const auto& [n, id] : ids.duplicates()) {
    v.report.add(Code::DsigDuplicateId, doc.locate(n),
                 fmt::format("Id=\"{}\" is carried by several elements: references to it are refused", id),
                 fmt::format("Id=\"{}\" xuất hiện trên nhiều phần tử: các tham chiếu tới nó bị từ chối", id));
  }
  const RelativeNamespaces relative(doc.tree());
  Context c{doc, index, trust ? *trust : no_trust(), options, ids, relative, v, {}};
  for (const auto& s : index.signatures) verify_one(c, s);
  report_unsigned(doc, c.covered, v.report);
  return v;
}

std::string_view outcome_name(Outcome o) noexcept {
  switch (o) {
    case Outcome::Valid:
      return "valid";
    case Outcome::Invalid:
      return "invalid";
    case Outcome::Indeterminate:
      return "indeterminate";
  }
  return "invalid";
}

}  // namespace hoadon::dsig
