// The ZIP reader, over libarchive (ZIP with its central directory only; no other format or filter).
#include "archive/zip.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <new>

#include <fmt/format.h>

#include "archive/names.hpp"

#ifdef HOADON_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#endif

namespace hoadon::archive {
namespace {

void refuse(Report& report, Code code, const std::string& en, const std::string& vi) { report.add(code, {}, en, vi); }

#ifdef HOADON_HAVE_LIBARCHIVE

void over_limit(Report& report, const std::string& en, const std::string& vi) {
  refuse(report, Code::ZipLimit, "The archive is refused: " + en, "Tệp nén bị từ chối: " + vi);
}

struct Handle {
  struct archive* a = archive_read_new();
  Handle() {
    if (!a) throw std::bad_alloc();
    // The central directory is the archive's table of contents: the seekable reader follows it,
    // and an archive without one (truncated) is refused rather than read as far as it goes.
    archive_read_support_format_zip_seekable(a);
  }
  ~Handle() { archive_read_free(a); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

// What every level of nesting shares.
struct Budget {
  const Limits& limits;
  Archive& out;
  Report& report;
  std::size_t total = 0;    // unpacked bytes held
  std::size_t members = 0;  // entries seen
};

std::string where(const std::string& prefix) {
  return prefix.empty() ? "" : " (in " + prefix.substr(0, prefix.size() - 1) + ")";
}

bool corrupt(Budget& b, struct archive* a, const std::string& prefix) {
  const char* why = archive_error_string(a);
  refuse(b.report, Code::ZipCorrupt,
         fmt::format("The archive cannot be read{}: {}", where(prefix), why ? why : "unknown error"),
         fmt::format("Không đọc được tệp nén{}: {}", where(prefix), why ? why : "lỗi không rõ"));
  return false;
}

bool read_level(struct archive* a, std::size_t archive_size, const std::string& prefix, unsigned depth, Budget& b);

// Unpacks the current member into `data`, within every limit.
bool unpack(struct archive* a, const std::string& name, std::size_t& unpacked_here, std::size_t allowance,
            std::string& data, Budget& b, const std::string& prefix) {
  const Limits& l = b.limits;
  char buf[1 << 16];
  for (;;) {
    const la_ssize_t n = archive_read_data(a, buf, sizeof buf);
    if (n < 0) return corrupt(b, a, prefix + name + "!");
    if (n == 0) return true;
    const auto k = static_cast<std::size_t>(n);
    if (data.size() + k > l.max_member_bytes) {
      over_limit(b.report, fmt::format("member {}{} unpacks to more than {} bytes", prefix, name, l.max_member_bytes),
                 fmt::format("tệp {}{} giải nén ra hơn {} byte", prefix, name, l.max_member_bytes));
      return false;
    }
    if (b.total + k > l.max_total_bytes) {
      over_limit(b.report, fmt::format("its members unpack to more than {} bytes in all", l.max_total_bytes),
                 fmt::format("các tệp thành phần giải nén ra hơn {} byte", l.max_total_bytes));
      return false;
    }
    if (unpacked_here + k > allowance) {
      over_limit(b.report,
                 fmt::format("it unpacks to more than {} times its size (compression ratio limit){}", l.max_ratio,
                             where(prefix)),
                 fmt::format("tỷ lệ nén vượt quá {} lần{}", l.max_ratio, where(prefix)));
      return false;
    }
    data.append(buf, k);
    b.total += k;
    unpacked_here += k;
  }
}

bool read_level(struct archive* a, std::size_t archive_size, const std::string& prefix, unsigned depth, Budget& b) {
  const Limits& l = b.limits;
  const std::size_t allowance = archive_size > std::numeric_limits<std::size_t>::max() / (l.max_ratio ? l.max_ratio : 1)
                                    ? std::numeric_limits<std::size_t>::max()
                                    : std::max(l.ratio_grace, archive_size * l.max_ratio);
  std::size_t unpacked_here = 0;
  for (;;) {
    struct archive_entry* e = nullptr;
    const int r = archive_read_next_header(a, &e);
    if (r == ARCHIVE_EOF) return true;
    if (r < ARCHIVE_WARN) return corrupt(b, a, prefix);
    if (++b.members > l.max_members) {
      over_limit(b.report, fmt::format("it has more than {} members", l.max_members),
                 fmt::format("có hơn {} tệp thành phần", l.max_members));
      return false;
    }
    if (archive_entry_filetype(e) != AE_IFREG) continue;  // directories, links: nothing to read
    const char* raw = archive_entry_pathname_utf8(e);
    if (!raw) raw = archive_entry_pathname(e);
    const std::string name = printable_name(raw ? raw : "");
    const MemberKind kind = kind_of(name);
    if (kind == MemberKind::Other) {
      ++b.out.ignored;
      continue;
    }
    if (archive_entry_is_encrypted(e)) {
      refuse(b.report, Code::ZipEncrypted, fmt::format("Member {}{} is encrypted", prefix, name),
             fmt::format("Tệp {}{} được mã hóa", prefix, name));
      return false;
    }
    if (kind == MemberKind::Zip && depth >= l.max_depth) {
      over_limit(b.report, fmt::format("{}{} is an archive nested deeper than {} level(s)", prefix, name, l.max_depth),
                 fmt::format("{}{} là tệp nén lồng nhau sâu hơn {} cấp", prefix, name, l.max_depth));
      return false;
    }
    // A size announced in the header is checked before unpacking; the unpacking checks again
    // (headers can lie).
    if (archive_entry_size_is_set(e) && archive_entry_size(e) >= 0 &&
        static_cast<unsigned long long>(archive_entry_size(e)) > l.max_member_bytes) {
      over_limit(b.report,
                 fmt::format("member {}{} declares {} bytes, more than {}", prefix, name,
                             static_cast<long long>(archive_entry_size(e)), l.max_member_bytes),
                 fmt::format("tệp {}{} khai báo {} byte, hơn {} byte", prefix, name,
                             static_cast<long long>(archive_entry_size(e)), l.max_member_bytes));
      return false;
    }
    std::string data;
    if (!unpack(a, name, unpacked_here, allowance, data, b, prefix)) return false;
    if (kind == MemberKind::Xml) {
      b.out.members.push_back({prefix + name, std::move(data)});
      continue;
    }
    Handle inner;
    if (archive_read_open_memory(inner.a, data.data(), data.size()) != ARCHIVE_OK)
      return corrupt(b, inner.a, prefix + name + "!");
    if (!read_level(inner.a, data.size(), prefix + name + "!", depth + 1, b)) return false;
    b.total -= data.size();  // the nested archive itself is no longer held
  }
}

Outcome finish(bool ok, Archive& out, Report& report) {
  if (ok && out.members.empty()) {
    refuse(report, Code::ZipEmpty,
           fmt::format("The archive holds no XML document ({} other member(s) ignored)", out.ignored),
           fmt::format("Tệp nén không chứa tài liệu XML nào (bỏ qua {} tệp khác)", out.ignored));
    ok = false;
  }
  if (!ok) out.members.clear();
  return ok ? Outcome::Ok : Outcome::Refused;
}

#else

Outcome unsupported(Report& report) {
  refuse(report, Code::ZipUnsupported, "ZIP archives cannot be read: hoadon was not built with libarchive",
         "Không đọc được tệp ZIP: hoadon được biên dịch không có libarchive");
  return Outcome::Unsupported;
}

#endif

}  // namespace

#ifdef HOADON_HAVE_LIBARCHIVE

bool supported() noexcept { return true; }

Outcome read(std::string_view bytes, const Limits& limits, Archive& out, Report& report) {
  Budget b{limits, out, report};
  Handle h;
  bool ok = archive_read_open_memory(h.a, bytes.data(), bytes.size()) == ARCHIVE_OK || corrupt(b, h.a, "");
  ok = ok && read_level(h.a, bytes.size(), "", 1, b);
  return finish(ok, out, report);
}

Outcome read_file(const std::string& path, const Limits& limits, Archive& out, Report& report) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const int err = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : errno;
    if (fd >= 0) ::close(fd);
    report.add(Code::IoRead, {}, fmt::format("Cannot read {}: {}", path, std::strerror(err)),
               fmt::format("Không đọc được {}: {}", path, std::strerror(err)));
    return Outcome::IoError;
  }
  Budget b{limits, out, report};
  bool ok;
  {
    Handle h;
    ok = archive_read_open_fd(h.a, fd, 1 << 16) == ARCHIVE_OK || corrupt(b, h.a, "");
    ok = ok && read_level(h.a, static_cast<std::size_t>(st.st_size), "", 1, b);
  }
  ::close(fd);
  return finish(ok, out, report);
}

#else

bool supported() noexcept { return false; }

Outcome read(std::string_view, const Limits&, Archive&, Report& report) { return unsupported(report); }
Outcome read_file(const std::string&, const Limits&, Archive&, Report& report) { return unsupported(report); }

#endif

}  // namespace hoadon::archive
