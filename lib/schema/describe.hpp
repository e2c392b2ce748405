// Naming elements in schema messages: "TTChung/NLap (Ngày lập)", values shortened for display.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "model/glossary.hpp"

namespace hoadon::schema {

// The element named with its parent and meaning (an attribute as "DLHDon/@Id").
[[nodiscard]] model::Label label_of(const xmlNode* element);
// A child that may be absent, named from its parent element: "TTChung/NLap (Ngày lập)".
[[nodiscard]] model::Label label_of_child(const xmlNode* parent, std::string_view child);
// A value quoted for a message, shortened past 60 characters.
[[nodiscard]] std::string shown(std::string_view value);
// XMLDSig elements are shown with the ds: prefix.
[[nodiscard]] std::string display_name(const xmlNode* n);

}  // namespace hoadon::schema
