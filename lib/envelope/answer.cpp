// Reading the tax authority's answers: 202 (the coded invoice), 204 (01/TB-KTDL), 999 (the
// technical receipt). Structures from the format digest §6.3, §6.4 and the schemas' forms
// (lib/schema/xsd/forms.xsd: TBao.999, DLTBao.tbao-204); a 204's list of refused invoices
// (LHDKMa/DSHDon/HDon) follows the BKSOFT model of the tables [T].
#include "envelope/answer.hpp"

#include <fmt/format.h>

#include <array>

#include "report/json.hpp"
#include "xml/node.hpp"

namespace hoadon::envelope {
namespace {

std::string text_of(const xmlNode* parent, std::string_view name) {
  const xmlNode* n = xml::child(parent, name);
  return n ? xml::trimmed_text(n) : std::string();
}

struct Reader {
  const xml::Document& doc;
  Answer& a;

  void missing(const xmlNode* where, std::string_view what, std::string_view meaning_en, std::string_view meaning_vi) {
    a.report.add(Code::EnvAnswerMissing, doc.locate(where),
                 fmt::format("{} lacks {} ({})", xml::name_of(where), what, meaning_en),
                 fmt::format("{} thiếu {} ({})", xml::name_of(where), what, meaning_vi));
  }

  // DSLDo/LDo under `list_parent`: MLoi with MTLoi (204) or MTa (999).
  std::vector<Reason> reasons(const xmlNode* list_parent) {
    std::vector<Reason> out;
    const xmlNode* list = xml::child(list_parent, "DSLDo");
    for (const xmlNode* ldo : xml::children(list, "LDo")) {
      Reason r;
      r.code = text_of(ldo, "MLoi");
      r.text = xml::child(ldo, "MTLoi") ? text_of(ldo, "MTLoi") : text_of(ldo, "MTa");
      r.action = text_of(ldo, "HDXLy");
      r.note = text_of(ldo, "GChu");
      r.path = xml::xpath(ldo);
      if (r.code.empty() && r.text.empty())
        missing(ldo, "MLoi and its text", "the error code and what it means", "mã lỗi và mô tả");
      out.push_back(std::move(r));
    }
    return out;
  }
};

struct NoticeKind {
  std::string_view value, en, vi;
  bool accepted;
};
// LTBao of 01/TB-KTDL [T §6.4]; the Vietnamese glosses are hoadon's.
constexpr std::array kNoticeKinds = {
    NoticeKind{"1", "refused: the invoice is not eligible for a code",
               "không tiếp nhận: hóa đơn không đủ điều kiện cấp mã", false},
    NoticeKind{"2", "accepted: the data package is valid", "tiếp nhận: gói dữ liệu hợp lệ", true},
    NoticeKind{"3", "refused: some invoices' data is invalid", "không tiếp nhận: có hóa đơn có dữ liệu không hợp lệ",
               false},
    NoticeKind{"4", "refused: the summary table (01/TH-HĐĐT, 03/DL-HĐĐT) is invalid",
               "không tiếp nhận: bảng tổng hợp (01/TH-HĐĐT, 03/DL-HĐĐT) không hợp lệ", false},
    NoticeKind{"5", "refused: the fuel summary table is invalid",
               "không tiếp nhận: bảng tổng hợp xăng dầu không hợp lệ", false},
    NoticeKind{"7", "refused: the cash-register package does not match",
               "không tiếp nhận: gói dữ liệu hóa đơn máy tính tiền không khớp", false},
    NoticeKind{"9", "refused: another reason", "không tiếp nhận: trường hợp khác", false},
};

void read_invoice_fields(const xmlNode* fields, AnsweredInvoice& inv) {
  inv.template_code = text_of(fields, "KHMSHDon");
  inv.series = text_of(fields, "KHHDon");
  inv.number = text_of(fields, "SHDon");
  inv.date = text_of(fields, "NLap");
}

void read_202(Reader& rd, const model::Index& index) {
  Answer& a = rd.a;
  for (const auto& nodes : index.invoices) {
    AnsweredInvoice inv;
    inv.path = xml::xpath(nodes.hdon);
    read_invoice_fields(xml::child(nodes.dlhdon, "TTChung"), inv);
    inv.mccqt = nodes.mccqt ? xml::trimmed_text(nodes.mccqt) : std::string();
    if (inv.mccqt.empty()) {
      rd.missing(nodes.hdon, "MCCQT", "the tax authority's code, which a 202 returns",
                 "mã của cơ quan thuế mà thông điệp 202 trả về");
    } else {
      inv.outcome = Outcome::Accepted;
    }
    a.invoices.push_back(std::move(inv));
  }
  if (index.invoices.empty()) {
    if (index.payload) rd.missing(index.payload, "HDon", "the coded invoice", "hóa đơn đã được cấp mã");
    return;
  }
  bool all = true;
  for (const auto& inv : a.invoices) all = all && inv.outcome == Outcome::Accepted;
  if (all) {
    a.outcome = Outcome::Accepted;
    a.gloss = "coded: the tax authority gave the invoice its code (MCCQT)";
    a.gloss_vi = "đã cấp mã: cơ quan thuế đã cấp mã (MCCQT) cho hóa đơn";
  }
}

const xmlNode* notice_of(const model::Index& index) {
  const xmlNode* tbao = index.payload ? xml::child(index.payload, "TBao") : nullptr;
  return tbao;
}

void read_204(Reader& rd, const model::Index& index) {
  Answer& a = rd.a;
  const xmlNode* tbao = notice_of(index);
  const xmlNode* data = xml::child(tbao, "DLTBao");
  if (!data) {
    rd.missing(tbao ? tbao : index.payload, tbao ? "DLTBao" : "TBao", "the notice 01/TB-KTDL", "thông báo 01/TB-KTDL");
    return;
  }
  a.original_id = text_of(data, "MGDDTu");
  a.time = text_of(data, "TGGui");
  a.notice_number = text_of(data, "So");
  const xmlNode* kind = xml::child(data, "LTBao");
  a.status = kind ? xml::trimmed_text(kind) : std::string();
  if (!kind) {
    rd.missing(data, "LTBao", "the kind of notice: what the tax authority decided", "loại thông báo: kết quả kiểm tra");
  } else {
    const NoticeKind* k = nullptr;
    for (const auto& c : kNoticeKinds)
      if (c.value == a.status) k = &c;
    if (!k) {
      a.report.add(Code::EnvAnswerValue, rd.doc.locate(kind),
                   fmt::format("LTBao \"{}\" is none of the kinds of notice 01/TB-KTDL (1–5, 7, 9)", a.status),
                   fmt::format("LTBao \"{}\" không thuộc các loại thông báo 01/TB-KTDL (1–5, 7, 9)", a.status));
    } else {
      a.outcome = k->accepted ? Outcome::Accepted : Outcome::Refused;
      a.gloss = std::string(k->en);
      a.gloss_vi = std::string(k->vi);
    }
  }
  a.reasons = rd.reasons(xml::child(data, "LCMa"));
  const xmlNode* list = xml::child_path(data, {"LHDKMa", "DSHDon"});
  for (const xmlNode* h : xml::children(list, "HDon")) {
    AnsweredInvoice inv;
    inv.path = xml::xpath(h);
    read_invoice_fields(h, inv);
    inv.reasons = rd.reasons(h);
    inv.outcome = Outcome::Refused;  // the list is of the invoices not accepted
    a.invoices.push_back(std::move(inv));
  }
}

void read_999(Reader& rd, const model::Index& index) {
  Answer& a = rd.a;
  const xmlNode* tbao = notice_of(index);
  if (!tbao) {
    rd.missing(index.payload, "TBao", "the technical receipt", "phản hồi kỹ thuật");
    return;
  }
  a.original_id = text_of(tbao, "MTDiep");
  a.time = text_of(tbao, "NNhan");
  const xmlNode* status = xml::child(tbao, "TTTNhan");
  a.status = status ? xml::trimmed_text(status) : std::string();
  if (!status) {
    rd.missing(tbao, "TTTNhan", "whether the message was received without error", "trạng thái tiếp nhận");
  } else if (a.status == "0") {
    a.outcome = Outcome::Accepted;
    a.gloss = "received: the message reached the tax authority without technical error";
    a.gloss_vi = "đã tiếp nhận: thông điệp đến cơ quan thuế không có lỗi kỹ thuật";
  } else if (a.status == "1") {
    a.outcome = Outcome::Refused;
    a.gloss = "refused: the message has technical errors";
    a.gloss_vi = "không tiếp nhận: thông điệp có lỗi kỹ thuật";
  } else {
    a.report.add(Code::EnvAnswerValue, rd.doc.locate(status),
                 fmt::format("TTTNhan \"{}\" is neither 0 (no error) nor 1 (error)", a.status),
                 fmt::format("TTTNhan \"{}\" không phải 0 (không lỗi) hoặc 1 (có lỗi)", a.status));
  }
  if (a.original_id.empty()) rd.missing(tbao, "MTDiep", "the id of the message received", "mã thông điệp đã nhận");
  a.reasons = rd.reasons(tbao);
}

void write_reasons(JsonWriter& w, const std::vector<Reason>& reasons) {
  w.key("reasons").begin_array();
  for (const auto& r : reasons) {
    w.begin_object()
        .field("code", std::string_view(r.code))
        .field("text", std::string_view(r.text))
        .key("action")
        .text_or_null(r.action)
        .key("note")
        .text_or_null(r.note)
        .field("path", std::string_view(r.path))
        .end_object();
  }
  w.end_array();
}

std::string reason_line(const Reason& r, bool vi, std::string_view indent) {
  std::string line = fmt::format("{}{} {}: {}", indent, vi ? "lý do" : "reason", r.code.empty() ? "-" : r.code, r.text);
  if (!r.action.empty()) line += fmt::format(" ({}: {})", vi ? "hướng xử lý" : "to do", r.action);
  if (!r.note.empty()) line += fmt::format(" [{}]", r.note);
  return line + "\n";
}

std::string_view outcome_word(Outcome o, bool vi) {
  switch (o) {
    case Outcome::Accepted:
      return vi ? "CHẤP NHẬN" : "ACCEPTED";
    case Outcome::Refused:
      return vi ? "TỪ CHỐI" : "REFUSED";
    case Outcome::Unknown:
      break;
  }
  return vi ? "KHÔNG RÕ" : "UNKNOWN";
}

}  // namespace

std::string_view outcome_name(Outcome o) noexcept {
  switch (o) {
    case Outcome::Accepted:
      return "accepted";
    case Outcome::Refused:
      return "refused";
    case Outcome::Unknown:
      break;
  }
  return "unknown";
}

Answer read_answer(const xml::Document* doc, const model::Index& index, const Report& parsed) {
  Answer a;
  a.report.append(parsed);
  a.report.set_kind(std::string(model::kind_name(index.kind)));
  if (!doc) return a;
  Reader rd{*doc, a};
  if (index.kind != model::Kind::Envelope || !index.envelope_header) {
    a.report.add(Code::EnvAnswerType, doc->locate(index.root ? index.root : doc->root()),
                 fmt::format("{} is not a message (TDiep) of the tax authority", model::kind_name(index.kind)),
                 fmt::format("{} không phải thông điệp (TDiep) của cơ quan thuế", model::kind_name(index.kind)));
    return a;
  }
  const xmlNode* h = index.envelope_header;
  a.type = index.message_type;
  a.message_id = text_of(h, "MTDiep");
  a.reference = text_of(h, "MTDTChieu");
  a.sender = text_of(h, "MNGui");
  a.receiver = text_of(h, "MNNhan");
  a.tax_code = text_of(h, "MST");
  if (a.type == "202") {
    read_202(rd, index);
  } else if (a.type == "204") {
    read_204(rd, index);
  } else if (a.type == "999") {
    read_999(rd, index);
  } else {
    const xmlNode* t = xml::child(h, "MLTDiep");
    a.report.add(Code::EnvAnswerType, doc->locate(t ? t : h),
                 fmt::format("message type {} is not an answer hoadon reads: 202 (coded invoice), 204 (data check "
                             "notice) or 999 (technical receipt)",
                             a.type.empty() ? "(none)" : a.type),
                 fmt::format("loại thông điệp {} không phải thông điệp trả lời mà hoadon đọc: 202 (kết quả cấp mã), "
                             "204 (thông báo kết quả kiểm tra dữ liệu) hoặc 999 (phản hồi kỹ thuật)",
                             a.type.empty() ? "(không có)" : a.type));
  }
  if (!a.type.empty() && a.reference.empty() && (a.type == "202" || a.type == "204"))
    rd.missing(h, "MTDTChieu", "the id of the message answered", "mã thông điệp được trả lời");
  return a;
}

std::string answer_to_json(const Answer& a, std::string_view file) {
  JsonWriter w;
  w.begin_object()
      .field("file", file)
      .field("kind", std::string_view(a.report.kind()))
      .field("ok", a.report.ok())
      .key("answer")
      .begin_object()
      .key("type")
      .text_or_null(a.type)
      .field("outcome", outcome_name(a.outcome))
      .key("gloss")
      .text_or_null(a.gloss)
      .key("gloss_vi")
      .text_or_null(a.gloss_vi)
      .key("status")
      .text_or_null(a.status)
      .key("message_id")
      .text_or_null(a.message_id)
      .key("reference")
      .text_or_null(a.reference)
      .key("sender")
      .text_or_null(a.sender)
      .key("receiver")
      .text_or_null(a.receiver)
      .key("tax_code")
      .text_or_null(a.tax_code)
      .key("original_id")
      .text_or_null(a.original_id)
      .key("time")
      .text_or_null(a.time)
      .key("notice_number")
      .text_or_null(a.notice_number);
  write_reasons(w, a.reasons);
  w.key("invoices").begin_array();
  for (const auto& inv : a.invoices) {
    w.begin_object()
        .field("outcome", outcome_name(inv.outcome))
        .key("template")
        .text_or_null(inv.template_code)
        .key("series")
        .text_or_null(inv.series)
        .key("number")
        .text_or_null(inv.number)
        .key("date")
        .text_or_null(inv.date)
        .key("mccqt")
        .text_or_null(inv.mccqt)
        .field("path", std::string_view(inv.path));
    write_reasons(w, inv.reasons);
    w.end_object();
  }
  w.end_array().end_object();
  write_diagnostics(w, a.report);
  w.end_object();
  return w.take();
}

std::string answer_to_text(const Answer& a, std::string_view file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string out;
  if (!a.type.empty()) {
    out += fmt::format("{}: {} {} {}", file, vi ? "thông điệp" : "message", a.type, outcome_word(a.outcome, vi));
    const std::string& gloss = vi ? a.gloss_vi : a.gloss;
    if (!gloss.empty()) out += " — " + gloss;
    out += "\n";
    if (!a.reference.empty()) out += fmt::format("    {}: {}\n", vi ? "trả lời thông điệp" : "answers", a.reference);
    if (!a.original_id.empty() && a.original_id != a.reference)
      out += fmt::format("    {}: {}\n", vi ? "thông điệp được kiểm tra" : "message checked", a.original_id);
    if (!a.time.empty()) out += fmt::format("    {}: {}\n", vi ? "thời gian" : "time", a.time);
    for (const auto& r : a.reasons) out += reason_line(r, vi, "    ");
    std::size_t n = 0;
    for (const auto& inv : a.invoices) {
      out += fmt::format("    {} {}: {}{}/{} {}", vi ? "hóa đơn" : "invoice", ++n, inv.template_code, inv.series,
                         inv.number, outcome_word(inv.outcome, vi));
      if (!inv.date.empty()) out += fmt::format(" ({})", inv.date);
      if (!inv.mccqt.empty()) out += fmt::format(", MCCQT {}", inv.mccqt);
      out += "\n";
      for (const auto& r : inv.reasons) out += reason_line(r, vi, "        ");
    }
  }
  out += diagnostics_to_text(a.report, file, lang);
  const std::string_view vi_word = a.outcome == Outcome::Accepted  ? "chấp nhận"
                                   : a.outcome == Outcome::Refused ? "từ chối"
                                                                   : "không rõ";
  out += verdict_to_text(a.report, file, a.report.ok(), lang, outcome_name(a.outcome), vi_word);
  return out;
}

}  // namespace hoadon::envelope
