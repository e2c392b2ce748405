// libFuzzer entry point: any bytes through the public API must give a document or a located
// rejection, and a verification result, never a crash, a hang or a leak (run under ASan/UBSan
// by ./dev fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "hoadon/hoadon.h"

namespace {

// Every signature the document holds goes through reading, binding and xmlsec.
void verify(hoadon_doc* doc, hoadon_verify_profile profile, int integrity_only) {
  hoadon_verify_options options;
  hoadon_verify_options_init(&options);
  options.profile = profile;
  options.integrity_only = integrity_only;
  hoadon_verify_result* result = nullptr;
  hoadon_doc_verify(doc, nullptr, &options, &result);
  if (!result) std::abort();  // rejected documents too give a result
  const hoadon_report* report = hoadon_verify_result_report(result);
  if (!hoadon_verify_result_ok(result) && hoadon_report_count(report) == 0) std::abort();  // a failure says why
  hoadon_free(hoadon_verify_result_to_json(result, "fuzz"));
  hoadon_verify_result_free(result);
}

}  // namespace

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
  hoadon_validate_options vo;
  hoadon_validate_options_init(&vo);
  for (int strict = 0; strict <= 1; ++strict) {
    vo.strict = strict;
    hoadon_report* report = nullptr;
    if (hoadon_doc_validate(doc, &vo, &report) != HOADON_OK) std::abort();
    hoadon_free(hoadon_report_to_json(report, "fuzz"));
    hoadon_report_free(report);
  }
  verify(doc, HOADON_VERIFY_PROFILE_INVOICE, 1);
  verify(doc, HOADON_VERIFY_PROFILE_XMLDSIG, 0);
  hoadon_doc_free(doc);
  return 0;
}
