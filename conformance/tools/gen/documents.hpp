// The base documents of the cases: the bundled demo invoices (examples/invoices), and the demo
// VAT invoice signed the way the format prescribes, by the seller and, once issued, by the tax
// authority (format §5.2, §5.5). Cases are edits of these.
#pragma once

#include <string>

#include "dsig_template.hpp"
#include "suite.hpp"

namespace conformance {

// The 2.1.0 VAT invoice: K26TCB no. 123 of 2026-11-20, seller 4800123456, buyer 0108987656,
// three rates, total 51,570,000 đồng; DLHDon Id="data"; DSCKS with empty NBan, NMua, CCKSKhac.
std::string demo_vat();
// The 2.0.0 sales invoice of a household business (KHMSHDon 2), unsigned.
std::string demo_sales();

inline constexpr const char* kSellerTime = "2026-11-20T10:00:00";
inline constexpr const char* kAuthorityTime = "2026-11-20T10:00:20";
inline constexpr const char* kMccqt = "007D3F9A1C5B2E4D6F8A0B1C2D3E4F5A6B";
inline constexpr const char* kMccqtId = "Id-5b9c0e1d2f3a4b5c6d7e8f9a0b1c2d3e";
inline constexpr const char* kAuthorityHex = "8e2a41c09b7d4f3e9a6b5c4d3e2f1a0b";

// The seller's signature as the format prescribes it (§5.5): Id "seller", inclusive C14N,
// rsa-sha256, DLHDon by Id with the enveloped-signature transform, the signing-time Object.
dsig::Template seller_template();
// The tax authority's layout (§5.2): Id "Tct-…", no transforms, references to DLHDon, its own
// signing-time Object and MCCQT/@Id.
dsig::Template authority_template(const std::string& signing_time = kAuthorityTime);

// `invoice` with `signature` (text) in its empty DSCKS/<slot>.
std::string put_in_slot(const std::string& invoice, const std::string& slot, const std::string& signature);
// The demo VAT invoice on a code series (C26TCB) when `code_series`, else as it is (K26TCB).
std::string demo_on_series(bool code_series);

// The demo invoice signed by the seller with `t`, with `cert` (default: the valid seller).
std::string seller_signed(const Suite& s, const dsig::Template& t, bool code_series = false, const Cert* cert = nullptr,
                          bool permissive = false);
std::string seller_signed(const Suite& s);
// The element MCCQT with its Id, as the tax authority inserts it after DLHDon.
std::string mccqt_element();
// What the tax authority does to a seller-signed code invoice (in `doc`, bare or in a message):
// inserts MCCQT after DLHDon and signs with template `t` in DSCKS/CQT.
std::string issue_code(const Suite& s, std::string doc, const dsig::Template& t);
// The demo invoice issued with a code: C26TCB signed by the seller, then issued by the tax
// authority at `authority_time`.
std::string issued(const Suite& s, const std::string& authority_time = kAuthorityTime);

}  // namespace conformance
