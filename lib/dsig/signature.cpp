#include "dsig/signature.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "dsig/algorithms.hpp"
#include "model/essentials.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

constexpr std::string_view kExcC14nNs = "http://www.w3.org/2001/10/xml-exc-c14n#";

struct Reader {
  const xml::Document& doc;
  const IdTable& ids;
  Findings& f;
  bool ok = true;
  std::vector<std::string> sha1;  // SHA-1 based algorithms met, reported once per signature

  void structure(const xmlNode* where, const std::string& en, const std::string& vi) {
    ok = false;
    f.problem(Code::DsigStructure, doc.locate(where), en, vi, Stage::Integrity, Outcome::Invalid, "malformed");
  }

  // The Algorithm attribute of `node`, checked against the allow-list; "" when refused.
  std::string algorithm(const xmlNode* node, Use use) {
    const auto uri = xml::attribute(node, "Algorithm");
    if (!uri) {
      structure(node, fmt::format("{} has no Algorithm attribute", xml::name_of(node)),
                fmt::format("{} không có thuộc tính Algorithm", xml::name_of(node)));
      return {};
    }
    const std::string name = model::algorithm_short_name(*uri);
    const Algorithm* a = allowed(name, use);
    if (!a) {
      ok = false;
      const auto why = refusal(name, use);
      const bool transform = use == Use::Transform;
      f.problem(transform ? Code::DsigTransform : Code::DsigAlgorithm, doc.locate(node),
                fmt::format("{} {} is refused: {}", xml::name_of(node), *uri, why.en),
                fmt::format("{} {} bị từ chối: {}", xml::name_of(node), *uri, why.vi), Stage::Integrity,
                Outcome::Invalid, transform ? "forbidden-transform" : "forbidden-algorithm");
      return {};
    }
    if (a->sha1 && std::find(sha1.begin(), sha1.end(), name) == sha1.end()) sha1.push_back(name);
    return name;
  }

