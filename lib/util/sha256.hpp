// SHA-256 of bytes, as the 64 lowercase hexadecimal digits that sha256sum prints.
#pragma once

#include <string>
#include <string_view>

namespace hoadon {

std::string sha256_hex(std::string_view bytes);

}  // namespace hoadon
