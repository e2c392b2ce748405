#include "schema/findings.hpp"

#include <fmt/format.h>

namespace hoadon::schema {

void Findings::error(Code code, const xmlNode* node, std::string en, std::string vi, std::string suffix) {
  mark(node);
  if (errors_.size() >= kMaxErrors) {
    ++dropped_;
    return;
  }
  errors_.push_back({code, node, std::move(en), std::move(vi), std::move(suffix)});
}

void Findings::deviation(Code code, const xmlNode* node, const std::string& group, std::string en, std::string vi,
                         std::string suffix) {
  const auto [it, fresh] = groups_.try_emplace({code, group}, deviations_.size());
  if (!fresh) {
    ++deviations_[it->second].count;
    return;
  }
  deviations_.push_back({code, node, std::move(en), std::move(vi), std::move(suffix)});
}

void Findings::flush(Report& report) {
  for (auto* list : {&errors_, &deviations_}) {
    for (Item& i : *list) {
      Location where = doc_.locate(i.node);
      where.path += i.suffix;
      if (i.count > 1) {
        i.en += fmt::format(" ({} times; the first is shown)", i.count);
        i.vi += fmt::format(" ({} lần; chỉ ra lần đầu)", i.count);
      }
      report.add(i.code, std::move(where), std::move(i.en), std::move(i.vi));
    }
  }
  if (dropped_)
    report.add(Code::SchemaTruncated, {},
               fmt::format("{} more schema errors are not listed (the first {} are)", dropped_, kMaxErrors),
               fmt::format("Còn {} lỗi lược đồ khác không được liệt kê (đã liệt kê {} lỗi đầu)", dropped_, kMaxErrors));
  errors_.clear();
  deviations_.clear();
  groups_.clear();
  dropped_ = 0;
}

}  // namespace hoadon::schema
