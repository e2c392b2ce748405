#include <doctest/doctest.h>

#include <string>

#include "rules/support.hpp"
#include "util/vntext.hpp"

using namespace hoadon;

TEST_CASE("vntext: folds case and NFC/NFD/mixed forms to one spelling") {
  CHECK(fold_vietnamese("Một Triệu ĐỒNG") == "một triệu đồng");
  // "một" decomposed: o + circumflex + dot below, and with the marks in the other order.
  CHECK(fold_vietnamese("m\x6f\xcc\x82\xcc\xa3t") == "một");
  CHECK(fold_vietnamese("m\x6f\xcc\xa3\xcc\x82t") == "một");
  // Partly composed: "ô" + combining dot below.
  CHECK(fold_vietnamese("m\xc3\xb4\xcc\xa3t") == "một");
  // "ười" as u + horn, o + horn + grave.
  CHECK(fold_vietnamese("mu\xcc\x9bo\xcc\x9b\xcc\x80i") == "mười");
  CHECK(fold_vietnamese("M\x55\xcc\x9b\x4f\xcc\x9b\xcc\x80I") == "mười");
  // Deprecated tone mark U+0341 is the acute.
  CHECK(fold_vietnamese("sa\xcd\x81u") == "sáu");
  CHECK(fold_vietnamese("Đồng") == "đồng");
  CHECK(fold_vietnamese("ĐÔ LA MỸ") == "đô la mỹ");
  CHECK(fold_vietnamese("Ẩ") == "ẩ");
  CHECK(fold_vietnamese("ỴỸ") == "ỵỹ");
  CHECK(fold_vietnamese("VND 123") == "vnd 123");
  // Marks that compose nothing stay, in NFD order; a combining mark after a consonant stays.
  CHECK(fold_vietnamese("i\xcc\x86") == "i\xcc\x86");
  CHECK(fold_vietnamese("n\xcc\x80") == "n\xcc\x80");
  CHECK(fold_vietnamese("\xc3\xa0\xcc\x81") == "\xc3\xa0\xcc\x81");  // à + second tone: kept as is
  // Malformed UTF-8 becomes U+FFFD.
  CHECK(fold_vietnamese("a\xff"
                        "b") ==
        "a\xef\xbf\xbd"
        "b");
  // Overlong NUL: C0 can never start a sequence, so each byte is replaced (Unicode's
  // "maximal subpart" practice, as util/utf8 decodes everywhere in hoadon).
  CHECK(fold_vietnamese("\xc0\x80") == "\xef\xbf\xbd\xef\xbf\xbd");
  CHECK(fold_vietnamese("\xe1\xba") == "\xef\xbf\xbd\xef\xbf\xbd");  // truncated sequence
  CHECK(fold_vietnamese("").empty());
  CHECK(fold_vietnamese("日本") == "日本");
}

TEST_CASE("vntext: capitalises the first letter") {
  CHECK(capitalize_first("một triệu") == "Một triệu");
  CHECK(capitalize_first("âm một") == "Âm một");
  CHECK(capitalize_first("đồng") == "Đồng");
  CHECK(capitalize_first("ừ") == "Ừ");
  CHECK(capitalize_first("Một") == "Một");
  CHECK(capitalize_first("1 đồng") == "1 đồng");
  CHECK(capitalize_first("") == "");
  CHECK(capitalize_first("日本") == "日本");
}
