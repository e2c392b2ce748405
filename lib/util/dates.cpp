#include "util/dates.hpp"

#include <chrono>

#include "util/ascii.hpp"

namespace hoadon {
namespace {

namespace chr = std::chrono;

// Reads `width` digits at `pos`; on failure reports bad_format at the first non-digit.
struct Reader {
  std::string_view text;
  std::size_t pos = 0;
  DateError error = DateError::none;
  std::size_t error_pos = 0;

  bool failed() const { return error != DateError::none; }
  void fail(DateError e, std::size_t at) {
    if (!failed()) {
      error = e;
      error_pos = at;
    }
  }
  int digits(std::size_t width) {
    if (failed()) return 0;
    const std::string_view field = text.substr(pos, width);
    const std::size_t bad = ascii::first_not(field, ascii::is_digit);
    if (field.size() < width || bad < field.size()) {
      fail(DateError::bad_format, pos + bad);
      return 0;
    }
    pos += width;
    return static_cast<int>(*ascii::parse_uint(field));
  }
  void expect(char c) {
    if (failed()) return;
    if (pos >= text.size() || text[pos] != c) return fail(DateError::bad_format, pos);
    ++pos;
  }
  bool at(char c) const { return !failed() && pos < text.size() && text[pos] == c; }
};

Date read_date(Reader& r, bool separators) {
  const std::size_t start = r.pos;
  Date d;
  d.year = r.digits(4);
  if (separators) r.expect('-');
  const std::size_t month_pos = r.pos;
  d.month = r.digits(2);
  if (separators) r.expect('-');
  const std::size_t day_pos = r.pos;
  d.day = r.digits(2);
  if (!r.failed()) {
    if (d.year < 1)
      r.fail(DateError::bad_format, start);
    else if (d.month < 1 || d.month > 12)
      r.fail(DateError::bad_month, month_pos);
    else if (!is_valid_date(d.year, d.month, d.day))
      r.fail(DateError::bad_day, day_pos);
  }
  return d;
}

DateParse finish_date(Reader& r, const Date& d) {
  if (!r.failed() && r.pos != r.text.size()) r.fail(DateError::bad_format, r.pos);
  DateParse p;
  p.error = r.failed() ? r.error : DateError::none;
  p.position = r.failed() ? r.error_pos : 0;
  if (!r.failed()) p.date = d;
  return p;
}

DateParse parse_date_form(std::string_view text, bool separators) {
  if (text.empty()) return {std::nullopt, DateError::empty, 0};
  Reader r{text};
  const Date d = read_date(r, separators);
  return finish_date(r, d);
}

std::int64_t days_since_epoch(const Date& d) {
  const chr::sys_days days{chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} /
                           chr::day{static_cast<unsigned>(d.day)}};
  return days.time_since_epoch().count();
}

}  // namespace

bool is_valid_date(int year, int month, int day) noexcept {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return chr::year_month_day{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                             chr::day{static_cast<unsigned>(day)}}
      .ok();
}

DateParse parse_date(std::string_view text) noexcept { return parse_date_form(text, true); }

DateParse parse_compact_date(std::string_view text) noexcept { return parse_date_form(text, false); }

DateTimeParse parse_datetime(std::string_view text) noexcept {
  if (text.empty()) return {std::nullopt, DateError::empty, 0};
  Reader r{text};
  DateTime v;
  v.date = read_date(r, true);
  r.expect('T');
  const std::size_t hour_pos = r.pos;
  v.hour = r.digits(2);
  r.expect(':');
  const std::size_t minute_pos = r.pos;
  v.minute = r.digits(2);
  r.expect(':');
  const std::size_t second_pos = r.pos;
  v.second = r.digits(2);
  if (!r.failed()) {
    if (v.hour > 23)
      r.fail(DateError::bad_hour, hour_pos);
    else if (v.minute > 59)
      r.fail(DateError::bad_minute, minute_pos);
    else if (v.second > 59)
      r.fail(DateError::bad_second, second_pos);
  }
  if (r.at('.')) {
    ++r.pos;
    const std::size_t begin = r.pos;
    r.pos += ascii::first_not(text.substr(r.pos), ascii::is_digit);
    if (r.pos == begin) r.fail(DateError::bad_format, r.pos);
    for (std::size_t i = begin; i < begin + 9; ++i) {
      v.nanosecond = v.nanosecond * 10 + static_cast<std::uint32_t>(i < r.pos ? ascii::digit_value(text[i]) : 0);
    }
  }
  if (r.at('Z')) {
    ++r.pos;
    v.utc_offset_minutes = 0;
  } else if (r.at('+') || r.at('-')) {
    const int sign = text[r.pos] == '-' ? -1 : 1;
    const std::size_t zone_pos = r.pos++;
    const int hours = r.digits(2);
    r.expect(':');
    const int minutes = r.digits(2);
    if (!r.failed() && (minutes > 59 || hours * 60 + minutes > 14 * 60)) r.fail(DateError::bad_zone, zone_pos);
    v.utc_offset_minutes = sign * (hours * 60 + minutes);
  }
  if (!r.failed() && r.pos != text.size()) r.fail(DateError::bad_format, r.pos);
  DateTimeParse p;
  if (r.failed()) {
    p.error = r.error;
    p.position = r.error_pos;
  } else {
    p.value = v;
  }
  return p;
}

Instant to_instant(const DateTime& v) noexcept {
  const int offset = v.utc_offset_minutes.value_or(kVietnamUtcOffsetMinutes);
  Instant i;
  i.seconds = days_since_epoch(v.date) * 86400 + v.hour * 3600 + v.minute * 60 + v.second - offset * 60;
  i.nanosecond = v.nanosecond;
  return i;
}

Date vietnam_date(const Instant& instant) noexcept {
  const std::int64_t local = instant.seconds + kVietnamUtcOffsetMinutes * 60;
  const chr::sys_days days{chr::days{local >= 0 ? local / 86400 : (local - 86399) / 86400}};
  const chr::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace hoadon
