#include "keys/pkcs11_uri.hpp"

#include <array>

#include <fmt/format.h>

#include "keys/key.hpp"

namespace hoadon::keys {
namespace {

constexpr std::array kPathAttributes = {
    "token",        "manufacturer",    "serial",           "model",     "library-manufacturer",
    "library-description", "library-version", "slot-description", "slot-manufacturer", "slot-id",
    "object",       "id",              "type",
};

[[noreturn]] void bad(const std::string& why) { throw KeyError(KeyError::Kind::Invalid, "PKCS#11 URI: " + why); }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 2 < s.size() ? hex_digit(s[i + 1]) : -1;
    const int lo = hi >= 0 ? hex_digit(s[i + 2]) : -1;
    if (lo < 0) bad(fmt::format("bad percent-encoding in \"{}\"", s));
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Calls f(name, raw value) for each "name=value" of `list`, split at `sep`. Values are decoded by
// f once it knows the name: a value must never be echoed before its name is known not a PIN.
template <class F>
void each_attribute(std::string_view list, char sep, F&& f) {
  while (!list.empty()) {
    const auto end = list.find(sep);
    const auto item = list.substr(0, end);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0)
      bad(fmt::format("\"{}\" is not name=value", item.substr(0, std::min<std::size_t>(eq, 40))));
    f(item.substr(0, eq), item.substr(eq + 1));
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
}

}  // namespace

Pkcs11Uri parse_pkcs11_uri(std::string_view uri) {
  constexpr std::string_view scheme = "pkcs11:";
  if (!uri.starts_with(scheme)) bad("it must start with \"pkcs11:\"");
  uri.remove_prefix(scheme.size());
  const auto q = uri.find('?');
  Pkcs11Uri out;
  each_attribute(uri.substr(0, q), ';', [&](std::string_view name, std::string_view value) {
    bool known = false;
    for (const char* a : kPathAttributes) known = known || name == a;
    if (!known) bad(fmt::format("unknown attribute \"{}\"", name));
    if (!out.path.emplace(std::string(name), decode(value)).second)
      bad(fmt::format("attribute \"{}\" given twice", name));
  });
  if (q != std::string_view::npos)
    each_attribute(uri.substr(q + 1), '&', [&](std::string_view name, std::string_view value) {
      if (name == "pin-value" || name == "pin-source")
        bad(fmt::format("{} is refused: a PIN must not be written in a URI (use an environment variable, a file "
                        "or the prompt)",
                        name));
      if (name != "module-path") bad(fmt::format("unsupported query attribute \"{}\"", name));
      if (!out.module_path.empty()) bad("module-path given twice");
      out.module_path = decode(value);
    });
  if (const auto* type = out.get("type"); type && *type != "private")
    bad(fmt::format("type={} names no private key", *type));
  return out;
}

}  // namespace hoadon::keys
