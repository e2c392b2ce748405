// Test-only access to the real invoices in shared/vn-invoice-samples, read in place.
// A plain substring scan is enough for the simple leaf elements the tests need.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hoadon::test {

/// The samples folder (HOADON_SAMPLES_DIR, set by build.sh).
[[nodiscard]] std::filesystem::path samples_dir();
/// Every *.xml in the samples folder, sorted by name; empty when the folder is missing.
[[nodiscard]] std::vector<std::filesystem::path> sample_files();
[[nodiscard]] std::string read_text(const std::filesystem::path& file);
/// Texts of every `<tag>text</tag>` (no attributes, not self-closing), in document order.
[[nodiscard]] std::vector<std::string> element_texts(std::string_view xml, std::string_view tag);
/// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view text);

}  // namespace hoadon::test
