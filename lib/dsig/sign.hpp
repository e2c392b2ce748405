// Signing: fills a prepared ds:Signature template with xmlsec, and builds the template of a
// Vietnamese invoice signature (format §5.5). The signing issue (key files, PKCS#11, external
// signers, byte-preserving insertion) builds on these two functions.
#pragma once

#include <libxml/tree.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/index.hpp"
#include "report/report.hpp"

namespace hoadon::dsig {

struct SigningKey {
  EVP_PKEY* key = nullptr;   // private key (borrowed)
  std::vector<X509*> chain;  // the signer's certificate first, then issuers to embed (borrowed)
};

struct SignOptions {
  // Sign with any transform or algorithm the template names. Only for producing test material
  // that verification must refuse; by default the verifier's allow-lists apply.
  bool permissive = false;
};

// Computes every DigestValue and the SignatureValue of `signature`, a template already in its
// document: references are resolved through the document's `Id` attributes (which must be
// unique), KeyInfo/X509Data children (X509Certificate, X509SubjectName) are filled from the
// certificates. Returns false with diagnostics in `report` on failure.
bool sign_template(xmlNode* signature, const SigningKey& key, Report& report, const SignOptions& options = {});

struct InvoiceSignature {
  std::string slot = "NBan";          // DSCKS child: NBan, NMua, CCKSKhac
  std::string signature_id = "NBan";  // Signature/@Id, target of SignatureProperty/@Target
  std::string object_id = "SigningTime";
  std::int64_t signing_time = 0;      // Unix seconds, written in Vietnam's time without zone
  std::string method = "rsa-sha256";  // short names, from the allow-list
  std::string digest = "sha256";
};

// Adds the template of a §5.5 signature to `invoice` (in DSCKS/<slot>, created when absent):
// inclusive C14N, a Reference to "#<DLHDon Id>" with the enveloped-signature transform, a
// Reference to the signing-time Object, KeyInfo/X509Data (X509SubjectName, X509Certificate).
// Returns the ds:Signature element, or null with diagnostics (DLHDon without Id, slot already
// signed, Id already used, algorithm not allowed).
xmlNode* add_invoice_signature(const model::InvoiceNodes& invoice, const InvoiceSignature& spec, Report& report);

// Parses an invoice, adds a §5.5 signature to its first invoice, signs it and returns the
// document re-serialised (the tree is written out again; byte-preserving insertion is the
// signing issue's). Returns "" with diagnostics on failure.
std::string sign_invoice(std::string bytes, const SigningKey& key, const InvoiceSignature& spec, Report& report);

// Parses a document, signs every template in it (a ds:Signature whose SignatureValue is
// empty) and returns it re-serialised, or "" with diagnostics.
std::string sign_templates(std::string bytes, const SigningKey& key, Report& report, const SignOptions& options = {});

}  // namespace hoadon::dsig
