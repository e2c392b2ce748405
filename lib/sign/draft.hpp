// A new signature made in a parsed document without touching its other bytes.
//
// The signature (and, when missing, an Id on the data it covers, its slot, the DSCKS list) is
// added to the document's tree, where xmlsec computes its digests in the document's real
// context — the namespaces and xml: attributes in scope are the ones a verifier will see. The
// output is the original bytes with the signature's own serialisation spliced in at its slot:
// nothing else is re-serialised. The tree changes are undone when the Draft goes away, so the
// parsed document can be used again (verified, signed by someone else…).
//
// The shape is the tax authority's (format §5.1, §5.5): XMLDSig in its own default namespace;
// Reference 1 to "#<data Id>" with the enveloped-signature transform; Reference 2 to the Object
// holding SignatureProperties/SignatureProperty[@Target]/SigningTime (Vietnam's time, no
// zone); inclusive C14N 1.0; KeyInfo/X509Data with X509SubjectName and X509Certificate(s).
#pragma once

#include <libxml/tree.h>
#include <openssl/x509.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsig/ids.hpp"
#include "dsig/sign.hpp"
#include "model/index.hpp"
#include "report/report.hpp"
#include "sign/placement.hpp"
#include "xml/document.hpp"

namespace hoadon::sign {

struct SignatureSpec {
  std::string method = "rsa-sha256";  // short names, from the allow-list
  std::string digest = "sha256";
  std::int64_t signing_time = 0;    // Unix seconds
  std::vector<X509*> certificates;  // for KeyInfo, the signer's first (borrowed)
  std::string signature_id;         // "" = the slot's name, made unique in the document
  std::string object_id;            // "" = "SigningTime-<signature Id>"
};

class Draft {
 public:
  // Adds the signature to the tree (cheap: nothing is computed yet). Null with diagnostics when
  // the new signature would change what another signature of the document covers
  // (SIGN-BREAKS-SIGNATURE), when the data's Id is not unique or an algorithm is not allowed.
  [[nodiscard]] static std::unique_ptr<Draft> create(const xml::Document& doc, const model::Index& index,
                                                     const Placement& placement, const SignatureSpec& spec,
                                                     Report& report);
  // Fills the digests and computes what the key must sign (false with diagnostics when xmlsec
  // fails).
  bool digest(Report& report);
  ~Draft();
  Draft(const Draft&) = delete;
  Draft& operator=(const Draft&) = delete;

  [[nodiscard]] const dsig::ToBeSigned& to_be_signed() const noexcept { return tbs_; }
  [[nodiscard]] xmlNode* signature() const noexcept { return signature_; }
  // The signature as the index and the verifier's binding see signatures.
  [[nodiscard]] model::SignatureNodes nodes() const { return {signature_, slot_, invoice_}; }
  [[nodiscard]] const std::string& signature_id() const noexcept { return signature_id_; }
  [[nodiscard]] const std::string& signing_time() const noexcept { return signing_time_; }

  // The document's bytes with the signature holding `value` (the raw signature value); an empty
  // value leaves SignatureValue empty: a pending signature, completed later (two-phase signing).
  [[nodiscard]] std::string bytes(std::string_view value);

 private:
  enum class Anchor { FirstChild, LastChild, After };
  explicit Draft(const xml::Document& doc) : doc_(doc) {}

  const xml::Document& doc_;
  std::unique_ptr<dsig::IdTable> ids_;  // the document's Ids, the signature's own included
  xmlNode* signature_ = nullptr;
  xmlNode* inserted_ = nullptr;  // the root of what was added: the signature, its slot or its list
  Anchor anchor_ = Anchor::FirstChild;
  const xmlNode* anchor_node_ = nullptr;
  xmlNode* data_ = nullptr;
  xmlAttr* added_id_ = nullptr;  // the Id given to the data, when it had none
  std::string slot_;
  int invoice_ = -1;
  std::string signature_id_, signing_time_;
  dsig::ToBeSigned tbs_;
};

}  // namespace hoadon::sign
