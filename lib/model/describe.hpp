// The essentials of a document rendered for `hoadon inspect`: JSON for programs, text for people.
#pragma once

#include <string>
#include <string_view>

#include "model/essentials.hpp"
#include "report/render.hpp"

namespace hoadon::model {

[[nodiscard]] std::string essentials_to_json(const Essentials& e, const Report& r, std::string_view file);
[[nodiscard]] std::string essentials_to_text(const Essentials& e, const Report& r, std::string_view file, Lang lang);

}  // namespace hoadon::model
