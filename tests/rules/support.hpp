// Test support: doctest printing of string_view, and read-in-place access to the real invoices
// in shared/vn-invoice-samples (a plain substring scan is enough for the leaf elements tests need).
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::string_view> {
  static String convert(std::string_view v) { return String(v.data(), static_cast<unsigned>(v.size())); }
};
}  // namespace doctest

namespace hoadon::test {

/// The samples folder (see testing::samples_dir), or an empty path when it is absent.
[[nodiscard]] std::filesystem::path samples_dir();
/// Every *.xml in the samples folder, sorted by name; empty when the folder is missing.
[[nodiscard]] std::vector<std::filesystem::path> sample_files();
[[nodiscard]] std::string read_text(const std::filesystem::path& file);
/// Texts of every `<tag ...>text</tag>` (attributes allowed, self-closing skipped), in document order.
[[nodiscard]] std::vector<std::string> element_texts(std::string_view xml, std::string_view tag);
/// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view text);

/// One EMV TLV object: id, two-digit length, value.
[[nodiscard]] std::string tlv(std::string_view id, std::string_view value);
/// `body` + the CRC object "6304XXXX" computed over it.
[[nodiscard]] std::string with_crc(std::string body);
/// The official QR example of spec §4.2 built from its table, without its CRC object. The table
/// leaves out the values of tags 02, 04 and the sub-fields of 62, so they are omitted here.
[[nodiscard]] std::string official_example_body();

}  // namespace hoadon::test
