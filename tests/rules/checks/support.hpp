// Test support for the business rules: run lib/rules' checks on a document given as text, and
// build test invoices by editing the bundled demo invoices.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "rules/check.hpp"

namespace hoadon::test {

// "Now" in the tests: 2026-12-31 in Vietnam, after every sample and demo date.
[[nodiscard]] rules::Settings fixed_settings();

struct Checked {
  Report report;
  [[nodiscard]] std::size_t count(std::string_view code) const;
  [[nodiscard]] bool has(std::string_view code) const { return count(code) > 0; }
  // The first diagnostic with this code (the test fails when there is none).
  [[nodiscard]] const Diagnostic& first(std::string_view code) const;
  // "CODE" for every diagnostic, in order.
  [[nodiscard]] std::vector<std::string> codes() const;
  [[nodiscard]] std::string dump() const;  // for failure messages
};

// Parses and indexes `xml` (which must be well-formed) and runs the business rules only.
[[nodiscard]] Checked check_rules(const std::string& xml, const rules::Settings& settings = fixed_settings(),
                                  const Profile* profile = nullptr);

// The bundled demo invoices (examples/invoices), as text.
[[nodiscard]] std::string demo_vat();    // 2.1.0 VAT invoice, K26TCB, three rates, unsigned
[[nodiscard]] std::string demo_sales();  // 2.0.0 sales invoice, K22THN, unsigned

// `xml` with the first occurrence of `from` replaced by `to` (the test fails when absent).
[[nodiscard]] std::string edit(std::string xml, std::string_view from, std::string_view to);
// `xml` with the text of the first <tag>…</tag> replaced by `value`.
[[nodiscard]] std::string set(std::string xml, std::string_view tag, std::string_view value);
// `xml` with `element` (whole text, e.g. "<TGia>1</TGia>") removed.
[[nodiscard]] std::string drop(std::string xml, std::string_view element);

// A placeholder ds:Signature (not verifiable, which the rules do not need) signed at `time`.
[[nodiscard]] std::string signature(std::string_view time, std::string_view id = "s");

// The demo VAT invoice as issued on code series C26TCB: seller and tax authority signatures
// and an MCCQT, as a bare HDon.
[[nodiscard]] std::string issued_vat();

// Wraps invoices in a TDiep of `type` from the seller's T-VAN (MST 4800123456).
[[nodiscard]] std::string envelope(std::string_view type, const std::vector<std::string>& invoices,
                                   std::string_view count = "");

}  // namespace hoadon::test

// Checks that `checked` holds exactly the listed codes (in any order, with repeats).
#define CHECK_CODES(checked, ...)                   \
  do {                                              \
    auto got_ = (checked).codes();                  \
    std::vector<std::string> want_ = __VA_ARGS__;   \
    std::sort(got_.begin(), got_.end());            \
    std::sort(want_.begin(), want_.end());          \
    CHECK_MESSAGE(got_ == want_, (checked).dump()); \
  } while (0)
