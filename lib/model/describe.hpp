// The essentials of a document rendered for `hoadon inspect`: JSON for programs, text for people.
#pragma once

#include <string>
#include <string_view>

#include "model/essentials.hpp"
#include "report/render.hpp"

namespace hoadon::model {

[[nodiscard]] std::string essentials_to_json(const Essentials& e, const Report& r, std::string_view file);
[[nodiscard]] std::string essentials_to_text(const Essentials& e, const Report& r, std::string_view file, Lang lang);

// What the document is, in a few words for a verdict line: "invoice 1C25TAA no. 123 of
// 2025-01-15, seller 0101243150" (one invoice, bare or in a message), "message 200 with 3
// invoices", "form 01/TH-HĐĐT"; "" when nothing is known. Lang::En or Lang::Vi.
[[nodiscard]] std::string identity(const Essentials& e, Lang lang);

}  // namespace hoadon::model