  // Elements other than `allowed` children in the XMLDSig namespace are refused.
  bool only_dsig_children(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE && xml::trim(reinterpret_cast<const char*>(c->content)).empty()) continue;
      if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) continue;
      if (c->type == XML_ELEMENT_NODE && xml::ns_of(c) == xml::kDsigNs) continue;
      structure(c, fmt::format("{} holds unexpected content", xml::name_of(n)),
                fmt::format("{} chứa nội dung không hợp lệ", xml::name_of(n)));
      return false;
    }
    return true;
  }

  void transform(Reference& r, xmlNode* t) {
    const std::string name = algorithm(t, Use::Transform);
    r.transforms.push_back(t);
    r.transform_names.push_back(name);
    if (name == "enveloped-signature") r.enveloped = true;
    for (xmlNode* c = xml::first_child_element(t); c; c = xml::next_element(c)) {
      const bool prefix_list =
          name.starts_with("exc-c14n") && xml::ns_of(c) == kExcC14nNs && xml::name_of(c) == "InclusiveNamespaces";
      if (!prefix_list)
        structure(c, fmt::format("Transform {} holds an unexpected element {}", name, xml::name_of(c)),
                  fmt::format("Transform {} chứa phần tử không hợp lệ {}", name, xml::name_of(c)));
    }
  }

  void resolve(Reference& r) {
    const auto where = doc.locate(r.node);
    if (r.uri.empty()) {
      r.whole_document = true;
      r.target = xmlDocGetRootElement(doc.tree());
      return;
    }
    const std::string_view id = std::string_view(r.uri).substr(1);
    if (r.uri[0] != '#' || !referenceable(id)) {
      ok = false;
      f.problem(
          Code::DsigUri, where,
          fmt::format("Reference URI \"{}\" is refused: only \"\" and \"#Id\" (same document) are allowed", r.uri),
          fmt::format("URI tham chiếu \"{}\" bị từ chối: chỉ cho phép \"\" và \"#Id\" (cùng tài liệu)", r.uri),
          Stage::Integrity, Outcome::Invalid, "forbidden-uri");
      return;
    }
    if (ids.duplicated(id)) {
      ok = false;
      f.problem(Code::DsigDuplicateId, where,
                fmt::format("Reference \"{}\" is ambiguous: several elements carry Id=\"{}\"", r.uri, id),
                fmt::format("Tham chiếu \"{}\" không xác định: nhiều phần tử có Id=\"{}\"", r.uri, id),
                Stage::Integrity, Outcome::Invalid, "duplicate-id");
      return;
    }
    r.target = ids.find(id);
    if (!r.target) {
      ok = false;
      f.problem(
          Code::DsigUnresolved, where,
          fmt::format("Reference \"{}\" points to no element: no element carries Id=\"{}\"", r.uri, id),
          fmt::format("Tham chiếu \"{}\" không trỏ tới phần tử nào: không có phần tử nào có Id=\"{}\"", r.uri, id),
          Stage::Integrity, Outcome::Invalid, "unresolved-reference");
    }
  }

  void reference(ParsedSignature& s, xmlNode* node) {
    Reference r;
    r.node = node;
    const auto uri = xml::attribute(node, "URI");
    if (!uri) {
      ok = false;
      f.problem(Code::DsigUri, doc.locate(node), "A Reference without URI is refused: it names no part of the document",
                "Tham chiếu không có URI bị từ chối: nó không chỉ ra phần nào của tài liệu", Stage::Integrity,
                Outcome::Invalid, "forbidden-uri");
    } else {
      r.uri = *uri;
      resolve(r);
    }
    if (!only_dsig_children(node)) return s.references.push_back(std::move(r));
    xmlNode* c = xml::first_child_element(node);
    if (xml::is_dsig(c, "Transforms")) {
      only_dsig_children(c);
      for (xmlNode* t = xml::first_child_element(c); t; t = xml::next_element(t)) {
        if (xml::is_dsig(t, "Transform"))
          transform(r, t);
        else
          structure(t, "Transforms holds an element other than Transform", "Transforms chứa phần tử khác Transform");
      }
      c = xml::next_element(c);
    }
    if (xml::is_dsig(c, "DigestMethod")) {
      r.digest = algorithm(c, Use::Digest);
      c = xml::next_element(c);
    } else {
      structure(node, "The Reference has no DigestMethod", "Reference không có DigestMethod");
    }
    if (xml::is_dsig(c, "DigestValue"))
      c = xml::next_element(c);
    else
      structure(node, "The Reference has no DigestValue", "Reference không có DigestValue");
    if (c) structure(c, "The Reference holds an unexpected element", "Reference chứa phần tử không hợp lệ");
    if (r.target && r.enveloped) {
      r.removes_signature = inside(s.node, r.target);
      r.enveloped_as_identity = !r.whole_document && inside(r.target, s.node);
    }
    s.references.push_back(std::move(r));
  }

  void signed_info(ParsedSignature& s, xmlNode* si) {
    s.signed_info = si;
    if (!only_dsig_children(si)) return;
    xmlNode* c = xml::first_child_element(si);
    if (xml::is_dsig(c, "CanonicalizationMethod")) {
      s.c14n = algorithm(c, Use::Canonicalization);
      c = xml::next_element(c);
    } else {
      structure(si, "SignedInfo has no CanonicalizationMethod", "SignedInfo không có CanonicalizationMethod");
    }
    if (xml::is_dsig(c, "SignatureMethod")) {
      s.method = algorithm(c, Use::Signature);
      if (xml::first_child_element(c))
        structure(c, "SignatureMethod holds unexpected parameters", "SignatureMethod chứa tham số không hợp lệ");
      c = xml::next_element(c);
    } else {
      structure(si, "SignedInfo has no SignatureMethod", "SignedInfo không có SignatureMethod");
    }
    for (; c; c = xml::next_element(c)) {
      if (xml::is_dsig(c, "Reference"))
        reference(s, c);
      else
        structure(c, "SignedInfo holds an element other than Reference after SignatureMethod",
                  "SignedInfo chứa phần tử khác Reference sau SignatureMethod");
    }
    if (s.references.empty())
      structure(si, "SignedInfo has no Reference: the signature covers nothing",
                "SignedInfo không có Reference: chữ ký không bao phủ gì");
  }

  void key_info(ParsedSignature& s, xmlNode* ki) {
    for (xmlNode* c = xml::first_child_element(ki); c; c = xml::next_element(c)) {
      if (xml::is_dsig(c, "X509Data")) {
        for (xmlNode* x = xml::first_child_element(c); x; x = xml::next_element(x))
          if (xml::is_dsig(x, "X509Certificate")) s.certificates.push_back(x);
      } else if (xml::is_dsig(c, "KeyValue")) {
        s.key_value = true;
      } else if (xml::is_dsig(c, "RetrievalMethod")) {
        ok = false;
        f.problem(Code::DsigKey, doc.locate(c), "KeyInfo/RetrievalMethod is refused: the key must be in the signature",
                  "KeyInfo/RetrievalMethod bị từ chối: khóa phải nằm trong chữ ký", Stage::Integrity, Outcome::Invalid,
                  "key-info");
      }
    }
  }

  void object(xmlNode* o) {
    for (xmlNode* c = xml::first_child_element(o); c; c = xml::next_element(c))
      if (xml::is_dsig(c, "Manifest")) {
        ok = false;
        f.problem(Code::DsigStructure, doc.locate(c),
                  "A Manifest is refused: its references would be signed but never checked",
                  "Manifest bị từ chối: các tham chiếu của nó được ký nhưng không bao giờ được kiểm tra",
                  Stage::Integrity, Outcome::Invalid, "manifest");
      }
  }
};

}  // namespace

