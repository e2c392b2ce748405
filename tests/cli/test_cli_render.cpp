// hoadon render as users run it: where outputs go, what the panel says, exit codes.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
namespace tp = testing::pki;

namespace {

struct Fixture {
  testing::TempDir dir;
  std::string good, tampered;
  std::vector<std::string> trust;
  Fixture() {
    const auto& w = tp::world();
    tp::write_trust(dir.path());
    trust = {"--trust", (dir / "anchors.pem").string(), "--intermediate", (dir / "ca.pem").string(),
             "--crl",   (dir / "crl.pem").string()};
    good = (dir / "good.xml").string();
    tampered = (dir / "tampered.xml").string();
    const auto signed_invoice = tp::sign(tp::invoice_template(), w.signer_key, {w.signer});
    testing::write_file(good, signed_invoice);
    auto t = signed_invoice;
    const auto at = t.find("<SLuong>120</SLuong>");
    REQUIRE(at != std::string::npos);
    testing::write_file(tampered, t.replace(at, 20, "<SLuong>12</SLuong>"));
  }
};

bool leftovers(const std::filesystem::path& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tmp") return true;
  return false;
}

}  // namespace

TEST_CASE("render: beside the input by default, verified with the trust given") {
  Fixture f;
  std::vector<std::string> args = {"render"};
  args.insert(args.end(), f.trust.begin(), f.trust.end());
  args.push_back(f.good);
  args.push_back(f.tampered);
  const auto r = hoadon(args);
  CHECK(r.exit_code == 0);  // rendering worked for both: the panel, not the exit code, judges signatures
  CHECK(r.out.find("good.xml: rendered") != std::string::npos);
  const auto good = testing::read_file(f.dir / "good.html");
  const auto bad = testing::read_file(f.dir / "tampered.html");
  CHECK(good.find("data-slot=\"NBan\" data-status=\"valid\"") != std::string::npos);
  CHECK(bad.find("data-slot=\"NBan\" data-status=\"invalid\"") != std::string::npos);
  CHECK(bad.find("digest-mismatch") != std::string::npos);
  CHECK(!leftovers(f.dir.path()));
}

TEST_CASE("render: -o, --suffix, standard output, --no-verify and --integrity-only") {
  Fixture f;
  const auto out = (f.dir / "x.html").string();
  CHECK(hoadon({"render", "--no-verify", "-o", out, f.good}).exit_code == 0);
  CHECK(testing::read_file(out).find("data-status=\"not-checked\"") != std::string::npos);
  CHECK(hoadon({"render", "--integrity-only", "--suffix", ".view.html", f.good}).exit_code == 0);
  CHECK(testing::read_file(f.dir / "good.view.html").find("intact, trust not checked") != std::string::npos);
  const auto piped = hoadon({"render", "-o", "-", "-"}, testing::read_file(f.good));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.starts_with("<!DOCTYPE html>"));
  CHECK(piped.out.find("data-status=\"indeterminate\"") != std::string::npos);  // no trust given
}

TEST_CASE("render: bad command lines, forms and rejected inputs") {
  Fixture f;
  CHECK(hoadon({"render"}).exit_code == 2);
  CHECK(hoadon({"render", "-"}, "<HDon/>").exit_code == 2);  // standard input needs -o
  CHECK(hoadon({"render", "--format", "docx", f.good}).exit_code == 2);
  CHECK(hoadon({"render", "-o", "a.html", f.good, f.tampered}).exit_code == 2);
  CHECK(hoadon({"render", "--no-verify", "--trust", "x.pem", f.good}).exit_code == 2);
  CHECK(hoadon({"render", "--trust", (f.dir / "missing.pem").string(), f.good}).exit_code == 3);
  const auto form = (f.dir / "form.xml").string();
  testing::write_file(form, "<TBao><DLTBao><PBan>2.0.0</PBan></DLTBao></TBao>");
  auto r = hoadon({"render", form});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("holds no invoice") != std::string::npos);
  CHECK(!std::filesystem::exists(f.dir / "form.html"));
  const auto broken = (f.dir / "broken.xml").string();
  testing::write_file(broken, "<HDon><DLHDon>");
  r = hoadon({"render", broken});
  CHECK(r.exit_code == 1);
  CHECK(!std::filesystem::exists(f.dir / "broken.html"));
  CHECK(hoadon({"render", (f.dir / "absent.xml").string()}).exit_code == 3);
  CHECK(hoadon({"render", "--help"}).out.find("--integrity-only") != std::string::npos);
}

TEST_CASE("render: a write interrupted by a signal leaves no temporary file and no output") {
  Fixture f;
  const auto out = f.dir / "big.html";
  // The file-size limit (4 KiB) stops the write of the ~20 KiB page with SIGXFSZ, mid-file.
  const auto r = testing::run({"/bin/sh", "-c", "ulimit -f 8; exec \"$0\" render --no-verify -o \"$1\" \"$2\"",
                               HOADON_CLI, out.string(), f.good});
  CHECK(r.exit_code != 0);
  CHECK(!std::filesystem::exists(out));
  CHECK(!leftovers(f.dir.path()));
}

TEST_CASE("render: PDF output, when built with cairo and pango") {
  Fixture f;
  const auto r = hoadon({"render", "--format", "pdf", f.good});
  if (r.exit_code == 3 && r.err.find("not built with cairo") != std::string::npos) {
    MESSAGE("skipped: this hoadon has no PDF output");
    return;
  }
  CHECK(r.exit_code == 0);
  CHECK(testing::read_file(f.dir / "good.pdf").starts_with("%PDF-"));
}
