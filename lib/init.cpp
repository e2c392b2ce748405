#include "init.hpp"

#include <libxml/parser.h>

#include <mutex>

#include "dsig/engine.hpp"

namespace hoadon {

void ensure_initialized() {
  static std::once_flag once;
  // xmlInitParser is not safe to race with the first parse on another thread, and xmlsec's
  // global registries (transforms, key data) must exist before any signature is touched: both
  // happen once here.
  std::call_once(once, [] {
    xmlInitParser();
    dsig::init_engine();
  });
}

}  // namespace hoadon
