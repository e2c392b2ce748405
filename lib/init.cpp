#include "init.hpp"

#include <libxml/parser.h>

#include <mutex>

namespace hoadon {

void ensure_initialized() {
  static std::once_flag once;
  // xmlInitParser is not safe to race with the first parse on another thread: do it once here.
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace hoadon
