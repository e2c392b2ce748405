// The format's signature template (§5.1): ds:Signature with the Reference to the data, the
// Reference to the signing time's Object, KeyInfo with the certificates, and the Object,
// built with xmlsec's template API (lib/dsig is the only part that talks to xmlsec).
#pragma once

#include <libxml/tree.h>
#include <openssl/x509.h>

#include <string>
#include <vector>

#include "dsig/algorithms.hpp"

namespace hoadon::dsig {

/// The signature template, unlinked and without white space between its elements (the format
/// asks for none); null when xmlsec cannot build it.
[[nodiscard]] xmlNode* build_template(xmlDoc* doc, const Algorithm& method, const Algorithm& digest,
                                      const std::string& data_id, const std::string& signature_id,
                                      const std::string& object_id, const std::string& signing_time,
                                      const std::vector<X509*>& certificates);

}  // namespace hoadon::dsig
