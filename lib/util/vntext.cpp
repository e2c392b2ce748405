#include "util/vntext.hpp"

#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "util/ascii.hpp"

namespace hoadon {
namespace {

// Vowel modifiers and tones as small numbers; the combining marks that carry them in NFD.
enum Modifier : std::uint8_t { no_modifier, breve, circumflex, horn };
enum Tone : std::uint8_t { no_tone, grave, acute, hook, tilde, dot_below };

struct Letter {
  char32_t lower;
  char32_t upper;
  char base;  // a e i o u y
  std::uint8_t modifier;
  std::uint8_t tone;
};

// Every precomposed Vietnamese vowel (66 lower/upper pairs), generated from the Unicode
// decompositions: base vowel + at most one modifier + at most one tone.
constexpr std::array<Letter, 66> kLetters{{
    {0x00E0, 0x00C0, 'a', 0, 1}, {0x00E1, 0x00C1, 'a', 0, 2}, {0x1EA3, 0x1EA2, 'a', 0, 3}, {0x00E3, 0x00C3, 'a', 0, 4},
    {0x1EA1, 0x1EA0, 'a', 0, 5}, {0x0103, 0x0102, 'a', 1, 0}, {0x1EB1, 0x1EB0, 'a', 1, 1}, {0x1EAF, 0x1EAE, 'a', 1, 2},
    {0x1EB3, 0x1EB2, 'a', 1, 3}, {0x1EB5, 0x1EB4, 'a', 1, 4}, {0x1EB7, 0x1EB6, 'a', 1, 5}, {0x00E2, 0x00C2, 'a', 2, 0},
    {0x1EA7, 0x1EA6, 'a', 2, 1}, {0x1EA5, 0x1EA4, 'a', 2, 2}, {0x1EA9, 0x1EA8, 'a', 2, 3}, {0x1EAB, 0x1EAA, 'a', 2, 4},
    {0x1EAD, 0x1EAC, 'a', 2, 5}, {0x00E8, 0x00C8, 'e', 0, 1}, {0x00E9, 0x00C9, 'e', 0, 2}, {0x1EBB, 0x1EBA, 'e', 0, 3},
    {0x1EBD, 0x1EBC, 'e', 0, 4}, {0x1EB9, 0x1EB8, 'e', 0, 5}, {0x00EA, 0x00CA, 'e', 2, 0}, {0x1EC1, 0x1EC0, 'e', 2, 1},
    {0x1EBF, 0x1EBE, 'e', 2, 2}, {0x1EC3, 0x1EC2, 'e', 2, 3}, {0x1EC5, 0x1EC4, 'e', 2, 4}, {0x1EC7, 0x1EC6, 'e', 2, 5},
    {0x00EC, 0x00CC, 'i', 0, 1}, {0x00ED, 0x00CD, 'i', 0, 2}, {0x1EC9, 0x1EC8, 'i', 0, 3}, {0x0129, 0x0128, 'i', 0, 4},
    {0x1ECB, 0x1ECA, 'i', 0, 5}, {0x00F2, 0x00D2, 'o', 0, 1}, {0x00F3, 0x00D3, 'o', 0, 2}, {0x1ECF, 0x1ECE, 'o', 0, 3},
    {0x00F5, 0x00D5, 'o', 0, 4}, {0x1ECD, 0x1ECC, 'o', 0, 5}, {0x00F4, 0x00D4, 'o', 2, 0}, {0x1ED3, 0x1ED2, 'o', 2, 1},
    {0x1ED1, 0x1ED0, 'o', 2, 2}, {0x1ED5, 0x1ED4, 'o', 2, 3}, {0x1ED7, 0x1ED6, 'o', 2, 4}, {0x1ED9, 0x1ED8, 'o', 2, 5},
    {0x01A1, 0x01A0, 'o', 3, 0}, {0x1EDD, 0x1EDC, 'o', 3, 1}, {0x1EDB, 0x1EDA, 'o', 3, 2}, {0x1EDF, 0x1EDE, 'o', 3, 3},
    {0x1EE1, 0x1EE0, 'o', 3, 4}, {0x1EE3, 0x1EE2, 'o', 3, 5}, {0x00F9, 0x00D9, 'u', 0, 1}, {0x00FA, 0x00DA, 'u', 0, 2},
    {0x1EE7, 0x1EE6, 'u', 0, 3}, {0x0169, 0x0168, 'u', 0, 4}, {0x1EE5, 0x1EE4, 'u', 0, 5}, {0x01B0, 0x01AF, 'u', 3, 0},
    {0x1EEB, 0x1EEA, 'u', 3, 1}, {0x1EE9, 0x1EE8, 'u', 3, 2}, {0x1EED, 0x1EEC, 'u', 3, 3}, {0x1EEF, 0x1EEE, 'u', 3, 4},
    {0x1EF1, 0x1EF0, 'u', 3, 5}, {0x1EF3, 0x1EF2, 'y', 0, 1}, {0x00FD, 0x00DD, 'y', 0, 2}, {0x1EF7, 0x1EF6, 'y', 0, 3},
    {0x1EF9, 0x1EF8, 'y', 0, 4}, {0x1EF5, 0x1EF4, 'y', 0, 5},
}};

constexpr char32_t kSmallDStroke = 0x0111;    // đ
constexpr char32_t kCapitalDStroke = 0x0110;  // Đ

const Letter* find_precomposed(char32_t cp) {
  const auto it =
      std::find_if(kLetters.begin(), kLetters.end(), [&](const Letter& l) { return l.lower == cp || l.upper == cp; });
  return it == kLetters.end() ? nullptr : &*it;
}

const Letter* find_composition(char base, std::uint8_t modifier, std::uint8_t tone) {
  const auto it = std::find_if(kLetters.begin(), kLetters.end(), [&](const Letter& l) {
    return l.base == base && l.modifier == modifier && l.tone == tone;
  });
  return it == kLetters.end() ? nullptr : &*it;
}

// Combining mark -> (is modifier, value); value 0 when `cp` is not one of the Vietnamese marks.
std::pair<bool, std::uint8_t> classify_mark(char32_t cp) {
  switch (cp) {
    case 0x0306:
      return {true, breve};
    case 0x0302:
      return {true, circumflex};
    case 0x031B:
      return {true, horn};
    case 0x0300:
    case 0x0340:
      return {false, grave};  // U+0340 is the deprecated twin of U+0300
    case 0x0301:
    case 0x0341:
      return {false, acute};
    case 0x0309:
      return {false, hook};
    case 0x0303:
      return {false, tilde};
    case 0x0323:
      return {false, dot_below};
    default:
      return {false, 0};
  }
}

// A vowel being assembled from a base and the marks that follow it.
struct PendingVowel {
  char base = 0;
  std::uint8_t modifier = 0;
  std::uint8_t tone = 0;

