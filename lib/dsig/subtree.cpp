#include "dsig/subtree.hpp"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <xmlsec/nodeset.h>

namespace hoadon::dsig {
namespace {

// The one element whose whole subtree is the node set, or null when the set is anything else.
// xmlsec hands a "#id" reference over as the intersection of "every node" (a Normal set
// without a list) with the subtree of the element ("Tree"); SignedInfo comes as the subtree
// alone. Any other operation (subtraction, union, an inverted or explicit list) keeps the
// general path.
const xmlSecNodeSet* tree_part(xmlSecNodeSetPtr nodes) {
  if (!nodes) return nullptr;
  const xmlSecNodeSet* tree = nullptr;
  const xmlSecNodeSet* cur = nodes;
  do {
    if (cur->op != xmlSecNodeSetIntersection || cur->children) return nullptr;
    if (cur->type == xmlSecNodeSetNormal && !cur->nodes) {
      // every node: neutral in an intersection
    } else if ((cur->type == xmlSecNodeSetTree || cur->type == xmlSecNodeSetTreeWithoutComments) && !tree) {
      tree = cur;
    } else {
      return nullptr;
    }
    cur = cur->next;
  } while (cur && cur != nodes);
  if (!cur || !tree || !tree->nodes || tree->nodes->nodeNr != 1) return nullptr;
  const xmlNodePtr apex = tree->nodes->nodeTab[0];
  if (!apex || apex->type != XML_ELEMENT_NODE || apex->doc != nodes->doc) return nullptr;
  return tree;
}

// While alive, `apex` is the document's only child as far as a walk from doc->children goes
// (its parent chain is untouched, so in-scope namespaces are found as before).
class Focus {
 public:
  Focus(xmlDocPtr doc, xmlNodePtr apex)
      : doc_(doc), apex_(apex), children_(doc->children), last_(doc->children ? doc->last : nullptr),
        next_(apex->next) {
    doc_->children = apex_;
    doc_->last = apex_;
    apex_->next = nullptr;
  }
  ~Focus() {
    apex_->next = next_;
    doc_->children = children_;
    doc_->last = last_;
  }
  Focus(const Focus&) = delete;
  Focus& operator=(const Focus&) = delete;

 private:
  xmlDocPtr doc_;
  xmlNodePtr apex_, children_, last_, next_;
};

void collect_comments(xmlNodePtr n, xmlNodeSetPtr out) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_COMMENT_NODE) xmlXPathNodeSetAdd(out, c);
    if (c->type == XML_ELEMENT_NODE) collect_comments(c, out);
  }
}

// Within the focused subtree, the same visibility as `nodes` at O(1) a node: "every node but
// these" (none, or the subtree's comments when the set leaves comments out). xmlsec's tree
// test instead climbs the parent chain for every node, attribute and namespace it is asked
// about.
xmlSecNodeSetPtr flat_visibility(xmlNodePtr apex, const xmlSecNodeSet& nodes) {
  xmlNodeSetPtr excluded = xmlXPathNodeSetCreate(nullptr);
  if (!excluded) return nullptr;
  if (nodes.type == xmlSecNodeSetTreeWithoutComments) collect_comments(apex, excluded);
  xmlSecNodeSetPtr set = xmlSecNodeSetCreate(nodes.doc, excluded, xmlSecNodeSetInvert);
  if (!set) xmlXPathFreeNodeSet(excluded);
  return set;
}

int focus_push_xml(xmlSecTransformPtr t, xmlSecNodeSetPtr nodes, xmlSecTransformCtxPtr ctx) {
  if (!t->next) return -1;
  const xmlSecNodeSet* tree = tree_part(nodes);
  xmlNodePtr apex = tree ? tree->nodes->nodeTab[0] : nullptr;
  xmlSecNodeSetPtr flat = apex && apex != xmlDocGetRootElement(nodes->doc) ? flat_visibility(apex, *tree) : nullptr;
  int rc;
  if (flat) {
    {
      const Focus focus(nodes->doc, apex);
      rc = xmlSecTransformPushXml(t->next, flat, ctx);
    }
    xmlSecNodeSetDestroy(flat);
  } else {
    rc = xmlSecTransformPushXml(t->next, nodes, ctx);
  }
  t->status = rc < 0 ? xmlSecTransformStatusFail : xmlSecTransformStatusFinished;
  return rc;
}

xmlSecTransformDataType xml_both_ways(xmlSecTransformPtr, xmlSecTransformMode, xmlSecTransformCtxPtr) {
  return xmlSecTransformDataTypeXml;
}

const xmlSecTransformKlass kFocusKlass = {
    sizeof(xmlSecTransformKlass),
    sizeof(xmlSecTransform),
    BAD_CAST "hoadon-subtree-focus",
    nullptr,  // no href: it can never be named in a document
    xmlSecTransformUsageUnknown,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    xml_both_ways,
    nullptr,
    nullptr,
    focus_push_xml,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

}  // namespace

bool is_c14n(xmlSecTransformId id) noexcept {
  return id == xmlSecTransformInclC14NId || id == xmlSecTransformInclC14NWithCommentsId ||
         id == xmlSecTransformInclC14N11Id || id == xmlSecTransformInclC14N11WithCommentsId ||
         id == xmlSecTransformExclC14NId || id == xmlSecTransformExclC14NWithCommentsId;
}

xmlSecTransformId subtree_focus_klass() noexcept { return &kFocusKlass; }

bool focus_c14n_on_subtrees(xmlSecTransformCtxPtr ctx) {
  for (xmlSecTransformPtr c = ctx->first; c; c = c->next) {
    if (!is_c14n(c->id) || (c->prev && c->prev->id == &kFocusKlass)) continue;
    xmlSecTransformPtr f = xmlSecTransformCreate(&kFocusKlass);
    if (!f) return false;
    f->prev = c->prev;
    f->next = c;
    if (c->prev)
      c->prev->next = f;
    else
      ctx->first = f;
    c->prev = f;
  }
  return true;
}

}  // namespace hoadon::dsig
