#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace hoadon {
namespace {

// The temporary files being written, so that a program interrupted by a signal can remove them
// from its handler (remove_temporaries, async-signal-safe: atomics and unlink only). A fixed
// table of slots: 0 free, 1 being filled, 2 naming a temporary file.
struct Slot {
  std::atomic<int> state{0};
  char path[4096];
};
constexpr std::size_t kSlots = 256;
Slot g_slots[kSlots];

// Registers `name` (before the file exists: a signal in between finds nothing to remove);
// returns its slot, or -1 when the table is full or the name too long (the write goes on).
int remember(const std::string& name) {
  if (name.size() >= sizeof g_slots[0].path) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, name.c_str(), name.size() + 1);
    g_slots[i].state.store(2);
    return static_cast<int>(i);
  }
  return -1;
}

void forget(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

std::string errno_text(std::string_view what, int err) { return fmt::format("{}: {}", what, std::strerror(err)); }

// A new file next to `path`, named ".<name>.<random>.tmp", created exclusively (the umask
// applies to its 0666). Returns the descriptor, or -1 with errno set.
int create_temporary(const std::filesystem::path& path, std::string& name, int& slot) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  for (int attempt = 0; attempt < 16; ++attempt) {
    unsigned char r[8];
    if (RAND_bytes(r, sizeof r) != 1) {
      errno = EIO;
      return -1;
    }
    std::string suffix;
    for (unsigned char b : r) suffix += fmt::format("{:02x}", b);
    name = (dir / fmt::format(".{}.{}.tmp", path.filename().string(), suffix)).string();
    slot = remember(name);
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    const int err = errno;
    forget(slot);  // not ours: another file of that name (EEXIST) or none at all
    slot = -1;
    errno = err;
    if (err != EEXIST) return -1;
  }
  return -1;
}

}  // namespace

std::string write_atomically(const std::string& path, std::string_view bytes, unsigned mode) {
  const std::filesystem::path target(path);
  if (target.filename().empty()) return "not a file name";
  std::string tmp;
  int slot = -1;
  const int fd = create_temporary(target, tmp, slot);
  if (fd < 0) return errno_text("cannot create a file next to it", errno);
  std::string error;
  for (std::size_t done = 0; done < bytes.size() && error.empty();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) error = errno_text("cannot write", n < 0 ? errno : EIO);
    else done += static_cast<std::size_t>(n);
  }
  if (error.empty() && mode && ::fchmod(fd, mode & 07777) != 0) error = errno_text("cannot set its mode", errno);
  // Flushed before the rename: after a crash the name holds the old file or the whole new one.
  if (error.empty() && ::fsync(fd) != 0) error = errno_text("cannot flush", errno);
  if (::close(fd) != 0 && error.empty()) error = errno_text("cannot close", errno);
  if (error.empty() && std::rename(tmp.c_str(), path.c_str()) != 0) error = errno_text("cannot rename into place", errno);
  if (!error.empty()) ::unlink(tmp.c_str());
  forget(slot);
  return error;
}

void remove_temporaries() noexcept {
  for (auto& s : g_slots)
    if (s.state.load() == 2) ::unlink(s.path);
}

}  // namespace hoadon
