#include "schema/deviations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schema/describe.hpp"
#include "schema/library.hpp"
#include "schema/types.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
namespace {

// A model path built lazily: one segment per level, on the stack, turned into a string only
// when a deviation is actually reported (most elements have none).
struct Path {
  const Path* parent = nullptr;
  std::string_view name;

  [[nodiscard]] std::string str() const {
    std::string out = parent ? parent->str() : std::string();
    if (!out.empty()) out += '/';
    out += name;
    return out;
  }
  [[nodiscard]] std::string operator/(std::string_view child) const { return fmt::format("{}/{}", str(), child); }
};

class Walk {
 public:
  Walk(const Model& model, const std::vector<const xmlNode*>& excluded, Findings& out)
      : model_(model), excluded_(excluded), out_(out) {}

  void element(const xmlNode* el, const Node* node, const Path& path) {
    attributes(el, node, path);
    if (const Child* text = node->find("#text")) value(el, *text->row, path);
    children(el, node, path);
  }

 private:
  const Model& model_;
  const std::vector<const xmlNode*>& excluded_;
  Findings& out_;
  std::vector<std::size_t> counts_;
  std::string text_;  // the current leaf's text, reused across leaves

  bool excluded(const xmlNode* n) const {
    return std::find(excluded_.begin(), excluded_.end(), n) != excluded_.end();
  }

  void attributes(const xmlNode* el, const Node* node, const Path& path) {
    for (const Child& c : node->children) {
      const Row& r = *c.row;
      if (r.child[0] != '@' || r.min < 1 || r.relaxed != Relaxed::Min) continue;
      const auto name = std::string_view(r.child).substr(1);
      if (xml::attribute(el, name)) continue;
      const auto l = label_of_child(el, r.child);
      out_.deviation(Code::SchemaDevMissing, el, path / r.child,
                     fmt::format("{}: the tables require this attribute; it is absent", l.en),
                     fmt::format("{}: bảng định dạng yêu cầu thuộc tính này nhưng không có", l.vi), "/" + r.child);
    }
  }

  void children(const xmlNode* el, const Node* node, const Path& path) {
    const bool checked_order = !out_.has_error(el);
    int last_order = -1;
    const xmlNode* last = nullptr;
    bool order_told = false;
    // Occurrences per child row, in a stack shared by the whole walk (no allocation per element).
    const std::size_t base = counts_.size();
    counts_.resize(base + node->children.size(), 0);
    const auto count_of = [&](const Child& k) -> std::size_t& {
      return counts_[base + static_cast<std::size_t>(&k - node->children.data())];
    };
    for (const xmlNode* c = xml::first_child_element(el); c; c = xml::next_element(c)) {
      if (excluded(c)) continue;
      if (signature_slot_child(c)) {
        if (xml::is_dsig(c, "Signature") && !out_.has_error(c)) signature(c, path);
        continue;
      }
      if (c->ns) continue;  // foreign rows (skipped by the XSD too) and signature internals
      const Child* known = node->find(xml::name_of(c));
      if (!known || known->row->child[0] == '@' || known->row->child[0] == '#') continue;  // the XSD's business
      const Row& r = *known->row;
      const Path cpath{&path, r.child};
      ++count_of(*known);
      if (out_.has_error(c)) continue;
      if (r.type == "ds") {  // a no-namespace <Signature/> where a signature belongs (Viettel)
        const auto l = label_of(c);
        out_.deviation(Code::SchemaDevSignature, c, cpath.str(),
                       fmt::format("{}: an empty placeholder without the XMLDSig namespace", l.en),
                       fmt::format("{}: phần tử giữ chỗ rỗng, không thuộc không gian tên XMLDSig", l.vi));
        continue;
      }
      if (r.relaxed == Relaxed::VendorExtra) {
        const auto l = label_of(c);
        out_.deviation(Code::SchemaDevExtra, c, cpath.str(),
                       fmt::format("{}: not in the format tables for this template and version (a vendor element)", l.en),
                       fmt::format("{}: không có trong bảng định dạng của mẫu và phiên bản này (phần tử riêng của "
                                   "nhà cung cấp)",
                                   l.vi));
      }
      if (checked_order && !order_told && r.order < last_order) {
        const auto l = label_of(c);
        const auto before = label_of(last);
        out_.deviation(Code::SchemaDevOrder, c, path.str(),
                       fmt::format("{}: comes after {}, against the order of the tables", l.en, before.en),
                       fmt::format("{}: đứng sau {}, trái thứ tự của bảng định dạng", l.vi, before.vi));
        order_told = true;
      }
      if (r.order >= last_order) {
        last_order = r.order;
        last = c;
      }
      if (known->node) {
        element(c, known->node, cpath);
      } else if (r.type == "TDiep") {  // a message re-wrapped in DLieu: the tables start over
        if (const Node* top = model_.root("TDiep")) element(c, top, Path{nullptr, "TDiep"});
      } else {
        value(c, r, cpath);
      }
    }
    for (const Child& k : node->children) {
      const Row& r = *k.row;
      if (r.child[0] == '@' || r.child[0] == '#') continue;
      const std::size_t n = count_of(k);
      const bool missing = n == 0 && r.min >= 1 && r.relaxed == Relaxed::Min && r.type != "ds";
      const bool repeated = r.max >= 0 && n > static_cast<std::size_t>(r.max) && r.relaxed == Relaxed::Max;
      if (!missing && !repeated) continue;
      const auto l = label_of_child(el, r.child);
      if (missing)
        out_.deviation(Code::SchemaDevMissing, el, path / r.child,
                       fmt::format("{}: required by the tables, absent", l.en),
                       fmt::format("{}: bảng định dạng yêu cầu nhưng không có", l.vi));
      if (repeated)
        out_.deviation(Code::SchemaDevRepeated, el, path / r.child,
                       fmt::format("{}: occurs {} times; the tables allow {} (the extra one should be empty)", l.en, n,
                                   r.max),
                       fmt::format("{}: xuất hiện {} lần; bảng định dạng cho phép {} (phần thừa phải để trống)", l.vi, n,
                                   r.max));
    }
    counts_.resize(base);
  }

