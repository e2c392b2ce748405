// A verification in plain words for people: the document's verdict, then one line per
// signature (problems first) saying whose it is, whether it can be relied on and why not,
// when and by whom it was made; then the diagnostics that matter, the rest counted.
#pragma once

#include <string>
#include <string_view>

#include "dsig/result.hpp"
#include "report/brief.hpp"

namespace hoadon::dsig {

// The document's verdict in one word (as the exit status sees it): "VALID", "INVALID",
// "NOT CONFIRMED" (intact, trust not established), "INTACT" (integrity only), "NOT SIGNED".
[[nodiscard]] std::string_view verdict_word(const Verification& v, Lang lang);

// A signature's reason (README "Verifying signatures") in plain words, e.g. "expired" →
// "the certificate had expired"; the reason itself when hoadon has no words for it.
[[nodiscard]] std::string reason_words(std::string_view reason, Lang lang);

// `identity` names the document in that language (model::identity), may be empty. Lang::Both
// is rendered by the caller, once per language.
[[nodiscard]] std::string verification_brief(const Verification& v, std::string_view file, std::string_view identity,
                                             const BriefOptions& o);

}  // namespace hoadon::dsig
