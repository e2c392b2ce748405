#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "cli.hpp"

namespace cli {

std::vector<Input> expand_inputs(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::vector<Input> out;
  for (const auto& a : args) {
    if (a == "-") {
      out.push_back({"-", "-", {}});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      out.push_back({a, a, {}});
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string ext = it->path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (ext == ".xml") found.push_back(it->path().string());
    }
    if (ec) {  // an unreadable directory is reported like an unreadable file
      out.push_back({a, a, {}});
      continue;
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) out.push_back({a, a, "no XML found (a folder is searched for *.xml files)"});
    for (auto& f : found) out.push_back({f, f, {}});
  }
  return out;
}

int open_input(const Input& in, const hoadon_parse_options& opts, hoadon_doc** doc) {
  // The library reads non-regular files (pipes, terminals) up to one byte past the limit, so
  // standard input needs no special code beyond its name.
  return hoadon_doc_open(in.path == "-" ? "/dev/stdin" : in.path.c_str(), &opts, doc);
}

int status_of_open(int rc) {
  switch (rc) {
    case HOADON_OK:
      return kExitOk;
    case HOADON_EREJECTED:
      return kExitFailed;
    default:
      return kExitIo;
  }
}

std::string take_line(char* s) {
  if (!s) return fmt::format("hoadon: {}\n", hoadon_last_error());
  std::string out(s);
  hoadon_free(s);
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

}  // namespace cli
