#include <doctest/doctest.h>

#include <string>

#include "rules/support.hpp"
#include "support/support.hpp"
#include "util/dates.hpp"

using namespace hoadon;

namespace {
Instant instant(std::string_view s) {
  const auto p = parse_datetime(s);
  REQUIRE_MESSAGE(p.ok(), s);
  return to_instant(*p.value);
}
}  // namespace

TEST_CASE("dates: strict YYYY-MM-DD") {
  auto p = parse_date("2025-06-23");
  REQUIRE(p.ok());
  CHECK(p.date->year == 2025);
  CHECK(p.date->month == 6);
  CHECK(p.date->day == 23);
  struct Case {
    std::string_view text;
    DateError error;
    std::size_t position;
  };
  for (const Case& c :
       {Case{"", DateError::empty, 0}, Case{"2025-6-23", DateError::bad_format, 6},
        Case{"2025/06/23", DateError::bad_format, 4}, Case{"25-06-23", DateError::bad_format, 2},
        Case{"2025-06-23Z", DateError::bad_format, 10}, Case{"2025-06-23T00:00:00", DateError::bad_format, 10},
        Case{" 2025-06-23", DateError::bad_format, 0}, Case{"2025-13-01", DateError::bad_month, 5},
        Case{"2025-00-01", DateError::bad_month, 5}, Case{"2025-04-31", DateError::bad_day, 8},
        Case{"2025-01-00", DateError::bad_day, 8}, Case{"2025-01-32", DateError::bad_day, 8},
        Case{"2023-02-29", DateError::bad_day, 8}, Case{"1900-02-29", DateError::bad_day, 8},
        Case{"0000-01-01", DateError::bad_format, 0}, Case{"23-06-2025", DateError::bad_format, 2},
        Case{"2025-06-2", DateError::bad_format, 9}}) {
    CAPTURE(c.text);
    p = parse_date(c.text);
    CHECK_FALSE(p.ok());
    CHECK(p.error == c.error);
    CHECK(p.position == c.position);
  }
  CHECK(parse_date("2024-02-29").ok());
  CHECK(parse_date("2000-02-29").ok());
  CHECK(parse_date("9999-12-31").ok());
  CHECK(parse_date("0001-01-01").ok());
}

TEST_CASE("dates: compact YYYYMMDD of QR template 99") {
  CHECK(parse_compact_date("20211121").date == Date{2021, 11, 21});
  CHECK(parse_compact_date("2021-11-21").error == DateError::bad_format);
  CHECK(parse_compact_date("20211131").error == DateError::bad_day);
  CHECK(parse_compact_date("2021112").error == DateError::bad_format);
  CHECK(parse_compact_date("202111210").error == DateError::bad_format);
}

TEST_CASE("dates: leap years") {
  CHECK(is_valid_date(2024, 2, 29));
  CHECK(is_valid_date(2000, 2, 29));
  CHECK_FALSE(is_valid_date(2100, 2, 29));
  CHECK_FALSE(is_valid_date(2025, 2, 29));
  CHECK(is_valid_date(2025, 2, 28));
  CHECK_FALSE(is_valid_date(2025, 6, 31));
  CHECK_FALSE(is_valid_date(10000, 1, 1));
  CHECK_FALSE(is_valid_date(2025, 1, -1));
}

TEST_CASE("dates: date-times with fractions and zones") {
  auto p = parse_datetime("2021-11-20T19:20:19Z");
  REQUIRE(p.ok());
  CHECK(p.value->utc_offset_minutes == 0);
  p = parse_datetime("2025-06-23T16:05:32");
  REQUIRE(p.ok());
  CHECK_FALSE(p.value->utc_offset_minutes.has_value());
  p = parse_datetime("2025-06-23T16:05:32.1234567+07:00");
  REQUIRE(p.ok());
  CHECK(p.value->nanosecond == 123456700);
  CHECK(p.value->utc_offset_minutes == 420);
  p = parse_datetime("2025-06-23T16:05:32.1234567891234-05:30");
  REQUIRE(p.ok());
  CHECK(p.value->nanosecond == 123456789);
  CHECK(p.value->utc_offset_minutes == -330);
  CHECK(parse_datetime("2025-06-23T16:05:32+14:00").ok());
  CHECK(parse_datetime("2025-06-23T23:59:59.5Z").ok());

  struct Case {
    std::string_view text;
    DateError error;
    std::size_t position;
  };
  for (const Case& c :
       {Case{"2025-06-23", DateError::bad_format, 10}, Case{"2025-06-23 16:05:32", DateError::bad_format, 10},
        Case{"2025-06-23t16:05:32", DateError::bad_format, 10}, Case{"2025-06-23T16:05", DateError::bad_format, 16},
        Case{"2025-06-23T24:00:00", DateError::bad_hour, 11}, Case{"2025-06-23T16:60:00", DateError::bad_minute, 14},
        Case{"2025-06-23T16:05:60", DateError::bad_second, 17}, Case{"2025-06-23T16:05:32.", DateError::bad_format, 20},
        Case{"2025-06-23T16:05:32z", DateError::bad_format, 19},
        Case{"2025-06-23T16:05:32+0700", DateError::bad_format, 22},
        Case{"2025-06-23T16:05:32+14:01", DateError::bad_zone, 19},
        Case{"2025-06-23T16:05:32+07:60", DateError::bad_zone, 19},
        Case{"2025-06-23T16:05:32Z ", DateError::bad_format, 20}, Case{"2025-02-30T16:05:32", DateError::bad_day, 8},
        Case{"", DateError::empty, 0}, Case{"2025-06-23T1:05:32", DateError::bad_format, 12}}) {
    CAPTURE(c.text);
    p = parse_datetime(c.text);
    CHECK_FALSE(p.ok());
    CHECK(p.error == c.error);
    CHECK(p.position == c.position);
  }
}