  void flush(std::string& out) {
    if (!base) return;
    if (const Letter* l = (modifier || tone) ? find_composition(base, modifier, tone) : nullptr) {
      utf8_append(out, l->lower);
    } else {
      out += base;
      // No precomposed letter (e.g. "i" + breve): keep the marks, modifier first as NFD orders them.
      static constexpr char32_t kModifierMarks[] = {0, 0x0306, 0x0302, 0x031B};
      static constexpr char32_t kToneMarks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
      if (modifier) utf8_append(out, kModifierMarks[modifier]);
      if (tone) utf8_append(out, kToneMarks[tone]);
    }
    base = 0;
    modifier = 0;
    tone = 0;
  }
};

}  // namespace

std::size_t utf8_length_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t n = 0;
  (void)utf8_decode(text.substr(pos), n);
  return n;
}

char32_t utf8_decode_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t n = 0;
  return utf8_decode(text.substr(pos), n);
}

std::string fold_vietnamese(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  PendingVowel pending;
  for (std::size_t pos = 0; pos < utf8.size(); pos += utf8_length_at(utf8, pos)) {
    const char32_t cp = utf8_decode_at(utf8, pos);
    if (const auto [is_modifier, value] = classify_mark(cp); value && pending.base) {
      // A second mark of the same kind cannot be composed; keep the first (the text is damaged).
      std::uint8_t& slot = is_modifier ? pending.modifier : pending.tone;
      if (!slot) {
        slot = value;
        continue;
      }
    }
    pending.flush(out);
    if (const Letter* l = find_precomposed(cp)) {
      pending = {l->base, l->modifier, l->tone};
    } else if (cp < 0x80 &&
               std::string_view("aeiouy").find(ascii::to_lower(static_cast<char>(cp))) != std::string_view::npos) {
      pending = {ascii::to_lower(static_cast<char>(cp)), 0, 0};
    } else if (cp < 0x80) {
      out += ascii::to_lower(static_cast<char>(cp));
    } else {
      utf8_append(out, cp == kCapitalDStroke ? kSmallDStroke : cp);
    }
  }
  pending.flush(out);
  return out;
}

std::string capitalize_first(std::string_view utf8) {
  if (utf8.empty()) return {};
  const std::size_t n = utf8_length_at(utf8, 0);
  const char32_t cp = utf8_decode_at(utf8, 0);
  std::string out;
  if (cp < 0x80) {
    out += ascii::to_upper(static_cast<char>(cp));
  } else if (const Letter* l = find_precomposed(cp)) {
    utf8_append(out, l->upper);
  } else if (cp == kSmallDStroke) {
    utf8_append(out, kCapitalDStroke);
  } else {
    out.append(utf8.substr(0, n));
  }
  out.append(utf8.substr(n));
  return out;
}

}  // namespace hoadon
