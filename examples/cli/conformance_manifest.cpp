#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>

#include "conformance.hpp"

namespace cli::conformance {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    out.push_back(s.substr(start, pos - start));
    if (pos == std::string::npos) return out;
    start = pos + 1;
  }
}

const std::vector<std::string> kColumns = {"id",     "area",       "file",  "operation",   "options",
                                           "expect", "signatures", "codes", "description", "description_vi"};

// The options whose values are files of the suite: they enter the suite's hash.
const std::vector<std::string> kPathOptions = {"trust", "intermediate", "crl", "tax-authority"};

}  // namespace

std::string Case::option(const std::string& key) const {
  const auto it = options.find(key);
  return it == options.end() ? std::string() : it->second;
}

Manifest read_manifest(const std::filesystem::path& suite) {
  const auto path = suite / "manifest.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  Manifest m;
  m.suite = suite;
  std::string line;
  unsigned n = 0;
  bool header = false;
  std::set<std::string> ids;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(fmt::format("{}:{}: {}", path.string(), n, why));
  };
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f[0] == "suite-version") {
      if (f.size() != 2 || f[1].empty()) fail("suite-version needs one value");
      m.version = f[1];
      continue;
    }
    if (!header) {
      if (f != kColumns) fail("expected the header line: " + fmt::format("{}", fmt::join(kColumns, " ")));
      header = true;
      continue;
    }
    if (f.size() != kColumns.size()) fail(fmt::format("{} columns, expected {}", f.size(), kColumns.size()));
    Case c;
    c.id = f[0];
    c.area = f[1];
    c.file = f[2];
    c.operation = f[3];
    if (c.id.empty() || !ids.insert(c.id).second) fail("missing or duplicate id '" + c.id + "'");
    if (c.operation != "validate" && c.operation != "verify" && c.operation != "both")
      fail("operation must be validate, verify or both");
    if (c.file.empty() || c.file.find("..") != std::string::npos || c.file[0] == '/') fail("bad file '" + c.file + "'");
    c.files.push_back(c.file);
    for (const auto& kv : split(f[4], ' ')) {
      if (kv.empty()) continue;
      const auto eq = kv.find('=');
      if (eq == std::string::npos) fail("option '" + kv + "' is not KEY=VALUE");
      const auto key = kv.substr(0, eq), value = kv.substr(eq + 1);
      c.options[key] = value;
      if (std::find(kPathOptions.begin(), kPathOptions.end(), key) != kPathOptions.end()) {
        if (value.empty() || value.find("..") != std::string::npos || value[0] == '/')
          fail("bad file '" + value + "' in option " + key);
        c.files.push_back(value);
      }
    }
    if (f[5] != "pass" && f[5] != "fail") fail("expect must be pass or fail");
    c.pass = f[5] == "pass";
    for (const auto& s : split(f[6], ',')) {
      if (s.empty()) continue;
      const auto eq = s.find('=');
      if (eq == std::string::npos) fail("signature '" + s + "' is not SLOT=OUTCOME[/REASON]");
      const auto rest = s.substr(eq + 1);
      const auto slash = rest.find('/');
      c.signatures.push_back(
          {s.substr(0, eq), rest.substr(0, slash), slash == std::string::npos ? "" : rest.substr(slash + 1)});
    }
    for (const auto& code : split(f[7], ','))
      if (!code.empty()) c.codes.push_back(code);
    c.description = f[8];
    c.description_vi = f[9];
    m.cases.push_back(std::move(c));
  }
  if (m.version.empty()) fail("no suite-version line");
  if (m.cases.empty()) fail("no case");
  return m;
}

}  // namespace cli::conformance
