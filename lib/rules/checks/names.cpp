#include "rules/checks/names.hpp"

#include <fmt/format.h>

#include <array>

#include "xml/node.hpp"

namespace hoadon::rules::checks {
namespace {

struct Meaning {
  std::string_view key;  // "Parent/Tag" or "Tag"
  std::string_view vi;
};

// The meanings of the elements rule messages name, as the spec tables give them (§1, §6).
constexpr std::array kMeanings = {
    Meaning{"PBan", "Phiên bản XML"},
    Meaning{"KHMSHDon", "Ký hiệu mẫu số hóa đơn"},
    Meaning{"KHHDon", "Ký hiệu hóa đơn"},
    Meaning{"SHDon", "Số hóa đơn"},
    Meaning{"NLap", "Ngày lập"},
    Meaning{"MHSo", "Mã hồ sơ"},
    Meaning{"HDCTTChinh", "Hóa đơn cho thuê tài chính"},
    Meaning{"DVTTe", "Đơn vị tiền tệ"},
    Meaning{"TGia", "Tỷ giá"},
    Meaning{"MSTTCGP", "Mã số thuế tổ chức cung cấp giải pháp"},
    Meaning{"MSTDVNUNLHDon", "Mã số thuế đơn vị nhận ủy nhiệm lập hóa đơn"},
    Meaning{"TTHDLQuan", "Thông tin hóa đơn liên quan"},
    Meaning{"TCHDon", "Tính chất hóa đơn"},
    Meaning{"LHDCLQuan", "Loại hóa đơn có liên quan"},
    Meaning{"KHMSHDCLQuan", "Ký hiệu mẫu số hóa đơn có liên quan"},
    Meaning{"KHHDCLQuan", "Ký hiệu hóa đơn có liên quan"},
    Meaning{"SHDCLQuan", "Số hóa đơn có liên quan"},
    Meaning{"NLHDCLQuan", "Ngày lập hóa đơn có liên quan"},
    Meaning{"NBan", "Người bán"},
    Meaning{"NBan/MST", "Mã số thuế người bán"},
    Meaning{"NBan/MDVQHNSach", "Mã đơn vị có quan hệ với ngân sách của người bán"},
    Meaning{"NMua", "Người mua"},
    Meaning{"NMua/MST", "Mã số thuế người mua"},
    Meaning{"NMua/Ten", "Tên người mua"},
    Meaning{"NMua/DChi", "Địa chỉ người mua"},
    Meaning{"NMua/MDVQHNSach", "Mã đơn vị có quan hệ với ngân sách của người mua"},
    Meaning{"HHDVu", "Hàng hóa, dịch vụ"},
    Meaning{"TChat", "Tính chất"},
    Meaning{"SLuong", "Số lượng"},
    Meaning{"DGia", "Đơn giá"},
    Meaning{"TLCKhau", "Tỷ lệ % chiết khấu"},
    Meaning{"STCKhau", "Số tiền chiết khấu"},
    Meaning{"HHDVu/ThTien", "Thành tiền chưa có thuế"},
    Meaning{"HHDVu/TSuat", "Thuế suất"},
    Meaning{"TTHHDTrung", "Thông tin hàng hóa đặc trưng"},
    Meaning{"LHHDTrung", "Loại hàng hóa đặc trưng"},
    Meaning{"THTTLTSuat", "Tổng hợp theo từng loại thuế suất"},
    Meaning{"LTSuat", "Tổng hợp theo loại thuế suất"},
    Meaning{"LTSuat/TSuat", "Thuế suất"},
    Meaning{"LTSuat/ThTien", "Thành tiền chưa thuế theo thuế suất"},
    Meaning{"LTSuat/TThue", "Tiền thuế theo thuế suất"},
    Meaning{"TgTCThue", "Tổng tiền chưa thuế"},
    Meaning{"TgTThue", "Tổng tiền thuế"},
    Meaning{"TGTKCThue", "Tổng giảm trừ không chịu thuế"},
    Meaning{"TPhi", "Tiền phí"},
    Meaning{"TTCKTMai", "Tổng tiền chiết khấu thương mại"},
    Meaning{"TGTKhac", "Tổng giảm trừ khác"},
    Meaning{"TgTTTBSo", "Tổng tiền thanh toán bằng số"},
    Meaning{"TgTTTBChu", "Tổng tiền thanh toán bằng chữ"},
    Meaning{"MCCQT", "Mã của cơ quan thuế"},
    Meaning{"DLQRCode", "Dữ liệu QR Code"},
    Meaning{"DSCKS", "Danh sách chữ ký số"},
    Meaning{"DSCKS/NBan", "Chữ ký số người bán"},
    Meaning{"DSCKS/CQT", "Chữ ký số cơ quan thuế"},
    Meaning{"TDiep", "Thông điệp"},
    Meaning{"DLieu", "Dữ liệu thông điệp"},
    Meaning{"TTChung/MST", "Mã số thuế"},
    Meaning{"TTChung/SLuong", "Số lượng"},
    Meaning{"MNGui", "Mã nơi gửi"},
    Meaning{"MNNhan", "Mã nơi nhận"},
    Meaning{"MLTDiep", "Mã loại thông điệp"},
    Meaning{"MTDiep", "Mã thông điệp"},
};

std::string_view find(std::string_view key) noexcept {
  for (const auto& m : kMeanings)
    if (m.key == key) return m.vi;
  return {};
}

std::string with_meaning(std::string_view parent, std::string_view tag) {
  const std::string_view vi = meaning_vi(parent, tag);
  const std::string path = parent.empty() ? std::string(tag) : fmt::format("{}/{}", parent, tag);
  return vi.empty() ? path : fmt::format("{} ({})", path, vi);
}

}  // namespace

std::string_view meaning_vi(std::string_view parent, std::string_view tag) noexcept {
  if (!parent.empty()) {
    std::array<char, 64> key{};
    if (parent.size() + 1 + tag.size() <= key.size()) {
      const std::string_view joined(key.data(), fmt::format_to_n(key.data(), key.size(), "{}/{}", parent, tag).size);
      if (const auto vi = find(joined); !vi.empty()) return vi;
    }
  }
  return find(tag);
}

std::string label(const xmlNode* element) {
  const xmlNode* parent = element ? element->parent : nullptr;
  const bool element_parent = parent && parent->type == XML_ELEMENT_NODE;
  return with_meaning(element_parent ? xml::name_of(parent) : std::string_view(), xml::name_of(element));
}

std::string label(const xmlNode* parent, std::string_view tag) { return with_meaning(xml::name_of(parent), tag); }

}  // namespace hoadon::rules::checks
