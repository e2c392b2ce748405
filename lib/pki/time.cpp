#include "pki/time.hpp"

#include <ctime>

#include <fmt/format.h>

#include "util/dates.hpp"
#include "util/text.hpp"

namespace hoadon::pki {
namespace {

std::string format(std::int64_t t, std::string_view zone) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  if (!gmtime_r(&tt, &tm)) return {};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec, zone);
}

}  // namespace

std::optional<std::int64_t> parse_time(std::string_view text) {
  // The format's own readers (lib/rules): signing times are date-times; --at may be a date.
  const std::string_view s = trim(text);
  if (const auto dt = parse_datetime(s); dt.ok()) return to_instant(*dt.value).seconds;
  if (const auto d = parse_date(s); d.ok()) {
    DateTime midnight;  // in Vietnam: no zone designator
    midnight.date = *d.date;
    return to_instant(midnight).seconds;
  }
  return std::nullopt;
}

std::string format_utc(std::int64_t t) { return format(t, "Z"); }

std::string format_vietnam(std::int64_t t) { return format(t + kVietnamUtcOffsetMinutes * 60, ""); }

std::optional<std::int64_t> to_unix(const ASN1_TIME* t) {
  std::tm tm{};
  if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return std::nullopt;
  DateTime v{{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour, tm.tm_min, tm.tm_sec, 0, 0};
  return to_instant(v).seconds;
}

}  // namespace hoadon::pki
