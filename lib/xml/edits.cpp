#include "xml/edits.hpp"

#include <algorithm>
#include <stdexcept>

namespace hoadon::xml {
namespace {

bool is_empty_tag(const Span& s) { return s.start_tag_end == s.end; }

}  // namespace

const Span& Edits::span_of(const xmlNode* element) const {
  const Span* s = doc_.span(element);
  if (!s) throw std::logic_error("edit on an element that was not parsed from the input");
  return *s;
}

std::string_view Edits::written_name(const Span& s) const {
  const auto tag = doc_.bytes().substr(s.begin + 1, s.start_tag_end - s.begin - 1);
  return tag.substr(0, tag.find_first_of(" \t\r\n/>"));
}

std::uint32_t Edits::end_tag(const Span& s) const {
  // No '<' occurs inside an end tag: the last one of the element opens it.
  const auto lt = doc_.bytes().substr(0, s.end).rfind('<');
  return static_cast<std::uint32_t>(lt);
}

void Edits::open_empty(const Span& s, std::string_view inner) {
  // "<x .../>": the two last bytes of the tag are "/>".
  changes_.push_back({s.end - 2, s.end, ">" + std::string(inner) + "</" + std::string(written_name(s)) + ">"});
}

void Edits::add_attribute(const xmlNode* element, std::string_view name, std::string_view value) {
  const Span& s = span_of(element);
  const std::uint32_t at = s.start_tag_end - (is_empty_tag(s) ? 2 : 1);  // before "/>" or ">"
  changes_.push_back({at, at, " " + std::string(name) + "=\"" + escape_attribute(value) + "\""});
}

void Edits::prepend_child(const xmlNode* element, std::string_view markup) {
  const Span& s = span_of(element);
  if (is_empty_tag(s))
    open_empty(s, markup);
  else
    changes_.push_back({s.start_tag_end, s.start_tag_end, std::string(markup)});
}

void Edits::append_child(const xmlNode* element, std::string_view markup) {
  const Span& s = span_of(element);
  if (is_empty_tag(s)) {
    open_empty(s, markup);
    return;
  }
  const std::uint32_t at = end_tag(s);
  changes_.push_back({at, at, std::string(markup)});
}

void Edits::insert_after(const xmlNode* element, std::string_view markup) {
  const Span& s = span_of(element);
  changes_.push_back({s.end, s.end, std::string(markup)});
}

void Edits::set_content(const xmlNode* element, std::string_view text) {
  const Span& s = span_of(element);
  if (is_empty_tag(s))
    open_empty(s, text);
  else
    changes_.push_back({s.start_tag_end, end_tag(s), std::string(text)});
}

std::vector<Edits::Change> Edits::changes() const {
  auto sorted = changes_;
  // Stable: two insertions at one point keep the order they were made in.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Change& a, const Change& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].begin < sorted[i - 1].end) throw std::logic_error("overlapping edits");
  return sorted;
}

std::string Edits::apply() const {
  const auto bytes = doc_.bytes();
  const auto sorted = changes();
  std::size_t size = bytes.size();
  for (const auto& c : sorted) size += c.text.size() - (c.end - c.begin);
  std::string out;
  out.reserve(size);
  std::size_t at = 0;
  for (const auto& c : sorted) {
    out.append(bytes.substr(at, c.begin - at));
    out.append(c.text);
    at = c.end;
  }
  out.append(bytes.substr(at));
  return out;
}

namespace {

// One escaper for both: attribute values also need their delimiter escaped.
std::string escape(std::string_view text, bool quote) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#xD;"; break;
      case '"': out += quote ? "&quot;" : "\""; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_text(std::string_view text) { return escape(text, false); }
std::string escape_attribute(std::string_view text) { return escape(text, true); }

}  // namespace hoadon::xml
