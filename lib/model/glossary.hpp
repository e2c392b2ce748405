// What each tag of the format means, in Vietnamese and English (glossary.def): the one place
// diagnostics take an element's meaning from.
#pragma once

#include <string>
#include <string_view>

namespace hoadon::model {

struct Term {
  std::string_view vi;
  std::string_view en;
};

// The meaning of `tag` as a child of `parent` ("" when unknown): a "Parent/Tag" row first,
// then the tag's own row. Attributes are written "@Id".
[[nodiscard]] const Term* term(std::string_view parent, std::string_view tag) noexcept;

// "NBan/MST (Mã số thuế người bán)" and "NBan/MST (seller's tax code)": the element named
// with its parent and its meaning, for messages. Without a known meaning, just "NBan/MST".
struct Label {
  std::string vi, en;
};
[[nodiscard]] Label label(std::string_view parent, std::string_view tag);

}  // namespace hoadon::model
