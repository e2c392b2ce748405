// The schema files (lib/schema/xsd/*.xsd and required.tsv), compiled into the library by
// embed.cmake so that it needs no data files at run time.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace hoadon::schema {

struct File {
  std::string_view name;  // "hdon-2.1.0-1.xsd", "types.xsd", "required.tsv"
  std::string_view text;  // UTF-8, exactly the bytes of the source file
};

// Every embedded file, sorted by name.
[[nodiscard]] std::span<const File> embedded_files() noexcept;

// The file with this name, or null.
[[nodiscard]] const File* embedded_file(std::string_view name) noexcept;

}  // namespace hoadon::schema
