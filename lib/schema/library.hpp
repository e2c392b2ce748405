// The embedded schemas, compiled on first use and kept for the life of the process.
//
// libxml2 2.9 resolves xs:include and xs:import only through its process-wide entity loader.
// Rather than hook that global (which a host application may rely on), each entry schema is
// assembled in memory into ONE schema document before libxml2 sees it: every xs:include is
// replaced by the included document's components, and the only xs:import (the XMLDSig
// namespace) is cut: each `ref="ds:Signature"` becomes a wildcard for that namespace, and the
// dsig schema (dsig.xsd / dsig-strict.xsd, self-contained) is compiled on its own and applied
// to every element that wildcard lets through (see signature_slot_child). Nothing is ever
// read from the file system or the network, and no libxml2 global is touched.
#pragma once

#include <libxml/xmlschemas.h>

#include <string>
#include <string_view>

namespace hoadon::schema {

struct Compiled {
  xmlSchemaPtr schema = nullptr;  // null when compilation failed
  std::string error;              // why, for a SCHEMA-INTERNAL diagnostic
};

// True when an embedded file of that name exists ("hdon-2.1.0-1.xsd").
[[nodiscard]] bool has_entry(std::string_view file) noexcept;

// The compiled entry schema (e.g. "hdon-2.1.0-1-strict.xsd"). Compiled once per process, from
// any thread; the result is immutable and shared by concurrent validations.
[[nodiscard]] const Compiled& entry_schema(std::string_view file);

// The XMLDSig schema of a variant, applied to each signature on its own.
[[nodiscard]] const Compiled& dsig_schema(bool strict);

// A ds-namespace element that the entry schema's signature wildcard accepted: a child of a
// signature slot (DSCKS/NBan, DSCKS/CQT, …) or of TDiep/CKSNNT.
[[nodiscard]] bool signature_slot_child(const xmlNode* n) noexcept;

}  // namespace hoadon::schema
