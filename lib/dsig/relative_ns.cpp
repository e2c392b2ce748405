#include "dsig/relative_ns.hpp"

#include <libxml/uri.h>
#include <openssl/rand.h>
#include <xmlsec/buffer.h>

#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

// The same test libxml2's canonicalizer applies.
bool relative(const xmlChar* href) {
  if (!href || !*href) return false;
  xmlURIPtr uri = xmlParseURI(reinterpret_cast<const char*>(href));
  if (!uri) return false;  // not a URI at all: nothing this can repair
  const bool rel = !uri->scheme || !*uri->scheme;
  xmlFreeURI(uri);
  return rel;
}

struct Unmark {
  xmlSecTransform base;
  const std::string* marker;
  bool* removed;
};

int unmark_execute(xmlSecTransformPtr t, int last, xmlSecTransformCtxPtr) {
  if (t->status == xmlSecTransformStatusNone) t->status = xmlSecTransformStatusWorking;
  if (t->status != xmlSecTransformStatusWorking || !last) return 0;  // gather everything first
  const Unmark& self = *reinterpret_cast<Unmark*>(t);
  const std::string& marker = *self.marker;
  const std::string_view in(reinterpret_cast<const char*>(xmlSecBufferGetData(&t->inBuf)),
                            xmlSecBufferGetSize(&t->inBuf));
  std::string out;
  out.reserve(in.size());
  for (std::size_t pos = 0;;) {
    const auto hit = in.find(marker, pos);
    out.append(in.substr(pos, hit == std::string_view::npos ? std::string_view::npos : hit - pos));
    if (hit == std::string_view::npos) break;
    *self.removed = true;
    pos = hit + marker.size();
  }
  if (xmlSecBufferAppend(&t->outBuf, reinterpret_cast<const xmlSecByte*>(out.data()),
                         static_cast<xmlSecSize>(out.size())) < 0 ||
      xmlSecBufferRemoveHead(&t->inBuf, static_cast<xmlSecSize>(in.size())) < 0)
    return -1;
  t->status = xmlSecTransformStatusFinished;
  return 0;
}

const xmlSecTransformKlass kUnmarkKlass = {
    sizeof(xmlSecTransformKlass),
    sizeof(Unmark),
    BAD_CAST "hoadon-relative-namespaces",
    nullptr,  // no href: it can never be named in a document
    xmlSecTransformUsageUnknown,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    xmlSecTransformDefaultGetDataType,
    xmlSecTransformDefaultPushBin,
    xmlSecTransformDefaultPopBin,
    nullptr,
    nullptr,
    unmark_execute,
    nullptr,
    nullptr,
};

}  // namespace

RelativeNamespaces::RelativeNamespaces(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return;
  xml::for_each_element(root, [&](xmlNode* e) {
    for (xmlNs* ns = e->nsDef; ns; ns = ns->next)
      if (relative(ns->href)) found_.push_back({ns, ns->href});
  });
  if (found_.empty()) return;
  unsigned char random[16];
  if (RAND_bytes(random, sizeof random) != 1) {
    found_.clear();  // without a secret prefix such documents stay unverifiable, not unsafe
    return;
  }
  marker_ = "hoadon-";
  for (unsigned char b : random) marker_ += fmt::format("{:02x}", b);
  marker_ += ':';
}

RelativeNamespaces::Applied::Applied(const RelativeNamespaces& r) : r_(r) {
  for (const auto& f : r_.found_)
    f.ns->href = xmlStrdup(BAD_CAST(r_.marker_ + reinterpret_cast<const char*>(f.original)).c_str());
}

RelativeNamespaces::Applied::~Applied() {
  for (const auto& f : r_.found_) {
    xmlFree(const_cast<xmlChar*>(f.ns->href));
    f.ns->href = f.original;
  }
}

bool RelativeNamespaces::insert_before(xmlSecTransformCtxPtr ctx, xmlSecTransformPtr before, bool* removed) const {
  xmlSecTransformPtr t = xmlSecTransformCreate(&kUnmarkKlass);
  if (!t) return false;
  reinterpret_cast<Unmark*>(t)->marker = &marker_;
  reinterpret_cast<Unmark*>(t)->removed = removed;
  xmlSecTransformPtr prev = before->prev;
  t->prev = prev;
  t->next = before;
  before->prev = t;
  if (prev)
    prev->next = t;
  else
    ctx->first = t;
  return true;
}

}  // namespace hoadon::dsig
