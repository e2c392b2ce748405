#include "schema/types.hpp"

#include <libxml/parser.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "init.hpp"
#include "schema/embedded.hpp"
#include "util/handle.hpp"
#include "util/utf8.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
// Facet details stay out of the header; a nested namespace keeps their names from clashing
// with other translation units of hoadon::schema.
namespace facet {

enum class Base { String, Decimal, Date, DateTime, Union };

struct Pattern {
  std::string text;
  Owned<xmlRegexp, xmlRegFreeRegexp> re;
};

}  // namespace facet

// The facets of one simple type of types.xsd.
struct SimpleType {
  facet::Base base = facet::Base::String;
  std::vector<std::string> enums;
  std::vector<facet::Pattern> patterns;
  long min_length = -1, max_length = -1, length = -1, total_digits = -1, fraction_digits = -1;
  std::vector<std::string> members;             // of a union, by name
  std::vector<const SimpleType*> member_types;  // the same, resolved once after loading
  std::string counter;                          // "4" for the iN digit counters (STT i4, SHDon i8…)
};

namespace {

using namespace facet;
using Type = SimpleType;

using Types = std::map<std::string, Type, std::less<>>;

long number_attr(const xmlNode* n) {
  const auto v = xml::attribute(n, "value");
  return v ? std::stol(*v) : -1;
}

Types load() {
  ensure_initialized();
  xmlSchemaInitTypes();
  Types types;
  const File* f = embedded_file("types.xsd");
  if (!f) return types;
  const Owned<xmlDoc, xmlFreeDoc> owned(xmlReadMemory(f->text.data(), static_cast<int>(f->text.size()), nullptr,
                                                      "UTF-8",
                                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  xmlDoc* doc = owned.get();
  if (!doc) return types;
  for (xmlNode* st = xml::first_child_element(xmlDocGetRootElement(doc)); st; st = xml::next_element(st)) {
    if (xml::name_of(st) != "simpleType") continue;
    Type t;
    for (xmlNode* d = xml::first_child_element(st); d; d = xml::next_element(d)) {
      if (xml::name_of(d) == "union") {
        t.base = Base::Union;
        const std::string members = xml::attribute(d, "memberTypes").value_or("");
        std::string_view list = members;
        while (!list.empty()) {
          const auto sp = list.find(' ');
          t.members.emplace_back(list.substr(0, sp));
          list = sp == std::string_view::npos ? std::string_view() : list.substr(sp + 1);
        }
      } else if (xml::name_of(d) == "restriction") {
        const auto base = xml::attribute(d, "base").value_or("");
        t.base = base == "xs:decimal"    ? Base::Decimal
                 : base == "xs:date"     ? Base::Date
                 : base == "xs:dateTime" ? Base::DateTime
                                         : Base::String;
        for (xmlNode* fc = xml::first_child_element(d); fc; fc = xml::next_element(fc)) {
          const auto name = xml::name_of(fc);
          if (name == "enumeration") t.enums.push_back(xml::attribute(fc, "value").value_or(""));
          if (name == "pattern") {
            Pattern p{xml::attribute(fc, "value").value_or(""), nullptr};
            p.re.reset(xmlRegexpCompile(BAD_CAST p.text.c_str()));
            t.patterns.push_back(std::move(p));
          }
          if (name == "minLength") t.min_length = number_attr(fc);
          if (name == "maxLength") t.max_length = number_attr(fc);
          if (name == "length") t.length = number_attr(fc);
          if (name == "totalDigits") t.total_digits = number_attr(fc);
          if (name == "fractionDigits") t.fraction_digits = number_attr(fc);
        }
      }
    }
    const std::string name = xml::attribute(st, "name").value_or("");
    if (name.size() > 1 && name[0] == 'i' && name[1] >= '0' && name[1] <= '9') t.counter = name.substr(1);
    types.emplace(name, std::move(t));
  }
  for (auto& [name, t] : types)
    for (const auto& m : t.members)
      if (const auto it = types.find(m); it != types.end() && &it->second != &t) t.member_types.push_back(&it->second);
  return types;
}

const Types& types() {
  static const Types t = load();  // thread-safe initialisation; read-only afterwards
  return t;
}

// libxml2 wants a NUL-terminated string: one buffer per thread, so matching allocates nothing.
bool matches(const Pattern& p, std::string_view value) {
  thread_local std::string buffer;
  buffer.assign(value);
  return p.re && xmlRegexpExec(p.re.get(), reinterpret_cast<const xmlChar*>(buffer.c_str())) == 1;
}

// Digits of a decimal written -?[0-9]+(.[0-9]+)?; false when it is not written so.
struct Digits {
  std::size_t integer = 0, fraction = 0, significant_fraction = 0;
};
bool read_decimal(std::string_view s, Digits& d) {
  if (s.starts_with('-')) s.remove_prefix(1);
  const auto dot = s.find('.');
  const auto ip = s.substr(0, dot);
  const auto fp = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  const auto all_digits = [](std::string_view x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(ip) || (dot != std::string_view::npos && !all_digits(fp))) return false;
  const auto lead = ip.find_first_not_of('0');
  d.integer = lead == std::string_view::npos ? 0 : ip.size() - lead;
  d.fraction = fp.size();
  const auto last = fp.find_last_not_of('0');
  d.significant_fraction = last == std::string_view::npos ? 0 : last + 1;
  return true;
}

Finding fault(Fault f, std::string en, std::string vi) { return {f, std::move(en), std::move(vi)}; }

Finding check_decimal(const Type& t, std::string_view raw) {
  const std::string_view v = trim(raw);  // xs:decimal collapses white space, in both variants
  Digits d;
  if (v.empty()) return fault(Fault::Empty, "a number", "một giá trị số");
  if (!read_decimal(v, d))
    return fault(Fault::Type, "a number written with digits, an optional leading '-' and '.' as decimal separator",
                 "một số viết bằng chữ số, có thể có dấu '-' ở đầu và dấu '.' ngăn cách phần thập phân");
  const auto fd = t.fraction_digits < 0 ? d.fraction : static_cast<std::size_t>(t.fraction_digits);
  if (d.significant_fraction > fd)
    return fault(Fault::Decimals, fmt::format("at most {} decimals", fd),
                 fmt::format("tối đa {} chữ số thập phân", fd));
  const std::size_t total = std::max<std::size_t>(d.integer + d.significant_fraction, 1);
  if (t.total_digits >= 0 && total > static_cast<std::size_t>(t.total_digits))
    return fault(Fault::Digits, fmt::format("at most {} digits", t.total_digits),
                 fmt::format("tối đa {} chữ số", t.total_digits));
  if (d.fraction > fd)  // only trailing zeros: the tables' form forbids them, the CQT accepts them
    return fault(Fault::Decimals, fmt::format("at most {} decimals (trailing zeros included)", fd),
                 fmt::format("tối đa {} chữ số thập phân (kể cả các số 0 ở cuối)", fd));
  return {};
}

Finding check_date(const Type& t, std::string_view raw) {
  const std::string v(trim(raw));
  const bool is_date = t.base == Base::Date;
  const char* form = is_date ? "YYYY-MM-DD" : "YYYY-MM-DDThh:mm:ss";
  if (v.empty()) return fault(Fault::Empty, fmt::format("a value {}", form), fmt::format("một giá trị dạng {}", form));
  const bool shaped =
      std::all_of(t.patterns.begin(), t.patterns.end(), [&](const Pattern& p) { return matches(p, v); });
  xmlSchemaTypePtr builtin = xmlSchemaGetBuiltInType(is_date ? XML_SCHEMAS_DATE : XML_SCHEMAS_DATETIME);
  const bool real = xmlSchemaValPredefTypeNode(builtin, BAD_CAST v.c_str(), nullptr, nullptr) == 0;
  if (shaped && real) return {};
  return fault(Fault::Type, fmt::format("a real {} written {}", is_date ? "date" : "date and time", form),
               fmt::format("một {} có thật, viết dạng {}", is_date ? "ngày" : "thời điểm", form));
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Finding check_string_as_is(const Type& t, std::string_view v) {
  const auto len = static_cast<long>(utf8_length(v));
  if (len == 0 && (t.min_length > 0 || !t.enums.empty() || !t.patterns.empty()))
    return fault(Fault::Empty, "a non-empty value", "một giá trị không được để trống");
  if (t.length >= 0 && len != t.length)
    return fault(Fault::Length, fmt::format("exactly {} characters", t.length), fmt::format("đúng {} ký tự", t.length));
  if (t.max_length >= 0 && len > t.max_length)
    return fault(Fault::Length, fmt::format("at most {} characters, not {}", t.max_length, len),
                 fmt::format("tối đa {} ký tự, không phải {}", t.max_length, len));
  if (!t.enums.empty() && std::find(t.enums.begin(), t.enums.end(), v) == t.enums.end())
    return fault(Fault::Enum, fmt::format("one of: {}", joined(t.enums)),
                 fmt::format("một trong các giá trị: {}", joined(t.enums)));
  for (const auto& p : t.patterns) {
    if (matches(p, v)) continue;
    // iN counters (SHDon, STT…) are digits only: too many of them is a digit count.
    if (t.counter.empty())
      return fault(Fault::Pattern, fmt::format("the form {}", p.text), fmt::format("dạng {}", p.text));
    const bool digits = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    return fault(digits ? Fault::Digits : Fault::Type, fmt::format("digits only, at most {}", t.counter),
                 fmt::format("chỉ gồm chữ số, tối đa {}", t.counter));
  }
  return {};
}

// Strict string types are xs:string: white space around the value counts. When only that
// white space breaks the rule, the fault is Space (the default XSD collapses it).
Finding check_string(const Type& t, std::string_view raw) {
  if (trim(raw).empty() && !raw.empty()) return check_string_as_is(t, {});  // only white space
  Finding f = check_string_as_is(t, raw);
  if (f.fault == Fault::None || trim(raw).size() == raw.size() || trim(raw).empty()) return f;
  Finding trimmed = check_string_as_is(t, trim(raw));
  if (trimmed.fault != Fault::None) return trimmed;
  return fault(Fault::Space, "no white space around the value", "không có khoảng trắng bao quanh giá trị");
}

Finding check(const Type& t, std::string_view raw, int depth) {
  if (depth > 4) return {Fault::Unknown, {}, {}};
  switch (t.base) {
    case Base::Decimal:
      return check_decimal(t, raw);
    case Base::Date:
    case Base::DateTime:
      return check_date(t, raw);
    case Base::Union: {
      Finding first;
      for (const Type* m : t.member_types) {
        Finding f = check(*m, raw, depth + 1);
        if (f.fault == Fault::None) return f;
        if (first.fault == Fault::None || first.fault == Fault::Unknown) first = std::move(f);
      }
      return first;
    }
    case Base::String:
      break;
  }
  return check_string(t, raw);
}

const Type* find(std::string_view name) {
  const auto it = types().find(name);
  return it == types().end() ? nullptr : &it->second;
}

}  // namespace

Finding check_value(std::string_view type, std::string_view raw) {
  const Type* t = find(type);
  return t ? check(*t, raw, 0) : Finding{Fault::Unknown, {}, {}};
}

const SimpleType* find_simple_type(std::string_view name) { return find(name); }

Finding check_value(const SimpleType& type, std::string_view raw) { return check(type, raw, 0); }

bool is_simple_type(std::string_view type) { return types().contains(type); }

}  // namespace hoadon::schema
