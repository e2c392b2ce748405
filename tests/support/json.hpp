// The tests read hoadon's JSON with the CLI's own strict reader (examples/cli/json.hpp).
#pragma once

#include "../../examples/cli/json.hpp"

namespace testing {
using cli::Json;
using cli::parse_json;
using cli::parse_ndjson;
}  // namespace testing
