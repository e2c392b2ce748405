// The readers of `build`'s input: JSON through nlohmann-json's SAX interface (which hands over
// the literal of every number, so amounts stay exact), and CSV rows of invoice lines.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "build/value.hpp"

#ifdef HOADON_WITH_JSON
#include <nlohmann/json.hpp>
#endif

namespace hoadon::build {
namespace {

unsigned line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

#ifdef HOADON_WITH_JSON
// Builds a Value tree; refuses duplicate keys and nesting beyond kMaxDepth (without recursion:
// the tree is built from an explicit stack).
class Sax {
 public:
  using json = nlohmann::json;
  explicit Sax(Value& root) : root_(root) {}

  bool null() { return put(Value{}); }
  bool boolean(bool b) {
    Value v;
    v.type = Value::Type::Bool;
    v.boolean = b;
    return put(std::move(v));
  }
  bool number_integer(json::number_integer_t n) { return number(std::to_string(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return number(std::to_string(n)); }
  bool number_float(json::number_float_t, const json::string_t& literal) { return number(literal); }
  bool string(json::string_t& s) {
    Value v;
    v.type = Value::Type::String;
    v.text = std::move(s);
    return put(std::move(v));
  }
  bool binary(json::binary_t&) { return fail("binary values are not JSON text"); }
  bool start_object(std::size_t) {
    Value v;
    v.type = Value::Type::Object;
    return open(std::move(v));
  }
  bool key(json::string_t& k) {
    Value& o = *stack_.back();
    for (const auto& [name, _] : o.members)
      if (name == k) return fail(fmt::format("the key \"{}\" appears twice in one object", k));
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) {
    Value v;
    v.type = Value::Type::Array;
    return open(std::move(v));
  }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_ = e.what();
    position_ = position;
    return false;
  }

  std::string error_;
  std::size_t position_ = 0;

 private:
  bool number(std::string literal) {
    Value v;
    v.type = Value::Type::Number;
    v.text = std::move(literal);
    return put(std::move(v));
  }
  bool fail(std::string why) {
    error_ = std::move(why);
    return false;
  }
  Value* place(Value v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Value& parent = *stack_.back();
    if (parent.type == Value::Type::Array) {
      parent.items.push_back(std::move(v));
      return &parent.items.back();
    }
    parent.members.push_back({std::move(key_), std::move(v)});
    return &parent.members.back().value;
  }
  bool put(Value v) {
    place(std::move(v));
    return true;
  }
  bool open(Value v) {
    if (stack_.size() >= kMaxDepth) return fail(fmt::format("nested deeper than {} levels", kMaxDepth));
    stack_.push_back(place(std::move(v)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  Value& root_;
  std::vector<Value*> stack_;  // the open containers; pointers stay valid: only the innermost one grows
  std::string key_;
};
#endif

}  // namespace

bool json_available() noexcept {
#ifdef HOADON_WITH_JSON
  return true;
#else
  return false;
#endif
}

bool read_json(std::string_view text, Value& out, Report& report) {
#ifdef HOADON_WITH_JSON
  out = Value{};
  Sax sax(out);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const std::exception& e) {  // bad UTF-8 and the like, when not reported through parse_error
    sax.error_ = e.what();
  }
  if (ok) return true;
  const std::string why = sax.error_.empty() ? std::string("not JSON") : sax.error_;
  report.add(Code::BuildJson, {"", sax.position_ ? line_at(text, sax.position_ - 1) : 0},
             fmt::format("The input is not well-formed JSON: {}", why),
             fmt::format("Dữ liệu vào không phải JSON hợp lệ: {}", why));
  out = Value{};
  return false;
#else
  (void)text;
  out = Value{};
  report.add(Code::BuildUnsupported, {},
             "not built with JSON support (HOADON_WITH_JSON, nlohmann-json): invoices "
             "cannot be built",
             "không được biên dịch với hỗ trợ JSON (HOADON_WITH_JSON, nlohmann-json): không lập được hóa đơn");
  return false;
#endif
}

bool read_csv_lines(std::string_view text, Value& out, Report& report) {
  out = Value{};
  out.type = Value::Type::Array;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<unsigned> row_lines;
  std::vector<std::string> row;
  std::string cell;
  unsigned line = 1, row_line = 1;
  bool quoted = false, was_quoted = false;
  auto fail = [&](unsigned at, const std::string& en, const std::string& vi) {
    report.add(Code::BuildCsv, {"", at}, fmt::format("The CSV of lines, line {}: {}", at, en),
               fmt::format("Tệp CSV các dòng, dòng {}: {}", at, vi));
    return false;
  };
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
    if (!(row.size() == 1 && row[0].empty())) {  // blank lines are skipped
      rows.push_back(std::move(row));
      row_lines.push_back(row_line);
    }
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      if (!cell.empty() || was_quoted)
        return fail(line, "a quote inside an unquoted cell", "dấu nháy trong ô không có nháy");
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      row_line = ++line;
    } else {
      if (was_quoted) return fail(line, "text after a closing quote", "có ký tự sau dấu nháy đóng");
      cell += c;
    }
  }
  if (quoted) return fail(line, "a quoted cell is not closed", "ô có nháy chưa được đóng");
  if (!cell.empty() || !row.empty() || was_quoted) end_row();
  if (rows.empty()) return fail(1, "no header row", "không có dòng tiêu đề");
  const auto& header = rows.front();
  for (std::size_t h = 0; h < header.size(); ++h) {
    if (header[h].empty())
      return fail(row_lines[0], fmt::format("column {} has no name", h + 1), fmt::format("cột {} không có tên", h + 1));
    for (std::size_t k = 0; k < h; ++k)
      if (header[k] == header[h])
        return fail(row_lines[0], fmt::format("the column \"{}\" appears twice", header[h]),
                    fmt::format("cột \"{}\" xuất hiện hai lần", header[h]));
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size())
      return fail(row_lines[r], fmt::format("{} cells where the header has {}", rows[r].size(), header.size()),
                  fmt::format("{} ô trong khi dòng tiêu đề có {}", rows[r].size(), header.size()));
    Value obj;
    obj.type = Value::Type::Object;
    obj.line = row_lines[r];
    for (std::size_t h = 0; h < header.size(); ++h) {
      if (rows[r][h].empty()) continue;
      Value cellv;
      cellv.type = Value::Type::String;
      cellv.text = std::move(rows[r][h]);
      cellv.line = row_lines[r];
      obj.members.push_back({header[h], std::move(cellv)});
    }
    out.items.push_back(std::move(obj));
  }
  return true;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace hoadon::build
