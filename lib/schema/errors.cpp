#include "schema/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schema/describe.hpp"
#include "schema/types.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
namespace {

// libxml2's sentence without its "Element 'X': " prefix, for the rare errors hoadon cannot
// explain better.
std::string bare(std::string_view m) {
  m = trim(m);
  if (m.starts_with("Element '")) {
    const auto p = m.find("': ");
    if (p != std::string_view::npos) m.remove_prefix(p + 3);
  }
  return std::string(m);
}

// The text between `after` and the next quote: the attribute name of "The attribute 'Id' …".
std::string quoted(std::string_view m, std::string_view after) {
  const auto p = m.find(after);
  if (p == std::string_view::npos) return {};
  const auto rest = m.substr(p + after.size());
  return std::string(rest.substr(0, rest.find('\'')));
}

// "Expected is ( A, B )" / "Expected is one of ( A, B )" → "A, B", namespaces shown as ds:.
std::string expected_list(std::string_view m) {
  const auto p = m.find("Expected is");
  if (p == std::string_view::npos) return {};
  const auto open = m.find('(', p), close = m.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  std::string list(trim(m.substr(open + 1, close - open - 1)));
  const std::string dsig = fmt::format("{{{}}}", xml::kDsigNs);
  for (auto q = list.find(dsig); q != std::string::npos; q = list.find(dsig)) list.replace(q, dsig.size(), "ds:");
  for (auto q = list.find("ds:*"); q != std::string::npos; q = list.find("ds:*")) list.replace(q, 4, "ds:Signature");
  return list;
}

std::size_t count_named(const xmlNode* parent, const xmlNode* like) {
  std::size_t n = 0;
  for (const xmlNode* c = xml::first_child_element(parent); c; c = xml::next_element(c))
    if (xml::name_of(c) == xml::name_of(like) && xml::ns_of(c) == xml::ns_of(like)) ++n;
  return n;
}

bool present(const xmlNode* parent, const Row& r) {
  for (const xmlNode* c = xml::first_child_element(parent); c; c = xml::next_element(c))
    if (xml::name_of(c) == r.child && (r.type == "ds" ? xml::ns_of(c) == xml::kDsigNs : c->ns == nullptr)) return true;
  return false;
}

// A required child the validated schema insists on: min ≥ 1, and in default mode not one of
// the relaxed rows (those are warnings of the deviation walk).
bool required_here(const Row& r, bool strict) {
  if (r.min < 1 || r.relaxed == Relaxed::VendorExtra) return false;
  return strict || r.relaxed != Relaxed::Min;
}

// Reports each required child of `parent` that is absent; false when none is.
bool report_missing(const xmlNode* parent, const Node* node, bool strict, Findings& out) {
  bool any = false;
  if (!node) return false;
  for (const Child& c : node->children) {
    const Row& r = *c.row;
    if (r.child[0] == '@' || r.child[0] == '#' || !required_here(r, strict) || present(parent, r)) continue;
    const auto l = label_of_child(parent, r.child);
    out.error(Code::SchemaMissing, parent, fmt::format("{}: required, but missing", l.en),
              fmt::format("{}: bắt buộc nhưng bị thiếu", l.vi));
    any = true;
  }
  return any;
}

// Where else the tables know this element, for "not allowed here" messages.
std::string elsewhere(const xmlNode* parent, const xmlNode* el, bool vi) {
  const auto rows = Model::rows_anywhere(model_path(parent), xml::name_of(el));
  std::vector<std::string> versions, kinds;
  for (const Row* r : rows) {
    if (r->relaxed == Relaxed::VendorExtra) continue;
    for (const auto& v : r->versions)
      if (std::find(versions.begin(), versions.end(), v) == versions.end()) versions.push_back(v);
    for (const auto& k : r->kinds)
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    if (r->versions.empty()) versions.clear();
  }
  if (rows.empty()) return vi ? " (không có trong bảng định dạng)" : " (not in the format tables)";
  std::string v, k;
  for (const auto& x : versions) v += (v.empty() ? "" : ", ") + x;
  for (const auto& x : kinds) k += (k.empty() ? "" : ", ") + x;
  if (!v.empty())
    return vi ? fmt::format(" (chỉ có ở PBan {})", v) : fmt::format(" (it exists only in PBan {})", v);
  if (!k.empty())
    return vi ? fmt::format(" (chỉ thuộc các loại mẫu {})", k) : fmt::format(" (it belongs to template kinds {})", k);
  return {};
}

void content_error(const RawError& e, xmlNode* el, const Model& model, bool strict, Findings& out) {
  const std::string expected = expected_list(e.message);
  if (e.message.find("Missing child element") != std::string::npos) {
    if (report_missing(el, model.node_of(el), strict, out)) return;
    const auto l = label_of(el);
    out.error(Code::SchemaMissing, el, fmt::format("{}: a required child element is missing (expected: {})", l.en, expected),
              fmt::format("{}: thiếu phần tử con bắt buộc (cần: {})", l.vi, expected));
    return;
  }
  // "This element is not expected": unknown here, a required sibling missing, repeated, or
  // out of order.
  xmlNode* parent = el->parent;
  const Node* node = model.node_of(parent);
  const Child* known = nullptr;
  if (node && (el->ns == nullptr || xml::ns_of(el) == xml::kDsigNs)) {
    known = node->find(xml::name_of(el));
    if (known && (known->row->type == "ds") != (xml::ns_of(el) == xml::kDsigNs)) known = nullptr;
    if (known && strict && known->row->relaxed == Relaxed::VendorExtra) known = nullptr;
  }
  // Inside a signature (no tables): a single expected element that the parent lacks is a
  // missing one ("KeyInfo not expected; expected SignatureValue").
  if (!node && !expected.empty() && expected.find(',') == std::string::npos) {
    const std::string_view local = std::string_view(expected).substr(expected.starts_with("ds:") ? 3 : 0);
    bool has = false;
    for (const xmlNode* c = xml::first_child_element(parent); c; c = xml::next_element(c))
      has = has || xml::name_of(c) == local;
    if (!has) {
      const auto p = label_of(parent);
      out.error(Code::SchemaMissing, parent, fmt::format("{}: the required child {} is missing", p.en, expected),
                fmt::format("{}: thiếu phần tử con bắt buộc {}", p.vi, expected));
      return;
    }
  }
  const auto l = label_of(el);
  const std::string tail_en = expected.empty() ? "" : fmt::format("; expected here: {}", expected);
  const std::string tail_vi = expected.empty() ? "" : fmt::format("; ở đây cần: {}", expected);
  if (!known) {
    // Where the tables know the element instead (not for signature content: dsig schema).
    const std::string where_en = node ? elsewhere(parent, el, false) : "", where_vi = node ? elsewhere(parent, el, true) : "";
    out.error(Code::SchemaUnexpected, el, fmt::format("{}: not allowed here{}{}", l.en, where_en, tail_en),
              fmt::format("{}: không được phép ở vị trí này{}{}", l.vi, where_vi, tail_vi));
    return;
  }
  if (report_missing(parent, node, strict, out)) return;
  const Row& r = *known->row;
  const std::size_t n = count_named(parent, el);
  const std::size_t allowed = r.relaxed == Relaxed::Max && !strict ? static_cast<std::size_t>(r.max) + 1
                                                                    : static_cast<std::size_t>(r.max);
  if (r.max >= 0 && n > allowed) {
    out.error(Code::SchemaRepeated, el, fmt::format("{}: occurs {} times, at most {} allowed", l.en, n, allowed),
              fmt::format("{}: xuất hiện {} lần, tối đa {} lần", l.vi, n, allowed));
    return;
  }
  out.error(Code::SchemaOrder, el, fmt::format("{}: out of the order of the tables{}", l.en, tail_en),
            fmt::format("{}: không đúng thứ tự của bảng định dạng{}", l.vi, tail_vi));
}

Code code_of(Fault f) {
  switch (f) {
    case Fault::Empty:
      return Code::SchemaEmpty;
    case Fault::Length:
      return Code::SchemaLength;
    case Fault::Enum:
      return Code::SchemaEnum;
    case Fault::Decimals:
      return Code::SchemaDecimals;
    case Fault::Digits:
      return Code::SchemaDigits;
    case Fault::Type:
      return Code::SchemaType;
    case Fault::Pattern:
    case Fault::Space:
      return Code::SchemaPattern;
    default:
      return Code::SchemaOther;
  }
}

Code code_of_libxml2(int code) {
  switch (code) {
    case XML_SCHEMAV_CVC_LENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
      return Code::SchemaLength;
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
      return Code::SchemaEmpty;
    case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
      return Code::SchemaDigits;
    case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
      return Code::SchemaDecimals;
    case XML_SCHEMAV_CVC_PATTERN_VALID:
      return Code::SchemaPattern;
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
      return Code::SchemaEnum;
    default:
      return Code::SchemaType;
  }
}

// The strict type of an element's value from the tables ("" when unknown).
std::string value_type(const xmlNode* el, const Model& model) {
  const Child* c = model.locate(el);
  if (!c) return {};
  if (c->node)
    if (const Child* text = c->node->find("#text")) return text->row->type;
  return c->row->type;
}

void value_error(const RawError& e, xmlNode* target, const Model& model, Findings& out) {
  const bool attr = target->type == XML_ATTRIBUTE_NODE;
  const xmlNode* el = attr ? target->parent : target;
  if (out.has_error(target)) return;  // libxml2 reports each broken facet: one diagnostic per value
  const std::string raw = attr ? xml::attribute(el, xml::name_of(target)).value_or("") : xml::text(el);
  Finding f;
  if (!attr) {
    const std::string type = value_type(el, model);
    if (!type.empty()) f = check_value(type, raw);
  }
  const auto l = label_of(target);
  const std::string suffix = attr ? fmt::format("/@{}", xml::name_of(target)) : std::string();
  if (f.fault == Fault::None || f.fault == Fault::Unknown) {
    const Code c = code_of_libxml2(e.code);
    out.error(c, target, fmt::format("{}: {} is not valid ({})", l.en, shown(raw), bare(e.message)),
              fmt::format("{}: giá trị {} không hợp lệ (bộ kiểm tra báo: {})", l.vi, shown(raw), bare(e.message)), suffix);
    return;
  }
  if (f.fault == Fault::Empty) {
    out.error(Code::SchemaEmpty, target, fmt::format("{}: the value is empty; expected {}", l.en, f.en),
              fmt::format("{}: giá trị bị để trống; cần {}", l.vi, f.vi), suffix);
    return;
  }
  out.error(code_of(f.fault), target, fmt::format("{}: {} is not valid; expected {}", l.en, shown(raw), f.en),
            fmt::format("{}: giá trị {} không hợp lệ; cần {}", l.vi, shown(raw), f.vi), suffix);
}

}  // namespace

