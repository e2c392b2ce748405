// libFuzzer entry point: any bytes through the public API must give a document or a located
// rejection, never a crash, a hang or a leak (run under ASan/UBSan by ./dev fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "hoadon/hoadon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hoadon_parse_options opts;
  hoadon_parse_options_init(&opts);
  opts.max_bytes = 1 << 20;
  hoadon_doc* doc = nullptr;
  const int rc = hoadon_doc_parse(data, size, &opts, &doc);
  if (!doc) std::abort();  // only argument or memory errors may leave no handle
  const hoadon_report* parsed = hoadon_doc_report(doc);
  // A rejected document always says why.
  if (rc == HOADON_EREJECTED && hoadon_report_count(parsed) == 0) std::abort();
  hoadon_free(hoadon_doc_to_json(doc, "fuzz"));
  hoadon_free(hoadon_doc_to_text(doc, "fuzz", HOADON_LANG_BOTH));
  hoadon_doc_free(doc);
  return 0;
}
