// Names of the C API's enums as they appear on the command line and in the conformance suite.
#include <fmt/format.h>

#include <array>
#include <utility>

#include "cli.hpp"

namespace cli {

hoadon_stage stage_named(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, hoadon_stage>, 4> kStages{{
      {"auto", HOADON_STAGE_AUTO},
      {"draft", HOADON_STAGE_DRAFT},
      {"signed", HOADON_STAGE_SIGNED},
      {"issued", HOADON_STAGE_ISSUED},
  }};
  for (const auto& [n, s] : kStages)
    if (n == name) return s;
  throw UsageError(fmt::format("unknown stage {} (expected auto, draft, signed or issued)", name));
}

int severity_named(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, int>, 5> kSeverities{{
      {"off", HOADON_RULE_OFF},
      {"info", HOADON_SEVERITY_INFO},
      {"warning", HOADON_SEVERITY_WARNING},
      {"error", HOADON_SEVERITY_ERROR},
      {"default", HOADON_RULE_DEFAULT},
  }};
  for (const auto& [n, s] : kSeverities)
    if (n == name) return s;
  throw UsageError(fmt::format("unknown severity {} (expected off, info, warning, error or default)", name));
}

}  // namespace cli
