// Validating a document with the schema step alone, for the schema tests.
#pragma once

#include <filesystem>
#include <string>

#include "report/report.hpp"

namespace testing {

// The schema diagnostics of `bytes` (the parse must succeed), default or strict, optionally
// as another PBan.
hoadon::Report schema_report(const std::string& bytes, bool strict, const std::string& version = {});

// lib/schema/samples
std::filesystem::path schema_samples();

// The first diagnostic with this code, or null.
const hoadon::Diagnostic* find(const hoadon::Report& r, std::string_view code);

// "CODE path; CODE path" for failure messages.
std::string summary(const hoadon::Report& r);

}  // namespace testing
