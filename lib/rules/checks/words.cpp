// WORDS-*: the grand total in words (TgTTTBChu) read back and compared with TgTTTBSo (spec §7.3).
// Vendors' variants (mốt/một, lăm/năm, linh/lẻ, nghìn/ngàn, "đồng chẵn./."…) are the reader's
// concern (rules/words.hpp); a mismatch is a warning by default, as the tax authority does not
// check the words.
#include <fmt/format.h>

#include <algorithm>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "rules/words.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

Reason unreadable(const WordsReading& r, std::string_view text) {
  const std::string word(text.substr(std::min(r.position, text.size()), r.length));
  switch (r.error) {
    case WordsError::none:
      break;
    case WordsError::empty:
      return {"has no words", "không có chữ nào"};
    case WordsError::not_a_number:
      return {fmt::format("does not start with a number (\"{}\")", word),
              fmt::format("không bắt đầu bằng một số (\"{}\")", word)};
    case WordsError::unexpected_word:
      return {fmt::format("\"{}\" is out of place in a number", word),
              fmt::format("\"{}\" không đúng vị trí trong một số", word)};
    case WordsError::unsupported_word:
      return {fmt::format("\"{}\" is a colloquial word this reader does not interpret", word),
              fmt::format("\"{}\" là từ khẩu ngữ không đọc được", word)};
    case WordsError::scale_order:
      return {fmt::format("\"{}\" comes in an order no reading explains", word),
              fmt::format("\"{}\" đứng ở thứ tự không đọc được", word)};
    case WordsError::bad_fraction:
      return {fmt::format("the decimals after \"{}\" cannot be read", word),
              fmt::format("không đọc được phần thập phân sau \"{}\"", word)};
    case WordsError::number_after_unit:
      return {fmt::format("number words (\"{}\") follow the currency", word),
              fmt::format("có chữ số (\"{}\") sau đơn vị tiền", word)};
  }
  return {"cannot be read", "không đọc được"};
}

}  // namespace

void check_words(const Invoice& inv, const Out& out) {
  const xmlNode* node = xml::child(inv.totals, "TgTTTBChu");
  const auto words = value_of(inv.totals, "TgTTTBChu");
  const auto total = amount_of(inv.totals, "TgTTTBSo");
  if (!words || !total) return;  // absence is the schema's finding (accepted empty in practice [S 011])
  WordsReadOptions options;
  options.minor_unit_digits = inv.minor_units > 0 ? inv.minor_units : 2;  // "và N xu"
  const WordsCheck c = check_amount_in_words(*words, *total, options);
  const std::string name = label(node);
  switch (c.verdict) {
    case WordsVerdict::match:
      return;
    case WordsVerdict::mismatch:
      out.add(
          Code::WordsMismatch, node,
          fmt::format("{} \"{}\" reads {}, but TgTTTBSo is {}", name, *words, show(*c.reading.value), show(*total)),
          fmt::format("{} \"{}\" đọc là {}, nhưng TgTTTBSo là {}", name, *words, show(*c.reading.value), show(*total)));
      return;
    case WordsVerdict::fraction_not_in_words:
      out.add(Code::WordsFraction, node,
              fmt::format("{} \"{}\" reads {}, leaving out the decimals of TgTTTBSo {}", name, *words,
                          show(*c.reading.value), show(*total)),
              fmt::format("{} \"{}\" đọc là {}, thiếu phần thập phân của TgTTTBSo {}", name, *words,
                          show(*c.reading.value), show(*total)));
      return;
    case WordsVerdict::unreadable: {
      out.add(Code::WordsUnreadable, node, *words, unreadable(c.reading, *words));
      return;
    }
  }
}

}  // namespace hoadon::rules::checks
