#include "pki/revocation_cache.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "util/atomic_file.hpp"
#include "util/sha256.hpp"

namespace hoadon::pki {
namespace {

constexpr std::size_t kMemoryLimit = 4096;
constexpr std::uintmax_t kFileLimit = std::uintmax_t{1} << 20;

struct Kept {
  std::string der;
  std::int64_t next_update = 0;
};

struct Memory {
  std::mutex mutex;
  std::unordered_map<std::string, Kept> answers;
};

Memory& memory() {
  static Memory m;
  return m;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::filesystem::path file_of(const std::string& dir, const std::string& key) {
  return std::filesystem::path(dir) / (key + ".der");
}

}  // namespace

std::string cache_key(std::string_view prefix, std::string_view bytes) {
  return std::string(prefix) + sha256_hex(bytes);
}

std::optional<std::string> cached_answer(const std::string& dir, const std::string& key) {
  {
    auto& m = memory();
    std::lock_guard lock(m.mutex);
    if (auto it = m.answers.find(key); it != m.answers.end()) {
      if (it->second.next_update > now()) return it->second.der;
      m.answers.erase(it);
    }
  }
  if (dir.empty()) return std::nullopt;
  std::error_code ec;
  const auto path = file_of(dir, key);
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kFileLimit) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::string der(static_cast<std::size_t>(size), '\0');
  if (!in.read(der.data(), static_cast<std::streamsize>(der.size()))) return std::nullopt;
  return der;  // its nextUpdate is in the answer itself: the caller checks it
}

std::string keep_answer(const std::string& dir, const std::string& key, std::string_view der,
                        std::int64_t next_update) {
  {
    auto& m = memory();
    std::lock_guard lock(m.mutex);
    if (m.answers.size() >= kMemoryLimit) m.answers.clear();
    m.answers[key] = Kept{std::string(der), next_update};
  }
  if (dir.empty()) return {};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create the cache directory {}: {}", dir, ec.message());
  return write_atomically(file_of(dir, key).string(), der, 0);
}

}  // namespace hoadon::pki
