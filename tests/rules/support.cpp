#include "rules/support.hpp"

#include "support/support.hpp"

#include <fmt/format.h>

#include "rules/qrcode.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hoadon::test {

std::filesystem::path samples_dir() { return testing::samples_dir().value_or(std::filesystem::path()); }

std::vector<std::filesystem::path> sample_files() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(samples_dir(), ec)) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> element_texts(std::string_view xml, std::string_view tag) {
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  std::vector<std::string> texts;
  for (std::size_t pos = xml.find(open); pos != std::string_view::npos; pos = xml.find(open, pos + 1)) {
    const std::size_t after = pos + open.size();
    if (after >= xml.size() || (xml[after] != '>' && xml[after] != ' ')) continue;  // a longer tag name
    const std::size_t gt = xml.find('>', after);
    if (gt == std::string_view::npos) break;
    if (xml[gt - 1] == '/') continue;  // <tag/>
    const std::size_t end = xml.find(close, gt);
    if (end == std::string_view::npos) break;
    texts.emplace_back(xml.substr(gt + 1, end - gt - 1));
  }
  return texts;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string tlv(std::string_view id, std::string_view value) {
  return fmt::format("{}{:02}{}", id, value.size(), value);
}

std::string with_crc(std::string body) {
  body += "6304";
  return body + fmt::format("{:04X}", rules::crc16_ccitt_false(body));
}

std::string official_example_body() {
  return tlv("00", "01") + tlv("01", "12") + tlv("26", tlv("00", "A000000775") + tlv("01", "0107001729")) +
         tlv("52", "5499") + tlv("53", "704") + tlv("54", "120000") + tlv("58", "VN") + tlv("59", "DNXYZ") +
         tlv("60", "HANOI") +
         tlv("99", tlv("00", "A000000775") + tlv("01", "0107001729001") + tlv("02", "1") + tlv("03", "C21TYY") +
                       tlv("04", "68") + tlv("05", "20211121") + tlv("06", "120000"));
}

}  // namespace hoadon::test
