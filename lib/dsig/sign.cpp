#include "dsig/sign.hpp"

#include <openssl/err.h>
#include <openssl/rsa.h>
#include <xmlsec/crypto.h>
#include <xmlsec/membuf.h>
#include <xmlsec/nodeset.h>

#include <memory>

#include <fmt/format.h>

#include "dsig/algorithms.hpp"
#include "dsig/engine.hpp"
#include "dsig/relative_ns.hpp"
#include "dsig/signature.hpp"
#include "dsig/subtree.hpp"
#include "init.hpp"
#include "model/essentials.hpp"
#include "pki/certificate.hpp"
#include "pki/der.hpp"
#include "xml/document.hpp"
#include "xml/edits.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

// What the reference chain callback needs; it runs synchronously inside xmlsec on this thread
// (xmlsec hands no user data to reference contexts), as the verifier's does.
struct Session {
  const RelativeNamespaces* relative;
  bool keep_enveloped = false;  // the reference being processed covers the signature itself
  bool relative_seen = false;
};
thread_local Session* t_session = nullptr;

int on_reference_chain(xmlSecTransformCtxPtr ctx) {
  Session* s = t_session;
  if (!s) return -1;
  // Where the target does not contain the signature, the enveloped-signature transform removes
  // nothing: it is left out, as the verifier does (it would only slow canonicalization down).
  if (!s->keep_enveloped) drop_transforms(ctx, xmlSecTransformEnvelopedId);
  if (s->relative->any()) {
    xmlSecTransformPtr digest = hashing_step(ctx, "DigestMethod");
    if (!digest || !s->relative->insert_before(ctx, digest, &s->relative_seen)) return -1;
  }
  // The verifier's focus: canonicalising a "#id" target walks that subtree, not the document.
  return focus_c14n_on_subtrees(ctx) ? 0 : -1;
}

void engine_failure(Report& report, const xmlNode* where, std::string_view what, const EngineMessages& m) {
  const auto detail = m.first().empty() ? std::string("xmlsec failed without a message") : m.first();
  report.add(Code::DsigEngine, {xml::xpath(where), 0}, fmt::format("Cannot sign: {}: {}", what, detail),
             fmt::format("Không thể ký: {}: {}", what, detail));
}

xmlNode* first_dsig_child(const xmlNode* n, std::string_view name) {
  for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c))
    if (xml::is_dsig(c, name)) return c;
  return nullptr;
}

// Canonical SignedInfo and its hash; the relative namespace URIs, if any, are applied.
std::optional<ToBeSigned> canonical_signed_info(xmlNode* signature, bool permissive, const RelativeNamespaces& relative,
                                                Report& report) {
  xmlNode* si = first_dsig_child(signature, "SignedInfo");
  xmlNode* c14n = xml::first_child_element(si);
  xmlNode* method = xml::next_element(c14n);
  const Location here{xml::xpath(signature), 0};
  if (!xml::is_dsig(c14n, "CanonicalizationMethod") || !xml::is_dsig(method, "SignatureMethod")) {
    report.add(Code::DsigStructure, here, "Cannot sign: SignedInfo lacks CanonicalizationMethod or SignatureMethod",
               "Không thể ký: SignedInfo thiếu CanonicalizationMethod hoặc SignatureMethod");
    return std::nullopt;
  }
  ToBeSigned t;
  t.method = model::algorithm_short_name(xml::attribute(method, "Algorithm").value_or(""));
  t.hash = (permissive || allowed(t.method, Use::Signature)) ? method_hash(t.method) : nullptr;
  if (!t.hash) {
    report.add(Code::DsigAlgorithm, here, fmt::format("Cannot sign with {}: not an allowed RSA method", t.method),
               fmt::format("Không thể ký bằng {}: không phải phương pháp RSA được phép", t.method));
    return std::nullopt;
  }
  EngineMessages messages;
  DsigContext ctx = restricted_context(permissive);  // its transform context enables the c14n methods
  xmlSecTransformCtxPtr chain = ctx ? &ctx->transformCtx : nullptr;
  xmlSecTransformPtr out = nullptr;
  bool seen = false;
  bool ok = chain && xmlSecTransformCtxNodeRead(chain, c14n, xmlSecTransformUsageC14NMethod) &&
            (out = xmlSecTransformCtxCreateAndAppend(chain, xmlSecTransformMemBufId)) &&
            (!relative.any() || relative.insert_before(chain, out, &seen)) && focus_c14n_on_subtrees(chain);
  if (ok) {
    xmlSecNodeSetPtr nodes = xmlSecNodeSetGetChildren(signature->doc, si, 1, 0);
    ok = nodes && xmlSecTransformCtxXmlExecute(chain, nodes) >= 0;
    if (nodes) xmlSecNodeSetDestroy(nodes);
  }
  xmlSecBufferPtr buf = ok ? xmlSecTransformMemBufGetBuffer(out) : nullptr;
  if (!buf) {
    engine_failure(report, si, "cannot canonicalise SignedInfo", messages);
    return std::nullopt;
  }
  t.signed_info.assign(reinterpret_cast<const char*>(xmlSecBufferGetData(buf)), xmlSecBufferGetSize(buf));
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(t.signed_info.data(), t.signed_info.size(), md, &len, t.hash, nullptr) != 1) {
    ERR_clear_error();
    engine_failure(report, si, "cannot hash SignedInfo", messages);
    return std::nullopt;
  }
  t.digest.assign(reinterpret_cast<char*>(md), len);
  return t;
}

}  // namespace

