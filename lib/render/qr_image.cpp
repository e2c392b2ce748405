#include "render/qr_image.hpp"

#include <fmt/format.h>

#ifdef HOADON_WITH_QRENCODE
#include <qrencode.h>
#endif

namespace hoadon::render {

std::optional<QrMatrix> encode_qr(std::string_view payload, std::string& why) {
#ifdef HOADON_WITH_QRENCODE
  if (payload.empty()) {
    why = "no QR data";
    return std::nullopt;
  }
  const std::string data(payload);
  QRcode* code = QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()),
                                   0, QR_ECLEVEL_M);
  if (!code) {
    why = "the QR data does not fit a QR code";
    return std::nullopt;
  }
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return m;
#else
  (void)payload;
  why = "not built with libqrencode (HOADON_WITH_QRENCODE)";
  return std::nullopt;
#endif
}

std::string qr_svg(const QrMatrix& m, double size_mm) {
  const int side = m.width + 8;
  std::string path;
  for (int y = 0; y < m.width; ++y)
    for (int x = 0; x < m.width; ++x)
      if (m.at(x, y)) path += fmt::format("M{} {}h1v1h-1z", x + 4, y + 4);
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"QR\" width=\"{0}mm\" height=\"{0}mm\" "
      "viewBox=\"0 0 {1} {1}\" shape-rendering=\"crispEdges\"><rect width=\"{1}\" height=\"{1}\" fill=\"#fff\"/>"
      "<path fill=\"#000\" d=\"{2}\"/></svg>",
      size_mm, side, path);
}

}  // namespace hoadon::render
