// Generates the conformance suite: the test PKI, every case file and the manifest.
//
//   hoadon_conformance_gen --out conformance [--new-keys]
//
// Run through conformance/tools/regenerate.sh. The output depends only on the sources and the
// keys in <out>/pki/private/keys.pem (created when absent or with --new-keys).
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "suite.hpp"

namespace {

constexpr const char* kSuiteVersion = "1.1.0";

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string options_text(const std::vector<std::pair<std::string, std::string>>& options) {
  std::string out;
  for (const auto& [k, v] : options) out += (out.empty() ? "" : " ") + k + "=" + v;
  return out;
}

void write_manifest(const conformance::Suite& s, const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary);
  out << "# hoadon conformance suite: one case per row, tab-separated; conformance/README.md explains every "
         "column.\n"
      << "suite-version\t" << kSuiteVersion << "\n"
      << "id\tarea\tfile\toperation\toptions\texpect\tsignatures\tcodes\tdescription\tdescription_vi\n";
  for (const auto& c : s.cases()) {
    const auto area = c.id.substr(0, c.id.find('/'));
    out << c.id << '\t' << area << "\tcases/" << c.file << '\t' << c.op << '\t' << options_text(c.options) << '\t'
        << (c.pass ? "pass" : "fail") << '\t' << c.signatures << '\t' << join(c.codes, ",") << '\t' << c.en << '\t'
        << c.vi << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

int main(int argc, char** argv) try {
  std::filesystem::path out;
  bool new_keys = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (a == "--new-keys")
      new_keys = true;
    else
      throw std::invalid_argument("usage: hoadon_conformance_gen --out DIR [--new-keys]");
  }
  if (out.empty()) throw std::invalid_argument("usage: hoadon_conformance_gen --out DIR [--new-keys]");

  const auto pki = conformance::SuitePki::make(out / "pki" / "private" / "keys.pem", new_keys);
  pki.write(out / "pki");
  conformance::Suite suite(pki);
  conformance::add_structure(suite);
  conformance::add_rules(suite);
  conformance::add_signatures(suite);
  conformance::add_wrapping(suite);
  conformance::add_certificates(suite);
  conformance::add_parser(suite);
  conformance::add_envelopes(suite);

  std::filesystem::remove_all(out / "cases");  // no stale case survives a regeneration
  for (const auto& [name, bytes] : suite.files()) {
    const auto p = out / "cases" / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }
  write_manifest(suite, out / "manifest.tsv");
  std::printf("%zu cases, %zu files\n", suite.cases().size(), suite.files().size());
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "hoadon_conformance_gen: %s\n", e.what());
  return 1;
}
