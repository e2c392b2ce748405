// The whole content of an invoice (HDon/DLHDon), element by element, as JSON — the lossless
// view that `hoadon inspect --lines` and `hoadon export --format json` print. The mapping is
// documented in lib/model/CONTENT-JSON.md.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/essentials.hpp"
#include "model/index.hpp"
#include "report/json.hpp"
#include "report/render.hpp"

namespace hoadon::model {

// Writes one element as a JSON value: a leaf is its text exactly as written (a string, "" when
// empty); an element with attributes or child elements is an object ("@attr" keys, then each
// child name, an array when the name repeats or is a list item: HHDVu, TTin, LTSuat, LPhi).
void write_element(JsonWriter& w, const xmlNode* element);

// The essentials JSON (essentials_to_json) where each invoice also carries "index" (1-based,
// as in text output) and "data" (its DLHDon, written by write_element; null when absent).
[[nodiscard]] std::string content_to_json(const Essentials& e, const Index& idx, const Report& r,
                                          std::string_view file);

// The invoice lines (DLHDon/NDHDon/DSHHDVu/HHDVu) of one invoice, in document order.
[[nodiscard]] std::vector<const xmlNode*> invoice_lines(const InvoiceNodes& inv);

// One invoice line as values: the trimmed text of each unqualified child element of HHDVu by
// name (the first one when a name repeats), and its vendor extensions (TTKhac/TTin) as
// (TTruong, DLieu) pairs. For readers above the XML layer (exports).
struct LineValues {
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<std::vector<std::pair<std::string, std::string>>> extensions;  // nullopt: no TTKhac
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
};
[[nodiscard]] std::vector<LineValues> read_lines(const InvoiceNodes& inv);

// The essentials text followed, for each invoice, by one line per invoice line.
[[nodiscard]] std::string content_to_text(const Essentials& e, const Index& idx, const Report& r, std::string_view file,
                                          Lang lang);

}  // namespace hoadon::model
