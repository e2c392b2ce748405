// A verification rendered for integrators (JSON, the contract documented in README) and for
// people (text).
#pragma once

#include <string>
#include <string_view>

#include "dsig/result.hpp"
#include "report/render.hpp"

namespace hoadon::dsig {

// {"file","kind","ok","profile","integrity_only","signatures":[…],"diagnostics":[…]}
[[nodiscard]] std::string verification_to_json(const Verification& v, std::string_view file);
[[nodiscard]] std::string verification_to_text(const Verification& v, std::string_view file, Lang lang);

}  // namespace hoadon::dsig
