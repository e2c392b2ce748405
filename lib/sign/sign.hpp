// `sign`: what hoadon checks before it signs, and the signing itself — with a key it holds
// (PEM, PKCS#12, PKCS#11 token) in one call, or in two phases for a key it never sees.
//
// Refused, with a diagnostic each: a document that fails validation (schemas, business rules;
// --force signs anyway), a document with no place for the role or a slot already signed, a
// signature that would break one the document carries, a certificate whose tax code is not the
// signing party's (--force), a certificate that does not allow signing or is not valid at the
// signing time, a key that is not the certificate's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dsig/result.hpp"
#include "keys/key.hpp"
#include "model/index.hpp"
#include "pki/certificate.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "sign/placement.hpp"
#include "validate/validate.hpp"
#include "xml/document.hpp"

namespace hoadon::sign {

struct Options {
  std::optional<sign::SignerRole> role;  // nullopt: seller for invoices, taxpayer for forms and messages
  std::int64_t time = 0;                 // signing time, Unix seconds; 0 = now
  bool sha1 = false;                     // rsa-sha1 and sha1 digests, for legacy receivers only
  bool force = false;                    // sign despite validation errors or a tax-code mismatch
  bool include_chain = false;            // embed the signer's CA certificates (not self-signed roots)
  int invoice = -1;                      // which invoice of a message (-1: the only one)
  validate::Options validation;          // how the document is validated before signing
  const Report* validated = nullptr;     // a validation already made of this document: used instead
};

// The signature made (or prepared).
struct Made {
  std::string slot;  // NBan, NMua, NNT, CKSNNT
  int invoice = -1;
  std::string path;                         // XPath of the new ds:Signature in the output
  std::string id;                           // its Id
  std::string algorithm, digest_algorithm;  // "rsa-sha256" and "sha256", or "rsa-sha1" and "sha1"
  std::string signing_time;                 // as written (Vietnam's time)
  dsig::Signer signer;                      // as verification reports signers
  // Two-phase signing: what the external signer signs — the canonical SignedInfo with the
  // algorithm, or its digest (RSASSA-PKCS1-v1_5 over a hash computed already).
  std::string to_be_signed, digest;
};

struct Result {
  Report report;             // validation's diagnostics, then signing's (and writing's)
  std::optional<Made> made;  // set once the signature is made (or prepared)
  std::string bytes;         // the output document ("" when refused)
  bool pending = false;      // prepared only: the SignatureValue is empty
  std::string output;        // where write() put the bytes
  bool unwritten = false;    // write() failed
  [[nodiscard]] bool ok() const noexcept { return !bytes.empty() && !unwritten; }
};

// Signs with `signer`'s key (which must have one). `parsed` holds the parse diagnostics; `doc`
// null means the input was rejected (the result then says why). The document's tree is used and
// left as it was: one document must not be signed from two threads at once.
[[nodiscard]] Result sign(const xml::Document* doc, const model::Index& index, const Report& parsed,
                          const keys::Signer& signer, const Options& options);

// Phase 1 of two: the same checks and the signature with an empty SignatureValue (the pending
// document), with what the external signer must sign. The signer needs no key.
[[nodiscard]] Result prepare(const xml::Document* doc, const model::Index& index, const Report& parsed,
                             const keys::Signer& signer, const Options& options);

// Phase 2: the pending document completed with `value`, the raw signature value. The
// certificate is the one phase 1 embedded; its checks are made again (options: force, the
// signing time is the pending signature's).
[[nodiscard]] Result complete(const xml::Document* doc, const model::Index& index, const Report& parsed,
                              std::string_view value, const Options& options);

// Writes the output document to `path` atomically (util/atomic_file.hpp; `mode` as there). On
// failure the result gets an IO-WRITE diagnostic and is no longer ok. Returns whether it wrote.
bool write(Result& r, const std::string& path, unsigned mode);

// {"file","output","kind","ok","pending","signature":{…},"diagnostics":[…]} (README: Signing).
[[nodiscard]] std::string result_to_json(const Result& r, std::string_view file);
[[nodiscard]] std::string result_to_text(const Result& r, std::string_view file, Lang lang);

}  // namespace hoadon::sign
