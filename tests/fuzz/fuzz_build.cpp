// libFuzzer entry point for hoadon_build_invoice: any bytes as JSON (and, after a NUL byte, as
// the lines' CSV) must give an invoice or a refusal that says why, never a crash, a hang or a
// leak. What build returns must parse, and, unless validation was skipped, pass validation:
// build never hands out an invoice its own validator rejects.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "hoadon/hoadon.h"

namespace {

// The invoice build returned: parsed and validated again through the public API.
void check_built(const void* xml, size_t len, bool validated) {
  hoadon_doc* doc = nullptr;
  if (hoadon_doc_parse(xml, len, nullptr, &doc) != HOADON_OK) std::abort();
  hoadon_report* report = nullptr;
  if (hoadon_doc_validate(doc, nullptr, &report) != HOADON_OK) std::abort();
  if (validated && !hoadon_report_ok(report)) std::abort();
  hoadon_report_free(report);
  hoadon_doc_free(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto* nul = static_cast<const std::uint8_t*>(std::memchr(data, 0, size));
  const size_t json_len = nul ? static_cast<size_t>(nul - data) : size;
  for (int skip = 0; skip <= 1; ++skip) {
    hoadon_build_options o;
    hoadon_build_options_init(&o, sizeof o);
    o.skip_validate = skip;
    if (nul) {
      o.lines_csv = nul + 1;
      o.lines_csv_len = size - json_len - 1;
    }
    void* xml = nullptr;
    size_t xml_len = 0;
    hoadon_report* report = nullptr;
    const int rc = hoadon_build_invoice(data, json_len, &o, &xml, &xml_len, &report);
    if (!report) std::abort();  // a report in every case but bad arguments
    if (rc == HOADON_OK) {
      if (!xml || xml_len == 0) std::abort();
      check_built(xml, xml_len, skip == 0);
    } else if (rc != HOADON_EREJECTED || xml || hoadon_report_count(report) == 0) {
      std::abort();  // a refusal says why, and hands out nothing
    }
    hoadon_free(hoadon_report_to_json(report, "fuzz"));
    hoadon_report_free(report);
    hoadon_free(xml);
  }
  return 0;
}