const EVP_MD* method_hash(std::string_view method) noexcept {
  if (!method.starts_with("rsa-")) return nullptr;
  return EVP_get_digestbyname(std::string(method.substr(4)).c_str());
}

std::optional<ToBeSigned> digest_references(xmlNode* signature, const IdTable& ids, bool permissive, Report& report) {
  ensure_initialized();
  const RelativeNamespaces relative(signature->doc);
  const std::optional<RelativeNamespaces::Applied> applied =
      relative.any() ? std::optional<RelativeNamespaces::Applied>(std::in_place, relative) : std::nullopt;
  DsigContext ctx = restricted_context(permissive);
  EngineMessages messages;
  if (!ctx) {
    engine_failure(report, signature, "cannot create the xmlsec context", messages);
    return std::nullopt;
  }
  ctx->operation = xmlSecTransformOperationSign;
  ctx->referencePreExecuteCallback = on_reference_chain;
  Session session{&relative};
  const struct Current {
    explicit Current(Session* s) { t_session = s; }
    ~Current() { t_session = nullptr; }
  } current(&session);
  bool ok = true;
  xmlNode* si = first_dsig_child(signature, "SignedInfo");
  for (xmlNode* ref = xml::first_child_element(si); ref && ok; ref = xml::next_element(ref)) {
    if (!xml::is_dsig(ref, "Reference")) continue;
    const auto uri = xml::attribute(ref, "URI").value_or("");
    const xmlNode* target = uri.empty()     ? xmlDocGetRootElement(signature->doc)
                            : uri[0] == '#' ? ids.find(std::string_view(uri).substr(1))
                                            : nullptr;
    session.keep_enveloped = target && inside(signature, target);
    xmlSecDSigReferenceCtxPtr r = xmlSecDSigReferenceCtxCreate(ctx.get(), xmlSecDSigReferenceOriginSignedInfo);
    ok = r && xmlSecDSigReferenceCtxProcessNode(r, ref) >= 0;
    if (r) xmlSecDSigReferenceCtxDestroy(r);
    if (!ok) engine_failure(report, ref, fmt::format("cannot digest reference \"{}\"", uri), messages);
  }
  if (!ok) return std::nullopt;
  return canonical_signed_info(signature, permissive, relative, report);
}

std::optional<ToBeSigned> to_be_signed(xmlNode* signature, bool permissive, Report& report) {
  ensure_initialized();
  const RelativeNamespaces relative(signature->doc);
  const std::optional<RelativeNamespaces::Applied> applied =
      relative.any() ? std::optional<RelativeNamespaces::Applied>(std::in_place, relative) : std::nullopt;
  return canonical_signed_info(signature, permissive, relative, report);
}

bool value_verifies(const ToBeSigned& tbs, std::string_view value, X509* cert) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(X509_get0_pubkey(cert), nullptr);
  const bool ok = ctx && EVP_PKEY_verify_init(ctx) > 0 && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0 &&
                  EVP_PKEY_CTX_set_signature_md(ctx, tbs.hash) > 0 &&
                  EVP_PKEY_verify(ctx, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                                  reinterpret_cast<const unsigned char*>(tbs.digest.data()), tbs.digest.size()) == 1;
  EVP_PKEY_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

xmlNode* signature_value(const xmlNode* signature) noexcept { return first_dsig_child(signature, "SignatureValue"); }

void set_text(xmlNode* element, std::string_view text) {
  xmlNodeSetContent(element, nullptr);
  xmlNodeAddContentLen(element, reinterpret_cast<const xmlChar*>(text.data()), static_cast<int>(text.size()));
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

std::string sign_templates(std::string bytes, const keys::Key& key, const std::vector<X509*>& chain, Report& report,
                           bool permissive) {
  auto doc = xml::parse(std::move(bytes), {}, report);
  if (!doc) return {};
  std::vector<xmlNode*> templates;
  xml::for_each_element(doc->root(), [&](xmlNode* n) {
    if (!xml::is_dsig(n, "Signature")) return;
    if (const xmlNode* v = signature_value(n); v && xml::trimmed_text(v).empty()) templates.push_back(n);
  });
  const IdTable ids(doc->tree());
  xml::Edits edits(*doc);
  auto fill = [&](xmlNode* element, const std::string& text) {
    set_text(element, text);
    edits.set_content(element, xml::escape_text(text));
  };
  for (xmlNode* t : templates) {
    std::size_t next_cert = 0;
    xml::for_each_element(first_dsig_child(t, "KeyInfo"), [&](xmlNode* n) {
      if (!xml::trimmed_text(n).empty() || chain.empty()) return;
      if (xml::is_dsig(n, "X509Certificate") && next_cert < chain.size()) {
        fill(n, base64(pki::certificate_der(chain[next_cert++])));
      } else if (xml::is_dsig(n, "X509SubjectName")) {
        fill(n, pki::name_text(X509_get_subject_name(chain.front())));
      }
    });
    const auto tbs = digest_references(t, ids, permissive, report);
    if (!tbs) return {};
    for (xmlNode* ref = xml::first_child_element(first_dsig_child(t, "SignedInfo")); ref; ref = xml::next_element(ref))
      if (xmlNode* dv = first_dsig_child(ref, "DigestValue")) edits.set_content(dv, xml::trimmed_text(dv));
    try {
      fill(signature_value(t), base64(key.sign_digest(tbs->hash, tbs->digest)));
    } catch (const keys::KeyError& e) {
      report.add(Code::DsigEngine, doc->locate(t), fmt::format("Cannot sign: {}", e.what()),
                 fmt::format("Không thể ký: {}", e.what()));
      return {};
    }
  }
  return edits.apply();
}

}  // namespace hoadon::dsig