TEST_CASE("dates: instants compare across zones, zone-less means GMT+7") {
  CHECK(instant("2021-11-20T19:20:19Z") == instant("2021-11-21T02:20:19"));
  CHECK(instant("2021-11-20T19:20:19Z") == instant("2021-11-21T02:20:19+07:00"));
  CHECK(instant("2021-11-20T19:20:19Z") == instant("2021-11-20T14:20:19-05:00"));
  CHECK(instant("2025-06-23T16:05:32") < instant("2025-06-23T16:05:48"));  // seller before CQT (§2.4)
  CHECK(instant("2025-06-23T16:05:32.1") > instant("2025-06-23T16:05:32"));
  CHECK(instant("2025-06-23T16:05:32.000000001") > instant("2025-06-23T16:05:32"));
  CHECK(instant("1970-01-01T07:00:00").seconds == 0);
  CHECK(instant("1970-01-01T00:00:00Z").seconds == 0);
  CHECK(instant("1969-12-31T23:59:59Z").seconds == -1);
  CHECK(instant("2024-02-29T00:00:00Z").seconds == 1709164800);
}

TEST_CASE("dates: calendar date in Vietnam of an instant") {
  CHECK(vietnam_date(instant("2021-11-20T19:20:19Z")) == Date{2021, 11, 21});
  CHECK(vietnam_date(instant("2021-11-20T16:59:59Z")) == Date{2021, 11, 20});
  CHECK(vietnam_date(instant("2026-01-14T23:00:54")) == Date{2026, 1, 14});
  CHECK(vietnam_date(instant("1960-03-01T00:00:00")) == Date{1960, 3, 1});
  CHECK(vietnam_date(instant("1969-12-31T16:59:59Z")) == Date{1969, 12, 31});
  CHECK(vietnam_date(instant("1969-12-31T17:00:00Z")) == Date{1970, 1, 1});
  CHECK(Date{2025, 6, 14} < Date{2025, 6, 20});
  CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
}

TEST_CASE("dates: every SigningTime, NLap and related-invoice date in the real samples") {
  SKIP_UNLESS(testing::samples_dir(), "../shared/vn-invoice-samples is absent");
  int datetimes = 0, dates = 0;
  for (const auto& file : hoadon::test::sample_files()) {
    const std::string xml = hoadon::test::read_text(file);
    CAPTURE(file.filename().string());
    for (const char* tag : {"SigningTime"}) {
      for (const auto& t : hoadon::test::element_texts(xml, tag)) {
        CAPTURE(t);
        CHECK(parse_datetime(hoadon::test::trim(t)).ok());
        ++datetimes;
      }
    }
    for (const char* tag : {"NLap", "NLHDCLQuan", "NKy", "NBKe"}) {
      for (const auto& t : hoadon::test::element_texts(xml, tag)) {
        CAPTURE(t);
        const auto p = parse_date(hoadon::test::trim(t));
        if (hoadon::test::trim(t) == "2025-08-1O") {  // sample 151: a letter O typed for a zero
          CHECK(p.error == DateError::bad_format);
          CHECK(p.position == 9);
        } else {
          CHECK(p.ok());
        }
        ++dates;
      }
    }
  }
  CHECK(datetimes >= 40);
  CHECK(dates >= 40);
  MESSAGE(datetimes << " signing times and " << dates << " dates parsed");
}
