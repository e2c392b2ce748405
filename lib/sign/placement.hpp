// Where a new signature goes, chosen by the signer's role: the slot and the data it must cover
// are the ones the verifier's binding (binding.hpp) reads for that slot.
//
//   seller    HDon/DSCKS/NBan     covers HDon/DLHDon
//   buyer     HDon/DSCKS/NMua     covers HDon/DLHDon
//   taxpayer  <form>/DSCKS/NNT    covers the form's data (TKhai 01/ĐKTĐ, TBao 04/SS, BTHDLieu)
//             TDiep/CKSNNT        covers TDiep/DLieu (message 206: cash-register invoices)
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/index.hpp"
#include "report/report.hpp"

namespace hoadon::sign {

enum class SignerRole { Seller, Buyer, Taxpayer };
[[nodiscard]] std::string_view role_name(SignerRole r) noexcept;  // "seller", "buyer", "taxpayer"

struct Placement {
  SignerRole role = SignerRole::Seller;
  std::string slot;              // NBan, NMua, NNT or CKSNNT
  xmlNode* data = nullptr;       // what the signature covers (it needs an Id)
  xmlNode* owner = nullptr;      // what holds the signature list: HDon, the form, TDiep
  xmlNode* list = nullptr;       // owner's DSCKS; null when it is to be created (always for CKSNNT)
  xmlNode* slot_node = nullptr;  // the empty slot; null when it is to be created
  // The slots of the signature list, in the format's order (a missing list is created with all of
  // them, empty but the signer's, so that others can sign after); empty for CKSNNT.
  std::vector<std::string_view> slots;
  int invoice = -1;  // the invoice signed (index in Index::invoices), or -1
};

// Where `role` signs `index`'s document: for an envelope with several invoices, `invoice` says
// which (-1: the only one). Reports SIGN-NO-ROLE (no such place, or no data to cover) or
// SIGN-SLOT-TAKEN and returns nullopt.
[[nodiscard]] std::optional<Placement> place(const xml::Document& doc, const model::Index& index, SignerRole role,
                                             int invoice, Report& report);

// The elements whose text the tax code in the certificate of signature `s` must equal: those of
// the verifier's role for its slot (binding.hpp), and for a form's taxpayer (NNT) the form's MST.
[[nodiscard]] std::vector<const xmlNode*> party_tax_codes(const model::Index& index, const model::SignatureNodes& s);

}  // namespace hoadon::sign
