// Diagnostics of the schema step, collected before they go into the report: capped (a broken
// 10,000-line invoice must not yield 10,000 errors, nor cost an XPath each), and with the
// default mode's deviations grouped (the same deviation on every line is told once, with a
// count).
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::schema {

class Findings {
 public:
  static constexpr std::size_t kMaxErrors = 200;

  explicit Findings(const xml::Document& doc) : doc_(doc) {}

  // An error about `node` (path suffix such as "/@Id" for an attribute).
  void error(Code code, const xmlNode* node, std::string en, std::string vi, std::string suffix = {});
  // A deviation: grouped by code and `group` (a model path), reported at its first occurrence.
  void deviation(Code code, const xmlNode* node, const std::string& group, std::string en, std::string vi,
                 std::string suffix = {});

  // Nodes with an error reported: the deviation walk leaves them alone.
  [[nodiscard]] bool has_error(const xmlNode* n) const noexcept { return errored_.contains(n); }
  void mark(const xmlNode* n) { errored_.insert(n); }

  void flush(Report& report);

 private:
  struct Item {
    Code code;
    const xmlNode* node;
    std::string en, vi, suffix;
    std::size_t count = 1;
  };
  const xml::Document& doc_;
  std::vector<Item> errors_, deviations_;
  std::map<std::tuple<Code, std::string>, std::size_t> groups_;
  std::unordered_set<const xmlNode*> errored_;
  std::size_t dropped_ = 0;
};

}  // namespace hoadon::schema
