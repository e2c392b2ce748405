// The public XMLDSig interop vectors of ../shared/xmldsig-vectors, under the XMLDSig profile:
// every manifest row that falls inside hoadon's rules must give the manifest's strict verdict,
// with trust material, pinned keys and times as the manifest's arguments say.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "dsig/verify_helpers.hpp"
#include "pki/time.hpp"
#include "support/support.hpp"

using hoadon::dsig::Outcome;
using hoadon::pki::Material;

namespace {

struct Row {
  std::string id, path, strict, args;
};

std::vector<Row> rows(const std::filesystem::path& dir) {
  std::vector<Row> out;
  std::istringstream in(testing::read_file(dir / "manifest.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::string col;
    std::istringstream fields(line);
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    if (cols.size() >= 6) out.push_back({cols[0], cols[1], cols[2], cols[5]});
  }
  return out;
}

// Rows outside hoadon's rules, and what hoadon says of them instead.
struct Outside {
  const char* why;
  const char* reason;  // hoadon's own verdict on the row, checked too
};
const std::map<std::string, Outside> kOutside = [] {
  std::map<std::string, Outside> m;
  for (const char* id : {"A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12"})
    m[id] = {
        "an XPath transform (not(ancestor-or-self::dsig:Signature)) beside the enveloped one: hoadon allows "
        "only enveloped-signature and C14N transforms, so the manifest's verdict on the chain, key lookup "
        "or CRL never applies",
        "forbidden-transform"};
  m["B09"] = {"RSA-PSS (not in the allow-list, nor in xmlsec 1.2.37) behind an XPath transform", "forbidden-algorithm"};
  m["P01"] = {"the Phaos chain is signed with MD5, which hoadon refuses in certificates too", "bad-chain"};
  m["P04"] = m["P01"];
  return m;
}();

// Why each negative row inside the rules fails (so a right verdict cannot be a lucky one).
const std::map<std::string, std::string> kReasons = {{"A13", "expired"},
                                                     {"B04", "untrusted"},
                                                     {"B08", "forbidden-algorithm"},
                                                     {"M01", "no-certificate"},
                                                     {"M02", "forbidden-algorithm"},
                                                     {"M03", "forbidden-algorithm"},
                                                     {"P02", "digest-mismatch"},
                                                     {"P03", "forbidden-algorithm"},
                                                     {"P05", "forbidden-transform"},
                                                     {"P06", "manifest"},
                                                     {"P07", "forbidden-uri"},
                                                     {"P08", "forbidden-uri"},
                                                     {"I01", "no-certificate"},
                                                     {"I03", "no-certificate"},
                                                     {"I04", "no-certificate"},
                                                     {"I05", "no-certificate"},
                                                     {"I06", "no-certificate"},
                                                     {"I07", "no-certificate"},
                                                     {"C01", "forbidden-algorithm"},
                                                     {"C02", "forbidden-algorithm"}};

struct Setup {
  hoadon::pki::TrustStore trust;
  hoadon::dsig::VerifyOptions options;
};

// Reads the xmlsec1 arguments of a row: trust anchors, intermediates, pinned keys, time.
void configure(const std::filesystem::path& vectors, std::string args, Setup& s) {
  std::filesystem::path base = vectors;
  if (args.starts_with("(cd ")) {
    const auto close = args.find(')');
    base /= args.substr(4, close - 4);
    args = args.substr(close + 1);
  }
  std::istringstream in(args);
  std::vector<std::string> t;
  for (std::string w; in >> w;) t.push_back(w);
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    const auto& opt = t[i];
    const auto file = (base / t[i + 1]).string();
    if (opt == "--trusted-der")
      s.trust.add_path(Material::Anchor, file);
    else if (opt == "--untrusted-der")
      s.trust.add_path(Material::Intermediate, file);
    else if (opt.starts_with("--pubkey-cert-der"))
      s.trust.add_path(Material::PinnedKey, file);
    else if (opt == "--verification-gmt-time") {
      auto when = t[i + 1];  // 2026-03-15+00:00:00, in GMT
      when[10] = 'T';
      s.options.at = *hoadon::pki::parse_time(when + "Z");
    } else {
      continue;
    }
    ++i;
  }
}

}  // namespace

TEST_CASE("xmldsig vectors: every row inside the rules gives the manifest's strict verdict") {
  const auto shared = testing::shared_dir();
  SKIP_UNLESS(shared && std::filesystem::exists(*shared / "xmldsig-vectors/manifest.tsv"),
              "xmldsig-vectors are absent");
  const auto vectors = *shared / "xmldsig-vectors";
  std::size_t run = 0, skipped = 0;
  for (const auto& row : rows(vectors)) {
    CAPTURE(row.id);
    CAPTURE(row.path);
    Setup s;
    s.options.profile = hoadon::dsig::VerifyProfile::XmlDsig;
    const std::string args = row.args == "(none)" ? "" : row.args;
    configure(vectors, args, s);
    const auto v = testing::verify(testing::read_file(vectors / row.path), &s.trust, s.options);
    REQUIRE(v.result.signatures.size() == 1);
    const auto& sig = v.sig();
    if (const auto out = kOutside.find(row.id); out != kOutside.end()) {
      MESSAGE("skipped " << row.id << " (" << row.strict << "): " << std::string(out->second.why));
      CHECK(sig.reason == out->second.reason);
      ++skipped;
      continue;
    }
    const bool expect_valid = row.strict.starts_with("valid");
    CHECK(v.result.ok() == expect_valid);
    CHECK((sig.outcome == Outcome::Valid) == expect_valid);
    if (!expect_valid) {
      REQUIRE(kReasons.count(row.id));
      CHECK(sig.reason == kReasons.at(row.id));
    }
    ++run;
  }
  CHECK(run == 28);
  CHECK(skipped == 15);
}
