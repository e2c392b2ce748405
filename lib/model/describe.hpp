// The essentials of a document rendered for `hoadon inspect`: JSON for programs, text for people.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "model/essentials.hpp"
#include "report/render.hpp"

namespace hoadon::model {

// What a caller adds to each invoice: more members of its JSON object, more lines of its text.
using InvoiceJsonExtra = std::function<void(JsonWriter&, std::size_t invoice)>;
using InvoiceTextExtra = std::function<void(std::string& out, std::size_t invoice)>;

// "line_count" is a number; "invoice" in signatures[] is a 0-based index into invoices[].
[[nodiscard]] std::string essentials_to_json(const Essentials& e, const Report& r, std::string_view file,
                                             const InvoiceJsonExtra& extra = {});
[[nodiscard]] std::string essentials_to_text(const Essentials& e, const Report& r, std::string_view file, Lang lang,
                                             const InvoiceTextExtra& extra = {});

// What the document is, in a few words for a verdict line: "invoice 1C25TAA no. 123 of
// 2025-01-15, seller 0101243150" (one invoice, bare or in a message), "message 200 with 3
// invoices", "form 01/TH-HĐĐT"; "" when nothing is known. Lang::En or Lang::Vi.
[[nodiscard]] std::string identity(const Essentials& e, Lang lang);

}  // namespace hoadon::model
