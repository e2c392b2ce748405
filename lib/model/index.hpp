// What a document is, and where its key nodes are. Built once after parsing; every later
// stage (essentials, schema choice, rules, signature binding) reads this index instead of
// searching the tree again.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::model {

enum class Kind {
  Invoice,       // HDon
  Envelope,      // TDiep (transmission message)
  Notice,        // TBao (notices of the tax authority, error notice 04/SS, receipt 999)
  Registration,  // TKhai (01/ĐKTĐ-HĐĐT)
  Summary,       // BTHDLieu (01/TH-HĐĐT)
  Minutes,       // BBan (adjustment/replacement minutes)
  Unknown,
};

// The root element name of each kind ("HDon", "TDiep", …; "unknown").
[[nodiscard]] std::string_view kind_name(Kind k) noexcept;

struct InvoiceNodes {
  xmlNode* hdon = nullptr;
  xmlNode* dlhdon = nullptr;  // HDon/DLHDon (exactly one, else DOC-DUPLICATE / DOC-NO-DATA)
  xmlNode* mccqt = nullptr;   // HDon/MCCQT
  xmlNode* qrcode = nullptr;  // HDon/DLQRCode
  xmlNode* dscks = nullptr;   // the HDon/DSCKS holding signatures (the first, if several)
};

struct SignatureNodes {
  xmlNode* signature = nullptr;  // ds:Signature
  std::string slot;              // parent element: NBan, NMua, CQT, CCKSKhac, NNT, TTCQT, CKSNNT, …
  int invoice = -1;              // owning invoice (index into Index::invoices), or -1
};

struct Index {
  Kind kind = Kind::Unknown;
  xmlNode* root = nullptr;
  // Envelope (TDiep) only.
  xmlNode* envelope_header = nullptr;  // TDiep/TTChung
  xmlNode* payload = nullptr;          // TDiep/DLieu
  std::string message_type;            // MLTDiep
  // The form inside an envelope or at the root (TBao, TKhai, BTHDLieu, BBan), if any.
  xmlNode* form = nullptr;
  std::vector<InvoiceNodes> invoices;
  std::vector<SignatureNodes> signatures;  // every ds:Signature, in document order
};

// Message types whose DLieu carries invoices (HDon).
[[nodiscard]] bool carries_invoices(std::string_view message_type) noexcept;

// Recognises the document and locates its key nodes, reporting what is missing or repeated.
[[nodiscard]] Index build_index(const xml::Document& doc, Report& report);

}  // namespace hoadon::model
