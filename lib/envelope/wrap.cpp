// Wrapping invoices into a transmission message: the header from the invoices and the options,
// each HDon spliced in as its bytes, then the whole message validated (format §6.1, §6.2).
#include "envelope/wrap.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <map>

#include "report/json.hpp"
#include "rules/taxcode.hpp"
#include "util/ascii.hpp"
#include "xml/node.hpp"

namespace hoadon::envelope {
namespace {

std::string compact(std::string code) {
  std::erase(code, '-');
  return code;
}

// A party code or id goes into the header as it is: only letters and digits can, so that no
// value needs escaping and none can add markup.
bool plain(std::string_view s) { return !s.empty() && ascii::all_of(s, ascii::is_alnum); }

std::string invoice_text(const model::InvoiceNodes& inv, std::initializer_list<std::string_view> path) {
  const xmlNode* n = xml::child_path(inv.dlhdon, path);
  return n ? xml::trimmed_text(n) : std::string();
}

struct Checked {
  std::string tax_code, version;
};

// The inputs as the message type wants them; false when one is refused (with its diagnostic).
bool check_invoices(const std::vector<Invoice>& invoices, std::string_view type, Checked& out, Report& report) {
  bool ok = true;
  const auto refuse = [&](Code code, const Invoice& in, const xmlNode* node, const std::string& en,
                          const std::string& vi) {
    Location where;
    if (in.doc && node) where = in.doc->locate(node);
    report.add(code, where, fmt::format("{}: {}", in.label, en), fmt::format("{}: {}", in.label, vi));
    ok = false;
  };
  std::string first_seller;
  for (const Invoice& in : invoices) {
    if (!in.doc || !in.index) {
      refuse(Code::EnvWrapInput, in, nullptr, "the input was rejected (not well-formed or over a limit)",
             "đầu vào bị từ chối (không đúng cú pháp XML hoặc vượt giới hạn)");
      continue;
    }
    const model::Index& idx = *in.index;
    if (idx.kind != model::Kind::Invoice || idx.invoices.size() != 1 || !idx.invoices.front().dlhdon ||
        !in.doc->span(idx.root)) {
      const auto kind = model::kind_name(idx.kind);
      refuse(Code::EnvWrapInput, in, idx.root, fmt::format("{} is not an invoice (HDon) with its data (DLHDon)", kind),
             fmt::format("{} không phải hóa đơn (HDon) có dữ liệu hóa đơn (DLHDon)", kind));
      continue;
    }
    const model::InvoiceNodes& inv = idx.invoices.front();
    const std::string seller = invoice_text(inv, {"NDHDon", "NBan", "MST"});
    if (seller.empty()) {
      refuse(Code::EnvWrapTaxpayer, in, inv.dlhdon, "the invoice has no seller's tax code (NBan/MST)",
             "hóa đơn không có mã số thuế người bán (NBan/MST)");
    } else if (first_seller.empty()) {
      first_seller = seller;
    } else if (compact(seller) != compact(first_seller)) {
      refuse(Code::EnvWrapTaxpayer, in, xml::child_path(inv.dlhdon, {"NDHDon", "NBan", "MST"}),
             fmt::format("the seller's tax code {} is not {}, the first invoice's", seller, first_seller),
             fmt::format("mã số thuế người bán {} khác {} của hóa đơn đầu tiên", seller, first_seller));
    }
    // 200 asks for a code, 203 carries invoices without one, 206 cash-register invoices that
    // have theirs (§2.2, §6.1, §6.2).
    const bool coded = inv.mccqt && !xml::trimmed_text(inv.mccqt).empty();
    const std::string series = invoice_text(inv, {"TTChung", "KHHDon"});
    const xmlNode* series_node = xml::child_path(inv.dlhdon, {"TTChung", "KHHDon"});
    const char kind_letter = series.empty() ? 0 : series.front();
    const char type_letter = series.size() > 3 ? series[3] : 0;
    if (type != "206" && coded)
      refuse(Code::EnvWrapCode, in, inv.mccqt,
             fmt::format("the invoice has a tax authority's code (MCCQT) already; message {} carries none", type),
             fmt::format("hóa đơn đã có mã của cơ quan thuế (MCCQT); thông điệp {} không mang mã", type));
    else if (type == "206" && !coded)
      refuse(Code::EnvWrapCode, in, inv.hdon,
             "message 206 carries cash-register invoices with their code (MCCQT); this one has none",
             "thông điệp 206 mang hóa đơn khởi tạo từ máy tính tiền đã có mã (MCCQT); hóa đơn này không có");
    if (type == "200" && kind_letter != 'C')
      refuse(Code::EnvWrapCode, in, series_node,
             fmt::format("series {} is not of an invoice with code (C…): message 200 asks for a code", series),
             fmt::format("ký hiệu {} không phải hóa đơn có mã (C…): thông điệp 200 là đề nghị cấp mã", series));
    else if (type == "203" && kind_letter != 'K')
      refuse(Code::EnvWrapCode, in, series_node,
             fmt::format("series {} is not of an invoice without code (K…), which message 203 carries", series),
             fmt::format("ký hiệu {} không phải hóa đơn không mã (K…) mà thông điệp 203 mang", series));
    else if (type == "206" && (kind_letter != 'C' || type_letter != 'M'))
      refuse(
          Code::EnvWrapCode, in, series_node,
          fmt::format("series {} is not of a cash-register invoice with code (C..M..), which message 206 carries",
                      series),
          fmt::format("ký hiệu {} không phải hóa đơn có mã khởi tạo từ máy tính tiền (C..M..) mà thông điệp 206 mang",
                      series));
    out.version = std::max(out.version, invoice_text(inv, {"TTChung", "PBan"}));
  }
  out.tax_code = first_seller;
  return ok;
}

// Each Id once in the message: a signature's reference to a repeated Id is refused (§5.3.9).
bool check_ids(const std::vector<Invoice>& invoices, Report& report) {
  std::map<std::string, std::size_t, std::less<>> seen;  // Id -> the input carrying it first
  bool ok = true;
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    const Invoice& in = invoices[i];
    xml::for_each_element(in.index->root, [&](xmlNode* n) {
      const auto id = xml::attribute(n, "Id");
      if (!id) return;
      const auto [at, fresh] = seen.emplace(*id, i);
      if (fresh) return;
      ok = false;
      const std::string& first = invoices[at->second].label;
      report.add(Code::EnvWrapId, in.doc->locate(n),
                 fmt::format("{}: Id=\"{}\" is also {}'s: give each invoice its own Ids (and sign it again)", in.label,
                             *id, first),
                 fmt::format("{}: Id=\"{}\" trùng với {}: mỗi hóa đơn cần Id riêng (và ký lại)", in.label, *id, first));
    });
  }
  return ok;
}

bool check_party(std::string_view what, const std::string& code, Report& report) {
  if (plain(code) && rules::check_party_code(code).ok()) return true;
  report.add(
      Code::EnvWrapHeader, {},
      fmt::format("{} \"{}\" is not TCT, V or K followed by a tax code without hyphen, or such a tax code", what, code),
      fmt::format("{} \"{}\" không phải TCT, V hoặc K kèm mã số thuế không có dấu gạch, hoặc mã số thuế đó", what,
                  code));
  return false;
}

std::string element(std::string_view name, std::string_view value) {
  return fmt::format("<{0}>{1}</{0}>", name, value);
}

}  // namespace

