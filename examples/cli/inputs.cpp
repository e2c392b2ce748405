#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli.hpp"

namespace cli {
namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// A ZIP file by its name, or by its first bytes (a download may have lost its name).
bool is_archive(const std::string& path) {
  if (lower_extension(path) == ".zip") return true;
  std::ifstream f(path, std::ios::binary);
  char head[4] = {};
  return f.read(head, sizeof head) && hoadon_archive_detect(head, sizeof head);
}

// One input per XML member of an opened archive (`rc` its opening status), or one for the
// refused archive.
void add_members(const std::string& label, hoadon_archive* raw, int rc, std::vector<Input>& out) {
  if (!raw) throw std::bad_alloc();
  std::shared_ptr<const hoadon_archive> archive(raw, hoadon_archive_free);
  if (rc != HOADON_OK) {
    out.push_back({label, label, archive, Input::kRefused, {}, nullptr});
    return;
  }
  for (std::size_t i = 0, n = hoadon_archive_count(raw); i < n; ++i) {
    std::string member = label + "!" + hoadon_archive_name(raw, i);
    out.push_back({member, member, archive, i, {}, nullptr});
  }
}

void add_archive(const std::string& path, std::vector<Input>& out) {
  hoadon_archive* raw = nullptr;
  const int rc = hoadon_archive_open(path.c_str(), nullptr, &raw);
  add_members(path, raw, rc, out);
}

void add_file(const std::string& path, std::vector<Input>& out) {
  if (is_archive(path))
    add_archive(path, out);
  else
    out.push_back({path, path, nullptr, 0, {}, nullptr});
}

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::vector<Input> out;
  for (const auto& a : args) {
    if (a == "-") {
      out.push_back({"-", "-", nullptr, 0, {}, nullptr});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      add_file(a, out);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string ext = lower_extension(it->path());
      if (ext == ".xml" || ext == ".zip") found.push_back(it->path().string());
    }
    if (ec) {  // an unreadable directory is reported like an unreadable file
      out.push_back({a, a, nullptr, 0, {}, nullptr});
      continue;
    }
    std::sort(found.begin(), found.end());
    if (found.empty())
      out.push_back(
          {a, a, nullptr, 0, "no XML or ZIP found (a folder is searched for *.xml and *.zip files)", nullptr});
    for (auto& f : found) add_file(f, out);
  }
  return out;
}

std::vector<Input> expand_bytes(const std::string& label, std::shared_ptr<const std::string> bytes) {
  std::vector<Input> out;
  if (hoadon_archive_detect(bytes->data(), bytes->size())) {
    hoadon_archive* raw = nullptr;
    const int rc = hoadon_archive_parse(bytes->data(), bytes->size(), nullptr, &raw);
    add_members(label, raw, rc, out);
  } else {
    out.push_back({label, label, nullptr, 0, {}, std::move(bytes)});
  }
  return out;
}

int open_input(const Input& in, const hoadon_parse_options& opts, hoadon_doc** doc) {
  if (in.archive) {
    return in.member == Input::kRefused ? hoadon_archive_refusal(in.archive.get(), doc)
                                        : hoadon_archive_doc(in.archive.get(), in.member, &opts, doc);
  }
  if (in.bytes) return hoadon_doc_parse(in.bytes->data(), in.bytes->size(), &opts, doc);
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
