// `envelope read`: what the tax authority answered (format §6.2–§6.4) — 202, the coded invoice
// returned with its MCCQT; 204, the data check notice 01/TB-KTDL (LTBao 2: accepted, else refused
// with reasons); 999, the technical receipt (TTTNhan 0: received, 1: refused with reasons) — told
// per invoice it names, the reasons kept as the tax authority wrote them (Vietnamese), with an
// English gloss of the outcome.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/index.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::envelope {

enum class Outcome { Unknown, Accepted, Refused };
[[nodiscard]] std::string_view outcome_name(Outcome o) noexcept;  // "unknown", "accepted", "refused"

// One reason the tax authority gives (DSLDo/LDo): its code and text as written.
struct Reason {
  std::string code;    // MLoi
  std::string text;    // MTLoi (204) or MTa (999)
  std::string action;  // HDXLy: what to do about it (204), "" if none
  std::string note;    // GChu (204), "" if none
  std::string path;    // XPath of the LDo
};

// An invoice the answer names.
struct AnsweredInvoice {
  Outcome outcome = Outcome::Unknown;
  std::string template_code, series, number, date;  // KHMSHDon, KHHDon, SHDon, NLap
  std::string mccqt;                                // the code assigned (202)
  std::string path;                                 // XPath of the HDon
  std::vector<Reason> reasons;
};

struct Answer {
  std::string type;                        // MLTDiep: "202", "204", "999"
  std::string message_id, reference;       // MTDiep of the answer, MTDTChieu: the message answered
  std::string sender, receiver, tax_code;  // MNGui, MNNhan, MST
  Outcome outcome = Outcome::Unknown;
  std::string status;           // what decides: LTBao (204), TTTNhan (999), "" for 202
  std::string gloss;            // the outcome in English
  std::string gloss_vi;         // and in Vietnamese
  std::string original_id;      // 204 MGDDTu, 999 TBao/MTDiep: the message checked
  std::string time;             // 204 TGGui, 999 NNhan: when the tax authority got it
  std::string notice_number;    // 204 So
  std::vector<Reason> reasons;  // about the message as a whole
  std::vector<AnsweredInvoice> invoices;
  Report report;  // the parse diagnostics, then what is wrong with the answer
};

// Reads an answer. `doc` null (rejected input) gives an Unknown outcome with `parsed`'s
// diagnostics. Never fails otherwise: what cannot be read is a located diagnostic.
[[nodiscard]] Answer read_answer(const xml::Document* doc, const model::Index& index, const Report& parsed);

// {"file","kind","ok","answer":{…},"diagnostics":[…]} (examples/cli/JSON.md: envelope read).
[[nodiscard]] std::string answer_to_json(const Answer& a, std::string_view file);
[[nodiscard]] std::string answer_to_text(const Answer& a, std::string_view file, Lang lang);

}  // namespace hoadon::envelope
