// `build`: reads the JSON description (README.md) into a tree of elements, computes the amounts,
// then conforms the tree to the tables of its PBan and template (schema/model.hpp): each element
// known there, required ones present, children in the tables' order. The output is validated
// like any invoice, its diagnostics located back to the JSON pointers the elements came from.
#include "build/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "build/value.hpp"
#include "model/index.hpp"
#include "rules/currency.hpp"
#include "rules/taxcode.hpp"
#include "rules/words.hpp"
#include "schema/choose.hpp"
#include "schema/library.hpp"
#include "schema/model.hpp"
#include "util/dates.hpp"
#include "util/decimal.hpp"
#include "util/utf8.hpp"
#include "validate/validate.hpp"
#include "xml/document.hpp"
#include "xml/edits.hpp"

namespace hoadon::build {
namespace {

// An element of the invoice being built, with the JSON pointer of what it came from.
struct El {
  std::string tag, text, ptr;
  unsigned line = 0;
  bool leaf = true;
  std::list<El> kids;  // a list: references to an element stay valid while its siblings are added
  std::vector<std::pair<std::string, std::string>> attrs;

  El& add(std::string t, std::string p, unsigned l = 0) {
    kids.push_back(El{std::move(t), {}, std::move(p), l, false, {}, {}});
    return kids.back();
  }
  [[nodiscard]] const El* find(std::string_view t) const {
    for (const El& k : kids)
      if (k.tag == t) return &k;
    return nullptr;
  }
};

// JSON keys of the fields that map one to one onto an element: parent (the end of the element's
// model path), element, key. Also read backwards, to say which key a missing element needs.
struct Key {
  std::string_view parent, tag, key;
};
constexpr Key kKeys[] = {
    {"TTChung", "PBan", "version"},
    {"TTChung", "THDon", "title"},
    {"TTChung", "KHMSHDon", "template"},
    {"TTChung", "KHHDon", "series"},
    {"TTChung", "SHDon", "number"},
    {"TTChung", "MHSo", "dossier"},
    {"TTChung", "NLap", "date"},
    {"TTChung", "HDCTTChinh", "leasing"},
    {"TTChung", "SBKe", "list_number"},
    {"TTChung", "NBKe", "list_date"},
    {"TTChung", "DVTTe", "currency"},
    {"TTChung", "TGia", "exchange_rate"},
    {"TTChung", "HTTToan", "payment_method"},
    {"TTChung", "MSTTCGP", "provider_tax_code"},
    {"TTChung", "MSTDVNUNLHDon", "delegate/tax_code"},
    {"TTChung", "TDVNUNLHDon", "delegate/name"},
    {"TTChung", "DCDVNUNLHDon", "delegate/address"},
    {"TTHDLQuan", "TCHDon", "nature"},
    {"TTHDLQuan", "LHDCLQuan", "kind"},
    {"TTHDLQuan", "KHMSHDCLQuan", "template"},
    {"TTHDLQuan", "KHHDCLQuan", "series"},
    {"TTHDLQuan", "SHDCLQuan", "number"},
    {"TTHDLQuan", "NLHDCLQuan", "date"},
    {"TTHDLQuan", "GChu", "note"},
    {"TTHDLQuan", "SBKCLQuan", "list_number"},
    {"TTHDLQuan", "NBKCLQuan", "list_date"},
    {"NBan", "Ten", "name"},
    {"NBan", "MST", "tax_code"},
    {"NBan", "MDVQHNSach", "budget_code"},
    {"NBan", "DChi", "address"},
    {"NBan", "MCHang", "store_code"},
    {"NBan", "TCHang", "store_name"},
    {"NBan", "SDThoai", "phone"},
    {"NBan", "DCTDTu", "email"},
    {"NBan", "STKNHang", "bank_account"},
    {"NBan", "TNHang", "bank_name"},
    {"NBan", "Fax", "fax"},
    {"NBan", "Website", "website"},
    {"NMua", "Ten", "name"},
    {"NMua", "MST", "tax_code"},
    {"NMua", "MDVQHNSach", "budget_code"},
    {"NMua", "DChi", "address"},
    {"NMua", "MKHang", "customer_code"},
    {"NMua", "SDThoai", "phone"},
    {"NMua", "CCCDan", "id_number"},
    {"NMua", "SHChieu", "passport"},
    {"NMua", "DCTDTu", "email"},
    {"NMua", "HVTNMHang", "contact_name"},
    {"NMua", "STKNHang", "bank_account"},
    {"NMua", "TNHang", "bank_name"},
    {"HHDVu", "TChat", "nature"},
    {"HHDVu", "MHHDVu", "code"},
    {"HHDVu", "THHDVu", "name"},
    {"HHDVu", "DVTinh", "unit"},
    {"HHDVu", "SLuong", "quantity"},
    {"HHDVu", "DGia", "unit_price"},
    {"HHDVu", "TLCKhau", "discount_rate"},
    {"HHDVu", "STCKhau", "discount_amount"},
    {"HHDVu", "ThTien", "amount"},
    {"HHDVu", "TSuat", "tax_rate"},
    {"TToan", "TGTKCThue", "non_taxable_deduction"},
    {"TToan", "TTCKTMai", "commercial_discount"},
    {"TToan", "TGTKhac", "other_deduction"},
    {"TToan", "TgTTTBChu", "words"},
    {"LPhi", "TLPhi", "name"},
    {"LPhi", "TPhi", "amount"},
    {"TTKhac/TTin", "TTruong", "name"},
    {"TTKhac/TTin", "KDLieu", "type"},
    {"TTKhac/TTin", "DLieu", "value"},
    {"TTHHDTrung/TTin", "LHHDTrung", "kind"},
    {"TTHHDTrung/TTin", "TTruong", "field"},
    {"TTHHDTrung/TTin", "DLieu", "value"},
};

const Key* key_of(std::string_view path, std::string_view tag) {
  for (const Key& k : kKeys)
    if (k.tag == tag && (path == k.parent || path.ends_with(fmt::format("/{}", k.parent)))) return &k;
  return nullptr;
}

// The names of the templates, for THDon when the input gives none.
std::string_view default_title(std::string_view kind) {
  static const std::map<std::string_view, std::string_view> titles = {
      {"1", "Hóa đơn giá trị gia tăng"},
      {"2", "Hóa đơn bán hàng"},
      {"3", "Hóa đơn bán tài sản công"},
      {"4", "Hóa đơn bán hàng dự trữ quốc gia"},
      {"5", "Tem, vé, thẻ điện tử"},
      {"6n", "Phiếu xuất kho kiêm vận chuyển nội bộ"},
      {"6b", "Phiếu xuất kho hàng gửi bán đại lý"},
      {"7", "Hóa đơn thương mại điện tử"},
      {"8", "Hóa đơn giá trị gia tăng tích hợp biên lai thu thuế, phí, lệ phí"},
      {"9", "Hóa đơn bán hàng tích hợp biên lai thu thuế, phí, lệ phí"},
      {"1m", "Hóa đơn giá trị gia tăng khởi tạo từ máy tính tiền"},
      {"2m", "Hóa đơn bán hàng khởi tạo từ máy tính tiền"},
  };
  const auto it = titles.find(kind);
  return it == titles.end() ? std::string_view("Hóa đơn") : it->second;
}

// A VAT rate as the input gives it, in the form the schema of its PBan writes.
struct Rate {
  std::string text;  // "10%", "KCT", "KHAC:5.26%"
  Decimal percent;   // 0 for KCT and KKKNT
};

class Builder;

// A JSON object being read: the members it uses are marked, the others reported as unknown.
class Obj {
 public:
  Obj(Builder& b, const Value* v, std::string ptr);
  [[nodiscard]] bool present() const { return v_ != nullptr; }
  [[nodiscard]] const std::string& ptr() const { return ptr_; }
  [[nodiscard]] std::string at(std::string_view key) const { return ptr_ + "/" + pointer_token(key); }
  [[nodiscard]] unsigned line() const { return v_ ? v_->line : 0; }
  const Value* get(std::string_view key);
  // Whether the member is there (given, not null), without using it.
  [[nodiscard]] bool has(std::string_view key) const {
    const Value* v = v_ ? v_->find(key) : nullptr;
    return v && v->type != Value::Type::Null;
  }
  // A scalar member as text (strings as they are, numbers as written, booleans as 1/0); a
  // BUILD-TYPE diagnostic and nullopt for arrays and objects; nullopt when absent, null or "".
  std::optional<std::string> text(std::string_view key);
  std::optional<Decimal> number(std::string_view key);
  // The members not used yet, for generic mapping.
  std::vector<std::pair<std::string_view, const Value*>> rest() const;
  void done();

