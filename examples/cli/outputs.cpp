// Where commands that write files put them.
#include <sys/stat.h>

#include <cctype>

#include "cli.hpp"

namespace cli {

std::string with_suffix(const std::string& path, const std::string& suffix) {
  const auto dot = path.size() >= 4 ? path.size() - 4 : std::string::npos;
  std::string ext = dot == std::string::npos ? std::string() : path.substr(dot);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (ext == ".xml" ? path.substr(0, dot) : path) + suffix;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace cli
