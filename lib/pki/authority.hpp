// Who may sign in the tax authority's slots (HDon/DSCKS/CQT, a notice's CQT and TTCQT).
//
// A trusted chain proves who a signer is, not that the signer is the tax authority: any
// seller holds a trusted certificate and could invent an MCCQT and sign it. So the tax
// authority's slots take only certificates recognised as the authority's: those designated
// explicitly, those with a subject listed exactly, and — unless switched off — those that
// match the authority's certificates seen in production (spec digest §5.2, §5.4): subject
// O=BỘ TÀI CHÍNH with "CỤC THUẾ" in its CN or an OU (Tổng cục Thuế, Cục Thuế, Chi cục Thuế…),
// issued by a CA of O=Ban Cơ yếu Chính phủ (the government CA). Names are compared without
// case and diacritics, as the government CA writes them both ways.
#pragma once

#include <openssl/x509.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace hoadon::pki {

class TaxAuthorities {
 public:
  void designate(const X509* cert);       // this certificate (by SHA-256 fingerprint)
  void add_subject(std::string subject);  // this subject, RFC 4514 as hoadon prints it
  void use_defaults(bool on) noexcept { defaults_ = on; }

  [[nodiscard]] bool recognises(const X509* cert) const;
  [[nodiscard]] std::size_t designated() const noexcept { return fingerprints_.size(); }
  // What is accepted, in words, for the diagnostic of a refused signer.
  [[nodiscard]] std::string accepted_en() const;
  [[nodiscard]] std::string accepted_vi() const;

 private:
  std::unordered_set<std::string> fingerprints_;
  std::vector<std::string> subjects_;
  bool defaults_ = true;
};

// The default rule alone (exposed for tests).
[[nodiscard]] bool looks_like_tax_authority(const X509* cert);

}  // namespace hoadon::pki
