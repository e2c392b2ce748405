// ZIP archives of documents, as the tax portal and vendors hand them out: the XML members are
// read into memory (nothing is ever written to disk, so a member's name is only a label and
// "../" in it goes nowhere), under limits that a zip bomb cannot get past.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace hoadon::archive {

struct Limits {
  std::size_t max_total_bytes = std::size_t{256} << 20;  // unpacked XML and nested archives, all levels
  std::size_t max_member_bytes = std::size_t{64} << 20;  // one unpacked member
  std::size_t max_members = 100000;                      // entries of every kind, all levels
  // Unpacked bytes per byte of the archive they come from, counted over each archive as a
  // whole (ZIP does not tell the compressed size of a member reliably); the first
  // `ratio_grace` unpacked bytes of each archive are free, so a small archive of a small
  // invoice is never refused for its ratio.
  std::size_t max_ratio = 100;
  std::size_t ratio_grace = std::size_t{1} << 20;
  unsigned max_depth = 2;  // 1: no archive inside the archive; 2: one level of nesting
};

struct Member {
  std::string name;   // path inside the archive, nested ones joined by '!': "lo-1.zip!0001.xml"
  std::string bytes;  // the member, unpacked
};

struct Archive {
  std::vector<Member> members;  // XML members in archive order (nested archives in place)
  std::size_t ignored = 0;      // members that are neither XML nor ZIP
};

enum class Outcome { Ok, Refused, IoError, Unsupported };

// Whether hoadon was built with libarchive.
[[nodiscard]] bool supported() noexcept;

// Reads the XML members of the ZIP archive in `bytes`, or in the file at `path` (read as it
// is needed: members that are neither XML nor ZIP are skipped, not unpacked). On refusal
// (corrupt, encrypted, over a limit, no XML member), `out.members` is empty and `report` holds
// one error saying why; IoError when the file cannot be opened (IO-READ).
[[nodiscard]] Outcome read(std::string_view bytes, const Limits& limits, Archive& out, Report& report);
[[nodiscard]] Outcome read_file(const std::string& path, const Limits& limits, Archive& out, Report& report);

}  // namespace hoadon::archive
