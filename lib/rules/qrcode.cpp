#include "rules/qrcode.hpp"

#include <algorithm>

#include "rules/series.hpp"
#include "rules/taxcode.hpp"
#include "util/ascii.hpp"
#include "util/dates.hpp"
#include "util/decimal.hpp"
#include "util/vntext.hpp"

namespace hoadon::rules {
namespace {

bool is_template_id(std::string_view id) {
  const int n = static_cast<int>(*ascii::parse_uint(id));
  return (n >= 26 && n <= 51) || n == 62 || n == 64 || n >= 80;
}

// Byte offset after `count` code points from `pos`, or npos when the text ends first.
std::size_t advance_chars(std::string_view s, std::size_t pos, std::size_t count) {
  for (; count > 0; --count) {
    if (pos >= s.size()) return std::string_view::npos;
    pos += utf8_length_at(s, pos);
  }
  return pos;
}

struct Failure {
  QrError error = QrError::none;
  std::size_t position = 0;
};

// Parses `s` (which starts at `base` in the payload) into `out`; nested templates one level deep.
Failure parse_objects(std::string_view s, std::size_t base, bool nested, const QrOptions& options,
                      std::vector<TlvObject>& out);

// Reads one object at `pos` with a length field of `width` digits; npos-free result or failure.
struct Candidate {
  TlvObject object;
  std::size_t end = 0;
  Failure failure;
};

Candidate read_object(std::string_view s, std::size_t pos, std::size_t base, std::size_t width, bool nested,
                      const QrOptions& options) {
  Candidate c;
  const std::string_view length_field = s.substr(pos + 2, width);
  if (length_field.size() < width || !ascii::all_digits(length_field)) {
    c.failure = {QrError::bad_length, base + pos + 2};
    return c;
  }
  const std::size_t length = *ascii::parse_uint(length_field);
  if (length == 0) {
    c.failure = {QrError::bad_length, base + pos + 2};
    return c;
  }
  const std::size_t value_begin = pos + 2 + width;
  const std::size_t value_end = advance_chars(s, value_begin, length);
  if (value_end == std::string_view::npos) {
    c.failure = {QrError::truncated, base + pos};
    return c;
  }
  c.object.id = s.substr(pos, 2);
  c.object.value = s.substr(value_begin, value_end - value_begin);
  c.object.offset = base + pos;
  c.object.unpadded_length = width != 2;
  c.end = value_end;
  if (!nested && is_template_id(c.object.id)) {
    if (const Failure f = parse_objects(c.object.value, base + value_begin, true, options, c.object.children);
        f.error != QrError::none) {
      c.failure = {QrError::bad_template, f.position};
    }
  }
  return c;
}

// Whether another object header (or the end) follows at `pos`.
bool header_follows(std::string_view s, std::size_t pos) {
  return pos == s.size() || (pos + 4 <= s.size() && ascii::all_digits(s.substr(pos, 4)));
}

// Lenient parsing may have to undo a plausible but wrong length reading later on ("0417..." is
// sub-field 04 with length 17, or with length 1 and value "7"), so it backtracks, within a budget
// of object readings that no payload of the format's 512 characters comes near.
constexpr int kLenientBudget = 20000;

Failure parse_from(std::string_view s, std::size_t pos, std::size_t base, bool nested, const QrOptions& options,
                   std::vector<TlvObject>& out, int& budget) {
  if (pos == s.size()) return {};
  if (pos + 2 > s.size() || !ascii::all_digits(s.substr(pos, 2))) return {QrError::bad_id, base + pos};
  if (--budget < 0) return {QrError::bad_length, base + pos + 2};
  Failure standard;  // what the standard 2-digit reading ran into: the error to report
  for (std::size_t width : {2U, 1U, 3U}) {
    if (width != 2 && !options.lenient_lengths) break;
    Candidate c = read_object(s, pos, base, width, nested, options);
    const std::size_t chars = c.object.value.size();
    if (c.failure.error == QrError::none && width != 2 && (width == 1 ? chars > 9 : chars < 100)) continue;
    if (c.failure.error == QrError::none && options.lenient_lengths && !header_follows(s, c.end)) {
      if (width == 2) standard = {QrError::bad_id, base + c.end};
      continue;
    }
    if (c.failure.error != QrError::none) {
      if (width == 2) standard = c.failure;
      continue;
    }
    out.push_back(std::move(c.object));
    const Failure rest = parse_from(s, c.end, base, nested, options, out, budget);
    if (rest.error == QrError::none) return rest;
    out.pop_back();
    if (width == 2) standard = rest;
  }
  return standard;
}

Failure parse_objects(std::string_view s, std::size_t base, bool nested, const QrOptions& options,
                      std::vector<TlvObject>& out) {
  int budget = kLenientBudget;
  return parse_from(s, 0, base, nested, options, out, budget);
}

std::optional<std::uint16_t> parse_hex16(std::string_view s) {
  std::uint16_t v = 0;
  for (char ch : s) {
    const char u = ascii::to_upper(ch);
    if (!ascii::is_upper_hex(u)) return std::nullopt;
    v = static_cast<std::uint16_t>(v * 16 + (ascii::is_digit(u) ? u - '0' : u - 'A' + 10));
  }
  return v;
}

}  // namespace

QrParse parse_emv_qr(std::string_view payload, const QrOptions& options) {
  QrParse p;
  if (payload.empty()) {
    p.error = QrError::empty;
    return p;
  }
  const Failure f = parse_objects(payload, 0, false, options, p.objects);
  if (f.error != QrError::none) {
    p.objects.clear();
    p.error = f.error;
    p.position = f.position;
  }
  return p;
}

std::uint16_t crc16_ccitt_false(std::string_view bytes) noexcept {
  std::uint16_t crc = 0xFFFF;
  for (char ch : bytes) {
    crc = static_cast<std::uint16_t>(crc ^ (static_cast<std::uint8_t>(ch) << 8));
    for (int bit = 0; bit < 8; ++bit) {
      crc = static_cast<std::uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
    }
  }
  return crc;
}

CrcCheck check_qr_crc(std::string_view payload) noexcept {
  CrcCheck c;
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304") return c;
  c.computed = crc16_ccitt_false(payload.substr(0, payload.size() - 4));
  const auto stated = parse_hex16(payload.substr(payload.size() - 4));
  if (!stated) {
    c.status = CrcStatus::malformed;
    return c;
  }
  c.stated = *stated;
  c.status = c.stated == c.computed ? CrcStatus::ok : CrcStatus::mismatch;
  return c;
}

const TlvObject* find_tlv(std::span<const TlvObject> objects, std::string_view id) noexcept {
  const auto it = std::find_if(objects.begin(), objects.end(), [&](const TlvObject& o) { return o.id == id; });
  return it == objects.end() ? nullptr : &*it;
}

std::optional<InvoiceLookup> invoice_lookup(const QrParse& parsed) {
  const TlvObject* t = find_tlv(parsed.objects, "99");
  if (!t) return std::nullopt;
  auto field = [&](std::string_view id) -> std::optional<std::string_view> {
    const TlvObject* o = find_tlv(t->children, id);
    return o ? std::optional<std::string_view>(o->value) : std::nullopt;
  };
  return InvoiceLookup{field("00"), field("01"), field("02"), field("03"), field("04"), field("05"), field("06")};
}

std::vector<std::string_view> invoice_lookup_problems(const InvoiceLookup& l) {
  std::vector<std::string_view> problems;
  auto check = [&](std::string_view id, const std::optional<std::string_view>& v, auto valid) {
    if (!v || !valid(*v)) problems.push_back(id);
  };
  check("00", l.guid, [](std::string_view v) { return !v.empty(); });
  check("01", l.seller_tax_code, [](std::string_view v) { return check_compact_tax_code(v).ok(); });
  check("02", l.template_code, [](std::string_view v) { return parse_template_code(v).has_value(); });
  check("03", l.series, [](std::string_view v) { return parse_series(v).ok(); });
  check("04", l.number, [](std::string_view v) { return parse_invoice_number(v).ok(); });
  check("05", l.issue_date, [](std::string_view v) { return parse_compact_date(v).ok(); });
  check("06", l.total, [](std::string_view v) { return parse_decimal(v).ok(); });
  return problems;
}

}  // namespace hoadon::rules
