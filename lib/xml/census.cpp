#include "xml/census.hpp"

#include <cstdint>
#include <vector>

namespace hoadon::xml {
namespace {

bool space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Scanner {
 public:
  Scanner(std::string_view s, const CensusLimits& l) : s_(s), l_(l) {}

  Census run() {
    while (i_ < s_.size()) {
      const auto lt = s_.find('<', i_);
      if (lt == std::string_view::npos) break;
      i_ = lt + 1;
      if (rest().starts_with("!--")) {
        if (!skip_past("-->")) break;
      } else if (rest().starts_with("![CDATA[")) {
        if (!skip_past("]]>")) break;
      } else if (rest().starts_with("?")) {
        if (!skip_past("?>")) break;
      } else if (rest().starts_with("!")) {
        break;  // a DOCTYPE: the parser refuses the document there
      } else if (rest().starts_with("/")) {
        if (!open_.empty()) {
          in_scope_ -= open_.back();
          open_.pop_back();
        }
        if (!skip_past(">")) break;
      } else if (!start_tag(lt)) {
        break;
      }
      if (found_.over != Census::Over::None) break;
    }
    return found_;
  }

 private:
  [[nodiscard]] std::string_view rest() const noexcept { return s_.substr(i_); }

  bool skip_past(std::string_view end) {
    const auto at = s_.find(end, i_);
    if (at == std::string_view::npos) return false;
    i_ = at + end.size();
    return true;
  }

  void over(Census::Over what, std::size_t at, std::size_t count) { found_ = {what, at, count}; }

  // Reads one start tag from just after its '<'. False when the census must stop.
  bool start_tag(std::size_t lt) {
    std::size_t attributes = 0, namespaces = 0, prefixed = 0;
    while (i_ < s_.size() && !space(s_[i_]) && s_[i_] != '>' && s_[i_] != '/') ++i_;  // the element's name
    for (;;) {
      while (i_ < s_.size() && space(s_[i_])) ++i_;
      if (i_ >= s_.size()) return false;
      if (s_[i_] == '>' || s_[i_] == '/') break;
      const std::size_t name = i_;
      while (i_ < s_.size() && !space(s_[i_]) && s_[i_] != '=' && s_[i_] != '>' && s_[i_] != '/') ++i_;
      const std::string_view attr = s_.substr(name, i_ - name);
      while (i_ < s_.size() && space(s_[i_])) ++i_;
      if (i_ >= s_.size() || s_[i_] != '=') return false;  // malformed: the parser stops here
      ++i_;
      while (i_ < s_.size() && space(s_[i_])) ++i_;
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return false;
      const auto close = s_.find(s_[i_], i_ + 1);
      if (close == std::string_view::npos) return false;
      i_ = close + 1;
      if (attr == "xmlns" || attr.starts_with("xmlns:"))
        ++namespaces;
      else if (attr.find(':') != std::string_view::npos)
        ++prefixed;
      if (++attributes > l_.per_element) {
        over(Census::Over::PerElement, lt, attributes);
        return false;
      }
      if (++total_ > l_.per_document) {
        over(Census::Over::PerDocument, lt, total_);
        return false;
      }
    }
    const bool empty = s_[i_] == '/';
    if (!skip_past(">")) return false;
    if (in_scope_ + namespaces > l_.namespaces_in_scope) {
      over(Census::Over::NamespacesInScope, lt, in_scope_ + namespaces);
      return false;
    }
    lookups_ += (in_scope_ + namespaces) * (1 + prefixed);
    if (lookups_ > l_.namespace_lookups) {
      over(Census::Over::NamespaceLookups, lt, lookups_);
      return false;
    }
    if (!empty) {
      if (open_.size() >= l_.max_depth) return false;  // the parser refuses the depth
      open_.push_back(namespaces);
      in_scope_ += namespaces;
    }
    return true;
  }

  std::string_view s_;
  const CensusLimits& l_;
  std::size_t i_ = 0;
  std::size_t total_ = 0;
  std::size_t in_scope_ = 0;
  std::size_t lookups_ = 0;
  std::vector<std::size_t> open_;  // namespace declarations of each open element
  Census found_;
};

}  // namespace

Census take_census(std::string_view text, const CensusLimits& limits) noexcept {
  try {
    return Scanner(text, limits).run();
  } catch (...) {  // only allocation can throw; the parser's own limits still apply
    return {};
  }
}

}  // namespace hoadon::xml
