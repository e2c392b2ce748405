#include "support/support.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace testing {

std::filesystem::path source_dir() { return HOADON_SOURCE_DIR; }

std::string example_invoice(const std::string& name) { return (source_dir() / "examples/invoices" / name).string(); }

std::optional<std::filesystem::path> shared_dir() {
  const char* env = std::getenv("HOADON_SHARED_DIR");
  std::filesystem::path p = env && *env ? env : HOADON_DEFAULT_SHARED_DIR;
  std::error_code ec;
  if (!std::filesystem::is_directory(p, ec)) return std::nullopt;
  return p;
}

std::optional<std::filesystem::path> samples_dir() {
  auto s = shared_dir();
  if (!s) return std::nullopt;
  auto p = *s / "vn-invoice-samples";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p / "MANIFEST.tsv", ec)) return std::nullopt;
  return p;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::optional<std::string> find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    const auto end = dirs.find(':', start);
    const auto dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

}  // namespace

std::vector<Sample> manifest() {
  std::vector<Sample> out;
  auto dir = samples_dir();
  if (!dir) return out;
  std::istringstream in(read_file(*dir / "MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cols = split(line, '\t');
    if (cols.size() < 5) continue;
    Sample s;
    s.file = cols[0];
    s.system = cols[1];
    const auto root = split(cols[2], ' ');
    s.root = root[0];
    if (root.size() > 1) s.message_type = root[1];
    s.pban = cols[3];
    for (const auto& sig : split(cols[4], ';')) {
      const auto parts = split(sig, ':');
      if (parts.size() == 3) s.signatures.push_back({parts[0], parts[1], parts[2]});
    }
    s.path = *dir / s.file;
    out.push_back(std::move(s));
  }
  return out;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "hoadon-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace testing
