// ZIP files given where a PATH goes: real samples zipped here (python3's zipfile), and hostile
// archives; each member is an input "archive.zip!member.xml", a refused archive one failed input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::parse_json;
using testing::parse_ndjson;

namespace {

// Writes a ZIP with python3's zipfile. Each spec is NAME=@FILE (the file's bytes), NAME=zeros:N
// (N '0' bytes) or NAME=text:TEXT.
bool make_zip(const std::string& out, const std::vector<std::string>& specs) {
  static const std::string script = R"(import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for spec in sys.argv[2:]:
        name, value = spec.split("=", 1)
        if value.startswith("@"):
            data = open(value[1:], "rb").read()
        elif value.startswith("zeros:"):
            data = b"0" * int(value[6:])
        else:
            data = value[5:].encode()
        z.writestr(name, data)
)";
  std::vector<std::string> argv = {testing::find_program("python3").value(), "-c", script, out};
  argv.insert(argv.end(), specs.begin(), specs.end());
  return testing::run(argv).exit_code == 0;
}

bool have_python() { return testing::find_program("python3").has_value(); }

std::string first_code(const std::string& ndjson_line) {
  return parse_json(ndjson_line)["diagnostics"][0]["code"].str();
}

}  // namespace

TEST_CASE("zip: real samples zipped are inspected member by member, as the files themselves") {
  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  SKIP_UNLESS_TOOL(have_python(), "python3 is not installed");
  testing::TempDir tmp;
  const std::vector<std::string> names = {"001.xml", "002.xml", "003.xml"};
  std::vector<std::string> specs, files;
  for (const auto& n : names) {
    specs.push_back("lo/" + n + "=@" + (*dir / n).string());
    files.push_back((*dir / n).string());
  }
  specs.push_back("hoa-don.pdf=text:%PDF-1.4");
  const std::string zip = (tmp / "portal.zip").string();
  REQUIRE(make_zip(zip, specs));

  const auto direct = hoadon([&] {
    std::vector<std::string> a = {"inspect", "--format", "json"};
    a.insert(a.end(), files.begin(), files.end());
    return a;
  }());
  const auto zipped = hoadon({"inspect", "--format", "json", "-j", "2", zip});
  CHECK(zipped.exit_code == direct.exit_code);
  const auto a = parse_ndjson(direct.out);
  const auto b = parse_ndjson(zipped.out);
  REQUIRE(b.size() == names.size());
  REQUIRE(a.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(b[i]["file"].str() == zip + "!lo/" + names[i]);
    CHECK(b[i]["kind"].str() == a[i]["kind"].str());
    CHECK(b[i]["invoices"].array().size() == a[i]["invoices"].array().size());
    if (!a[i]["invoices"].array().empty())
      CHECK(b[i]["invoices"][0]["number"].str() == a[i]["invoices"][0]["number"].str());
  }
  // validate and verify take the archive too, with the verdicts of the files.
  for (const std::string cmd : {"validate", "verify"}) {
    std::vector<std::string> args = {cmd, "--format", "json"};
    if (cmd == "verify") args.push_back("--integrity-only");
    auto with_files = args;
    with_files.insert(with_files.end(), files.begin(), files.end());
    args.push_back(zip);
    const auto x = hoadon(with_files), y = hoadon(args);
    CHECK(x.exit_code == y.exit_code);
    const auto xs = parse_ndjson(x.out), ys = parse_ndjson(y.out);
    REQUIRE(xs.size() == ys.size());
    for (std::size_t i = 0; i < xs.size(); ++i) CHECK(xs[i]["ok"].boolean() == ys[i]["ok"].boolean());
  }
  // A directory holding the archive expands it too; a ZIP named otherwise is known by its bytes.
  const auto in_dir = hoadon({"inspect", "--format", "json", tmp.path().string()});
  CHECK(parse_ndjson(in_dir.out).size() == names.size());
  std::filesystem::rename(zip, tmp / "download.bin");
  const auto renamed = hoadon({"inspect", "--format", "json", (tmp / "download.bin").string()});
  CHECK(parse_ndjson(renamed.out).size() == names.size());
}

