// `build`: an invoice (HDon) from a JSON description (README.md): the template's fields in the
// schema's order, line amounts, totals per VAT rate, the grand total and its words computed with
// exact decimals, the DLHDon Id; inconsistent input refused with diagnostics located by JSON
// pointers; the result validated as `validate` would.
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace hoadon::build {

struct Options {
  // A CSV of the invoice lines (value.hpp, read_csv_lines) replacing the JSON's "lines"; empty = none.
  std::string_view lines_csv;
  bool validate = true;              // validate the invoice built (schemas + rules); refuse it on errors
  const Profile* profile = nullptr;  // severity overrides for that validation
};

struct Result {
  std::string xml;  // the invoice, UTF-8 XML; empty when refused
  Report report;    // every diagnostic: the input's, then the validation's of the output
  [[nodiscard]] bool ok() const noexcept { return !xml.empty(); }
};

// Whether this build reads JSON (HOADON_WITH_JSON): without, every build is refused with
// BUILD-UNSUPPORTED.
[[nodiscard]] bool available() noexcept;

[[nodiscard]] Result build(std::string_view json, const Options& options = {});

}  // namespace hoadon::build
