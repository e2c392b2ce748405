// The QR code as modules, drawn by libqrencode (Debian libqrencode-dev) when hoadon is built
// with it (HOADON_WITH_QRENCODE); without it, no image and a reason to show instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoadon::render {

struct QrMatrix {
  int width = 0;           // modules per side, without the quiet zone
  std::vector<bool> dark;  // width * width, row by row
  [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};

// The symbol for `payload` (byte mode, error correction M), or nullopt with `why` set.
[[nodiscard]] std::optional<QrMatrix> encode_qr(std::string_view payload, std::string& why);

// The symbol as an SVG element (black modules on white, 4 modules of quiet zone), `size_mm` wide.
[[nodiscard]] std::string qr_svg(const QrMatrix& m, double size_mm);

}  // namespace hoadon::render
