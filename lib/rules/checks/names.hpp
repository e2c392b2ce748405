// How rule messages name an element: its tag with its parent and its Vietnamese meaning, e.g.
// "NBan/MST (Mã số thuế người bán)", so that accountants recognise the field on the printed
// invoice and developers find it in the XML.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace hoadon::rules::checks {

// Why a value fails a rule, in both languages; messages append it to the element's label.
struct Reason {
  std::string en, vi;
};

// The Vietnamese meaning of an element the rules name, from the one glossary of the format
// (model/glossary.def), looked up as "Parent/Tag" then "Tag" (MST means a different party under
// NBan, NMua or TDiep/TTChung); "" when unknown.
[[nodiscard]] std::string_view meaning_vi(std::string_view parent, std::string_view tag) noexcept;

// "Parent/Tag (meaning)" for an element present in the document.
[[nodiscard]] std::string label(const xmlNode* element);
// The same for a child that may be absent ("NMua/Ten (Tên người mua)").
[[nodiscard]] std::string label(const xmlNode* parent, std::string_view tag);

}  // namespace hoadon::rules::checks