bool wraps(std::string_view type) noexcept { return type == "200" || type == "203" || type == "206"; }

std::string new_uuid_hex() {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) throw std::runtime_error("no random bytes for a UUID");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string hex;
  for (unsigned char c : b) hex += fmt::format("{:02X}", c);
  return hex;
}

WrapResult wrap(const std::vector<Invoice>& invoices, const WrapOptions& options) {
  WrapResult r;
  r.report.set_kind("TDiep");
  Report& report = r.report;
  if (!wraps(options.type)) {
    report.add(Code::EnvWrapHeader, {}, fmt::format("message type \"{}\": hoadon makes 200, 203 and 206", options.type),
               fmt::format("loại thông điệp \"{}\": hoadon tạo 200, 203 và 206", options.type));
    return r;
  }
  if (invoices.empty() || (options.type == "200" && invoices.size() != 1)) {
    report.add(Code::EnvWrapCount, {},
               fmt::format("{} invoices: message {} carries {}", invoices.size(), options.type,
                           options.type == "200" ? "exactly one" : "at least one"),
               fmt::format("{} hóa đơn: thông điệp {} mang {}", invoices.size(), options.type,
                           options.type == "200" ? "đúng một hóa đơn" : "ít nhất một hóa đơn"));
    return r;
  }
  Checked checked;
  if (!check_invoices(invoices, options.type, checked, report) || !check_ids(invoices, report)) return r;

  const std::string sender = options.sender.empty() ? "K" + compact(checked.tax_code) : options.sender;
  const std::string version =
      options.version.empty() ? (checked.version.empty() ? "2.1.0" : checked.version) : options.version;
  const std::string uuid = options.uuid.empty() ? new_uuid_hex() : options.uuid;
  bool header_ok = check_party("the sender (MNGui)", sender, report);
  header_ok = check_party("the receiver (MNNhan)", options.receiver, report) && header_ok;
  if (uuid.size() != 32 || !ascii::all_of(uuid, ascii::is_upper_hex)) {
    report.add(Code::EnvWrapHeader, {}, fmt::format("message id \"{}\" is not 32 uppercase hexadecimal digits", uuid),
               fmt::format("mã \"{}\" không phải 32 chữ số thập lục phân viết hoa", uuid));
    header_ok = false;
  }
  if (version.empty() || !ascii::all_of(version, [](char c) { return ascii::is_digit(c) || c == '.'; })) {
    report.add(Code::EnvWrapHeader, {}, fmt::format("version \"{}\" is not of the form 2.1.0", version),
               fmt::format("phiên bản \"{}\" không có dạng 2.1.0", version));
    header_ok = false;
  }
  if (!options.reference.empty() && (!plain(options.reference) || options.reference.size() > 46)) {
    report.add(Code::EnvWrapHeader, {},
               fmt::format("reference \"{}\" is not a message id (MTDTChieu: letters and digits, at most 46)",
                           options.reference),
               fmt::format("mã tham chiếu \"{}\" không phải mã thông điệp (MTDTChieu: chữ và số, tối đa 46)",
                           options.reference));
    header_ok = false;
  }
  if (options.signer && options.type != "206") {
    report.add(Code::EnvWrapHeader, {},
               fmt::format("message {} carries no taxpayer's signature (only a 206 has CKSNNT): sign the invoices "
                           "before wrapping them",
                           options.type),
               fmt::format("thông điệp {} không có chữ ký của người nộp thuế (chỉ thông điệp 206 có CKSNNT): hãy ký "
                           "các hóa đơn trước khi đóng gói",
                           options.type));
    header_ok = false;
  }
  if (!header_ok) return r;

  r.message_id = sender + uuid;
  r.tax_code = checked.tax_code;
  r.count = invoices.size();
  std::string bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TDiep><TTChung>";
  bytes += element("PBan", version) + element("MNGui", sender) + element("MNNhan", options.receiver) +
           element("MLTDiep", options.type) + element("MTDiep", r.message_id);
  if (!options.reference.empty()) bytes += element("MTDTChieu", options.reference);
  bytes += element("MST", r.tax_code) + element("SLuong", std::to_string(r.count)) + "</TTChung>";
  // The taxpayer signs a 206's DLieu (CKSNNT): it gets its Id now, as the real 206s have it.
  bytes += options.type == "206" ? fmt::format("<DLieu Id=\"_{}\">", uuid) : std::string("<DLieu>");
  for (const Invoice& in : invoices) {
    const xml::Span* s = in.doc->span(in.index->root);
    bytes += in.doc->bytes().substr(s->begin, s->end - s->begin);
  }
  bytes += "</DLieu></TDiep>\n";
  if (bytes.size() > kMaxMessageBytes) {
    report.add(Code::EnvWrapSize, {},
               fmt::format("the message would be {} bytes, over the {} a message may be: send fewer invoices",
                           bytes.size(), kMaxMessageBytes),
               fmt::format("thông điệp sẽ có {} byte, vượt quá {} byte cho phép: hãy gửi ít hóa đơn hơn", bytes.size(),
                           kMaxMessageBytes));
    return r;
  }

  // The message is validated as hoadon validate would: what is given back passes it.
  Report parsed;
  const auto doc = xml::parse(bytes, xml::Limits{}, parsed);
  model::Index index;
  if (doc) index = model::build_index(*doc, parsed);
  const Report validated = validate::run(doc.get(), index, parsed, options.validation);
  report.append(validated);
  if (!validated.ok()) {
    if (!options.force) {
      report.add(Code::EnvWrapInvalid, {}, "the message made fails validation: see the diagnostics above",
                 "thông điệp được tạo không đạt kiểm tra hợp lệ: xem các chẩn đoán ở trên");
      return r;
    }
    report.add(Code::EnvWrapForced, {});
  }
  if (!options.signer) {
    r.bytes = std::move(bytes);
    return r;
  }
  sign::Options so;
  so.role = sign::SignerRole::Taxpayer;
  so.time = options.time;
  so.sha1 = options.sha1;
  so.force = options.force;
  so.include_chain = options.include_chain;
  so.validation = options.validation;
  so.validated = &validated;
  auto s = sign::sign(doc.get(), index, parsed, *options.signer, so);
  // Signing's report repeats the validation given to it first: only what follows is new.
  const auto& items = s.report.items();
  for (std::size_t i = validated.items().size(); i < items.size(); ++i) {
    const Diagnostic& d = items[i];
    report.add(d.code, d.where, d.message, d.message_vi);
  }
  if (!s.ok()) return r;
  r.signature = std::move(s.made);
  r.bytes = std::move(s.bytes);
  return r;
}

