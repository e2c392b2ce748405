#include "schema/choose.hpp"

#include <fmt/format.h>

#include <optional>

#include "schema/library.hpp"
#include "xml/node.hpp"

namespace hoadon::schema {
namespace {

constexpr const char* kVersions[] = {"2.0.0", "2.0.1", "2.1.0"};

bool supported(const std::string& v) {
  for (const char* s : kVersions)
    if (v == s) return true;
  return false;
}

std::optional<Target> invoice_target(const xml::Document& doc, const model::InvoiceNodes& inv,
                                     const std::string& override_version, Report& report) {
  xmlNode* general = inv.dlhdon ? xml::child(inv.dlhdon, "TTChung") : nullptr;
  const xmlNode* at = general ? general : inv.dlhdon ? inv.dlhdon : inv.hdon;
  const auto pban = xml::child_text(general, "PBan");
  const std::string version = !override_version.empty() ? override_version : pban.value_or("");
  if (!supported(version)) {
    const xmlNode* where = general && xml::child(general, "PBan") ? xml::child(general, "PBan") : at;
    const std::string shown = pban ? fmt::format("PBan {}", *pban) : std::string("no PBan");
    report.add(Code::SchemaVersion, doc.locate(where),
               fmt::format("The invoice declares {}; hoadon has schemas for PBan 2.0.0, 2.0.1 and 2.1.0 only, so "
                           "this invoice was not checked against any schema",
                           shown),
               fmt::format("Hóa đơn khai báo {}; hoadon chỉ có lược đồ cho PBan 2.0.0, 2.0.1 và 2.1.0, nên hóa đơn "
                           "này chưa được kiểm tra theo lược đồ nào",
                           pban ? shown : std::string("không có PBan")));
    return std::nullopt;
  }
  const std::string digit = xml::child_text(general, "KHMSHDon").value_or("");
  const std::string series = xml::child_text(general, "KHHDon").value_or("");
  const std::string kind = kind_of(digit, series);
  const std::string entry = fmt::format("hdon-{}-{}", version, kind);
  if (digit.size() != 1 || !has_entry(entry + ".xsd")) {
    const xmlNode* where = xml::child(general, "KHMSHDon") ? xml::child(general, "KHMSHDon") : at;
    report.add(Code::SchemaTemplate, doc.locate(where),
               fmt::format("No schema for template '{}' (series '{}') in PBan {}: templates 1–6 exist in every "
                           "version, 7–9 from 2.1.0; this invoice was not checked against any schema",
                           digit, series, version),
               fmt::format("Không có lược đồ cho mẫu số '{}' (ký hiệu '{}') ở PBan {}: mẫu 1–6 có ở mọi phiên "
                           "bản, mẫu 7–9 từ 2.1.0; hóa đơn này chưa được kiểm tra theo lược đồ nào",
                           digit, series, version));
    return std::nullopt;
  }
  return Target{entry, version, kind, inv.hdon, {}};
}

// The entry of a form (TKhai, TBao, BTHDLieu, BBan), or "" when none applies.
std::string form_entry(const xmlNode* form, std::string& mso) {
  const auto name = xml::name_of(form);
  if (name == "TKhai") return "tkhai";
  if (name == "BTHDLieu") return "bthdlieu";
  if (name == "BBan") return "bban";
  if (name != "TBao") return {};
  const xmlNode* data = xml::child(form, "DLTBao");
  if (!data) return "tbao-999";  // the technical receipt has its fields directly under TBao
  mso = xml::child_text(data, "MSo").value_or("");
  if (mso == "04/SS-HĐĐT") return "tbao-04ss";
  if (mso == "01/TB-TNĐT") return "tbao-102";
  if (mso == "01/TB-ĐKĐT") return "tbao-103";
  if (mso == "01/TB-KTDL") return "tbao-204";
  if (mso == "01/TB-SSĐT") return "tbao-301";
  return {};
}

std::string form_version(const xmlNode* form) {
  for (const char* data : {"DLTKhai", "DLTBao", "DLBTHop", "NDBBan"})
    if (const xmlNode* d = xml::child(form, data))
      if (auto v = xml::child_text(xml::child(d, "TTChung") ? xml::child(d, "TTChung") : d, "PBan")) return *v;
  return {};
}

}  // namespace

std::string kind_of(std::string digit, std::string series) {
  // BKSOFT writes the template digit in front of the series (7 characters): ignore it.
  if (series.size() == 7 && series[0] >= '1' && series[0] <= '9') series.erase(0, 1);
  const char letter = series.size() >= 4 ? series[3] : '\0';
  if ((digit == "1" || digit == "2") && letter == 'M') return digit + "m";
  if (digit == "6") return letter == 'B' ? "6b" : "6n";
  return digit;
}

std::vector<Target> choose(const xml::Document& doc, const model::Index& index, const std::string& version,
                           Report& report) {
  std::vector<Target> out;
  xmlNode* root = doc.root();
  if (!index.invoices.empty()) {
    std::vector<std::optional<Target>> per(index.invoices.size());
    for (std::size_t i = 0; i < index.invoices.size(); ++i)
      per[i] = invoice_target(doc, index.invoices[i], version, report);
    // The document is validated whole with the first invoice's schema; invoices of another
    // version or template are validated on their own, and left out of the whole.
    const std::optional<Target>* first = nullptr;
    for (const auto& t : per)
      if (t && !first) first = &t;
    if (!first) return out;
    Target whole{(*first)->entry, (*first)->version, (*first)->kind, root, {}};
    for (std::size_t i = 0; i < per.size(); ++i) {
      if (per[i] && per[i]->entry == whole.entry) continue;
      whole.excluded.push_back(index.invoices[i].hdon);
      if (per[i]) out.push_back(*per[i]);
    }
    out.insert(out.begin(), std::move(whole));
    return out;
  }
  if (index.form) {
    std::string mso;
    const std::string entry = form_entry(index.form, mso);
    if (entry.empty()) {
      report.add(Code::SchemaTemplate, doc.locate(index.form),
                 fmt::format("No schema for the {} form '{}': hoadon has schemas for 01/ĐKTĐ-HĐĐT, 04/SS-HĐĐT, "
                             "01/TH-HĐĐT, 01/TB-TNĐT, 01/TB-ĐKĐT, 01/TB-KTDL, 01/TB-SSĐT and the 999 receipt",
                             xml::name_of(index.form), mso),
                 fmt::format("Không có lược đồ cho mẫu {} '{}': hoadon có lược đồ cho 01/ĐKTĐ-HĐĐT, 04/SS-HĐĐT, "
                             "01/TH-HĐĐT, 01/TB-TNĐT, 01/TB-ĐKĐT, 01/TB-KTDL, 01/TB-SSĐT và thông điệp 999",
                             xml::name_of(index.form), mso));
      return out;
    }
    out.push_back(Target{entry, form_version(index.form), entry, root, {}});
    return out;
  }
  if (index.kind == model::Kind::Envelope) {
    const xmlNode* first = xml::first_child_element(index.payload);
    const std::string what = first ? fmt::format("'{}'", xml::name_of(first)) : std::string("nothing");
    report.add(Code::SchemaTemplate, doc.locate(index.payload ? index.payload : root),
               fmt::format("No schema applies to this envelope: its DLieu carries {}", what),
               fmt::format("Không có lược đồ áp dụng cho thông điệp này: DLieu chứa {}",
                           first ? what : std::string("không có gì")));
  }
  return out;
}

}  // namespace hoadon::schema
