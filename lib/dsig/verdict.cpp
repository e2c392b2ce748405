#include "dsig/verdict.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <vector>

namespace hoadon::dsig {
namespace {

struct Words {
  std::string_view key, en, vi;
};

// Slots by the party that signs there (format §5.1).
constexpr std::array kSlots = {
    Words{"NBan", "Seller's signature", "Chữ ký người bán"},
    Words{"NMua", "Buyer's signature", "Chữ ký người mua"},
    Words{"CQT", "Tax authority's signature", "Chữ ký cơ quan thuế"},
    Words{"TTCQT", "Tax authority's signature", "Chữ ký cơ quan thuế"},
    Words{"CCKSKhac", "Other signature", "Chữ ký khác"},
    Words{"CKSNNT", "Taxpayer's signature of the message", "Chữ ký người nộp thuế trên thông điệp"},
    Words{"NNT", "Taxpayer's signature", "Chữ ký người nộp thuế"},
};

// Every reason of the README's list, said for a bookkeeper.
constexpr std::array kReasons = {
    Words{"digest-mismatch", "the signed content was changed after signing", "nội dung đã ký bị thay đổi sau khi ký"},
    Words{"signature-mismatch", "the signature value does not match: the signed information changed, or another key",
          "giá trị chữ ký không khớp: thông tin đã ký bị thay đổi, hoặc khóa khác"},
    Words{"malformed", "the signature is malformed", "chữ ký sai cấu trúc"},
    Words{"forbidden-algorithm", "it uses an algorithm that is not allowed", "chữ ký dùng thuật toán không được phép"},
    Words{"forbidden-transform", "it uses a transform that is not allowed",
          "chữ ký dùng phép biến đổi không được phép"},
    Words{"forbidden-uri", "it points outside the document", "chữ ký tham chiếu ra ngoài tài liệu"},
    Words{"duplicate-id", "two elements carry the Id it points to: what it covers is ambiguous",
          "hai phần tử mang cùng Id mà chữ ký tham chiếu: không rõ chữ ký bao phủ phần nào"},
    Words{"unresolved-reference", "it points to content that is not in the document",
          "chữ ký tham chiếu tới nội dung không có trong tài liệu"},
    Words{"manifest", "it uses a Manifest, which is not allowed", "chữ ký dùng Manifest, không được phép"},
    Words{"key-info", "its key information cannot be used", "thông tin khóa của chữ ký không dùng được"},
    Words{"no-certificate", "it carries no certificate of the signer", "chữ ký không kèm chứng thư số của người ký"},
    Words{"binding", "it does not cover the data it must cover", "chữ ký không bao phủ dữ liệu mà nó phải bao phủ"},
    Words{"signing-time-missing", "it has no signing time", "chữ ký không có thời điểm ký"},
    Words{"signing-time-ambiguous", "it has two signing times", "chữ ký có hai thời điểm ký"},
    Words{"signing-time-future", "its signing time is in the future", "thời điểm ký ở tương lai"},
    Words{"weak-algorithm", "its algorithm is too weak for the policy", "thuật toán quá yếu so với chính sách"},
    Words{"weak-key", "its key is too short for the policy", "khóa quá ngắn so với chính sách"},
    Words{"key-usage", "the certificate does not allow signing", "chứng thư số không cho phép ký"},
    Words{"tax-code-mismatch", "the certificate belongs to another tax code", "chứng thư số thuộc về mã số thuế khác"},
    Words{"not-tax-authority", "the signer is not the tax authority", "người ký không phải cơ quan thuế"},
    Words{"expired", "the certificate had expired", "chứng thư số đã hết hạn"},
    Words{"not-yet-valid", "the certificate was not yet valid", "chứng thư số chưa có hiệu lực"},
    Words{"revoked", "the certificate was revoked", "chứng thư số đã bị thu hồi"},
    Words{"engine-error", "it could not be checked (an internal error)", "không kiểm tra được (lỗi nội bộ)"},
    Words{"not-verified", "it could not be verified", "không xác minh được"},
    Words{"untrusted", "the certificate's issuer is not one hoadon trusts",
          "tổ chức cấp chứng thư số không thuộc danh sách tin cậy"},
    Words{"bad-chain", "the certificate chain is broken", "chuỗi chứng thư số bị lỗi"},
    Words{"revocation-unknown", "whether the certificate was revoked is unknown",
          "không rõ chứng thư số có bị thu hồi hay không"},
    Words{"trust-not-checked", "trust was not checked", "chưa kiểm tra độ tin cậy"},
};

const Words* find(std::span<const Words> table, std::string_view key) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const Words& w) { return w.key == key; });
  return it == table.end() ? nullptr : &*it;
}

