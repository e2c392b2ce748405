#include "sign/draft.hpp"

#include <set>

#include <fmt/format.h>

#include "dsig/algorithms.hpp"
#include "dsig/findings.hpp"
#include "dsig/ids.hpp"
#include "dsig/signature.hpp"
#include "dsig/template.hpp"
#include "init.hpp"
#include "pki/certificate.hpp"
#include "pki/time.hpp"
#include "xml/edits.hpp"
#include "xml/node.hpp"

namespace hoadon::sign {

// The verifier's engine, which signing shares.
using dsig::Algorithm;
using dsig::allowed;
using dsig::base64;
using dsig::build_template;
using dsig::digest_references;
using dsig::Findings;
using dsig::IdTable;
using dsig::inside;
using dsig::parse_signature;
using dsig::ParsedSignature;
using dsig::referenceable;
using dsig::set_text;
using dsig::signature_value;
using dsig::SignatureResult;
using dsig::ToBeSigned;
using dsig::Use;
namespace {

const xmlChar* bad(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

// The signature the document already carries whose references cover one of `nodes` (changing
// it would break that signature), and that node; {null, null} when none. Read with the
// verifier's strict reader.
std::pair<const model::SignatureNodes*, const xmlNode*> covering(const xml::Document& doc, const model::Index& index,
                                                                 const IdTable& ids,
                                                                 std::initializer_list<const xmlNode*> nodes) {
  for (const auto& s : index.signatures) {
    Report scratch;
    SignatureResult result;
    Findings findings(scratch, result);
    const ParsedSignature parsed = parse_signature(doc, s.signature, ids, findings);
    for (const auto& ref : parsed.references)
      for (const xmlNode* n : nodes)
        if (n && ref.target && inside(n, ref.target)) return {&s, n};
  }
  return {nullptr, nullptr};
}

void link_first(xmlNode* parent, xmlNode* node) {
  if (parent->children)
    xmlAddPrevSibling(parent->children, node);
  else
    xmlAddChild(parent, node);
}

}  // namespace

std::unique_ptr<Draft> Draft::create(const xml::Document& doc, const model::Index& index, const Placement& p,
                                     const SignatureSpec& spec, Report& report) {
  ensure_initialized();
  const Location here = doc.locate(p.slot_node ? p.slot_node : p.list ? p.list : p.owner);
  auto refuse = [&](Code code, const std::string& en, const std::string& vi) -> std::unique_ptr<Draft> {
    report.add(code, here, fmt::format("Not signed: {}", en), fmt::format("Không ký: {}", vi));
    return nullptr;
  };
  const Algorithm* method = allowed(spec.method, Use::Signature);
  const Algorithm* digest = allowed(spec.digest, Use::Digest);
  if (!method || !digest)
    return refuse(Code::DsigAlgorithm, fmt::format("{} with {} is not allowed", spec.method, spec.digest),
                  fmt::format("{} với {} không được phép", spec.method, spec.digest));
  if (spec.certificates.empty())
    return refuse(Code::DsigKey, "no certificate to put in KeyInfo", "không có chứng thư số để đưa vào KeyInfo");

  auto table = std::make_unique<IdTable>(doc.tree());
  IdTable& ids = *table;
  const auto existing_id = xml::attribute(p.data, "Id");
  if (existing_id && ids.duplicated(*existing_id))
    return refuse(
        Code::DsigDuplicateId,
        fmt::format("{} has Id=\"{}\", which does not name it alone", xml::xpath(p.data), *existing_id),
        fmt::format("{} có Id=\"{}\", không xác định duy nhất phần tử này", xml::xpath(p.data), *existing_id));
  if (existing_id && !referenceable(*existing_id))
    return refuse(Code::DsigUri,
                  fmt::format("{} has Id=\"{}\", which a reference cannot name", xml::xpath(p.data), *existing_id),
                  fmt::format("{} có Id=\"{}\", không thể dùng trong tham chiếu", xml::xpath(p.data), *existing_id));
  // Nothing another signature covers may change: neither where the signature goes, nor the data
  // (which changes when it gets an Id).
  const xmlNode* changed = p.slot_node ? p.slot_node : p.list ? p.list : p.owner;
  if (const auto [other, node] = covering(doc, index, ids, {changed, existing_id ? nullptr : p.data}); other)
    return refuse(Code::SignBreaks,
                  fmt::format("the {} signature at {} covers {}, which this signature would change", other->slot,
                              xml::xpath(other->signature), xml::xpath(node)),
                  fmt::format("chữ ký {} tại {} bao phủ {}, phần mà chữ ký này sẽ làm thay đổi", other->slot,
                              xml::xpath(other->signature), xml::xpath(node)));

  std::set<std::string> chosen;
  auto free_id = [&](const std::string& id) { return !ids.find(id) && !ids.duplicated(id) && !chosen.count(id); };
  auto unique = [&](const std::string& base) {
    std::string id = base;
    for (int i = 2; !free_id(id); ++i) id = fmt::format("{}-{}", base, i);
    chosen.insert(id);
    return id;
  };
  auto given = [&](const std::string& id) -> std::optional<std::string> {
    if (!free_id(id)) return std::nullopt;
    chosen.insert(id);
    return id;
  };
  const std::string data_id = existing_id ? *existing_id : unique("data");
  chosen.insert(data_id);
  const auto signature_id = spec.signature_id.empty() ? std::optional(unique(p.slot)) : given(spec.signature_id);
  const auto object_id = !signature_id            ? std::nullopt
                         : spec.object_id.empty() ? std::optional(unique("SigningTime-" + *signature_id))
                                                  : given(spec.object_id);
  if (!signature_id || !object_id)
    return refuse(Code::DsigDuplicateId, "the Id asked for the signature is already used",
                  "Id yêu cầu cho chữ ký đã được dùng");

  std::unique_ptr<Draft> d(new Draft(doc));
  d->ids_ = std::move(table);
  d->slot_ = p.slot;
  d->invoice_ = p.invoice;
  d->signature_id_ = *signature_id;
  d->signing_time_ = pki::format_vietnam(spec.signing_time);
  xmlNode* sig = build_template(doc.tree(), *method, *digest, data_id, *signature_id, *object_id, d->signing_time_,
                                spec.certificates);
  if (!sig) return refuse(Code::DsigEngine, "cannot build the signature", "không tạo được chữ ký");
  d->signature_ = sig;
  // Into the tree, at the place the bytes will take it; what is created is written as the
  // format has it, in no namespace (the parent is in none: it was recognised by plain name).
  auto element = [&](std::string_view name) {
    return xmlNewDocNode(doc.tree(), nullptr, bad(std::string(name)), nullptr);
  };
  if (p.slot_node) {
    link_first(p.slot_node, sig);
    d->inserted_ = sig;
    d->anchor_node_ = p.slot_node;
  } else if (p.list) {
    xmlNode* slot = element(p.slot);
    xmlAddChild(slot, sig);
    d->inserted_ = slot;
    // After the slots the format puts before it, else first.
    xmlNode* before = nullptr;
    for (auto s : p.slots) {
      if (s == p.slot) break;
      if (xmlNode* c = xml::child(p.list, s)) before = c;
    }
    if (before) {
      xmlAddNextSibling(before, slot);
      d->anchor_ = Anchor::After;
      d->anchor_node_ = before;
    } else {
      link_first(p.list, slot);
      d->anchor_node_ = p.list;
    }
  } else {
    xmlNode* top = element(p.slots.empty() ? p.slot : "DSCKS");
    if (p.slots.empty()) {
      xmlAddChild(top, sig);
    } else {
      for (auto s : p.slots) {
        xmlNode* slot = xmlNewChild(top, nullptr, bad(std::string(s)), nullptr);
        if (s == p.slot) xmlAddChild(slot, sig);
      }
    }
    xmlAddChild(p.owner, top);
    d->inserted_ = top;
    d->anchor_ = Anchor::LastChild;
    d->anchor_node_ = p.owner;
  }
  if (!existing_id) {
    d->data_ = p.data;
    d->added_id_ = xmlNewProp(p.data, BAD_CAST "Id", bad(data_id));
    ids.add(p.data);
  }
  ids.add(sig);
  for (xmlNode* c = xml::first_child_element(sig); c; c = xml::next_element(c))
    if (xml::is_dsig(c, "Object")) ids.add(c);
  return d;
}

bool Draft::digest(Report& report) {
  auto tbs = digest_references(signature_, *ids_, false, report);
  if (!tbs) return false;
  tbs_ = std::move(*tbs);
  return true;
}

Draft::~Draft() {
  if (inserted_) {
    xmlUnlinkNode(inserted_);
    xmlFreeNode(inserted_);  // frees its Ids' registrations with it
  }
  if (added_id_) xmlRemoveProp(added_id_);
}

std::string Draft::bytes(std::string_view value) {
  if (!value.empty()) set_text(signature_value(signature_), base64(value));
  const Owned<xmlBuffer, xmlBufferFree> buf(xmlBufferCreate());
  if (!buf || xmlNodeDump(buf.get(), doc_.tree(), inserted_, 0, 0) < 0) throw std::bad_alloc();
  const std::string markup(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                           static_cast<std::size_t>(xmlBufferLength(buf.get())));
  xml::Edits edits(doc_);
  if (added_id_) edits.add_attribute(data_, "Id", xml::attribute(data_, "Id").value_or(""));
  switch (anchor_) {
    case Anchor::FirstChild:
      edits.prepend_child(anchor_node_, markup);
      break;
    case Anchor::LastChild:
      edits.append_child(anchor_node_, markup);
      break;
    case Anchor::After:
      edits.insert_after(anchor_node_, markup);
      break;
  }
  return edits.apply();
}

}  // namespace hoadon::sign
