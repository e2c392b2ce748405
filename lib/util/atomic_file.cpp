#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace hoadon {
namespace {

std::string errno_text(std::string_view what, int err) { return fmt::format("{}: {}", what, std::strerror(err)); }

// A new file next to `path`, named ".<name>.<random>.tmp", created exclusively (the umask
// applies to its 0666). Returns the descriptor, or -1 with errno set.
int create_temporary(const std::filesystem::path& path, std::string& name) {
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
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

}  // namespace

std::string write_atomically(const std::string& path, std::string_view bytes, unsigned mode) {
  const std::filesystem::path target(path);
  if (target.filename().empty()) return "not a file name";
  std::string tmp;
  const int fd = create_temporary(target, tmp);
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
  return error;
}

}  // namespace hoadon
