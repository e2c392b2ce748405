// The Id attributes of a document. Real signers use plain attributes named `Id` (on DLHDon,
// MCCQT, Object, DLTBao, STBao, DLieu…), declared by no DTD, so the verifier registers them
// itself — and only them: libxml2's own registrations (xml:id) are dropped, so that "#x" can
// mean one thing only. A value carried by two elements is registered for neither: it is an
// error, never "the first one wins".
//
// Generic XMLDSig documents (SAML, WS-Security, metadata) name their Ids `ID`, `id` or
// `wsu:Id`: the XMLDSig profile registers all four, and a value carried twice across any of
// them is a duplicate just the same.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hoadon::dsig {

enum class IdNames {
  Invoice,  // `Id` only (e-invoice documents)
  Generic,  // `Id`, `ID`, `id` and wsu:Id (the XMLDSig profile)
};

class IdTable {
 public:
  struct Duplicate {
    xmlNode* element;
    std::string value;
  };

  // Registers every Id attribute of the document as an XML ID (xmlAddID), replacing the
  // document's ID table, and records the values that occur more than once.
  explicit IdTable(xmlDoc* doc, IdNames names = IdNames::Invoice);

  // Registers the Id of an element added to the document after the table was built (a signature
  // being made). Its value must be new (std::logic_error otherwise).
  void add(xmlNode* element);

  // The element carrying this Id, or null when no element or several elements carry it.
  [[nodiscard]] xmlNode* find(std::string_view id) const;
  [[nodiscard]] bool duplicated(std::string_view id) const;
  // Every element carrying a duplicated value, in document order (for the diagnostics).
  [[nodiscard]] const std::vector<Duplicate>& duplicates() const noexcept { return duplicates_; }

 private:
  IdNames names_;
  std::unordered_map<std::string, xmlNode*> unique_;
  std::unordered_map<std::string, std::size_t> counts_;
  std::vector<Duplicate> duplicates_;
};

}  // namespace hoadon::dsig
