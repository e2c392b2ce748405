#include "init.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemastypes.h>

#include <mutex>

#include "dsig/engine.hpp"

namespace hoadon {

void ensure_initialized() {
  static std::once_flag once;
  // xmlInitParser is not safe to race with the first parse on another thread, nor is the
  // lazy set-up of the XSD built-in types with the first schema compiled; xmlsec's global
  // registries (transforms, key data) must exist before any signature is touched: all happen
  // once here.
  std::call_once(once, [] {
    xmlInitParser();
    xmlSchemaInitTypes();
    dsig::init_engine();
  });
}

}  // namespace hoadon
