// `verify --profile xmldsig` on documents made by another implementation (xmlsec1) in the
// shapes of SAML, WS-Security and metadata: `ID`, `id` and `wsu:Id` attributes, ISO-8859-1.
#include <doctest/doctest.h>

#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
namespace tp = testing::pki;

namespace {

constexpr const char* kWsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

// A detached-in-document signature template over "#<id>", exclusive C14N, rsa-sha256.
std::string signature_template(const std::string& id) {
  return "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
         "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
         "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
         "<ds:Reference URI=\"#" +
         id +
         "\"><ds:Transforms><ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
         "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
         "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/></ds:Reference>"
         "</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data>"
         "</ds:KeyInfo></ds:Signature>";
}

struct Peer {
  testing::TempDir dir;
  std::string xmlsec1, key, cert;
  Peer() {
    const auto& w = tp::world();
    key = (dir / "key.pem").string();
    cert = (dir / "cert.pem").string();
    testing::write_file(key, tp::key_pem(w.signer_key));
    testing::write_file(cert, w.signer.pem());
    xmlsec1 = testing::find_program("xmlsec1").value_or("");
  }
  // Signs `tmpl` with xmlsec1, telling it which attribute is the Id (`id_attr`: "ID Assertion").
  std::string sign(const std::string& name, const std::string& tmpl, const std::vector<std::string>& id_attr) {
    const auto in = (dir / (name + ".tmpl.xml")).string(), out = (dir / (name + ".xml")).string();
    testing::write_file(in, tmpl);
    std::vector<std::string> argv = {xmlsec1, "--sign", "--privkey-pem", key + "," + cert};
    argv.insert(argv.end(), id_attr.begin(), id_attr.end());
    argv.insert(argv.end(), {"--output", out, in});
    const auto r = testing::run(argv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return out;
  }
  testing::RunResult verify(const std::string& file, bool generic = true) {
    std::vector<std::string> a = {"verify", "--format", "json", "--integrity-only"};
    if (generic) a.insert(a.end(), {"--profile", "xmldsig", "--pin-key", cert});
    a.push_back(file);
    return hoadon(a);
  }
};

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

std::string outcome(const testing::RunResult& r) {
  const auto j = testing::parse_json(r.out);
  return j["signatures"][0]["reason"].str();
}

}  // namespace

TEST_CASE("xmldsig profile: SAML's ID, metadata's id and WS-Security's wsu:Id, as xmlsec1 signs them") {
  Peer p;
  SKIP_UNLESS_TOOL(!p.xmlsec1.empty(), "xmlsec1 is not installed");
  const auto saml = p.sign("saml",
                           "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\">"
                           "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a1\">"
                           "<saml:Issuer>https://idp.example.vn</saml:Issuer>" +
                               signature_template("_a1") + "</saml:Assertion></samlp:Response>",
                           {"--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion"});
  auto r = p.verify(saml);
  CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));
  CHECK(testing::parse_json(r.out)["signatures"][0]["covers"][0].str().find("Assertion") != std::string::npos);
  // The invoice profile knows only Id: the reference does not resolve there.
  CHECK(p.verify(saml, false).exit_code == 1);

  const auto meta = p.sign("metadata",
                           "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" id=\"m1\" "
                           "entityID=\"https://sp.example.vn\">" +
                               signature_template("m1") + "</md:EntityDescriptor>",
                           {"--id-attr:id", "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor"});
  r = p.verify(meta);
  CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));

  const auto wss = p.sign("wss",
                          std::string("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                                      "xmlns:wsu=\"") +
                              kWsu + "\"><soap:Header>" + signature_template("body-1") +
                              "</soap:Header><soap:Body wsu:Id=\"body-1\"><Ping>Xin chào</Ping></soap:Body>"
                              "</soap:Envelope>",
                          {"--id-attr:Id", "http://schemas.xmlsoap.org/soap/envelope/:Body"});
  r = p.verify(wss);
  CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));

  // Duplicates across the four names are duplicates: an ID and a wsu:Id with one value.
  const auto dup = replace_once(testing::read_file(wss), "<Ping>", "<Ping><Echo ID=\"body-1\"/>");
  const auto dup_file = (p.dir / "dup.xml").string();
  testing::write_file(dup_file, dup);
  r = p.verify(dup_file);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("DSIG-DUPLICATE-ID") != std::string::npos);
}

TEST_CASE("xmldsig profile: an ISO-8859-1 document — the invoice profile stays UTF-8 only") {
  Peer p;
  SKIP_UNLESS_TOOL(!p.xmlsec1.empty(), "xmlsec1 is not installed");
  const auto latin1 =
      p.sign("latin1",
             "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Doc><Data ID=\"d1\">Caf\xE9 cr\xE8me</Data>" +
                 signature_template("d1") + "</Doc>",
             {"--id-attr:ID", "Data"});
  REQUIRE(testing::read_file(latin1).find("\xE9") != std::string::npos);  // still ISO-8859-1
  auto r = p.verify(latin1);
  CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));
  r = p.verify(latin1, false);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("XML-ENCODING") != std::string::npos);
  // A tampered ISO-8859-1 document still fails.
  const auto tampered = (p.dir / "tampered.xml").string();
  testing::write_file(tampered, replace_once(testing::read_file(latin1), "Caf\xE9", "Th\xE9"));
  r = p.verify(tampered);
  CHECK(r.exit_code == 1);
  CHECK(outcome(r) == "digest-mismatch");
}
