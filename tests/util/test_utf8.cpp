// util/utf8: the validator used on every input, including its eight-bytes-at-a-time ASCII path.
#include <doctest/doctest.h>

#include <string>

#include "util/utf8.hpp"

using hoadon::utf8_first_invalid;

TEST_CASE("utf8_first_invalid finds the first bad byte wherever it falls") {
  const std::string ascii(40, 'a');
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    CAPTURE(at);
    std::string s = ascii;
    s[at] = '\xff';
    CHECK(utf8_first_invalid(s) == at);
  }
  CHECK(utf8_first_invalid(ascii) == std::string::npos);
}

TEST_CASE("multi-byte sequences across word boundaries, and truncated ones") {
  for (std::size_t pad = 0; pad < 10; ++pad) {
    CAPTURE(pad);
    const std::string good = std::string(pad, 'x') + "Hợp tác xã Phia Oắc 𝄞" + std::string(pad, 'y');
    CHECK(utf8_first_invalid(good) == std::string::npos);
    const std::string cut = std::string(pad, 'x') + "\xe1\xba";  // ạ without its last byte
    CHECK(utf8_first_invalid(cut) == pad);
    const std::string overlong = std::string(pad, 'x') + "\xc0\xaf" + std::string(12, 'z');
    CHECK(utf8_first_invalid(overlong) == pad);
  }
}
