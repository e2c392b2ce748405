#include "model/glossary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hoadon::model {
namespace {

struct Row {
  std::string_view key;
  Term term;
};

constexpr std::array kRows = {
#define HOADON_TERM(tag, vi, en) Row{tag, Term{vi, en}},
#include "model/glossary.def"
#undef HOADON_TERM
};

constexpr bool keys_unique() {
  for (std::size_t i = 0; i < kRows.size(); ++i)
    for (std::size_t j = i + 1; j < kRows.size(); ++j)
      if (kRows[i].key == kRows[j].key) return false;
  return true;
}
static_assert(keys_unique(), "duplicate tag in model/glossary.def");

const Term* find(std::string_view key) noexcept {
  const auto it = std::find_if(kRows.begin(), kRows.end(), [&](const Row& r) { return r.key == key; });
  return it == kRows.end() ? nullptr : &it->term;
}

}  // namespace

const Term* term(std::string_view parent, std::string_view tag) noexcept {
  if (!parent.empty()) {
    std::array<char, 128> buf{};
    if (parent.size() + tag.size() + 1 <= buf.size()) {
      auto* end = std::copy(parent.begin(), parent.end(), buf.begin());
      *end++ = '/';
      end = std::copy(tag.begin(), tag.end(), end);
      if (const Term* t = find(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.begin())))) return t;
    }
  }
  return find(tag);
}

Label label(std::string_view parent, std::string_view tag) {
  const std::string name = parent.empty() ? std::string(tag) : fmt::format("{}/{}", parent, tag);
  if (const Term* t = term(parent, tag)) return {fmt::format("{} ({})", name, t->vi), fmt::format("{} ({})", name, t->en)};
  return {name, name};
}

}  // namespace hoadon::model
