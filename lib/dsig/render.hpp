// A verification rendered for integrators (JSON, the contract documented in README) and for
// people (text).
#pragma once

#include <string>
#include <string_view>

#include "dsig/result.hpp"
#include "report/render.hpp"

namespace hoadon::dsig {

// "signer": {subject, tax_code, issuer, serial, not_before, not_after, key_bits, identifiers} or null.
void write_signer(JsonWriter& w, const std::optional<Signer>& s);

// {"file","kind","ok","profile","integrity_only","signatures":[…],"diagnostics":[…]}
[[nodiscard]] std::string verification_to_json(const Verification& v, std::string_view file);
[[nodiscard]] std::string verification_to_text(const Verification& v, std::string_view file, Lang lang);

}  // namespace hoadon::dsig
