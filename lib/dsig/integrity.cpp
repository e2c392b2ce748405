#include "dsig/integrity.hpp"

#include <xmlsec/crypto.h>
#include <xmlsec/keys.h>
#include <xmlsec/membuf.h>
#include <xmlsec/parser.h>
#include <xmlsec/xmldsig.h>

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "dsig/algorithms.hpp"
#include "dsig/engine.hpp"
#include "dsig/relative_ns.hpp"
#include "dsig/subtree.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

// What the chain callbacks need; they run synchronously inside xmlSecDSigCtxVerify on this
// thread (xmlsec does not hand its user data to reference contexts).
struct Session {
  const ParsedSignature* sig;
  const RelativeNamespaces* relative;
  bool identity_applied = false;
  bool relative_seen = false;  // a relative namespace URI was in what was hashed
  std::string refused;         // why a chain was refused
};
thread_local Session* t_session = nullptr;

bool expected_klass(xmlSecTransformId id) {
  if (id == xmlSecTransformXPointerId || id == xmlSecTransformMemBufId || id == xmlSecTransformXmlParserId ||
      id == subtree_focus_klass())
    return true;
  const auto all = allowed_algorithms();
  return std::any_of(all.begin(), all.end(), [&](const Algorithm& a) { return a.klass() == id; });
}

int refuse(Session& s, std::string why) {
  s.refused = std::move(why);
  return -1;
}

// Every transform of the chain is allow-listed or xmlsec's own plumbing (XPointer, parser, buffer).
bool only_expected(xmlSecTransformCtxPtr ctx, Session& s) {
  for (xmlSecTransformPtr t = ctx->first; t; t = t->next)
    if (!expected_klass(t->id)) {
      refuse(s, fmt::format("unexpected transform {}", reinterpret_cast<const char*>(xmlSecTransformGetName(t))));
      return false;
    }
  return true;
}

// Runs once per Reference, after xmlsec has built its chain and before any data flows.
int on_reference_chain(xmlSecTransformCtxPtr ctx) {
  Session* s = t_session;
  if (!s) return -1;
  xmlSecTransformPtr digest = hashing_step(ctx, "DigestMethod");
  if (!digest) return refuse(*s, "a reference chain without DigestMethod");
  const auto& refs = s->sig->references;
  const auto ref =
      std::find_if(refs.begin(), refs.end(), [&](const Reference& r) { return r.node == digest->hereNode->parent; });
  if (ref == refs.end()) return refuse(*s, "xmlsec processed a Reference hoadon did not read");
  // The chain must be made of what hoadon checked: its own Transforms plus xmlsec's plumbing.
  if (!only_expected(ctx, *s)) return -1;
  for (xmlSecTransformPtr t = ctx->first; t; t = t->next)
    if (t->hereNode && xml::is_dsig(t->hereNode, "Transform") &&
        std::find(ref->transforms.begin(), ref->transforms.end(), t->hereNode) == ref->transforms.end())
      return refuse(*s, "a Transform outside the reference hoadon read");
  if (ref->enveloped && !ref->removes_signature) {
    // The transform is identity here: the target does not contain the signature (a no-op), or
    // lies inside it (.NET semantics, where a literal reading would remove the whole target).
    drop_transforms(ctx, xmlSecTransformEnvelopedId);
    if (ref->enveloped_as_identity) s->identity_applied = true;
  }
  if (s->relative->any() && !s->relative->insert_before(ctx, digest, &s->relative_seen))
    return refuse(*s, "out of memory");
  return focus_c14n_on_subtrees(ctx) ? 0 : refuse(*s, "out of memory");
}

// Runs for SignedInfo (canonicalization, then the signature method).
int on_signed_info_chain(xmlSecTransformCtxPtr ctx) {
  Session* s = t_session;
  if (!s || !only_expected(ctx, *s)) return -1;
  if (!focus_c14n_on_subtrees(ctx)) return refuse(*s, "out of memory");
  if (!s->relative->any()) return 0;
  xmlSecTransformPtr method = hashing_step(ctx, "SignatureMethod");
  if (!method) return refuse(*s, "SignedInfo without SignatureMethod");
  return s->relative->insert_before(ctx, method, &s->relative_seen) ? 0 : refuse(*s, "out of memory");
}

std::string_view uri_of(const xmlSecDSigReferenceCtx* r) {
  return r->uri ? std::string_view(reinterpret_cast<const char*>(r->uri)) : std::string_view();
}

}  // namespace

Integrity check_integrity(const ParsedSignature& sig, EVP_PKEY* pkey, const RelativeNamespaces& relative) {
  Integrity out;
  DsigContext ctx = restricted_context();
  if (!ctx) {
    out.detail = "cannot create the xmlsec signature context";
    return out;
  }
  ctx->signKey = engine_key(pkey);  // owned by the context from here on
  if (!ctx->signKey) {
    out.detail = "xmlsec cannot use the signer's key";
    return out;
  }
  ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
  ctx->referencePreExecuteCallback = on_reference_chain;
  ctx->transformCtx.preExecCallback = on_signed_info_chain;

  const std::optional<RelativeNamespaces::Applied> applied =
      relative.any() ? std::optional<RelativeNamespaces::Applied>(std::in_place, relative) : std::nullopt;
  Session session{&sig, &relative, false, false, {}};
  EngineMessages messages;
  t_session = &session;
  const int rc = xmlSecDSigCtxVerify(ctx.get(), sig.node);
  t_session = nullptr;

  out.enveloped_as_identity = session.identity_applied;
  out.relative_namespaces = session.relative_seen;
  xmlSecPtrListPtr list = &ctx->signedInfoReferences;
  const xmlSecSize n = xmlSecPtrListGetSize(list);
  for (xmlSecSize i = 0; i < n; ++i) {
    const auto* r = static_cast<const xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(list, i));
    // One for one: xmlsec's i-th reference is the i-th hoadon read, with the same URI.
    if (!r || i >= sig.references.size() || uri_of(r) != sig.references[i].uri) {
      out.detail = "xmlsec's list of references differs from the signature's";
      return out;
    }
    if (r->status == xmlSecDSigStatusSucceeded) {
      ++out.checked;
    } else if (rc >= 0) {
      out.status = Integrity::Status::DigestMismatch;
      out.failed_reference = i;
      out.detail = messages.first();
      return out;
    }
  }
  if (rc < 0) {
    out.detail = !session.refused.empty() ? session.refused : messages.first();
    if (out.detail.empty()) out.detail = "xmlsec failed without a message";
    return out;
  }
  const bool all_checked = out.checked == sig.references.size();
  if (ctx->status == xmlSecDSigStatusSucceeded && all_checked) {
    out.status = Integrity::Status::Intact;
  } else if (ctx->status == xmlSecDSigStatusInvalid && all_checked) {
    out.status = Integrity::Status::ValueMismatch;
    out.detail = messages.first();
  } else {
    out.detail = fmt::format("xmlsec checked {} of {} references", out.checked, sig.references.size());
  }
  return out;
}

}  // namespace hoadon::dsig
