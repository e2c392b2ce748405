// Invoice dates and times (spec §1.1, §2.4): strict lexical forms, calendar validity, and
// comparable instants. Values without a zone designator are Vietnam time (GMT+7).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hoadon {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const Date&, const Date&) = default;
};

struct DateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::uint32_t nanosecond = 0;           ///< fraction digits beyond 9 are truncated
  std::optional<int> utc_offset_minutes;  ///< nullopt: no designator, i.e. GMT+7
};

/// Seconds and nanoseconds since 1970-01-01T00:00:00Z; comparable across zones.
struct Instant {
  std::int64_t seconds = 0;
  std::uint32_t nanosecond = 0;
  friend auto operator<=>(const Instant&, const Instant&) = default;
};

inline constexpr int kVietnamUtcOffsetMinutes = 7 * 60;

enum class DateError : std::uint8_t {
  none,
  empty,
  bad_format,  ///< a character where the pattern needs another (position says where)
  bad_month,
  bad_day,   ///< includes 29 February outside leap years
  bad_hour,  ///< 24:00:00 is not accepted: the format is a 00-23 clock
  bad_minute,
  bad_second,  ///< no leap seconds
  bad_zone,    ///< offset beyond +-14:00 or minutes beyond 59
};

struct DateParse {
  std::optional<Date> date;
  DateError error = DateError::none;
  std::size_t position = 0;
  [[nodiscard]] bool ok() const noexcept { return error == DateError::none; }
};

struct DateTimeParse {
  std::optional<DateTime> value;
  DateError error = DateError::none;
  std::size_t position = 0;
  [[nodiscard]] bool ok() const noexcept { return error == DateError::none; }
};

/// True for a real calendar day of years 1..9999 (proleptic Gregorian, leap years included).
[[nodiscard]] bool is_valid_date(int year, int month, int day) noexcept;

/// `YYYY-MM-DD` exactly (NLap, NLHDCLQuan, ...). No zone designator: the format's dates have none.
[[nodiscard]] DateParse parse_date(std::string_view text) noexcept;

/// `YYYYMMDD` (QR template 99 sub-field 05).
[[nodiscard]] DateParse parse_compact_date(std::string_view text) noexcept;

/// `YYYY-MM-DDThh:mm:ss` with optional fraction `.d+` and optional `Z` or `+hh:mm`/`-hh:mm`
/// (SigningTime: vendors emit both the zone-less GMT+7 form and `...Z`).
[[nodiscard]] DateTimeParse parse_datetime(std::string_view text) noexcept;

/// The instant a date-time denotes (zone-less values are GMT+7).
[[nodiscard]] Instant to_instant(const DateTime& value) noexcept;

/// The calendar date in Vietnam (GMT+7) at `instant`, e.g. to compare a SigningTime with NLap.
[[nodiscard]] Date vietnam_date(const Instant& instant) noexcept;

}  // namespace hoadon
