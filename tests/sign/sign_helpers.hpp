// Shared by the signing tests: the product's signing call on bytes, signers made from the test
// PKI, and the byte comparison that proves a signature was inserted without touching anything else.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "keys/key.hpp"
#include "model/index.hpp"
#include "sign/sign.hpp"
#include "support/pki.hpp"
#include "xml/document.hpp"

namespace testing {

// Parses `xml` and signs it as hoadon_doc_parse + hoadon_doc_sign do; the time defaults to the
// test world's signing time.
inline hoadon::sign::Result sign_with(const std::string& xml, const hoadon::keys::Signer& signer,
                                      hoadon::sign::Options options = {}) {
  hoadon::Report parsed;
  auto doc = hoadon::xml::parse(xml, {}, parsed);
  hoadon::model::Index index;
  if (doc) index = hoadon::model::build_index(*doc, parsed);
  if (!options.time) options.time = pki::world().signing_time;
  return hoadon::sign::sign(doc.get(), index, parsed, signer, options);
}

// A PEM signer (key file + certificate file) of the test world.
inline hoadon::keys::Signer pem_signer(const pki::Key& key, const pki::Cert& cert,
                                       const std::vector<pki::Cert>& ca = {}) {
  std::string certs = cert.pem();
  for (const auto& c : ca) certs += c.pem();
  return hoadon::keys::from_pem(pki::key_pem(key), certs, nullptr);
}

inline hoadon::keys::Signer seller() { return pem_signer(pki::world().signer_key, pki::world().signer); }
inline hoadon::keys::Signer buyer() { return pem_signer(pki::world().signer_key, pki::world().buyer); }

// `s` without the signature whose start tag is `start` (through the first "</Signature>" after
// it: signatures do not nest).
inline std::string erase_signature(std::string s, std::string_view start) {
  const auto b = s.find(start);
  REQUIRE_MESSAGE(b != std::string::npos, "not found: " << start);
  const auto e = s.find("</Signature>", b);
  REQUIRE(e != std::string::npos);
  return s.erase(b, e + 12 - b);
}

// `s` without the first occurrence of `piece` (which must be there).
inline std::string erase_first(std::string s, std::string_view piece) {
  const auto b = s.find(piece);
  REQUIRE_MESSAGE(b != std::string::npos, "not found: " << piece);
  return s.erase(b, piece.size());
}

// The start tag hoadon writes for a signature with this Id.
inline std::string signature_start(std::string_view id) {
  return "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"" + std::string(id) + "\">";
}

}  // namespace testing
