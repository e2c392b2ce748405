// Verification of every signature of a parsed document: strict reading, binding to the nodes
// each role must cover, xmlsec for the cryptography, lib/pki for the signer and the trust.
#pragma once

#include "dsig/result.hpp"
#include "model/index.hpp"
#include "pki/trust.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::dsig {

// `doc_report` holds what parsing and indexing found; the result carries those diagnostics
// that matter under the chosen profile. `trust` may be null (no trust configured). The
// document's ID table is rebuilt (see IdTable): do not verify one document from two threads.
[[nodiscard]] Verification verify_document(const xml::Document& doc, const model::Index& index,
                                           const Report& doc_report, const pki::TrustStore* trust,
                                           const VerifyOptions& options);

// What a report says of a signer: the certificate's description, its tax code the first MST
// identifier (else the first identifier).
[[nodiscard]] Signer signer_of(const pki::CertificateInfo& info);

// The result for an input the parser rejected: its diagnostics, no signature, not ok.
[[nodiscard]] Verification rejected_document(const Report& doc_report, const VerifyOptions& options);

}  // namespace hoadon::dsig
