// One ds:Signature read strictly, before xmlsec sees it: its shape, its algorithms against the
// allow-lists, each Reference's URI (same-document only) and the element it resolves to
// through the verifier's own Id table.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsig/findings.hpp"
#include "dsig/ids.hpp"
#include "xml/document.hpp"

namespace hoadon::dsig {

struct Reference {
  xmlNode* node = nullptr;           // ds:Reference
  std::string uri;                   // as written ("" or "#id")
  xmlNode* target = nullptr;         // the element it covers (the root element for URI="")
  bool whole_document = false;       // URI=""
  std::vector<xmlNode*> transforms;  // ds:Transform elements, in order
  std::vector<std::string> transform_names;
  bool enveloped = false;  // has the enveloped-signature transform
  // The signature lies inside the target: the enveloped-signature transform takes it out.
  // Elsewhere that transform changes nothing, and is left out of xmlsec's chain (it would only
  // slow canonicalization down).
  bool removes_signature = false;
  std::string digest;  // short name of the DigestMethod
  // The reference covers an element of its own Signature (an Object, usually) and carries the
  // enveloped-signature transform: .NET applies that transform as identity there (the Viettel
  // quirk), and so does hoadon — where a literal reading removes the whole target.
  bool enveloped_as_identity = false;
};

struct ParsedSignature {
  xmlNode* node = nullptr;  // ds:Signature
  xmlNode* signed_info = nullptr;
  std::string c14n;  // short names
  std::string method;
  std::vector<Reference> references;
  std::vector<xmlNode*> certificates;   // KeyInfo/X509Data/X509Certificate, in order
  bool key_value = false;               // KeyInfo carries a KeyValue
  xmlNode* signing_time = nullptr;      // Object/…/SigningTime, any namespace, when there is one only
  std::vector<xmlNode*> signing_times;  // all of them (two or more: ambiguous)
  // The structure and every algorithm, URI and target passed: xmlsec may be run.
  bool checkable = false;
};

// Reads the signature and reports every problem through `findings` (failing it at the
// Integrity stage when the problem prevents a trustworthy check).
[[nodiscard]] ParsedSignature parse_signature(const xml::Document& doc, xmlNode* signature, const IdTable& ids,
                                              Findings& findings);

// Whether "#<id>" is a reference hoadon follows: a bare name, nothing XPointer could read as an
// expression (no parentheses, quotes, white space or '#').
[[nodiscard]] bool referenceable(std::string_view id) noexcept;

// True when `node` is `ancestor` or lies inside it.
[[nodiscard]] bool inside(const xmlNode* node, const xmlNode* ancestor) noexcept;

}  // namespace hoadon::dsig
