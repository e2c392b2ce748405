// hoadon trust and the trust lists: what verification trusts without being told, how a user
// adds to it, and that a tampered list is refused rather than quietly trusted less or more.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
namespace tp = testing::pki;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// hoadon with the user's trust list in `user_list` (and the installed one from the sources).
testing::RunResult with_user_list(const fs::path& user_list, std::vector<std::string> args) {
  std::vector<std::string> argv = {"/usr/bin/env", "HOADON_TRUST_USER=" + user_list.string(), HOADON_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::run(argv);
}

struct Fixture {
  testing::TempDir dir;
  fs::path list;
  std::string invoice, root, ca, crl;
  Fixture() : list(dir / "my-trust") {
    const auto& w = tp::world();
    tp::write_trust(dir.path());
    root = (dir / "anchors.pem").string();
    ca = (dir / "ca.pem").string();
    crl = (dir / "crl.pem").string();
    invoice = (dir / "good.xml").string();
    testing::write_file(invoice, tp::sign(tp::invoice_template(), w.signer_key, {w.signer}));
  }
};

}  // namespace

TEST_CASE("trust: a root added to the user's list makes verification trust it — --no-default-trust does not") {
  Fixture f;
  const auto verify = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = {"verify", "--lang", "en", "--intermediate", f.ca, "--crl", f.crl};
    a.insert(a.end(), extra.begin(), extra.end());
    a.push_back(f.invoice);
    return with_user_list(f.list, a);
  };
  CHECK(has(verify({}).out, "NOT CONFIRMED"));

  const auto add =
      with_user_list(f.list, {"trust", "add", "--role", "root", "--source", "test PKI of the suite", f.root});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  CHECK(fs::exists(f.list / "trust-list.tsv"));

  const auto listed = with_user_list(f.list, {"trust", "list", "--format", "json"});
  REQUIRE(listed.exit_code == 0);
  const auto j = testing::parse_json(listed.out);
  bool found = false;
  for (const auto& l : j["lists"].array())
    for (const auto& e : l["entries"].array())
      if (e["source"].str() == "test PKI of the suite") {
        found = true;
        CHECK(e["role"].str() == "root");
        CHECK(e["state"].str() == "ok");
        CHECK(e["sha256"].str().size() == 64);
      }
  CHECK(found);

  const auto trusted = verify({});
  CHECK(trusted.exit_code == 0);
  CHECK(has(trusted.out, ": VALID — "));
  const auto without = verify({"--no-default-trust"});
  CHECK(without.exit_code == 1);
  CHECK(has(without.out, "NOT CONFIRMED"));

  // The same certificate twice is refused; so is a file without exactly one certificate.
  CHECK(with_user_list(f.list, {"trust", "add", "--role", "root", f.root}).exit_code == 1);
  CHECK(with_user_list(f.list, {"trust", "add", "--role", "root", f.invoice}).exit_code == 1);
  CHECK(with_user_list(f.list, {"trust", "add", "--role", "king", f.root}).exit_code == 2);
}

TEST_CASE("trust: a list whose certificate no longer hashes to its row is refused, loudly") {
  Fixture f;
  REQUIRE(with_user_list(f.list, {"trust", "add", "--role", "root", f.root}).exit_code == 0);
  // Replace the listed file by another certificate (the intermediate): same place, other bytes.
  fs::path listed;
  for (const auto& e : fs::directory_iterator(f.list / "certs")) listed = e.path();
  REQUIRE(!listed.empty());
  fs::copy_file(f.ca, listed, fs::copy_options::overwrite_existing);
  const auto r = with_user_list(f.list, {"verify", "--intermediate", f.ca, f.invoice});
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "trust list says"));
  const auto listed_now = with_user_list(f.list, {"trust", "list"});
  CHECK(has(listed_now.out, "rejected"));
}

TEST_CASE("trust: show describes a certificate and whether it is the tax authority's") {
  Fixture f;
  const auto r = hoadon({"trust", "show", f.root});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "sha256:"));
  CHECK(has(r.out, "tax authority: no"));
  const auto j = testing::parse_json(hoadon({"trust", "show", "--format", "json", f.root}).out);
  CHECK(j["sha256"].str().size() == 64);
  CHECK(hoadon({"trust", "show", f.invoice}).exit_code != 0);
}

TEST_CASE("trust: the list shipped in the sources loads, every row matching its file") {
  const auto shipped = fs::path(HOADON_SOURCE_DIR) / "lib" / "pki" / "trust-list";
  REQUIRE(fs::exists(shipped / "trust-list.tsv"));
  const auto r = hoadon({"trust", "list", "--list", shipped.string(), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = testing::parse_json(r.out);
  std::size_t n = 0;
  for (const auto& l : j["lists"].array())
    for (const auto& e : l["entries"].array()) {
      ++n;
      CHECK_MESSAGE(e["state"].str() != "rejected", e["file"].str() << ": " << e["problem"].str());
      CHECK_FALSE(e["source"].str().empty());
      if (e["role"].str() == "tax-authority") {
        const auto cert = (shipped / e["file"].str()).string();
        CHECK(has(hoadon({"trust", "show", cert}).out, "tax authority: yes"));
      }
    }
  CHECK(n > 0);
  // Verification loads it by default without complaint.
  const auto v =
      hoadon({"verify", (fs::path(HOADON_SOURCE_DIR) / "examples" / "invoices" / testing::kDemoVat).string()});
  CHECK(v.exit_code != 3);
}