// The CN of an RFC 4514 subject ("CN=CỤC THUẾ,O=BỘ TÀI CHÍNH,…"), unescaped; the whole
// subject when it has none.
std::string common_name(std::string_view subject) {
  for (std::size_t i = 0; i < subject.size();) {
    std::size_t end = i;
    std::string value;
    bool escaped = false;
    for (; end < subject.size(); ++end) {
      const char c = subject[end];
      if (escaped) {
        value += c;
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',') {
        break;
      } else {
        value += c;
      }
    }
    if (value.starts_with("CN=")) return value.substr(3);
    i = end + 1;
  }
  return std::string(subject);
}

bool inside(std::string_view path, std::string_view root) {
  return !root.empty() && path.starts_with(root) && (path.size() == root.size() || path[root.size()] == '/');
}

// Problems first, then the rest, each group in document order.
int rank(const SignatureResult& s) {
  switch (s.outcome) {
    case Outcome::Invalid:
      return 0;
    case Outcome::Indeterminate:
      return s.trust_checked ? 1 : 2;
    case Outcome::Valid:
      break;
  }
  return 3;
}

std::string signature_line(const SignatureResult& s, std::size_t number, bool several_invoices, const BriefOptions& o) {
  const Lang l = o.lang;
  std::string who;
  if (const auto* w = find(kSlots, s.slot))
    who = std::string(pick(l, w->en, w->vi));
  else
    who = s.slot.empty() ? fmt::format("{} {}", pick(l, "Signature", "Chữ ký"), number)
                         : fmt::format("{} {}", pick(l, "Signature", "Chữ ký"), s.slot);
  if (several_invoices && s.invoice >= 0) who += fmt::format(" ({} {})", pick(l, "invoice", "hóa đơn"), s.invoice + 1);

  std::string_view mark, state;
  switch (s.outcome) {
    case Outcome::Valid:
      mark = "✓", state = pick(l, "valid", "hợp lệ");
      break;
    case Outcome::Invalid:
      mark = "✗", state = pick(l, "INVALID", "KHÔNG HỢP LỆ");
      break;
    case Outcome::Indeterminate:
      if (s.trust_checked)
        mark = "?", state = pick(l, "intact but not confirmed", "nguyên vẹn nhưng chưa xác nhận được");
      else
        mark = "~", state = pick(l, "intact, trust not checked", "nguyên vẹn, chưa kiểm tra độ tin cậy");
      break;
  }
  std::string line = fmt::format("  {} {}: {}", mark, who, state);
  if (!s.reason.empty() && s.reason != "trust-not-checked") line += fmt::format(" — {}", reason_words(s.reason, l));

  std::vector<std::string> facts;
  if (!s.signing_time.empty()) {
    std::string t = s.signing_time;
    std::replace(t.begin(), t.end(), 'T', ' ');
    facts.push_back(fmt::format("{} {}", pick(l, "signed", "ký lúc"), t));
  }
  if (s.signer) {
    std::string by = fmt::format("{} {}", pick(l, "by", "bởi"), common_name(s.signer->subject));
    if (!s.signer->tax_code.empty()) by += fmt::format(" ({} {})", pick(l, "tax code", "MST"), s.signer->tax_code);
    facts.push_back(std::move(by));
  }
  if (!facts.empty()) line += fmt::format("; {}", fmt::join(facts, l == Lang::Vi ? ", " : " "));
  line += '\n';

  // The signature's own warnings in words (their diagnostics are details of this line).
  for (const auto& code : s.warnings) {
    const auto* info = find_code(code);
    if (!info || (!o.verbose && is_cosmetic(info->id))) continue;
    line += fmt::format("      {}: {}\n", severity_word(Severity::Warning, l), pick(l, info->title_en, info->title_vi));
  }
  if (o.verbose) {
    if (!s.algorithm.empty()) line += fmt::format("      {}: {}\n", pick(l, "algorithm", "thuật toán"), s.algorithm);
    if (s.signer)
      line += fmt::format("      {}: {}\n      {}: {} ({} – {})\n", pick(l, "signer", "người ký"), s.signer->subject,
                          pick(l, "issuer", "cấp bởi"), s.signer->issuer, s.signer->not_before, s.signer->not_after);
    if (!s.covers.empty())
      line += fmt::format("      {}: {}\n", pick(l, "covers", "bao phủ"), fmt::join(s.covers, ", "));
    line += fmt::format("      {}: {}\n", pick(l, "at", "tại"), s.path);
  }
  return line;
}

}  // namespace

