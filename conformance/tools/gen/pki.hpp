// The suite's test PKI: long-lived certificates under a test root, written to conformance/pki.
// Keys are kept in pki/private/keys.pem so that regenerating the suite changes nothing unless
// asked for new keys; all of it is test material with no value outside the suite.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/pki.hpp"

namespace conformance {

using testing::pki::Cert;
using testing::pki::Key;

// Unix seconds of a Vietnam date-time ("2026-11-20T10:00:00"), as invoices write them.
std::int64_t vn_time(const char* text);

struct SuitePki {
  Key root_key, ca_key, signer_key, weak_key, stranger_key, authority_key;
  Cert root;           // anchor: "hoadon Conformance Test Root CA"
  Cert ca;             // intermediate under the root
  Cert signer;         // the seller of the cases, MST:4800123456, valid 2025–2060
  Cert expired;        // the same seller, valid 2024-01-01 – 2025-12-31
  Cert not_yet_valid;  // the same seller, valid from 2027-01-01
  Cert revoked;        // revoked by the CRL on 2026-01-15
  Cert no_signing;     // key usage keyEncipherment only
  Cert weak;           // 1024-bit RSA key
  Cert other_mst;      // another taxpayer, MST:0101243150
  Cert buyer;          // the buyer of the cases, MST:0108987656
  Cert authority;      // the tax authority's signing certificate (CQT slot, notices)
  Cert stranger_root;  // a root no case configures
  Cert stranger;       // the seller under stranger_root
  Cert forged;         // names the intermediate as its issuer, but the stranger key signed it
  std::string crl;     // PEM: the intermediate's CRL (revoking `revoked`) and the root's

  // Loads the keys from `keys_pem` when it holds them all, else generates new ones and writes
  // them there; then issues every certificate (deterministic for given keys).
  static SuitePki make(const std::filesystem::path& keys_pem, bool new_keys);
  // Writes the public material: root.pem, intermediate.pem, crl.pem, stranger-root.pem and
  // certs/<name>.pem for every leaf.
  void write(const std::filesystem::path& dir) const;
};

}  // namespace conformance
