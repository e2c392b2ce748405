// The schema step on lib/schema/samples: every document gives what expect.tsv says, in each
// variant — the code and XPath of the first error, or of the tolerated deviation's warning.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "schema/support.hpp"
#include "support/support.hpp"

namespace {

struct Expectation {
  std::string file, variant, expect, fragment, code, xpath;
};

std::vector<Expectation> expectations() {
  std::vector<Expectation> out;
  std::istringstream in(testing::read_file(testing::schema_samples() / "expect.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) c.push_back(cell);
    c.resize(6);
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5]});
  }
  return out;
}

}  // namespace

TEST_CASE("every schema sample gives the code and XPath expect.tsv names") {
  const auto rows = expectations();
  REQUIRE(rows.size() >= 230);
  std::size_t checked = 0, invalid = 0, deviations = 0;
  for (const auto& e : rows) {
    const auto bytes = testing::read_file(testing::schema_samples() / e.file);
    for (const bool strict : {false, true}) {
      if (e.variant != "both" && e.variant != (strict ? "strict" : "default")) continue;
      CAPTURE(e.file);
      CAPTURE(strict);
      const auto r = testing::schema_report(bytes, strict);
      INFO(testing::summary(r));
      ++checked;
      if (e.expect == "valid") {
        CHECK(r.ok());
        if (e.code.empty()) {
          CHECK(r.items().empty());  // a valid document of the tables: not even a warning
          continue;
        }
        ++deviations;
      } else {
        CHECK_FALSE(r.ok());
        ++invalid;
      }
      // The first schema diagnostic of the expected severity has the expected code and path.
      const auto sev = e.expect == "valid" ? hoadon::Severity::Warning : hoadon::Severity::Error;
      const hoadon::Diagnostic* first = nullptr;
      for (const auto& d : r.items())
        if (d.severity == sev && d.code_name().starts_with("SCHEMA-")) {
          first = &d;
          break;
        }
      REQUIRE(first);
      CHECK(first->code_name() == e.code);
      CHECK(first->where.path == e.xpath);
      CHECK(first->where.line > 0);
      CHECK(!first->message.empty());
      CHECK(!first->message_vi.empty());
    }
  }
  MESSAGE(checked << " validations: " << invalid << " invalid, " << deviations << " tolerated deviations");
  CHECK(invalid >= 100);
  CHECK(deviations >= 40);
}

TEST_CASE("messages name the element with its Vietnamese meaning") {
  const auto bytes = testing::read_file(testing::schema_samples() / "invalid/bad-MST-branch.xml");
  const auto r = testing::schema_report(bytes, false);
  const auto* d = testing::find(r, "SCHEMA-PATTERN");
  REQUIRE(d);
  CHECK(d->message_vi.starts_with("NBan/MST (Mã số thuế người bán): "));
  CHECK(d->message.starts_with("NBan/MST (seller's tax code): "));
  CHECK(d->message.find("'4800123456-01'") != std::string::npos);
  CHECK(d->where.line == 20);
}
