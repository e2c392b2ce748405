#include "harness.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>

#include "hoadon/hoadon.h"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

// A batch size for fn that lasts about `seconds` (after one warm-up call).
long batch_for(const std::function<void()>& fn, double seconds) {
  fn();  // warm up (first-use initialisation, caches)
  long calls = 1;
  for (;;) {
    const auto t0 = Clock::now();
    for (long i = 0; i < calls; ++i) fn();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (s >= seconds || calls > (1L << 30)) return calls;
    calls *= 2;
  }
}

double time_batch(const std::function<void()>& fn, long calls) {
  const auto t0 = Clock::now();
  for (long i = 0; i < calls; ++i) fn();
  return std::chrono::duration<double>(Clock::now() - t0).count() / static_cast<double>(calls);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

double seconds_per_call(const std::function<void()>& fn, double min_seconds, int rounds) {
  const long calls = batch_for(fn, min_seconds / 4);
  std::vector<double> per_call;
  for (int r = 0; r < rounds; ++r) per_call.push_back(time_batch(fn, calls));
  return median(per_call);
}

Pair compare(const std::function<void()>& work, const std::function<void()>& floor, int rounds) {
  const long wc = batch_for(work, 0.05), fc = batch_for(floor, 0.05);
  std::vector<double> w, f;
  for (int r = 0; r < rounds; ++r) {
    w.push_back(time_batch(work, wc));
    f.push_back(time_batch(floor, fc));
  }
  return {median(w), median(f)};
}

void print(const std::string& title, const std::string& floor_name, const std::vector<Row>& rows) {
  fmt::print("\n{}\n", title);
  fmt::print("{:<28} {:>14} {:>14} {:>8} {:>8}\n", "case", "docs/s", floor_name + " docs/s", "ratio", "target");
  for (const auto& r : rows) {
    const double ratio = r.work / r.floor;
    fmt::print("{:<28} {:>14.1f} {:>14.1f} {:>7.2f}x {:>8}{}\n", r.name, 1 / r.work, 1 / r.floor, ratio,
               r.target > 0 ? fmt::format("{:.2f}x", r.target) : "-",
               r.target > 0 && ratio > r.target ? "  (above target)" : "");
  }
  std::fflush(stdout);
}

namespace {

struct Rate {
  const char* label;
  long percent;
};

constexpr Rate kRates[] = {{"5%", 5}, {"8%", 8}, {"10%", 10}};

// The grand total in words, from the library's own generator (one implementation).
std::string words(long n) {
  char* w = hoadon_amount_in_words(std::to_string(n).c_str(), "VND", nullptr);
  if (!w) std::abort();
  std::string out = w;
  hoadon_free(w);
  return out;
}

}  // namespace

std::string make_invoice(int lines) {
  long base[3] = {0, 0, 0};
  std::string items;
  items.reserve(static_cast<std::size_t>(lines) * 330);
  for (int i = 0; i < lines; ++i) {
    const int r = i % 3;
    const long qty = 1 + i % 17, price = 10000 + 500L * (i % 41);
    base[r] += qty * price;
    // STT has at most 4 digits in the tables: lines past 9,999 go unnumbered (STT is optional).
    const std::string stt = i < 9999 ? fmt::format("<STT>{}</STT>", i + 1) : std::string();
    items += fmt::format(
        "<HHDVu><TChat>1</TChat>{}<MHHDVu>SP{:05}</MHHDVu><THHDVu>Hạt dẻ Trùng Khánh, lô {}</THHDVu>"
        "<DVTinh>kg</DVTinh><SLuong>{}</SLuong><DGia>{}</DGia><ThTien>{}</ThTien><TSuat>{}</TSuat></HHDVu>",
        stt, i + 1, i + 1, qty, price, qty * price, kRates[r].label);
  }
  std::string summary;
  long total_base = 0, total_tax = 0;
  for (int r = 0; r < 3; ++r) {
    if (!base[r]) continue;
    const long tax = base[r] * kRates[r].percent / 100;  // exact: every base is a multiple of 100
    total_base += base[r];
    total_tax += tax;
    summary += fmt::format("<LTSuat><TSuat>{}</TSuat><ThTien>{}</ThTien><TThue>{}</TThue></LTSuat>", kRates[r].label,
                           base[r], tax);
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><HDon><DLHDon Id=\"bench\"><TTChung><PBan>2.1.0</PBan>"
      "<THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon><KHHDon>K26TCB</KHHDon><SHDon>1</SHDon>"
      "<NLap>2026-11-20</NLap><HDCTTChinh>0</HDCTTChinh><DVTTe>VND</DVTTe><TGia>1</TGia><HTTToan>Chuyển khoản</HTTToan>"
      "<MSTTCGP>0101234565</MSTTCGP></TTChung><NDHDon><NBan><Ten>Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc</Ten>"
      "<MST>4800123456</MST><DChi>Xóm Nà Đoỏng, xã Trùng Khánh, tỉnh Cao Bằng</DChi></NBan><NMua>"
      "<Ten>Công ty TNHH Thực phẩm Sạch Hà Nội</Ten><MST>0108987656</MST><DChi>Số 18 phố Lê Văn Lương, Hà Nội</DChi>"
      "</NMua><DSHHDVu>{}</DSHHDVu><TToan><THTTLTSuat>{}</THTTLTSuat><TgTCThue>{}</TgTCThue><TgTThue>{}</TgTThue>"
      "<TgTTTBSo>{}</TgTTTBSo><TgTTTBChu>{}</TgTTTBChu></TToan></NDHDon></DLHDon>"
      "<DSCKS><NBan/><NMua/><CCKSKhac/></DSCKS></HDon>",
      items, summary, total_base, total_tax, total_base + total_tax, words(total_base + total_tax));
}

std::vector<int> sizes(std::initializer_list<int> all) {
  const char* only = std::getenv("HOADON_BENCH_LINES");
  if (!only || !*only) return all;
  std::vector<int> out;
  for (const char* p = only; *p;) {
    char* end = nullptr;
    const long n = std::strtol(p, &end, 10);
    if (end == p) break;
    if (n > 0) out.push_back(static_cast<int>(n));
    p = *end == ',' ? end + 1 : end;
  }
  return out;
}

}  // namespace bench
