#include "floor.hpp"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

namespace bench {
namespace {

// C14N visibility: the subtree of `root` (an element) only.
int is_in(void* root, xmlNodePtr node, xmlNodePtr parent) {
  for (xmlNodePtr n = node->type == XML_ELEMENT_NODE ? node : parent; n; n = n->parent)
    if (n == static_cast<xmlNodePtr>(root)) return 1;
  return 0;
}

}  // namespace

xmlDocPtr parse_and_hash_data(const std::string& bytes, unsigned char (&md)[32]) {
  xmlDocPtr d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, XML_PARSE_NONET);
  xmlNodePtr data = d ? xmlDocGetRootElement(d)->children : nullptr;  // HDon/DLHDon
  xmlOutputBufferPtr out = xmlAllocOutputBuffer(nullptr);
  const int c14n = data ? xmlC14NExecute(d, is_in, data, XML_C14N_1_0, nullptr, 0, out) : -1;
  unsigned int md_len = 0;
  const int hashed =
      c14n >= 0 && xmlOutputBufferGetSize(out) > 0
          ? EVP_Digest(xmlOutputBufferGetContent(out), xmlOutputBufferGetSize(out), md, &md_len, EVP_sha256(), nullptr)
          : 0;
  xmlOutputBufferClose(out);
  if (hashed != 1 || md_len != 32) {
    std::fprintf(stderr, "bench: the floor cannot parse, canonicalise or hash the invoice\n");
    std::abort();
  }
  return d;
}

}  // namespace bench