  // A simple value the default XSD accepted: compared with its strict type.
  void value(const xmlNode* el, const Row& r, const Path& path) {
    if (xml::first_child_element(el) || out_.has_error(el)) return;
    text_.clear();
    xml::append_text(el, text_);
    const std::string& raw = text_;
    if (trim(raw).empty()) {
      if (r.type.ends_with(".e")) return;  // may be empty in the tables too (TTin/DLieu)
      const auto l = label_of(el);
      const bool required = r.min >= 1;
      out_.deviation(Code::SchemaDevEmpty, el, path.str(),
                     required ? fmt::format("{}: required, but empty", l.en)
                              : fmt::format("{}: present but empty (treated as absent)", l.en),
                     required ? fmt::format("{}: bắt buộc nhưng để trống", l.vi)
                              : fmt::format("{}: có mặt nhưng để trống (coi như không có)", l.vi));
      return;
    }
    if (!r.simple) return;
    const Finding f = check_value(*r.simple, raw);
    if (f.fault == Fault::None || f.fault == Fault::Unknown) return;
    const auto l = label_of(el);  // only now: naming costs more than checking
    switch (f.fault) {
      case Fault::Space:
        out_.deviation(Code::SchemaDevSpace, el, path.str(),
                       fmt::format("{}: {} is surrounded by white space (line breaks, indentation)", l.en,
                                   shown(trim(raw))),
                       fmt::format("{}: {} có khoảng trắng bao quanh (xuống dòng, thụt lề)", l.vi, shown(trim(raw))));
        return;
      case Fault::Decimals:
        out_.deviation(Code::SchemaDevDecimals, el, path.str(),
                       fmt::format("{}: {} is written with trailing zeros; the tables allow {}", l.en, shown(raw), f.en),
                       fmt::format("{}: {} được viết với các số 0 thừa ở cuối; bảng định dạng cho phép {}", l.vi,
                                   shown(raw), f.vi));
        return;
      default:
        out_.deviation(Code::SchemaDevValue, el, path.str(),
                       fmt::format("{}: {} is a tolerated variant; the tables want {}", l.en, shown(raw), f.en),
                       fmt::format("{}: {} là biến thể được chấp nhận; bảng định dạng cần {}", l.vi, shown(raw), f.vi));
    }
  }

  // The signature layout the strict dsig schema asks for and the default one tolerates.
  void signature(const xmlNode* sig, const Path& path) {
    const auto l = label_of(sig);
    const std::string group = path / "ds:Signature";
    auto warn = [&](const std::string& what_en, const std::string& what_vi) {
      out_.deviation(Code::SchemaDevSignature, sig, group + what_en, fmt::format("{}: {}", l.en, what_en),
                     fmt::format("{}: {}", l.vi, what_vi));
    };
    const xmlNode* key = xml::first_child_element(sig);
    while (key && !xml::is_dsig(key, "KeyInfo")) key = xml::next_element(key);
    const xmlNode* x509 = key ? xml::first_child_element(key) : nullptr;
    while (x509 && !xml::is_dsig(x509, "X509Data")) x509 = xml::next_element(x509);
    bool subject = false;
    for (const xmlNode* c = xml::first_child_element(x509); c; c = xml::next_element(c))
      subject = subject || xml::is_dsig(c, "X509SubjectName");
    if (x509 && !subject)
      warn("no X509SubjectName in KeyInfo/X509Data", "không có X509SubjectName trong KeyInfo/X509Data");
    const xmlNode* object = nullptr;
    for (const xmlNode* c = xml::first_child_element(sig); c; c = xml::next_element(c))
      if (xml::is_dsig(c, "Object")) object = c;
    if (!object) {
      warn("no Object, so no signing time", "không có Object, nên không có thời điểm ký");
      return;
    }
    // Any SigningTime below the Object: its namespace and its form.
    {
      std::vector<const xmlNode*> stack{object};
      while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        for (const xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c)) {
          if (xml::is_plain(c, "SignedProperties"))
            warn("the signing time is in SignedProperties/SignedProperty, not SignatureProperties",
                 "thời điểm ký nằm trong SignedProperties/SignedProperty, không phải SignatureProperties");
          if (xml::name_of(c) == "SigningTime") {
            const auto ns = xml::ns_of(c);
            if (!ns.empty() && ns != xml::kDsigNs)
              warn(fmt::format("SigningTime is in the namespace {}", ns),
                   fmt::format("SigningTime thuộc không gian tên {}", ns));
            const std::string t(trim(xml::text(c)));
            if (t.size() != 19)
              warn(fmt::format("SigningTime {} is not written YYYY-MM-DDThh:mm:ss (GMT+7, no zone)", shown(t)),
                   fmt::format("SigningTime {} không viết dạng YYYY-MM-DDThh:mm:ss (giờ Việt Nam, không múi giờ)", shown(t)));
          }
          stack.push_back(c);
        }
      }
    }
  }
};

}  // namespace

void find_deviations(const xmlNode* element, const Model& model, const std::vector<const xmlNode*>& excluded,
                     Findings& out) {
  const Node* node = model.node_of(element);
  if (!node) return;
  Walk walk(model, excluded, out);
  const std::string root = model_path(element);
  walk.element(element, node, Path{nullptr, root});
}

}  // namespace hoadon::schema
