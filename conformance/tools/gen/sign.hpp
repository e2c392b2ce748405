// Signing for the generator. sign.cpp is the ONLY file of the generator that calls hoadon's
// signing engine (lib/dsig); when that API changes, only it needs adapting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pki.hpp"

namespace conformance {

// Signs every template of `xml` (a ds:Signature whose SignatureValue is empty) with `key`,
// embedding `chain` (the signer's certificate first) in KeyInfo. `permissive` signs even
// with algorithms and transforms that verification refuses: only for cases that must fail.
std::string sign_pending(const std::string& xml, const Key& key, const std::vector<Cert>& chain,
                         bool permissive = false);

// Adds hoadon's own seller signature (format §5.5, built by the library) to the first invoice
// of `xml` and signs it at `signing_time` (Unix seconds).
std::string sign_as_library(const std::string& xml, const Key& key, const std::vector<Cert>& chain,
                            std::int64_t signing_time);

}  // namespace conformance
