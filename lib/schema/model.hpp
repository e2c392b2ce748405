// The format tables as required.tsv states them (generated with the XSDs from gen/model.py):
// for every parent path, its children with their strict cardinality, order and type, and
// what the default XSD gave up on each (presence, repetition, emptiness, vendor extras).
// A Model is that table for one PBan and one template kind (or one form), as a tree.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hoadon::schema {

struct SimpleType;

// What the default XSD still enforces of a row (column `default` of required.tsv).
enum class Relaxed { No, Min, Max, Empty, VendorExtra };

struct Row {
  std::string path, child;  // "HDon/DLHDon/TTChung", "NLap" ("@Id" attribute, "#text" value)
  int min = 0, max = 1;     // strict cardinality; max -1 = unbounded; vendor extras: 0, 0
  std::vector<std::string> versions, kinds;  // empty = all
  Relaxed relaxed = Relaxed::No;
  std::string type;  // strict type ("n21-6", "MST", "s400") or container ("TTChung", "Slot"), "ds"
  int order = -1;    // position in the strict sequence; equal = either order; -1 attributes
  const SimpleType* simple = nullptr;  // `type` resolved, when it is a simple type of types.xsd
};

struct Node;
struct Child {
  const Row* row = nullptr;
  const Node* node = nullptr;  // the child's own children, when it is a container (else null)
};
struct Node {
  std::vector<Child> children;  // in strict order
  [[nodiscard]] const Child* find(std::string_view name) const noexcept;
  // Attributes ("@Id") and the simple content ("#text") are children named so.
  [[nodiscard]] bool container() const noexcept;  // has element children
};

class Model {
 public:
  // The tree of one PBan ("2.1.0") and kind ("1", "6n", "tbao-102"…); built once per process.
  [[nodiscard]] static const Model& get(std::string_view version, std::string_view kind);

  // The node of a root element (HDon, TDiep, TBao…), or null.
  [[nodiscard]] const Node* root(std::string_view name) const noexcept;
  // Where an element of the document sits in the tables: its row and node, found by walking
  // down from the document root (a nested TDiep restarts at the TDiep root). Null when the
  // tables do not know it (unknown element, or inside a signature).
  [[nodiscard]] const Child* locate(const xmlNode* element) const;
  // The same for a known parent: the child row named `name`.
  [[nodiscard]] const Node* node_of(const xmlNode* element) const;

  // Rows of a parent path for any version/kind (to say "exists only in PBan 2.1.0").
  [[nodiscard]] static std::vector<const Row*> rows_anywhere(std::string_view path, std::string_view child);

  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::pair<std::string, const Node*>> roots_;
  friend struct ModelBuilder;
};

// Model path of an element: its ancestors' names from the model root ("HDon/DLHDon/TTChung"),
// with a nested TDiep restarting the path.
[[nodiscard]] std::string model_path(const xmlNode* element);

}  // namespace hoadon::schema