 private:
  Builder& b_;
  const Value* v_;
  std::string ptr_;
  std::vector<bool> used_;
};

class Builder {
 public:
  explicit Builder(Report& r) : report_(r) {}

  // Messages name their pointer first, for whoever reads them alone; the report's path says it already.
  void error(Code code, const std::string& ptr, unsigned line, std::string en, std::string vi) {
    const std::string lead = ptr + ": ";
    if (!ptr.empty() && en.starts_with(lead)) en.erase(0, lead.size());
    if (!ptr.empty() && vi.starts_with(lead)) vi.erase(0, lead.size());
    report_.add(code, {ptr, line}, std::move(en), std::move(vi));
    failed_ = true;
  }
  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] Report& report() { return report_; }

  std::optional<std::string> scalar(const Value& v, const std::string& ptr) {
    switch (v.type) {
      case Value::Type::Null:
        return std::nullopt;
      case Value::Type::Bool:
        return std::string(v.boolean ? "1" : "0");
      case Value::Type::Number:
      case Value::Type::String:
        return v.text;
      case Value::Type::Array:
      case Value::Type::Object:
        break;
    }
    error(Code::BuildType, ptr, v.line, fmt::format("{}: a text or a number is expected here", ptr),
          fmt::format("{}: cần một chuỗi hoặc một số", ptr));
    return std::nullopt;
  }

  std::optional<Decimal> decimal(const std::string& text, const std::string& ptr, unsigned line) {
    const DecimalParse p = parse_decimal(text);
    if (p.ok()) return p.value;
    error(Code::BuildNumber, ptr, line,
          fmt::format("{}: \"{}\" is not an exact decimal number (write it as \"1234500\" or \"-12.50\", "
                      "with '.' for decimals and no exponent)",
                      ptr, text),
          fmt::format("{}: \"{}\" không phải số thập phân chính xác (viết như \"1234500\" hoặc \"-12.50\", "
                      "dấu '.' cho phần thập phân, không dùng số mũ)",
                      ptr, text));
    return std::nullopt;
  }

