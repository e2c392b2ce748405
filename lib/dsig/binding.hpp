// What each signature must cover, found from the document index by path — never by Id — and
// the check that its references cover exactly that. This is the defence against signature
// wrapping: a signature that verifies over a node other than the one applications read is
// worthless, so the node read (HDon/DLHDon, TDiep/DLieu, the form's data…) must be the node
// covered.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "dsig/findings.hpp"
#include "dsig/result.hpp"
#include "dsig/signature.hpp"
#include "model/index.hpp"
#include "xml/document.hpp"

namespace hoadon::dsig {

struct Role {
  std::string name_en, name_vi;  // "seller signature", "chữ ký người bán"
  bool placed = true;            // false: the signature sits where no role is defined
  struct Need {
    const xmlNode* node = nullptr;  // null: the document lacks it (always a failure)
    std::string what;               // its path, for messages
  };
  std::vector<Need> required;            // each must be covered
  std::vector<const xmlNode*> optional;  // may be covered without a warning
  const xmlNode* scope = nullptr;        // references outside it (and outside the signature) point
                                         // elsewhere; null: no limit
  bool signing_time_required = false;    // invoices, CKSNNT: one SigningTime, covered, not in the future
  bool signing_time_expected = false;    // e-invoice documents carry one (warn when missing)
  bool tax_authority = false;            // the slot takes only the tax authority's certificates (pki/authority.hpp)
  // Elements whose text the signer's tax code must equal (any of them); empty: no check.
  std::vector<const xmlNode*> tax_codes;
};

// The signed part of a form or list (TBao/DLTBao, TKhai/DLTKhai, BTHDLieu/DLBTHop, BBan/NDBBan…), or
// null.
[[nodiscard]] xmlNode* form_data(const xmlNode* form);

[[nodiscard]] Role role_of(const model::Index& index, const model::SignatureNodes& sig, VerifyProfile profile);

// Checks the references against the role, fills result.covers, reports through findings.
// Returns whether the signing time is covered by the signature (and so may be relied on).
bool check_binding(const xml::Document& doc, const Role& role, const ParsedSignature& sig, Findings& findings);

}  // namespace hoadon::dsig
