#include "init.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemastypes.h>

#include <mutex>

namespace hoadon {

void ensure_initialized() {
  static std::once_flag once;
  // xmlInitParser is not safe to race with the first parse on another thread, nor is the
  // lazy set-up of the XSD built-in types with the first schema compiled: do both once here.
  std::call_once(once, [] {
    xmlInitParser();
    xmlSchemaInitTypes();
  });
}

}  // namespace hoadon
