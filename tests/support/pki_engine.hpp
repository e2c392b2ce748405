// The test PKI's keys and certificates as hoadon's signing engine takes them. Apart from
// support/pki.hpp so that its users need not see hoadon's internal namespaces.
#pragma once

#include <memory>
#include <vector>

#include "keys/key.hpp"
#include "support/pki.hpp"

namespace testing::pki {

// A keys::Key over one of the test keys (shared: the Key takes a reference of its own).
[[nodiscard]] std::unique_ptr<hoadon::keys::Key> key_of(const Key& key);
// A chain as the engine takes it (borrowed pointers, the signer's certificate first).
[[nodiscard]] std::vector<X509*> raw(const std::vector<Cert>& chain);

}  // namespace testing::pki