TEST_CASE("zip: hostile and broken archives are one failed input each, with a clear reason") {
  SKIP_UNLESS_TOOL(have_python(), "python3 is not installed");
  testing::TempDir tmp;
  const std::string good = testing::example_invoice(testing::kDemoVat);
  struct Case {
    std::string file;
    std::vector<std::string> specs;
    std::string code, says;
  };
  const std::vector<Case> cases = {
      {"bomb.zip", {"bomb.xml=zeros:30000000"}, "ZIP-LIMIT", "compression ratio"},
      {"huge.zip", {"huge.xml=zeros:70000000"}, "ZIP-LIMIT", "more than 67108864"},
      {"nopdf.zip", {"a.pdf=text:%PDF", "b.txt=text:hello"}, "ZIP-EMPTY", "no XML document"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const std::string path = (tmp / c.file).string();
    REQUIRE(make_zip(path, c.specs));
    auto r = hoadon({"inspect", "--format", "json", path, good});
    CHECK(r.exit_code == 1);
    const auto lines = parse_ndjson(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["file"].str() == path);
    CHECK_FALSE(lines[0]["ok"].boolean());
    CHECK(lines[0]["diagnostics"][0]["code"].str() == c.code);
    CHECK(lines[0]["diagnostics"][0]["message"].str().find(c.says) != std::string::npos);
    CHECK(lines[1]["ok"].boolean());
    r = hoadon({"validate", path});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(c.code) != std::string::npos);
  }
  // Nested: one level is followed, a second is refused.
  const std::string inner = (tmp / "inner.zip").string(), outer = (tmp / "outer.zip").string();
  REQUIRE(make_zip(inner, {"x.xml=@" + good}));
  REQUIRE(make_zip(outer, {"lo.zip=@" + inner, "../../escape.xml=@" + good}));
  auto r = hoadon({"inspect", "--format", "json", outer});
  CHECK(r.exit_code == 0);
  auto lines = parse_ndjson(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["file"].str() == outer + "!lo.zip!x.xml");
  CHECK(lines[1]["file"].str() == outer + "!../../escape.xml");
  CHECK(!std::filesystem::exists(tmp.path().parent_path().parent_path() / "escape.xml"));
  const std::string deeper = (tmp / "deeper.zip").string();
  REQUIRE(make_zip(deeper, {"outer.zip=@" + outer}));
  r = hoadon({"inspect", "--format", "json", deeper});
  CHECK(r.exit_code == 1);
  CHECK(first_code(r.out) == "ZIP-LIMIT");

  // Corrupt: a good archive cut in half, and bytes that only look like a ZIP.
  const std::string plain = (tmp / "plain.zip").string();
  REQUIRE(make_zip(plain, {"a.xml=@" + good, "b.xml=@" + good}));
  const std::string bytes = testing::read_file(plain);
  testing::write_file(tmp / "cut.zip", bytes.substr(0, bytes.size() / 2));
  testing::write_file(tmp / "fake.zip", std::string("PK\x03\x04", 4) + std::string(100, 'x'));
  for (const std::string name : {"cut.zip", "fake.zip"}) {
    r = hoadon({"inspect", "--format", "json", (tmp / name).string()});
    CHECK(r.exit_code == 1);
    CHECK(first_code(r.out) == "ZIP-CORRUPT");
  }
  // Unreadable: exit 3, as for any unreadable input.
  r = hoadon({"inspect", (tmp / "missing.zip").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("IO-READ") != std::string::npos);
}

TEST_CASE("zip: a member is signed only to -o") {
  SKIP_UNLESS_TOOL(have_python(), "python3 is not installed");
  testing::TempDir tmp;
  const std::string zip = (tmp / "a.zip").string();
  REQUIRE(make_zip(zip, {"x.xml=@" + testing::example_invoice(testing::kDemoVat)}));
  const auto r = hoadon({"sign", "--prepare", "--cert", "/dev/null", "--suffix", ".signed.xml", zip});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("inside a ZIP archive") != std::string::npos);
}