namespace {

struct HeaderField {
  model::DocField field;
  std::string_view json, en, vi;
};
constexpr std::array kHeader = {
    HeaderField{model::DocField::MessageType, "type", "type", "loại"},
    HeaderField{model::DocField::MessageId, "id", "id", "mã"},
    HeaderField{model::DocField::MessageRef, "reference", "answers", "trả lời"},
    HeaderField{model::DocField::Sender, "sender", "from", "nơi gửi"},
    HeaderField{model::DocField::Receiver, "receiver", "to", "nơi nhận"},
    HeaderField{model::DocField::TaxCode, "tax_code", "taxpayer", "người nộp thuế"},
    HeaderField{model::DocField::Count, "count", "invoices", "số hóa đơn"},
    HeaderField{model::DocField::MessageVersion, "version", "version", "phiên bản"},
};

const model::SignatureSummary* taxpayer_signature(const model::Essentials& m) {
  for (const auto& s : m.signatures)
    if (s.slot == "CKSNNT") return &s;
  return nullptr;
}

}  // namespace

std::string message_to_json(const model::Essentials* message, const Report& report, std::string_view file) {
  JsonWriter w;
  w.begin_object().field("file", file).field("kind", std::string_view("TDiep")).field("ok", message != nullptr);
  w.key("message");
  if (!message) {
    w.null();
  } else {
    w.begin_object();
    for (const auto& h : kHeader) {
      const auto& v = message->get(h.field);
      w.key(h.json).text_or_null(v ? std::string_view(*v) : std::string_view());
    }
    w.end_object();
  }
  w.key("signature");
  const model::SignatureSummary* s = message ? taxpayer_signature(*message) : nullptr;
  if (!s) {
    w.null();
  } else {
    w.begin_object()
        .field("slot", std::string_view(s->slot))
        .field("id", std::string_view(s->id))
        .field("algorithm", std::string_view(s->algorithm))
        .field("signing_time", std::string_view(s->signing_time))
        .field("path", std::string_view(s->path))
        .end_object();
  }
  write_diagnostics(w, report);
  w.end_object();
  return w.take();
}

std::string message_to_text(const model::Essentials* message, const Report& report, std::string_view file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string out;
  if (message) {
    out += fmt::format("{}: {}\n", file, vi ? "thông điệp đã tạo" : "message made");
    for (const auto& h : kHeader)
      if (const auto& v = message->get(h.field); v && !v->empty())
        out += fmt::format("    {}: {}\n", vi ? h.vi : h.en, *v);
    if (const auto* s = taxpayer_signature(*message))
      out += fmt::format("    {}: {} ({}, {})\n", vi ? "chữ ký người nộp thuế" : "taxpayer's signature", s->path,
                         s->algorithm, s->signing_time);
  }
  out += diagnostics_to_text(report, file, lang);
  out += verdict_to_text(report, file, message != nullptr, lang, message ? "wrapped" : "not wrapped",
                         message ? "đã đóng gói" : "không đóng gói");
  return out;
}

}  // namespace hoadon::envelope
