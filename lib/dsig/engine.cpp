#include "dsig/engine.hpp"

#include <libxml/xmlerror.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmlsec.h>

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "dsig/algorithms.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

thread_local EngineMessages* t_current = nullptr;

// xmlsec's error callback is process-wide; it forwards to the capture of the calling thread,
// if any, and is otherwise silent (a library must not write to stderr).
void on_xmlsec_error(const char*, int, const char* func, const char* object, const char* subject, int,
                     const char* msg) {
  if (!t_current) return;
  std::string m = func ? func : "xmlsec";
  if (object && *object && std::string_view(object) != "unknown") m += fmt::format(" ({})", object);
  if (subject && *subject && std::string_view(subject) != "unknown") m += fmt::format(" [{}]", subject);
  if (msg && *msg) m += fmt::format(": {}", xml::trim(msg));
  t_current->add(std::move(m));
}

void on_generic_error(void* ctx, const char* format, ...) {
  auto* capture = static_cast<EngineMessages*>(ctx);
  if (!capture) return;
  char buf[512];
  va_list ap;
  va_start(ap, format);
  std::vsnprintf(buf, sizeof buf, format, ap);
  va_end(ap);
  capture->add(std::string(xml::trim(buf)));
}

void on_structured_error(void* ctx, xmlErrorPtr e) {
  auto* capture = static_cast<EngineMessages*>(ctx);
  if (capture && e && e->message) capture->add(std::string(xml::trim(e->message)));
}

}  // namespace

DsigContext restricted_context(bool permissive) {
  DsigContext ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx) return ctx;
  ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
  if (permissive) return ctx;
  for (const auto& a : allowed_algorithms()) {
    if (a.use == Use::Canonicalization || a.use == Use::Signature)
      xmlSecDSigCtxEnableSignatureTransform(ctx.get(), a.klass());
    if (a.use != Use::Signature) xmlSecDSigCtxEnableReferenceTransform(ctx.get(), a.klass());
  }
  return ctx;
}

xmlSecKeyPtr engine_key(EVP_PKEY* pkey) {
  Owned<EVP_PKEY, EVP_PKEY_free> copy(xmlSecOpenSSLEvpKeyDup(pkey));  // a new reference
  if (!copy) return nullptr;
  Owned<xmlSecKeyData, xmlSecKeyDataDestroy> data(xmlSecOpenSSLEvpKeyAdopt(copy.get()));
  if (!data) return nullptr;
  (void)copy.release();  // the key data owns it now
  Owned<xmlSecKey, xmlSecKeyDestroy> key(xmlSecKeyCreate());
  if (!key || xmlSecKeySetValue(key.get(), data.get()) < 0) return nullptr;
  (void)data.release();  // the key owns it now
  return key.release();
}

xmlSecTransformPtr hashing_step(xmlSecTransformCtxPtr ctx, std::string_view method_element) {
  for (xmlSecTransformPtr t = ctx->first; t; t = t->next)
    if (t->hereNode && xml::is_dsig(t->hereNode, method_element)) return t;
  return nullptr;
}

void drop_transforms(xmlSecTransformCtxPtr ctx, xmlSecTransformId id) {
  for (xmlSecTransformPtr t = ctx->first, next; t; t = next) {
    next = t->next;
    if (t->id != id) continue;
    if (ctx->first == t) ctx->first = next;
    if (ctx->last == t) ctx->last = t->prev;
    xmlSecTransformRemove(t);
    xmlSecTransformDestroy(t);
  }
}

void init_engine() {
  if (xmlSecInit() < 0) throw std::runtime_error("xmlsec initialisation failed");
  if (xmlSecCheckVersion() != 1) throw std::runtime_error("xmlsec library version mismatch");
  if (xmlSecCryptoAppInit(nullptr) < 0) throw std::runtime_error("xmlsec crypto (OpenSSL) initialisation failed");
  if (xmlSecCryptoInit() < 0) throw std::runtime_error("xmlsec crypto (OpenSSL) initialisation failed");
  xmlSecErrorsSetCallback(on_xmlsec_error);
}

EngineMessages::EngineMessages()
    : previous_(t_current),
      saved_generic_(xmlGenericError),
      saved_generic_ctx_(xmlGenericErrorContext),
      saved_structured_(xmlStructuredError),
      saved_structured_ctx_(xmlStructuredErrorContext) {
  t_current = this;
  // libxml2's error handlers are per thread: C14N and XPointer errors land here.
  xmlSetGenericErrorFunc(this, on_generic_error);
  xmlSetStructuredErrorFunc(this, on_structured_error);
}

EngineMessages::~EngineMessages() {
  t_current = previous_;
  xmlSetGenericErrorFunc(saved_generic_ctx_, saved_generic_);
  xmlSetStructuredErrorFunc(saved_structured_ctx_, saved_structured_);
}

void EngineMessages::add(std::string m) {
  if (items_.size() < 32) items_.push_back(std::move(m));  // bounded: hostile input can be chatty
}

}  // namespace hoadon::dsig