  // Adds a leaf unless the value is empty; refuses characters XML 1.0 cannot carry.
  void put(El& parent, std::string tag, std::string text, const std::string& ptr, unsigned line) {
    if (text.empty()) return;
    if (const std::size_t bad = utf8_first_invalid(text); bad < text.size()) {
      error(Code::BuildValue, ptr, line, fmt::format("{}: not UTF-8 text (byte {})", ptr, bad + 1),
            fmt::format("{}: không phải văn bản UTF-8 (byte {})", ptr, bad + 1));
      return;
    }
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        error(Code::BuildValue, ptr, line, fmt::format("{}: a control character XML cannot carry", ptr),
              fmt::format("{}: có ký tự điều khiển mà XML không chứa được", ptr));
        return;
      }
    }
    if (parent.find(tag)) {
      error(Code::BuildValue, ptr, line, fmt::format("{}: {} is given twice", ptr, tag),
            fmt::format("{}: {} được cung cấp hai lần", ptr, tag));
      return;
    }
    parent.kids.push_back(El{std::move(tag), std::move(text), ptr, line, true, {}, {}});
  }

  // The one-to-one fields of `o` (kKeys under `parent`), then its "fields" object: any element
  // of the tables by its own tag, for template-specific ones.
  void map_fields(Obj& o, El& el, std::string_view parent) {
    for (const auto& [key, value] : o.rest()) {
      for (const Key& k : kKeys) {
        if (k.parent != parent || k.key != key) continue;
        if (const auto t = o.text(key)) put(el, std::string(k.tag), *t, o.at(key), value->line);
        break;
      }
    }
    const Value* fields = o.get("fields");
    if (!fields || fields->type == Value::Type::Null) return;
    if (fields->type != Value::Type::Object) {
      error(Code::BuildType, o.at("fields"), fields->line, fmt::format("{}: an object is expected", o.at("fields")),
            fmt::format("{}: cần một đối tượng", o.at("fields")));
      return;
    }
    for (const auto& [tag, value] : fields->members) {
      const std::string ptr = o.at("fields") + "/" + pointer_token(tag);
      if (const auto t = scalar(value, ptr)) put(el, tag, *t, ptr, value.line);
    }
  }

  // TTKhac from an array of {name, type, value}.
  void extras(Obj& o, std::string_view key, El& parent) {
    const Value* v = o.get(key);
    if (!v || v->type == Value::Type::Null) return;
    const std::string ptr = o.at(key);
    if (v->type != Value::Type::Array) {
      error(Code::BuildType, ptr, v->line, fmt::format("{}: an array of {{name, type, value}} is expected", ptr),
            fmt::format("{}: cần một mảng các {{name, type, value}}", ptr));
      return;
    }
    if (v->items.empty()) return;
    El& ttkhac = parent.add("TTKhac", ptr, v->line);
    for (std::size_t i = 0; i < v->items.size(); ++i) {
      Obj item(*this, &v->items[i], fmt::format("{}/{}", ptr, i));
      if (!item.present()) continue;
      El& ttin = ttkhac.add("TTin", item.ptr(), item.line());
      const auto name = item.text("name");
      const auto type = item.text("type").value_or("string");
      const auto value = item.text("value");
      put(ttin, "TTruong", name.value_or(""), item.at("name"), item.line());
      if (type != "string" && type != "numeric" && type != "dateTime" && type != "date")
        error(Code::BuildValue, item.at("type"), item.line(),
              fmt::format("{}: \"{}\" is not a data type (string, numeric, dateTime or date)", item.at("type"), type),
              fmt::format("{}: \"{}\" không phải kiểu dữ liệu (string, numeric, dateTime hoặc date)", item.at("type"),
                          type));
      put(ttin, "KDLieu", type, item.at("type"), item.line());
      // DLieu may be empty (real invoices write <DLieu/>): always present.
      ttin.kids.push_back(El{"DLieu", value.value_or(""), item.at("value"), item.line(), true, {}, {}});
      item.done();
    }
  }

  std::optional<Rate> rate(const std::string& text, const std::string& ptr, unsigned line, bool v21) {
    std::string t = text;
    for (char& c : t) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    if (t == "KCT" || t == "KKKNT") return Rate{t, Decimal()};
    const bool other = t.starts_with("KHAC:");
    std::string_view n = t;
    if (other) n.remove_prefix(5);
    if (n.ends_with('%')) n.remove_suffix(1);
    const DecimalParse p = parse_decimal(n);
    bool ok = p.ok() && !p.value->is_negative();
    if (ok && !other) ok = n == "0" || n == "5" || n == "8" || n == "10";
    if (ok && other) {  // KHAC:AB.CD: at most two digits on each side of the point
      const auto dot = n.find('.');
      ok = (dot == std::string_view::npos ? n.size() : dot) <= 2 &&
           (dot == std::string_view::npos || n.size() - dot - 1 <= 2);
    }
    if (!ok) {
      error(Code::BuildRate, ptr, line,
            fmt::format("{}: \"{}\" is not a VAT rate: 0%, 5%, 8%, 10%, KCT (exempt), KKKNT (not declared) or "
                        "KHAC:AB.CD% (another rate)",
                        ptr, text),
            fmt::format("{}: \"{}\" không phải thuế suất GTGT: 0%, 5%, 8%, 10%, KCT (không chịu thuế), KKKNT (không "
                        "kê khai, tính nộp thuế) hoặc KHAC:AB.CD% (thuế suất khác)",
                        ptr, text));
      return std::nullopt;
    }
    // 2.0.x writes KHAC:AB.CD (10 characters at most), 2.1.0 KHAC:AB.CD% (11).
    const std::string written = other ? fmt::format("KHAC:{}{}", n, v21 ? "%" : "") : fmt::format("{}%", n);
    return Rate{written, *p.value};
  }

  void tax_code(const El& k, bool organisation) {
    const rules::TaxCodeResult r = rules::check_tax_code(k.text);
    if (r.ok() && !(organisation && r.kind == rules::TaxCodeKind::personal_id)) return;
    std::string why;
    switch (r.reason) {
      case rules::TaxCodeReason::bad_check_digit:
        why = fmt::format("its check digit should be {}", r.expected_check_digit);
        break;
      case rules::TaxCodeReason::ok:
        why = "a personal identification number cannot stand for an organisation here";
        break;
      default:
        why = "expected 10 digits (the last a check digit), NNNNNNNNNN-NNN for a branch, or a 12-digit personal ID";
    }
    error(Code::BuildTaxCode, k.ptr, k.line, fmt::format("{}: \"{}\" is not a valid tax code: {}", k.ptr, k.text, why),
          fmt::format("{}: \"{}\" không phải mã số thuế hợp lệ ({})", k.ptr, k.text, why));
  }

  // The checks a value gets from the type of its row, located where the input gave it.
  void check_leaf(const El& k, const schema::Row& row) {
    const std::string& t = row.type;
    if (t.size() > 1 && t[0] == 'n' && t[1] >= '0' && t[1] <= '9') {
      (void)decimal(k.text, k.ptr, k.line);
    } else if (t == "date") {
      if (!parse_date(k.text).ok())
        error(Code::BuildValue, k.ptr, k.line, fmt::format("{}: \"{}\" is not a date YYYY-MM-DD", k.ptr, k.text),
              fmt::format("{}: \"{}\" không phải ngày dạng YYYY-MM-DD", k.ptr, k.text));
    } else if (t == "MST" || t == "MSTOrg") {
      tax_code(k, t == "MSTOrg");
    } else if (t == "bit" && k.text != "0" && k.text != "1") {
      error(Code::BuildValue, k.ptr, k.line, fmt::format("{}: \"{}\" is not true/false or 0/1", k.ptr, k.text),
            fmt::format("{}: \"{}\" không phải true/false hoặc 0/1", k.ptr, k.text));
    } else if (t.size() > 1 && t[0] == 'i' && t[1] >= '0' && t[1] <= '9') {
      const bool digits =
          !k.text.empty() && std::all_of(k.text.begin(), k.text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits)
        error(Code::BuildValue, k.ptr, k.line, fmt::format("{}: \"{}\" is not a whole number", k.ptr, k.text),
              fmt::format("{}: \"{}\" không phải số nguyên", k.ptr, k.text));
    }
  }

  // Conforms `el` to its node of the tables: unknown elements refused, values checked by type,
  // required children asked for, children put in the tables' order.
  void conform(El& el, const schema::Node* node, const std::string& path, std::string_view what) {
    std::list<El> kept;
    for (El& k : el.kids) {
      const schema::Child* c = node ? node->find(k.tag) : nullptr;
      if (!c || c->row->relaxed == schema::Relaxed::VendorExtra || c->row->max == 0) {
        error(Code::BuildNotInTemplate, k.ptr, k.line,
              fmt::format("{}: {} has no {}/{} element", k.ptr, what, path, k.tag),
              fmt::format("{}: {} không có phần tử {}/{}", k.ptr, what, path, k.tag));
        continue;
      }
      if (k.leaf) {
        if (c->node && c->node->container()) {
          error(Code::BuildType, k.ptr, k.line, fmt::format("{}: {}/{} is a group, not a value", k.ptr, path, k.tag),
                fmt::format("{}: {}/{} là một nhóm, không phải một giá trị", k.ptr, path, k.tag));
          continue;
        }
        check_leaf(k, *c->row);
      } else {
        conform(k, c->node, path + "/" + k.tag, what);
      }
      kept.push_back(std::move(k));
    }
    if (node) {
      for (const schema::Child& c : node->children) {
        const std::string& tag = c.row->child;
        if (c.row->min < 1 || tag[0] == '@' || tag[0] == '#') continue;
        if (std::any_of(kept.begin(), kept.end(), [&](const El& k) { return k.tag == tag; })) continue;
        const Key* key = key_of(path, tag);
        const std::string ptr = el.ptr + "/" + (key ? std::string(key->key) : "fields/" + tag);
        error(Code::BuildMissing, ptr, el.line, fmt::format("{}: {} requires {}/{}", ptr, what, path, tag),
              fmt::format("{}: {} bắt buộc có {}/{}", ptr, what, path, tag));
      }
      kept.sort([&](const El& a, const El& b) {  // stable
        const schema::Child* ca = node->find(a.tag);
        const schema::Child* cb = node->find(b.tag);
        return ca->row->order < cb->row->order;
      });
    }
    el.kids = std::move(kept);
  }

 private:
  Report& report_;
  bool failed_ = false;
};