bool referenceable(std::string_view id) noexcept {
  return !id.empty() && id.find_first_of("()'\" \t\r\n#") == std::string_view::npos;
}

bool inside(const xmlNode* node, const xmlNode* ancestor) noexcept {
  for (const xmlNode* n = node; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

ParsedSignature parse_signature(const xml::Document& doc, xmlNode* signature, const IdTable& ids, Findings& findings) {
  ParsedSignature s;
  s.node = signature;
  Reader r{doc, ids, findings, true, {}};
  r.only_dsig_children(signature);
  xmlNode* c = xml::first_child_element(signature);
  if (xml::is_dsig(c, "SignedInfo")) {
    r.signed_info(s, c);
    c = xml::next_element(c);
  } else {
    r.structure(signature, "The Signature has no SignedInfo", "Chữ ký không có SignedInfo");
  }
  if (xml::is_dsig(c, "SignatureValue"))
    c = xml::next_element(c);
  else
    r.structure(signature, "The Signature has no SignatureValue", "Chữ ký không có SignatureValue");
  if (xml::is_dsig(c, "KeyInfo")) {
    r.key_info(s, c);
    c = xml::next_element(c);
  }
  for (; c; c = xml::next_element(c)) {
    if (xml::is_dsig(c, "Object"))
      r.object(c);
    else
      r.structure(c, fmt::format("The Signature holds an unexpected {} element", xml::name_of(c)),
                  fmt::format("Chữ ký chứa phần tử {} không hợp lệ", xml::name_of(c)));
  }
  if (!r.sha1.empty())
    findings.problem(Code::DsigSha1, doc.locate(signature),
                     fmt::format("The signature uses SHA-1 ({})", fmt::join(r.sha1, ", ")),
                     fmt::format("Chữ ký dùng SHA-1 ({})", fmt::join(r.sha1, ", ")), Stage::Policy, Outcome::Invalid,
                     "weak-algorithm");
  s.signing_times = model::signing_times(signature);
  if (s.signing_times.size() == 1) s.signing_time = s.signing_times.front();
  s.checkable = r.ok;
  return s;
}

}  // namespace hoadon::dsig
