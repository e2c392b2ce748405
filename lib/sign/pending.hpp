// A pending signature — prepared by two-phase signing, its SignatureValue still empty — found in
// a parsed document and completed with the value an external signer made.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dsig/ids.hpp"
#include "dsig/sign.hpp"
#include "dsig/signature.hpp"
#include "model/index.hpp"
#include "pki/certificate.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::sign {

class Pending {
 public:
  // The document's one pending signature, read strictly (as the verifier reads signatures), with
  // its certificate and what its signer must sign. Null with SIGN-PENDING when there is none,
  // several, or one hoadon cannot complete.
  [[nodiscard]] static std::unique_ptr<Pending> find(const xml::Document& doc, const model::Index& index,
                                                     Report& report);
  Pending(const Pending&) = delete;
  Pending& operator=(const Pending&) = delete;

  [[nodiscard]] const model::SignatureNodes& nodes() const noexcept { return nodes_; }
  [[nodiscard]] X509* certificate() const noexcept { return cert_.get(); }
  [[nodiscard]] const dsig::ToBeSigned& to_be_signed() const noexcept { return tbs_; }
  [[nodiscard]] const std::string& signing_time() const noexcept { return signing_time_; }  // as written
  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  // The DigestMethod of its references ("sha256", "sha1").
  [[nodiscard]] std::string digest_algorithm() const {
    return parsed_.references.empty() ? std::string() : parsed_.references.front().digest;
  }

  // The document's bytes with `value` in the SignatureValue, once the value verifies with the
  // certificate (SIGN-VALUE) and the whole signature verifies with xmlsec — the data and the
  // signing time unchanged since the signature was prepared (SIGN-PENDING). "" on refusal. The
  // tree is left as it was.
  [[nodiscard]] std::string complete(std::string_view value, Report& report);

 private:
  explicit Pending(const xml::Document& doc) : doc_(doc), ids_(doc.tree()) {}

  const xml::Document& doc_;
  dsig::IdTable ids_;
  model::SignatureNodes nodes_;
  dsig::ParsedSignature parsed_;
  pki::Certificate cert_;
  dsig::ToBeSigned tbs_;
  std::string signing_time_, id_;
};

}  // namespace hoadon::sign
