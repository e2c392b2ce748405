#include "tabular/xlsx.hpp"

#ifdef HOADON_HAVE_XLSXWRITER
#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "util/dates.hpp"
#include "util/decimal.hpp"
#include "util/utf8.hpp"
#endif

namespace hoadon::tabular {

#ifdef HOADON_HAVE_XLSXWRITER

namespace {

constexpr std::size_t kMaxCellBytes = 32767;  // Excel's limit is 32,767 characters; bytes are safer

// Valid UTF-8 (U+FFFD for bad bytes), within a cell's limit, cut on a character boundary.
std::string cell_text(std::string_view v) {
  std::string out;
  while (!v.empty() && out.size() < kMaxCellBytes - 4) {
    const std::size_t n = utf8_sequence_length(v);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      v.remove_prefix(1);
    } else {
      out.append(v.substr(0, n));
      v.remove_prefix(n);
    }
  }
  return out;
}

lxw_error write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, Type type, const std::string& v, lxw_format* date) {
  if (type == Type::Number && parse_decimal(v).ok())
    return worksheet_write_number(ws, r, c, std::strtod(v.c_str(), nullptr), nullptr);
  if (type == Type::Date) {
    const auto d = parse_date(v);
    if (d.ok() && d.date) {
      lxw_datetime dt{d.date->year, d.date->month, d.date->day, 0, 0, 0};
      return worksheet_write_datetime(ws, r, c, &dt, date);
    }
  }
  return worksheet_write_string(ws, r, c, cell_text(v).c_str(), nullptr);
}

std::string write_sheet(lxw_workbook* wb, const char* name, std::span<const Column> columns,
                        const std::vector<Row>& rows, lxw_format* bold, lxw_format* date) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  if (!ws) return "cannot add a worksheet";
  if (rows.size() >= LXW_ROW_MAX) return fmt::format("{} rows do not fit in one worksheet", rows.size());
  for (std::size_t c = 0; c < columns.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), std::string(columns[c].name).c_str(), bold);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size() && c < columns.size(); ++c) {
      if (!rows[r][c]) continue;
      const lxw_error e =
          write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), columns[c].type, *rows[r][c], date);
      if (e != LXW_NO_ERROR) return lxw_strerror(e);
    }
  return "";
}

// The workbook goes to an anonymous memory file, read back when closed.
struct MemoryFile {
  int fd = ::memfd_create("hoadon-xlsx", MFD_CLOEXEC);
  ~MemoryFile() {
    if (fd >= 0) ::close(fd);
  }
  MemoryFile() = default;
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
};

std::string read_all(int fd, std::string& out) {
  out.clear();
  if (::lseek(fd, 0, SEEK_SET) != 0) return std::strerror(errno);
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::strerror(errno);
    if (n == 0) return "";
    out.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool xlsx_supported() noexcept { return true; }

std::string to_xlsx(const Tables& tables, std::string& out) {
  MemoryFile file;
  if (file.fd < 0) return fmt::format("cannot create a memory file: {}", std::strerror(errno));
  const std::string name = fmt::format("/proc/self/fd/{}", file.fd);
  lxw_workbook_options options{};
  options.constant_memory = 1;  // rows are written in order; temporary files are tmpfile()s
  lxw_workbook* wb = workbook_new_opt(name.c_str(), &options);
  if (!wb) return "cannot create the workbook";
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  std::string error = write_sheet(wb, "Lines", line_columns(), tables.lines, bold, date);
  if (error.empty()) error = write_sheet(wb, "Invoices", invoice_columns(), tables.invoices, bold, date);
  const lxw_error closed = workbook_close(wb);  // frees the workbook in every case
  if (error.empty() && closed != LXW_NO_ERROR) error = lxw_strerror(closed);
  if (error.empty()) error = read_all(file.fd, out);
  return error;
}

#else

bool xlsx_supported() noexcept { return false; }

std::string to_xlsx(const Tables&, std::string& out) {
  out.clear();
  return "XLSX cannot be written: hoadon was not built with libxlsxwriter";
}

#endif

}  // namespace hoadon::tabular