Obj::Obj(Builder& b, const Value* v, std::string ptr) : b_(b), v_(v), ptr_(std::move(ptr)) {
  if (v_ && v_->type == Value::Type::Null) v_ = nullptr;
  if (v_ && v_->type != Value::Type::Object) {
    b_.error(Code::BuildType, ptr_, v_->line, fmt::format("{}: an object is expected", ptr_.empty() ? "/" : ptr_),
             fmt::format("{}: cần một đối tượng", ptr_.empty() ? "/" : ptr_));
    v_ = nullptr;
  }
  if (v_) used_.assign(v_->members.size(), false);
}

const Value* Obj::get(std::string_view key) {
  if (!v_) return nullptr;
  for (std::size_t i = 0; i < v_->members.size(); ++i)
    if (v_->members[i].key == key) {
      used_[i] = true;
      return &v_->members[i].value;
    }
  return nullptr;
}

std::optional<std::string> Obj::text(std::string_view key) {
  const Value* v = get(key);
  if (!v) return std::nullopt;
  auto t = b_.scalar(*v, at(key));
  if (t && t->empty()) return std::nullopt;
  return t;
}

std::optional<Decimal> Obj::number(std::string_view key) {
  const auto t = text(key);
  if (!t) return std::nullopt;
  return b_.decimal(*t, at(key), get(key)->line);
}

std::vector<std::pair<std::string_view, const Value*>> Obj::rest() const {
  std::vector<std::pair<std::string_view, const Value*>> out;
  if (!v_) return out;
  for (std::size_t i = 0; i < v_->members.size(); ++i)
    if (!used_[i]) out.emplace_back(v_->members[i].key, &v_->members[i].value);
  return out;
}

void Obj::done() {
  if (!v_) return;
  for (std::size_t i = 0; i < v_->members.size(); ++i) {
    if (used_[i]) continue;
    const std::string p = at(v_->members[i].key);
    b_.error(Code::BuildUnknownField, p, v_->members[i].value.line,
             fmt::format("{}: no such field here (lib/build/README.md lists them)", p),
             fmt::format("{}: không có trường này ở đây (xem lib/build/README.md)", p));
  }
}

struct RateSum {
  Rate rate;
  Decimal base;
  std::string ptr;  // the first line with the rate
};

// Writes the tree without whitespace between tags (spec §1.1), recording each element's XPath
// (xml::xpath's form: a position only among several same-named siblings) with its pointer.
void write(const El& el, const std::string& path, std::string& out, std::map<std::string, const El*>& where) {
  where[path] = &el;
  out += '<' + el.tag;
  for (const auto& [name, value] : el.attrs) {
    out += ' ' + name + "=\"";
    out += xml::escape_attribute(value);
    out += '"';
  }
  if (el.leaf ? el.text.empty() : el.kids.empty()) {
    out += "/>";
    return;
  }
  out += '>';
  if (el.leaf) {
    out += xml::escape_text(el.text);
  } else {
    std::map<std::string_view, std::size_t> total, seen;
    for (const El& k : el.kids) ++total[k.tag];
    for (const El& k : el.kids) {
      const std::size_t n = ++seen[k.tag];
      const std::string step = total[k.tag] > 1 ? fmt::format("{}[{}]", k.tag, n) : k.tag;
      write(k, path + "/" + step, out, where);
    }
  }
  out += "</" + el.tag + '>';
}

struct Invoice {
  El root{"HDon", {}, "", 0, false, {}, {}};
  std::string version, kind;
};

