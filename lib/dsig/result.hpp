// What verification says about each signature and about the document, in the words of the
// JSON contract (`outcome`, `integrity`, `reason`, `signer`, `covers`, `warnings`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pki/online.hpp"
#include "report/report.hpp"

namespace hoadon::dsig {

// In the spirit of ETSI EN 319 102-1: valid; invalid (integrity or policy failure);
// indeterminate (integrity fine, trust not established).
enum class Outcome { Valid, Invalid, Indeterminate };
[[nodiscard]] std::string_view outcome_name(Outcome o) noexcept;  // "valid" / "invalid" / "indeterminate"

// The certificate that made the signature, read from the certificate itself (never from
// X509SubjectName).
struct Signer {
  std::string subject;                   // RFC 4514 form, UTF-8
  std::string tax_code;                  // the identifier matched against the document, else the first (MST first)
  std::vector<std::string> identifiers;  // every UID identifier, as written: "MST:0101243150", "CCCD:…"
  std::string issuer;
  std::string serial;      // hexadecimal
  std::string not_before;  // ISO 8601 UTC, e.g. 2025-03-03T04:03:52Z
  std::string not_after;
  int key_bits = 0;
};

struct SignatureResult {
  std::string slot;  // NBan, NMua, CQT, CCKSKhac, CKSNNT, NNT, TTCQT, … ("" outside any slot)
  int invoice = -1;  // owning invoice, or -1
  std::string path;  // XPath of the ds:Signature
  unsigned line = 0;
  std::string id;  // Signature/@Id
  Outcome outcome = Outcome::Valid;
  bool intact = false;       // the signature value and every reference verified
  std::string reason;        // sub-reason when not valid (stable words, see README), else ""
  std::string algorithm;     // rsa-sha256, rsa-sha1, … or the URI when unknown
  std::string signing_time;  // as written, "" when absent
  std::optional<Signer> signer;
  std::vector<std::string> covers;    // XPaths of the nodes the references cover ("/" = the document)
  std::vector<std::string> warnings;  // codes of the warnings about this signature
  bool trust_checked = false;         // false in integrity-only mode and when integrity failed
};

enum class Policy { Default, Strict };
enum class VerifyProfile { Invoice, XmlDsig };

struct VerifyOptions {
  Policy policy = Policy::Default;
  std::int64_t at = 0;  // Unix seconds; 0 = each signature's signing time
  bool integrity_only = false;
  VerifyProfile profile = VerifyProfile::Invoice;
  bool check_tax_code = true;
  pki::OnlineOptions online;  // revocation asked online (OCSP, CRL distribution points): off by default
};

struct Verification {
  std::string kind;                         // HDon, TDiep, … (the document's kind)
  std::vector<SignatureResult> signatures;  // in document order
  Report report;  // the document's own diagnostics (as the profile sees them) and verification's
  bool integrity_only = false;
  VerifyProfile profile = VerifyProfile::Invoice;
  // The verdict behind the exit status: at least one signature, every one valid (intact and
  // not invalid with --integrity-only), and no error diagnostic.
  [[nodiscard]] bool ok() const noexcept;
};

}  // namespace hoadon::dsig
