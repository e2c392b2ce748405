#include "pki/authority.hpp"

#include <openssl/objects.h>

#include <algorithm>

#include <fmt/format.h>

#include "pki/certificate.hpp"
#include "pki/der.hpp"
#include "util/fold.hpp"

namespace hoadon::pki {
namespace {

// The folded values of one attribute type of a name.
std::vector<std::string> values(const X509_NAME* name, int nid) {
  std::vector<std::string> out;
  for (int i = -1; (i = X509_NAME_get_index_by_NID(name, nid, i)) >= 0;) {
    const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    if (const auto text = utf8_text(s)) out.push_back(ascii_fold(*text));
  }
  return out;
}

bool any_is(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool any_contains(const std::vector<std::string>& v, std::string_view s) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return x.find(s) != std::string::npos; });
}

constexpr std::string_view kDefaultEn =
    "the tax authority's certificates (subject O=BỘ TÀI CHÍNH with CỤC THUẾ in CN or OU, issued by a CA of "
    "O=Ban Cơ yếu Chính phủ)";
constexpr std::string_view kDefaultVi =
    "chứng thư số của cơ quan thuế (chủ thể O=BỘ TÀI CHÍNH, có CỤC THUẾ trong CN hoặc OU, do CA của O=Ban Cơ yếu "
    "Chính phủ cấp)";

}  // namespace

bool looks_like_tax_authority(const X509* cert) {
  const X509_NAME* subject = X509_get_subject_name(cert);
  const X509_NAME* issuer = X509_get_issuer_name(cert);
  if (!subject || !issuer) return false;
  if (!any_is(values(subject, NID_organizationName), "BO TAI CHINH")) return false;
  auto names = values(subject, NID_commonName);
  const auto units = values(subject, NID_organizationalUnitName);
  names.insert(names.end(), units.begin(), units.end());
  return any_contains(names, "CUC THUE") && any_is(values(issuer, NID_organizationName), "BAN CO YEU CHINH PHU");
}

void TaxAuthorities::designate(const X509* cert) { fingerprints_.insert(fingerprint(cert)); }

void TaxAuthorities::add_subject(std::string subject) { subjects_.push_back(std::move(subject)); }

bool TaxAuthorities::recognises(const X509* cert) const {
  if (!cert) return false;
  if (fingerprints_.count(fingerprint(cert))) return true;
  if (!subjects_.empty()) {
    const auto s = name_text(X509_get_subject_name(cert));
    if (std::find(subjects_.begin(), subjects_.end(), s) != subjects_.end()) return true;
  }
  return defaults_ && looks_like_tax_authority(cert);
}

std::string TaxAuthorities::accepted_en() const {
  std::vector<std::string> parts;
  if (defaults_) parts.emplace_back(kDefaultEn);
  if (!fingerprints_.empty()) parts.push_back(fmt::format("{} designated certificate(s)", fingerprints_.size()));
  for (const auto& s : subjects_) parts.push_back(fmt::format("subject \"{}\"", s));
  return parts.empty() ? std::string("nothing (no tax authority configured)")
                       : fmt::format("{}", fmt::join(parts, "; "));
}

std::string TaxAuthorities::accepted_vi() const {
  std::vector<std::string> parts;
  if (defaults_) parts.emplace_back(kDefaultVi);
  if (!fingerprints_.empty()) parts.push_back(fmt::format("{} chứng thư số được chỉ định", fingerprints_.size()));
  for (const auto& s : subjects_) parts.push_back(fmt::format("chủ thể \"{}\"", s));
  return parts.empty() ? std::string("không có (chưa cấu hình cơ quan thuế)")
                       : fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace hoadon::pki