void collect(void* raw_errors, xmlErrorPtr e) {
  if (!e || e->level < XML_ERR_ERROR) return;  // warnings (e.g. a relative namespace URI) decide nothing
  static_cast<std::vector<RawError>*>(raw_errors)->push_back(
      {e->code, static_cast<xmlNode*>(e->node), e->message ? std::string(e->message) : std::string()});
}

void diagnose(const RawError& e, const Model& model, bool strict, Findings& out) {
  xmlNode* target = e.node;
  if (!target) {
    out.error(Code::SchemaOther, nullptr, fmt::format("Schema error: {}", bare(e.message)),
              fmt::format("Lỗi lược đồ: {}", bare(e.message)));
    return;
  }
  xmlNode* el = target->type == XML_ATTRIBUTE_NODE ? target->parent : target;
  const auto l = label_of(el);
  switch (e.code) {
    case XML_SCHEMAV_ELEMENT_CONTENT:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
      content_error(e, el, model, strict, out);
      return;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4: {
      const auto name = quoted(e.message, "attribute '");
      const auto a = label_of_child(el, "@" + name);
      out.error(Code::SchemaMissing, el, fmt::format("{}: required attribute, but missing", a.en),
                fmt::format("{}: thuộc tính bắt buộc nhưng bị thiếu", a.vi), "/@" + name);
      return;
    }
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2: {
      const auto name = quoted(e.message, "attribute '");
      out.error(Code::SchemaUnexpected, el, fmt::format("{}: the attribute {} is not allowed", l.en, name),
                fmt::format("{}: không được phép có thuộc tính {}", l.vi, name), "/@" + name);
      return;
    }
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
    case XML_SCHEMAV_CVC_TYPE_3_1_2:
      if (!out.has_error(el))
        out.error(Code::SchemaContent, el, fmt::format("{}: {}", l.en, bare(e.message)),
                  fmt::format("{}: nội dung sai loại — chỉ được chứa {} (bộ kiểm tra báo: {})", l.vi,
                              e.code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3 ? "các phần tử con" : "một giá trị",
                              bare(e.message)));
      return;
    case XML_SCHEMAV_CVC_ELT_1:
      out.error(Code::SchemaUnexpected, el, fmt::format("{}: not allowed here (no such element in the schema)", l.en),
                fmt::format("{}: không được phép ở đây (lược đồ không có phần tử này)", l.vi));
      return;
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
    case XML_SCHEMAV_CVC_TYPE_3_1_1:
    case XML_SCHEMAV_CVC_LENGTH_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
    case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
    case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_FACET_VALID:
    case XML_SCHEMAV_CVC_ATTRIBUTE_3:
      value_error(e, target, model, out);
      return;
    default:
      if (!out.has_error(el))
        out.error(Code::SchemaOther, el, fmt::format("{}: {}", l.en, bare(e.message)),
                  fmt::format("{}: vi phạm lược đồ (bộ kiểm tra báo: {})", l.vi, bare(e.message)));
  }
}

}  // namespace hoadon::schema
