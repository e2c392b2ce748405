// PKCS#11 URIs (RFC 7512): "pkcs11:token=My%20Token;object=signer;type=private?module-path=…".
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace hoadon::keys {

struct Pkcs11Uri {
  // Path attributes (token, manufacturer, serial, model, library-manufacturer,
  // library-description, library-version, slot-description, slot-manufacturer, slot-id,
  // object, id, type), percent-decoded; `id` holds raw bytes.
  std::map<std::string, std::string, std::less<>> path;
  std::string module_path;  // the module-path query attribute, or ""

  [[nodiscard]] const std::string* get(std::string_view name) const {
    const auto it = path.find(name);
    return it == path.end() ? nullptr : &it->second;
  }
};

// Parses a URI; throws KeyError (Invalid) for a malformed one, an unknown or repeated attribute,
// a type other than "private", and for pin-value or pin-source: a PIN in a URI would travel on
// command lines and in logs (hoadon takes it from an environment variable, a file or a prompt).
[[nodiscard]] Pkcs11Uri parse_pkcs11_uri(std::string_view uri);

}  // namespace hoadon::keys
