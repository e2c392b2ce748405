// Changes to a parsed document made on its original bytes, so that every byte outside them stays
// as it was: signatures made earlier over those bytes keep verifying. Each change is anchored to
// an element's span in the input (see Span); the tree is the caller's business to keep in step.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xml/document.hpp"

namespace hoadon::xml {

class Edits {
 public:
  explicit Edits(const Document& doc) : doc_(doc) {}

  // Each takes an element parsed from the input (never one created afterwards) and markup or text
  // already escaped. Two edits may not touch the same bytes (std::logic_error).

  // ` name="value"` at the end of the element's start tag.
  void add_attribute(const xmlNode* element, std::string_view name, std::string_view value);
  // Markup as the element's first child (an empty-element tag <x/> becomes <x>markup</x>).
  void prepend_child(const xmlNode* element, std::string_view markup);
  // Markup as the element's last child.
  void append_child(const xmlNode* element, std::string_view markup);
  // Markup right after the element's end.
  void insert_after(const xmlNode* element, std::string_view markup);
  // The element's content replaced by `text` (its start and end tags kept).
  void set_content(const xmlNode* element, std::string_view text);

  // The input with every edit applied.
  [[nodiscard]] std::string apply() const;

  // Where the edits went in the input: [begin, end) replaced by `text`. Sorted by position.
  struct Change {
    std::uint32_t begin, end;
    std::string text;
  };
  [[nodiscard]] std::vector<Change> changes() const;

 private:
  const Span& span_of(const xmlNode* element) const;
  // The element's qualified name as written in its start tag.
  std::string_view written_name(const Span& s) const;
  // Where the end tag starts (the element must have one).
  std::uint32_t end_tag(const Span& s) const;
  // Opens <x/> into <x>inner</x>.
  void open_empty(const Span& s, std::string_view inner);

  const Document& doc_;
  std::vector<Change> changes_;
};

// Text escaped for element content (&, <, > and CR, as Canonical XML would write them).
[[nodiscard]] std::string escape_text(std::string_view text);
// Text escaped for an attribute value in double quotes: as escape_text, and '"' too.
[[nodiscard]] std::string escape_attribute(std::string_view text);

}  // namespace hoadon::xml
