// Text of ds:Signature templates in the shapes real signers produce (format §5.2), to be
// signed by sign.cpp. Nothing here signs: a template has empty DigestValue and SignatureValue.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/pki.hpp"

namespace conformance::dsig {

namespace uri {
// kEnveloped, kC14n, kExcC14n, kXPath, kRsaSha256, kRsaMd5, kSha256: the tests' own.
using namespace testing::pki::uri;
inline constexpr const char* kDsig = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr const char* kC14nComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
inline constexpr const char* kC14n11 = "http://www.w3.org/2006/12/xml-c14n11";
inline constexpr const char* kXslt = "http://www.w3.org/TR/1999/REC-xslt-19991116";
inline constexpr const char* kBase64 = "http://www.w3.org/2000/09/xmldsig#base64";
inline constexpr const char* kRsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
inline constexpr const char* kRsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
inline constexpr const char* kRsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
inline constexpr const char* kHmacSha256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
inline constexpr const char* kSha1 = "http://www.w3.org/2000/09/xmldsig#sha1";
inline constexpr const char* kSha384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
inline constexpr const char* kSha512 = "http://www.w3.org/2001/04/xmlenc#sha512";
inline constexpr const char* kMd5 = "http://www.w3.org/2001/04/xmldsig-more#md5";
inline constexpr const char* kPropertiesType = "http://www.w3.org/2000/09/xmldsig#SignatureProperties";
}  // namespace uri

struct Ref {
  std::string uri;                      // "#data", "" (whole document)…
  std::vector<std::string> transforms;  // Transform/@Algorithm, in order
  std::string digest = uri::kSha256;
  std::string type;   // Reference/@Type, "" = none
  std::string inner;  // XML inside the last Transform (an XPath…)
};

struct Template {
  std::optional<std::string> id = "seller";  // Signature/@Id; nullopt = none (BKAV)
  std::string c14n = uri::kC14n;
  std::string method = uri::kRsaSha256;
  std::vector<Ref> refs;
  // The signing-time Object; object_id "" = no Object at all.
  std::string object_id = "SigningTime";
  std::string properties_id;          // SignatureProperties/@Id, "" = none
  std::string property_id;            // SignatureProperty/@Id, "" = none
  std::optional<std::string> target;  // SignatureProperty/@Target; nullopt = "#<id>"
  std::string signing_time = "2026-11-20T10:00:00";
  bool subject_name = true;  // X509SubjectName beside X509Certificate
};

// The usual seller references: DLHDon by Id with the enveloped-signature transform (a no-op
// real signers all write), and the signing-time Object.
Ref data_ref(const std::string& data_id = "data", const std::string& digest = uri::kSha256);
Ref time_ref(const std::string& object_id = "SigningTime", const std::string& digest = uri::kSha256);

// The ds:Signature element, in the default XMLDSig namespace.
std::string render(const Template& t);
// Only its Object (for signers that keep it apart while signing, see sign.cpp).
std::string render_object(const Template& t, bool declare_namespace);

}  // namespace conformance::dsig