std::string_view verdict_word(const Verification& v, Lang lang) {
  if (v.signatures.empty()) return pick(lang, "NOT SIGNED", "CHƯA KÝ");
  if (v.ok()) return v.integrity_only ? pick(lang, "INTACT", "NGUYÊN VẸN") : pick(lang, "VALID", "HỢP LỆ");
  const auto& sigs = v.signatures;
  if (std::any_of(sigs.begin(), sigs.end(), [](const SignatureResult& s) { return s.outcome == Outcome::Invalid; }))
    return pick(lang, "INVALID", "KHÔNG HỢP LỆ");
  // Trust not established is an error about an intact signature, not a sign of forgery; any
  // other error (a look-alike, a form the document must not have) is.
  const auto& items = v.report.items();
  const bool other_error = std::any_of(items.begin(), items.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::Error && std::none_of(sigs.begin(), sigs.end(), [&](const SignatureResult& s) {
             return s.outcome == Outcome::Indeterminate && inside(d.where.path, s.path);
           });
  });
  return other_error ? pick(lang, "INVALID", "KHÔNG HỢP LỆ") : pick(lang, "NOT CONFIRMED", "CHƯA XÁC NHẬN");
}

std::string reason_words(std::string_view reason, Lang lang) {
  if (const auto* w = find(kReasons, reason)) return std::string(pick(lang, w->en, w->vi));
  return std::string(reason);
}

std::string verification_brief(const Verification& v, std::string_view file, std::string_view identity,
                               const BriefOptions& o) {
  const Lang l = o.lang;
  const auto n = v.signatures.size();
  const std::string count =
      l == Lang::Vi ? fmt::format("{} chữ ký", n) : fmt::format("{} signature{}", n, n == 1 ? "" : "s");
  const std::string what = identity.empty() ? v.kind : std::string(identity);
  if (o.summary) {
    std::vector<std::string> marks;
    for (const auto& s : v.signatures)
      marks.push_back(fmt::format("{}:{}", s.slot.empty() ? "-" : s.slot,
                                  s.outcome == Outcome::Valid     ? "✓"
                                  : s.outcome == Outcome::Invalid ? "✗"
                                  : s.trust_checked               ? "?"
                                                                  : "~"));
    return fmt::format("{:<14} {}  {}  [{}]\n", verdict_word(v, l), file, what, fmt::join(marks, " "));
  }
  std::string out = fmt::format("{}: {} — {}; {}\n", file, verdict_word(v, l), what, count);
  std::vector<const SignatureResult*> order;
  for (const auto& s : v.signatures) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return rank(*a) < rank(*b); });
  const bool several =
      std::any_of(v.signatures.begin(), v.signatures.end(), [](const SignatureResult& s) { return s.invoice > 0; });
  for (const auto* s : order)
    out += signature_line(*s, static_cast<std::size_t>(s - v.signatures.data()) + 1, several, o);
  Folded folded;
  out += brief_diagnostics(
      v.report, o,
      [&](const Diagnostic& d) {
        return std::any_of(v.signatures.begin(), v.signatures.end(),
                           [&](const SignatureResult& s) { return inside(d.where.path, s.path); });
      },
      folded);
  out += folded_note(folded, l);
  return out;
}

}  // namespace hoadon::dsig
