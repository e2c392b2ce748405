// A parsed document: the libxml2 tree together with the exact bytes it came from.
//
// Signatures cover bytes as canonicalised from the original tree, and a re-serialised
// invoice no longer verifies, so the Document keeps the input bytes and, for every element,
// where it lies in them (used to insert a signature without touching any other byte).
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace hoadon::xml {

struct Limits {
  std::size_t max_bytes = std::size_t{64} << 20;  // 64 MiB
  unsigned max_depth = 256;                       // libxml2's own ceiling without XML_PARSE_HUGE, which we never use
  // Counted on the raw bytes before parsing (xml/census.hpp): libxml2's cost grows with the
  // square of the attributes of one element. Invoices carry a handful; SAML metadata a few dozen.
  std::size_t max_attributes = 256;                 // on one element, namespace declarations included
  std::size_t max_document_attributes = 1'000'000;  // in the whole document
  std::size_t max_namespaces_in_scope = 256;        // declarations open at any one point
  // The work of resolving namespaces: for each element, the declarations in scope times (1 + its
  // prefixed attributes). An invoice batch of 64 MiB with 4 declarations in scope needs ~15
  // million; 100 million take libxml2 about a quarter of a second.
  std::size_t max_namespace_lookups = 100'000'000;
  // Any encoding libxml2 decodes (ISO-8859-1, windows-1252, UTF-16…), as generic XMLDSig
  // documents use; e-invoices are UTF-8 only (TCVN 6909:2001), the default.
  bool any_encoding = false;
};

// Byte offsets of one element in the original input: the start tag is [begin, start_tag_end),
// the whole element [begin, end). For an empty-element tag start_tag_end == end. 32-bit
// offsets suffice: libxml2 takes an int size, so inputs stay below 2 GiB.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t start_tag_end = 0;
  std::uint32_t end = 0;
  std::uint32_t line = 0;
};

class Document {
 public:
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  [[nodiscard]] xmlDoc* tree() const noexcept { return doc_; }
  [[nodiscard]] xmlNode* root() const noexcept;
  [[nodiscard]] std::string_view bytes() const noexcept { return bytes_; }

  // Span of an element parsed from the input (null for nodes created afterwards).
  [[nodiscard]] const Span* span(const xmlNode* n) const noexcept;
  [[nodiscard]] unsigned line(const xmlNode* n) const noexcept;
  [[nodiscard]] Location locate(const xmlNode* n) const;

 private:
  friend std::unique_ptr<Document> parse(std::string bytes, const Limits& limits, Report& report);
  Document() = default;

  std::string bytes_;
  xmlDoc* doc_ = nullptr;
  std::vector<Span> spans_;  // element i's span; node->_private holds i + 1
};

// Parses with the safe settings: no network, no DTD, no entities, bounded size, depth and
// attributes, UTF-8 only unless `any_encoding`. Returns null when the input is rejected; the report then says why and
// where.
[[nodiscard]] std::unique_ptr<Document> parse(std::string bytes, const Limits& limits, Report& report);

// Reads a whole file, refusing (without reading) files larger than max_bytes.
// Returns false on I/O error or over-size input, with the diagnostic in the report.
enum class ReadResult { Ok, TooLarge, IoError };
[[nodiscard]] ReadResult read_file(const std::string& path, std::size_t max_bytes, std::string& out, Report& report);

// Reads standard input or any stream descriptor up to max_bytes (+1 to detect over-size).
[[nodiscard]] ReadResult read_fd(int fd, std::size_t max_bytes, std::string& out, Report& report);

}  // namespace hoadon::xml
