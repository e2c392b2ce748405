// Shared by the rendering tests: parse and render in one call, as hoadon_doc_render does, and
// invoices made for the purpose (hostile values, many lines).
#pragma once

#include <string>

#include "pki/trust.hpp"
#include "render/render.hpp"

namespace testing {

// Parses `xml`, indexes it, reads its essentials and renders it.
hoadon::render::Result render_bytes(const std::string& xml, const hoadon::render::Options& options = {});

// The bundled VAT demo invoice with `from` replaced by `to` (which must be found).
std::string demo_with(const std::string& from, const std::string& to);

// The demo invoice with its line list replaced by `lines` copies of its first line.
std::string demo_with_lines(int lines);

// The demo invoice signed by the test world's seller.
std::string signed_demo(const std::string& xml);

}  // namespace testing
