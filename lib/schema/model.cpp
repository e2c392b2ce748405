#include "schema/model.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>

#include "schema/embedded.hpp"
#include "schema/types.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (;;) {
    const auto p = s.find(sep);
    out.emplace_back(s.substr(0, p));
    if (p == std::string_view::npos) return out;
    s.remove_prefix(p + 1);
  }
}

int number(std::string_view s, int fallback) {
  int v = fallback;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

struct Table {
  std::vector<Row> rows;
  std::map<std::string, std::vector<const Row*>, std::less<>> by_path;
};

Table load() {
  Table t;
  const File* f = embedded_file("required.tsv");
  if (!f) return t;
  for (const auto& line : split(f->text, '\n')) {
    if (line.empty() || line[0] == '#' || line.starts_with("path\t")) continue;
    const auto c = split(line, '\t');
    if (c.size() < 9) continue;
    Row r;
    r.path = c[0];
    r.child = c[1];
    r.min = c[2] == "-" ? 0 : number(c[2], 0);
    r.max = c[3] == "-" ? 0 : c[3] == "unbounded" ? -1 : number(c[3], 1);
    if (c[4] != "all") r.versions = split(c[4], ',');
    if (c[5] != "all") r.kinds = split(c[5], ',');
    r.relaxed = c[6] == "min-not-enforced"   ? Relaxed::Min
                : c[6] == "max-not-enforced" ? Relaxed::Max
                : c[6] == "empty-allowed"    ? Relaxed::Empty
                : c[6] == "vendor-extra"     ? Relaxed::VendorExtra
                                             : Relaxed::No;
    r.type = c[7];
    r.order = c[8] == "-" ? -1 : number(c[8], -1);
    r.simple = find_simple_type(r.type);
    t.rows.push_back(std::move(r));
  }
  for (const Row& r : t.rows) t.by_path[r.path].push_back(&r);
  return t;
}

const Table& table() {
  static const Table t = load();
  return t;
}

bool has(const std::vector<std::string>& set, std::string_view v) {
  return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
}

constexpr std::string_view kRoots[] = {"HDon", "TDiep", "TKhai", "TBao", "BTHDLieu", "BBan"};

}  // namespace

const Child* Node::find(std::string_view name) const noexcept {
  for (const Child& c : children)
    if (c.row->child == name) return &c;
  return nullptr;
}

bool Node::container() const noexcept {
  return std::any_of(children.begin(), children.end(),
                     [](const Child& c) { return c.row->child[0] != '@' && c.row->child[0] != '#'; });
}

struct ModelBuilder {
  Model& m;
  std::string_view version, kind;

  const Node* build(const std::string& path, int depth) {
    const auto& idx = table().by_path;
    const auto it = idx.find(path);
    if (it == idx.end() || depth > 32) return nullptr;
    auto node = std::make_unique<Node>();
    for (const Row* r : it->second) {
      if (!has(r->versions, version) || !has(r->kinds, kind) || node->find(r->child)) continue;
      node->children.push_back({r, nullptr});
    }
    for (Child& c : node->children)
      if (c.row->child[0] != '@' && c.row->child[0] != '#') c.node = build(path + "/" + c.row->child, depth + 1);
    std::stable_sort(node->children.begin(), node->children.end(),
                     [](const Child& a, const Child& b) { return a.row->order < b.row->order; });
    m.nodes_.push_back(std::move(node));
    return m.nodes_.back().get();
  }
};

const Model& Model::get(std::string_view version, std::string_view kind) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Model>, std::less<>> cache;
  const std::string key = std::string(version) + "|" + std::string(kind);
  std::lock_guard lock(mu);
  auto& slot = cache[key];
  if (!slot) {
    slot = std::make_unique<Model>();
    ModelBuilder b{*slot, version, kind};
    for (std::string_view r : kRoots)
      if (const Node* n = b.build(std::string(r), 0)) slot->roots_.emplace_back(std::string(r), n);
  }
  return *slot;
}

const Node* Model::root(std::string_view name) const noexcept {
  for (const auto& [n, node] : roots_)
    if (n == name) return node;
  return nullptr;
}

std::string model_path(const xmlNode* element) {
  std::vector<std::string_view> names;
  for (const xmlNode* n = element; xml::is_element(n); n = n->parent) {
    names.push_back(xml::name_of(n));
    // A re-wrapped TDiep inside DLieu starts over (the tables have no row below it).
    if (xml::is_plain(n, "TDiep")) break;
  }
  std::string out;
  for (auto it = names.rbegin(); it != names.rend(); ++it) out += (out.empty() ? "" : "/") + std::string(*it);
  return out;
}

const Child* Model::locate(const xmlNode* element) const {
  if (!xml::is_element(element) || !xml::is_element(element->parent)) return nullptr;
  const Node* parent = node_of(element->parent);
  return parent ? parent->find(xml::name_of(element)) : nullptr;
}

const Node* Model::node_of(const xmlNode* element) const {
  if (!xml::is_element(element)) return nullptr;
  if (!xml::is_element(element->parent) || xml::is_plain(element, "TDiep")) {
    return element->ns ? nullptr : root(xml::name_of(element));
  }
  if (element->ns) return nullptr;  // signature content: the dsig schema's business
  const Node* parent = node_of(element->parent);
  if (!parent) return nullptr;
  const Child* c = parent->find(xml::name_of(element));
  return c ? c->node : nullptr;
}

std::vector<const Row*> Model::rows_anywhere(std::string_view path, std::string_view child) {
  std::vector<const Row*> out;
  const auto& idx = table().by_path;
  if (const auto it = idx.find(path); it != idx.end())
    for (const Row* r : it->second)
      if (r->child == child) out.push_back(r);
  return out;
}

}  // namespace hoadon::schema
