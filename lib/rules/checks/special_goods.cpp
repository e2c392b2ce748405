// GOODS-SPECIAL: a special-goods line (TChat 5, PBan 2.1.0) carries TTHHDTrung with its kind
// (LHHDTrung, Phụ lục XV) and the fields that kind requires [T2 §1.7: Viettel API document,
// VNPT error catalogue ERR:1510–1517, portal JSON].
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <span>

#include "rules/checks/checks.hpp"
#include "rules/checks/names.hpp"
#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

// The TTruong names each kind requires; kind 4 exists in one vendor model, meaning unknown [I].
std::span<const std::string_view> required_fields(std::string_view kind) {
  static constexpr std::array<std::string_view, 2> kVehicle = {"SKhung", "SMay"};  // chassis, engine numbers
  static constexpr std::array<std::string_view, 1> kTransport = {"BKSPTVChuyen"};  // vehicle plate
  static constexpr std::array<std::string_view, 4> kPlatform = {"TNGHang", "DCNGHang", "MSTNGHang", "MDDNGHang"};
  if (kind == "1") return kVehicle;
  if (kind == "2") return kTransport;
  if (kind == "3") return kPlatform;
  return {};
}

void check_line(const xmlNode* line, const Out& out) {
  const xmlNode* info = xml::child(line, "TTHHDTrung");
  std::string kind;
  std::vector<std::string> given;  // TTruong names with a value
  for (const xmlNode* t : xml::children(info, "TTin")) {
    if (const auto k = value_of(t, "LHHDTrung"); k && kind.empty()) kind = *k;
    if (const auto f = value_of(t, "TTruong"); f && value_of(t, "DLieu")) given.push_back(*f);
  }
  if (kind.empty()) {
    const std::string name = label(line);
    out.add(Code::GoodsSpecial, info ? info : line,
            fmt::format("{}: a special-goods line (TChat 5) needs TTHHDTrung/TTin with its kind LHHDTrung", name),
            fmt::format("{}: dòng hàng hóa đặc trưng (TChat 5) phải có TTHHDTrung/TTin với loại LHHDTrung", name));
    return;
  }
  std::vector<std::string_view> missing;
  for (std::string_view field : required_fields(kind))
    if (std::find(given.begin(), given.end(), field) == given.end()) missing.push_back(field);
  if (missing.empty()) return;
  const std::string name = label(line);
  out.add(Code::GoodsSpecial, info,
          fmt::format("{}: special goods of kind LHHDTrung {} need TTin with TTruong {} and a value", name, kind,
                      fmt::join(missing, ", ")),
          fmt::format("{}: hàng hóa đặc trưng loại LHHDTrung {} phải có TTin với TTruong {} và giá trị", name, kind,
                      fmt::join(missing, ", ")));
}

}  // namespace

void check_special_goods(const Invoice& inv, const Out& out) {
  for (const xmlNode* n = xml::first_child_element(inv.lines); n; n = xml::next_element(n))
    if (xml::is_plain(n, "HHDVu") && value_of(n, "TChat") == "5") check_line(n, out);
}

}  // namespace hoadon::rules::checks
