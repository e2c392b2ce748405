// Trust lists and certificate files described for `hoadon trust list|show`: text for people,
// JSON for programs.
#pragma once

#include <string>
#include <vector>

namespace hoadon::pki {

[[nodiscard]] std::string trust_lists_to_text(const std::vector<std::string>& dirs);
[[nodiscard]] std::string trust_lists_to_json(const std::vector<std::string>& dirs);

// Every certificate of a file (TrustError when it holds none).
[[nodiscard]] std::string certificate_file_to_text(const std::string& path);
[[nodiscard]] std::string certificate_file_to_json(const std::string& path);  // one object per line

}  // namespace hoadon::pki
