// Archive members by name: which ones hoadon reads, and how their names are shown.
#pragma once

#include <string>
#include <string_view>

namespace hoadon::archive {

// Whether the bytes begin as a ZIP archive does (a local file header, or an empty archive's
// end record).
[[nodiscard]] bool looks_like_zip(std::string_view head) noexcept;

// A member name made safe to print: invalid UTF-8 and control characters become '?'. Names
// are labels only (nothing is extracted), so "../" in one is harmless and kept.
[[nodiscard]] std::string printable_name(std::string_view raw);

enum class MemberKind { Xml, Zip, Other };

// From the name's ending, compared without case: ".xml", ".zip", anything else.
[[nodiscard]] MemberKind kind_of(std::string_view name) noexcept;

}  // namespace hoadon::archive