// Reads everything; false when the input was refused.
bool read_invoice(Builder& b, const Value& input, const Value* csv_lines, Invoice& inv) {
  Obj top(b, &input, "");
  if (!top.present()) {
    if (input.type == Value::Type::Null)
      b.error(Code::BuildType, "", 0, "an object describing the invoice is expected, not null",
              "cần một đối tượng mô tả hóa đơn, không phải null");
    return false;
  }

  // Which tables: PBan and template kind first, everything else depends on them.
  inv.version = top.text("version").value_or("2.1.0");
  const auto tmpl = top.text("template");
  const auto series = top.text("series");
  if (!tmpl)
    b.error(Code::BuildMissing, "/template", 0, "/template: the template (KHMSHDon, 1–9) is required",
            "/template: bắt buộc có mẫu số (KHMSHDon, 1–9)");
  if (!series)
    b.error(Code::BuildMissing, "/series", 0, "/series: the series (KHHDon, e.g. C26TAA) is required",
            "/series: bắt buộc có ký hiệu (KHHDon, ví dụ C26TAA)");
  if (!tmpl || !series) return false;
  inv.kind = schema::kind_of(*tmpl, *series);
  if (tmpl->size() != 1 || !schema::has_entry(fmt::format("hdon-{}-{}.xsd", inv.version, inv.kind))) {
    b.error(Code::BuildTemplate, "/template", 0,
            fmt::format("/template: hoadon has no schema for template \"{}\" (series \"{}\") in PBan \"{}\" "
                        "(templates 1–6 in 2.0.0 and 2.0.1, 1–9 in 2.1.0)",
                        *tmpl, *series, inv.version),
            fmt::format("/template: hoadon không có lược đồ cho mẫu số \"{}\" (ký hiệu \"{}\") ở PBan \"{}\" "
                        "(mẫu 1–6 ở 2.0.0 và 2.0.1, 1–9 ở 2.1.0)",
                        *tmpl, *series, inv.version));
    return false;
  }
  const schema::Model& model = schema::Model::get(inv.version, inv.kind);
  const schema::Node* hdon = model.root("HDon");
  auto node = [&](std::initializer_list<std::string_view> path) -> const schema::Node* {
    const schema::Node* n = hdon;
    for (auto step : path) {
      const schema::Child* c = n ? n->find(step) : nullptr;
      n = c ? c->node : nullptr;
    }
    return n;
  };
  auto has = [&](std::initializer_list<std::string_view> path, std::string_view tag) -> const schema::Row* {
    const schema::Node* n = node(path);
    const schema::Child* c = n ? n->find(tag) : nullptr;
    return c && c->row->relaxed != schema::Relaxed::VendorExtra && c->row->max != 0 ? c->row : nullptr;
  };
  const bool v21 = inv.version == "2.1.0";

  El& dl = inv.root.add("DLHDon", "");
  El& ttchung = dl.add("TTChung", "");
  El& nd = dl.add("NDHDon", "");

  // TTChung.
  b.put(ttchung, "PBan", inv.version, "/version", 0);
  b.put(ttchung, "THDon", top.text("title").value_or(std::string(default_title(inv.kind))), "/title", 0);
  b.put(ttchung, "KHMSHDon", *tmpl, "/template", 0);
  b.put(ttchung, "KHHDon", *series, "/series", 0);
  const auto number = top.text("number");
  b.put(ttchung, "SHDon", number.value_or(""), "/number", 0);
  const auto date = top.text("date");
  b.put(ttchung, "NLap", date.value_or(""), "/date", 0);
  if (const Value* leasing = top.get("leasing")) {
    if (leasing->type != Value::Type::Bool && leasing->type != Value::Type::Null)
      b.error(Code::BuildType, "/leasing", leasing->line, "/leasing: true or false is expected",
              "/leasing: cần true hoặc false");
    else if (leasing->type == Value::Type::Bool)
      b.put(ttchung, "HDCTTChinh", leasing->boolean ? "1" : "0", "/leasing", 0);
  } else if (const schema::Row* r = has({"DLHDon", "TTChung"}, "HDCTTChinh"); r && r->min >= 1) {
    b.put(ttchung, "HDCTTChinh", "0", "/leasing", 0);  // required by the 2.1.0 tables: not a leasing invoice
  }
  std::string currency = top.text("currency").value_or("");
  const std::string currency_ptr = "/currency";
  if (currency.empty() && has({"DLHDon", "TTChung"}, "DVTTe")) currency = "VND";
  b.put(ttchung, "DVTTe", currency, currency_ptr, 0);
  int minor = 0;
  if (!currency.empty()) {
    const rules::CurrencyInfo* info = rules::find_currency(currency);
    if (!info)
      b.error(Code::BuildValue, currency_ptr, 0,
              fmt::format("{}: \"{}\" is not an ISO 4217 currency code (VND, USD, EUR…)", currency_ptr, currency),
              fmt::format("{}: \"{}\" không phải mã tiền tệ ISO 4217 (VND, USD, EUR…)", currency_ptr, currency));
    else
      minor = std::max<int>(0, info->minor_units);
    if (currency != "VND" && !top.has("exchange_rate"))
      b.error(Code::BuildMissing, "/exchange_rate", 0,
              fmt::format("/exchange_rate: an invoice in {} states its exchange rate to VND (TGia)", currency),
              fmt::format("/exchange_rate: hóa đơn bằng {} phải ghi tỷ giá với VND (TGia)", currency));
  }
  Obj delegate(b, top.get("delegate"), "/delegate");
  if (delegate.present()) {
    if (const auto t = delegate.text("tax_code")) b.put(ttchung, "MSTDVNUNLHDon", *t, delegate.at("tax_code"), 0);
    if (const auto t = delegate.text("name")) b.put(ttchung, "TDVNUNLHDon", *t, delegate.at("name"), 0);
    if (const auto t = delegate.text("address")) b.put(ttchung, "DCDVNUNLHDon", *t, delegate.at("address"), 0);
    delegate.done();
  }
  Obj related(b, top.get("related"), "/related");
  if (related.present()) {
    El& rel = ttchung.add("TTHDLQuan", "/related", related.line());
    if (const auto n = related.text("nature")) {
      const std::string code = *n == "replacement" ? "1" : *n == "adjustment" ? "2" : *n;
      if (code != "1" && code != "2")
        b.error(
            Code::BuildValue, related.at("nature"), 0,
            fmt::format("{}: \"{}\" is neither \"replacement\" (1) nor \"adjustment\" (2)", related.at("nature"), *n),
            fmt::format("{}: \"{}\" không phải \"replacement\" (1, thay thế) hay \"adjustment\" (2, điều chỉnh)",
                        related.at("nature"), *n));
      b.put(rel, "TCHDon", code, related.at("nature"), 0);
    }
    // An invoice of Decree 123 unless told otherwise (Phụ lục VI: 1).
    b.put(rel, "LHDCLQuan", related.text("kind").value_or("1"), related.at("kind"), 0);
    b.map_fields(related, rel, "TTHDLQuan");
    related.done();
  }
  b.map_fields(top, ttchung, "TTChung");
  b.extras(top, "general_extra", ttchung);

  // The parties.
  Obj seller(b, top.get("seller"), "/seller");
  Obj buyer(b, top.get("buyer"), "/buyer");
  El& nban = nd.add("NBan", "/seller");
  El& nmua = nd.add("NMua", "/buyer");
  if (!seller.present())
    b.error(Code::BuildMissing, "/seller", 0, "/seller: the seller is required", "/seller: bắt buộc có người bán");
  b.map_fields(seller, nban, "NBan");
  b.extras(seller, "extra", nban);
  seller.done();
  b.map_fields(buyer, nmua, "NMua");
  b.extras(buyer, "extra", nmua);
  buyer.done();

  // The lines.
  const Value* lines = csv_lines ? csv_lines : top.get("lines");
  if (csv_lines) (void)top.get("lines");  // the CSV replaces them
  El& ds = nd.add("DSHHDVu", "/lines");
  std::vector<RateSum> rates;
  Decimal lines_total;
  bool discount_lines = false, any_rate = false;
  const schema::Row* vat_summary = has({"DLHDon", "NDHDon", "TToan"}, "THTTLTSuat");
  const bool line_rates = has({"DLHDon", "NDHDon", "DSHHDVu", "HHDVu"}, "TSuat") != nullptr;
  const bool rates_required = line_rates && vat_summary && vat_summary->min >= 1;
  if (!lines || lines->type != Value::Type::Array || lines->items.empty()) {
    if (lines && lines->type != Value::Type::Array && lines->type != Value::Type::Null)
      b.error(Code::BuildType, "/lines", lines->line, "/lines: an array of lines is expected",
              "/lines: cần một mảng các dòng");
    else
      b.error(Code::BuildMissing, "/lines", 0, "/lines: an invoice has at least one line",
              "/lines: hóa đơn có ít nhất một dòng");
  } else {
    for (std::size_t i = 0; i < lines->items.size(); ++i) {
      Obj line(b, &lines->items[i], fmt::format("/lines/{}", i));
      if (!line.present()) continue;
      El& h = ds.add("HHDVu", line.ptr(), line.line());
      const std::string nature_text = line.text("nature").value_or("1");
      static const std::map<std::string, int, std::less<>> natures = {
          {"1", 1},        {"goods", 1}, {"2", 2},    {"promotion", 2}, {"3", 3},
          {"discount", 3}, {"4", 4},     {"note", 4}, {"5", 5},         {"special", 5}};
      const auto nit = natures.find(nature_text);
      int nature = 1;
      if (nit == natures.end())
        b.error(Code::BuildValue, line.at("nature"), line.line(),
                fmt::format("{}: \"{}\" is not a line nature: goods (1), promotion (2), discount (3), note (4), "
                            "special (5, PBan 2.1.0)",
                            line.at("nature"), nature_text),
                fmt::format("{}: \"{}\" không phải tính chất dòng: goods (1, hàng hóa), promotion (2, khuyến mại), "
                            "discount (3, chiết khấu), note (4, ghi chú), special (5, hàng đặc trưng, PBan 2.1.0)",
                            line.at("nature"), nature_text));
      else
        nature = nit->second;
      b.put(h, "TChat", std::to_string(nature), line.at("nature"), line.line());
      if (has({"DLHDon", "NDHDon", "DSHHDVu", "HHDVu"}, "STT"))
        b.put(h, "STT", std::to_string(i + 1), line.ptr(), line.line());
      const auto quantity = line.text("quantity");
      const auto price = line.text("unit_price");
      const auto discount_rate = line.text("discount_rate");
      const auto discount_amount = line.text("discount_amount");
      const auto amount = line.text("amount");
      const auto tax_rate = line.text("tax_rate");
      auto dec = [&](const std::optional<std::string>& t, std::string_view key) -> std::optional<Decimal> {
        return t ? b.decimal(*t, line.at(key), line.line()) : std::nullopt;
      };
      if (nature == 4) {
        for (auto key : {"quantity", "unit_price", "discount_rate", "discount_amount", "amount", "tax_rate", "unit"})
          if (line.get(key))
            b.error(Code::BuildValue, line.at(key), line.line(),
                    fmt::format("{}: a note line (nature 4) carries no quantity, price, amount or rate", line.at(key)),
                    fmt::format("{}: dòng ghi chú (tính chất 4) không có số lượng, đơn giá, thành tiền hay thuế suất",
                                line.at(key)));
      } else {
        const auto q = dec(quantity, "quantity"), p = dec(price, "unit_price");
        const auto dr = dec(discount_rate, "discount_rate"), da = dec(discount_amount, "discount_amount");
        const auto a = dec(amount, "amount");
        std::optional<Decimal> value;
        // Values that failed to parse were reported above: they are left out.
        if (q) b.put(h, "SLuong", q->to_string(), line.at("quantity"), line.line());
        if (p) b.put(h, "DGia", p->to_string(), line.at("unit_price"), line.line());
        if (dr) b.put(h, "TLCKhau", dr->to_string(), line.at("discount_rate"), line.line());
        if (q && p) {
          const Decimal gross = *q * *p;
          std::optional<Decimal> from_rate;
          if (dr) from_rate = (gross * dr->percent()).rounded(minor);
          if (da && from_rate && *da != *from_rate && *da != gross * dr->percent())
            b.error(Code::BuildMismatch, line.at("discount_amount"), line.line(),
                    fmt::format("{}: {} differs from quantity × unit_price × discount_rate / 100 = {}",
                                line.at("discount_amount"), da->to_string(), from_rate->to_string()),
                    fmt::format("{}: {} khác số lượng × đơn giá × tỷ lệ chiết khấu / 100 = {}",
                                line.at("discount_amount"), da->to_string(), from_rate->to_string()));
          const Decimal discount = da ? *da : from_rate ? *from_rate : Decimal();
          if (da || from_rate) b.put(h, "STCKhau", discount.to_string(), line.at("discount_amount"), line.line());
          const Decimal exact = gross - discount;
          value = exact.rounded(minor);
          if (a && *a != *value && *a != exact)
            b.error(Code::BuildMismatch, line.at("amount"), line.line(),
                    fmt::format("{}: {} differs from quantity × unit_price{} = {}", line.at("amount"), a->to_string(),
                                discount.is_zero() ? "" : " − discount", value->to_string()),
                    fmt::format("{}: {} khác số lượng × đơn giá{} = {}", line.at("amount"), a->to_string(),
                                discount.is_zero() ? "" : " − chiết khấu", value->to_string()));
        } else if (quantity.has_value() != price.has_value() && !amount) {
          const char* key = quantity ? "unit_price" : "quantity";
          b.error(Code::BuildMissing, line.at(key), line.line(),
                  fmt::format("{}: with only one of quantity and unit_price, the amount cannot be computed; give "
                              "both, or the amount",
                              line.at(key)),
                  fmt::format("{}: chỉ có một trong số lượng và đơn giá thì không tính được thành tiền; hãy cho cả "
                              "hai, hoặc thành tiền",
                              line.at(key)));
        } else if (a) {
          value = a;
          if (da) b.put(h, "STCKhau", da->to_string(), line.at("discount_amount"), line.line());
        } else if (nature != 2 && !quantity && !price) {  // promotions may be given free, without amount
          b.error(Code::BuildMissing, line.at("amount"), line.line(),
                  fmt::format("{}: give quantity and unit_price, or the amount", line.at("amount")),
                  fmt::format("{}: hãy cho số lượng và đơn giá, hoặc thành tiền", line.at("amount")));
        }
        if (value) {
          b.put(h, "ThTien", value->to_string(), line.at("amount"), line.line());
        }
        std::optional<Rate> r;
        if (tax_rate) {
          r = b.rate(*tax_rate, line.at("tax_rate"), line.line(), v21);
          b.put(h, "TSuat", r ? r->text : *tax_rate, line.at("tax_rate"), line.line());
        } else if (rates_required) {
          b.error(Code::BuildMissing, line.at("tax_rate"), line.line(),
                  fmt::format("{}: each line of a VAT invoice has its VAT rate", line.at("tax_rate")),
                  fmt::format("{}: mỗi dòng của hóa đơn GTGT có thuế suất", line.at("tax_rate")));
        }
        // Discount lines carry a positive amount that is subtracted (spec §7.2.2).
        const Decimal signed_value = value ? (nature == 3 ? -*value : *value) : Decimal();
        if (nature == 3 && value && !value->is_zero()) discount_lines = true;
        lines_total = lines_total + signed_value;
        if (r && line_rates) {
          any_rate = true;
          auto it = std::find_if(rates.begin(), rates.end(), [&](const RateSum& s) { return s.rate.text == r->text; });
          if (it == rates.end()) {
            rates.push_back({*r, {}, line.at("tax_rate")});
            it = rates.end() - 1;
          }
          it->base = it->base + signed_value;
        }
      }
      b.map_fields(line, h, "HHDVu");
      b.extras(line, "extra", h);
      if (const Value* special = line.get("special"); special && special->type != Value::Type::Null) {
        const std::string ptr = line.at("special");
        if (special->type != Value::Type::Array) {
          b.error(Code::BuildType, ptr, line.line(),
                  fmt::format("{}: an array of {{kind, field, value}} is expected", ptr),
                  fmt::format("{}: cần một mảng các {{kind, field, value}}", ptr));
        } else if (!special->items.empty()) {
          El& group = h.add("TTHHDTrung", ptr, line.line());
          for (std::size_t s = 0; s < special->items.size(); ++s) {
            Obj item(b, &special->items[s], fmt::format("{}/{}", ptr, s));
            if (!item.present()) continue;
            El& ttin = group.add("TTin", item.ptr(), line.line());
            b.map_fields(item, ttin, "TTHHDTrung/TTin");
            item.done();
          }
        }
      }
      line.done();
    }
  }

  // The totals.
  Obj totals(b, top.get("totals"), "/totals");
  const Value* fees = top.get("fees");
  if (!node({"DLHDon", "NDHDon", "TToan"})) {  // warehouse notes have no totals (spec §1.8)
    if (totals.present())
      b.error(Code::BuildNotInTemplate, "/totals", 0, "/totals: this template has no totals (TToan)",
              "/totals: mẫu này không có phần tổng tiền (TToan)");
    if (fees)
      b.error(Code::BuildNotInTemplate, "/fees", 0, "/fees: this template has no totals (TToan)",
              "/fees: mẫu này không có phần tổng tiền (TToan)");
  } else {
    El& tt = nd.add("TToan", "/totals", totals.line());
    Decimal base_total, tax_total;
    const bool summary = vat_summary && line_rates && any_rate;
    if (summary) {
      El& th = tt.add("THTTLTSuat", "/totals");
      for (const RateSum& s : rates) {
        El& lt = th.add("LTSuat", s.ptr);
        const Decimal tax = (s.base * s.rate.percent.percent()).rounded(minor);
        b.put(lt, "TSuat", s.rate.text, s.ptr, 0);
        // ThTien and TThue may be 0 (an all-discount rate): written even then.
        lt.kids.push_back(El{"ThTien", s.base.to_string(), s.ptr, 0, true, {}, {}});
        lt.kids.push_back(El{"TThue", tax.to_string(), s.ptr, 0, true, {}, {}});
        tax_total = tax_total + tax;
      }
    }
    base_total = lines_total;
    const schema::Row* base_row = has({"DLHDon", "NDHDon", "TToan"}, "TgTCThue");
    if (base_row && (summary || base_row->min >= 1)) {
      tt.kids.push_back(El{"TgTCThue", base_total.to_string(), "/totals/before_tax", 0, true, {}, {}});
      tt.kids.push_back(El{"TgTThue", tax_total.to_string(), "/totals/tax", 0, true, {}, {}});
    }
    Decimal fee_total;
    if (fees && fees->type != Value::Type::Null) {
      if (fees->type != Value::Type::Array) {
        b.error(Code::BuildType, "/fees", fees->line, "/fees: an array of {name, amount} is expected",
                "/fees: cần một mảng các {name, amount}");
      } else if (!fees->items.empty()) {
        El& ds_fees = tt.add("DSLPhi", "/fees");
        for (std::size_t i = 0; i < fees->items.size(); ++i) {
          Obj fee(b, &fees->items[i], fmt::format("/fees/{}", i));
          if (!fee.present()) continue;
          El& lp = ds_fees.add("LPhi", fee.ptr());
          if (const auto a = fee.number("amount")) {
            fee_total = fee_total + *a;
            b.put(lp, "TPhi", a->to_string(), fee.at("amount"), 0);
          }
          b.map_fields(fee, lp, "LPhi");
          fee.done();
        }
      }
    }
    const auto non_taxable = totals.number("non_taxable_deduction");
    const auto other = totals.number("other_deduction");
    const auto commercial = totals.number("commercial_discount");
    Decimal grand = base_total + tax_total + fee_total - non_taxable.value_or(Decimal()) - other.value_or(Decimal());
    // A commercial discount not already netted by discount lines is subtracted (spec §7.2.5).
    if (commercial && !discount_lines) grand = grand - *commercial;
    auto compare = [&](std::string_view key, const Decimal& computed, const char* en, const char* vi) {
      const auto given = totals.number(key);
      if (!given || *given == computed) return;
      b.error(Code::BuildMismatch, totals.at(key), 0,
              fmt::format("{}: {} differs from the {} computed from the lines, {}", totals.at(key), given->to_string(),
                          en, computed.to_string()),
              fmt::format("{}: {} khác {} tính từ các dòng, {}", totals.at(key), given->to_string(), vi,
                          computed.to_string()));
    };
    compare("before_tax", base_total, "total before VAT", "tổng tiền chưa thuế");
    compare("tax", tax_total, "total VAT", "tổng tiền thuế");
    compare("total", grand, "grand total", "tổng tiền thanh toán");
    tt.kids.push_back(El{"TgTTTBSo", grand.to_string(), "/totals/total", 0, true, {}, {}});
    std::string words;
    if (const auto given = totals.text("words")) {
      const rules::WordsCheck w = rules::check_amount_in_words(*given, grand);
      if (w.verdict != rules::WordsVerdict::match)
        b.error(Code::BuildMismatch, "/totals/words", 0,
                fmt::format("/totals/words: \"{}\" does not say the grand total {}", *given, grand.to_string()),
                fmt::format("/totals/words: \"{}\" không phải tổng tiền thanh toán {} bằng chữ", *given,
                            grand.to_string()));
      words = *given;
    } else {
      rules::WordsStyle style;
      const rules::CurrencyWords* names = rules::currency_words(currency.empty() ? "VND" : currency);
      style.unit = names ? names->unit : std::string_view(currency);
      if (names && !names->minor_unit.empty()) style.minor_unit = names->minor_unit;
      // Cents spoken as cents: 1940.30 is "… phẩy ba mươi", not "… phẩy ba".
      if (!grand.is_integer()) style.fraction_digits = minor;
      words = rules::amount_in_words(grand, style);
    }
    b.put(tt, "TgTTTBChu", words, "/totals/words", 0);
    if (non_taxable) b.put(tt, "TGTKCThue", non_taxable->to_string(), totals.at("non_taxable_deduction"), 0);
    if (other) b.put(tt, "TGTKhac", other->to_string(), totals.at("other_deduction"), 0);
    if (commercial) b.put(tt, "TTCKTMai", commercial->to_string(), totals.at("commercial_discount"), 0);
    b.extras(totals, "extra", tt);
    totals.done();
  }
  b.extras(top, "extra", dl);

  // The Id the signatures refer to: given, or made from the invoice's own identity.
  std::string id = top.text("id").value_or("");
  if (id.empty()) {
    id = fmt::format("data-{}{}-{}", *tmpl, *series, number.value_or("0"));
  }
  const bool ncname = !id.empty() && (std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_') &&
                      std::all_of(id.begin(), id.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                      });
  if (!ncname)
    b.error(
        Code::BuildValue, "/id", 0,
        fmt::format("/id: \"{}\" is not an XML Id (a letter or '_', then letters, digits, '-', '_', '.')", id),
        fmt::format("/id: \"{}\" không phải Id XML (một chữ cái hoặc '_', rồi chữ cái, chữ số, '-', '_', '.')", id));
  dl.attrs.emplace_back("Id", id);
  (void)top.get("$schema");  // editors' schema hint
  top.done();

  // The signature slots (the tax authority adds its own).
  El& dscks = inv.root.add("DSCKS", "");
  if (const schema::Node* n = node({"DSCKS"}))
    for (const schema::Child& c : n->children)
      if (c.row->child != "CQT" && c.row->relaxed != schema::Relaxed::VendorExtra && c.row->max != 0)
        dscks.add(c.row->child, "");

  const std::string what = fmt::format("template {} of PBan {}", inv.kind, inv.version);
  b.conform(inv.root, hdon, "HDon", what);
  return !b.failed();
}

