// Shared by the verification tests: parse, index and verify in one call, and small finders.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "dsig/verify.hpp"
#include "model/index.hpp"
#include "pki/trust.hpp"
#include "support/pki.hpp"
#include "xml/document.hpp"

namespace testing {

struct Verified {
  std::unique_ptr<hoadon::xml::Document> doc;
  hoadon::model::Index index;
  hoadon::dsig::Verification result;

  [[nodiscard]] const hoadon::dsig::SignatureResult& sig(std::size_t i = 0) const {
    REQUIRE(i < result.signatures.size());
    return result.signatures[i];
  }
  [[nodiscard]] bool has(hoadon::Code c) const { return result.report.has(c); }
  // The first diagnostic with this code ("" when there is none): its message, or its path.
  [[nodiscard]] std::string message(hoadon::Code c) const { return find(c) ? find(c)->message : std::string(); }
  [[nodiscard]] std::string path(hoadon::Code c) const { return find(c) ? find(c)->where.path : std::string(); }
  [[nodiscard]] const hoadon::Diagnostic* find(hoadon::Code c) const {
    const auto& items = result.report.items();
    const auto it = std::find_if(items.begin(), items.end(), [&](const hoadon::Diagnostic& d) { return d.code == c; });
    return it == items.end() ? nullptr : &*it;
  }
  [[nodiscard]] bool warns(std::size_t i, std::string_view code) const {
    const auto& w = sig(i).warnings;
    return std::find(w.begin(), w.end(), code) != w.end();
  }
};

inline Verified verify(std::string bytes, const hoadon::pki::TrustStore* trust = nullptr,
                       hoadon::dsig::VerifyOptions options = {}) {
  Verified v;
  hoadon::Report report;
  v.doc = hoadon::xml::parse(std::move(bytes), {}, report);
  if (!v.doc) {
    v.result = hoadon::dsig::rejected_document(report, options);
    return v;
  }
  v.index = hoadon::model::build_index(*v.doc, report);
  v.result = hoadon::dsig::verify_document(*v.doc, v.index, report, trust, options);
  return v;
}

// The test world's root as anchor, its issuing CA and its CRL; with `signer_is_authority`, the
// world's signer designated as the tax authority too (tests sign the CQT slot with it).
inline hoadon::pki::TrustStore* new_world_trust(bool signer_is_authority) {
  auto* s = new hoadon::pki::TrustStore();
  const auto& w = pki::world();
  s->add_memory(hoadon::pki::Material::Anchor, w.root.pem());
  s->add_memory(hoadon::pki::Material::Intermediate, w.ca.pem());
  s->add_memory(hoadon::pki::Material::Crl, w.crl);
  if (signer_is_authority) s->add_memory(hoadon::pki::Material::TaxAuthority, w.signer.pem());
  return s;
}

inline const hoadon::pki::TrustStore& world_trust() {
  static const auto* store = new_world_trust(false);
  return *store;
}

inline const hoadon::pki::TrustStore& authority_trust() {
  static const auto* store = new_world_trust(true);
  return *store;
}

// Replaces the first occurrence of `from` (which must exist) by `to`.
inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "not found: " << from);
  return s.replace(pos, from.size(), to);
}

}  // namespace testing