// The validation's diagnostics, each located at the JSON pointer of the element it is about.
void relocate(const Report& validation, const std::map<std::string, const El*>& where, Report& out) {
  for (const Diagnostic& d : validation.items()) {
    std::string path = d.where.path;
    const El* el = nullptr;
    while (!path.empty()) {
      if (const auto it = where.find(path); it != where.end() && !it->second->ptr.empty()) {
        el = it->second;
        break;
      }
      const auto slash = path.rfind('/');
      path.erase(slash == std::string::npos ? 0 : slash);
    }
    const std::string xpath = d.where.path.empty() ? std::string("/") : d.where.path;
    out.add(d.code, {el ? el->ptr : "", el ? el->line : 0}, fmt::format("{} (in the XML: {})", d.message, xpath),
            fmt::format("{} (trong XML: {})", d.message_vi, xpath));
  }
}

}  // namespace

bool available() noexcept { return json_available(); }

Result build(std::string_view json, const Options& options) {
  Result result;
  result.report = Report(options.profile);
  result.report.set_kind("HDon");
  Builder b(result.report);
  Value input;
  if (!read_json(json, input, result.report)) return result;
  Value csv;
  if (!options.lines_csv.empty() && !read_csv_lines(options.lines_csv, csv, result.report)) return result;
  Invoice inv;
  if (!read_invoice(b, input, options.lines_csv.empty() ? nullptr : &csv, inv)) return result;

  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::map<std::string, const El*> where;
  write(inv.root, "/HDon", xml, where);
  result.report.set_kind("HDon");
  if (!options.validate) {
    result.xml = std::move(xml);
    return result;
  }
  Report parsed(options.profile);
  const auto doc = xml::parse(xml, xml::Limits{}, parsed);
  model::Index index;
  if (doc) index = model::build_index(*doc, parsed);
  validate::Options vo;
  vo.profile = options.profile;
  const Report validation = validate::run(doc.get(), index, parsed, vo);
  relocate(validation, where, result.report);
  if (!validation.ok()) {
    result.report.add(Code::BuildInvalid, {},
                      fmt::format("The invoice built fails validation ({} errors above): not written",
                                  validation.count(Severity::Error)),
                      fmt::format("Hóa đơn lập ra không đạt kiểm tra ({} lỗi ở trên): không ghi ra",
                                  validation.count(Severity::Error)));
    return result;
  }
  result.xml = std::move(xml);
  return result;
}

}  // namespace hoadon::build
