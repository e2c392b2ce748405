// The algorithms hoadon accepts, by use. Anything else — MD5, DSA, HMAC, RSA-PSS, XPath,
// XSLT, Base64, unknown URIs — is refused before xmlsec sees the signature, and xmlsec is
// also told to enable nothing else (defence in depth).
#pragma once

#include <xmlsec/transforms.h>

#include <span>
#include <string_view>

namespace hoadon::dsig {

enum class Use {
  Canonicalization,  // SignedInfo/CanonicalizationMethod
  Signature,         // SignedInfo/SignatureMethod
  Transform,         // Reference/Transforms/Transform (C14N or enveloped-signature)
  Digest,            // Reference/DigestMethod
};

struct Algorithm {
  std::string_view name;  // short name, as model::algorithm_short_name gives it
  Use use;
  bool sha1;  // weak hash: a warning by default, an error under the strict policy
  xmlSecTransformId (*klass)();
};

// The allowed algorithm of that name for that use, or null. C14N algorithms are allowed both
// as CanonicalizationMethod and as Transform.
[[nodiscard]] const Algorithm* allowed(std::string_view name, Use use) noexcept;

// Every allowed algorithm (for xmlsec's lists of enabled transforms).
[[nodiscard]] std::span<const Algorithm> allowed_algorithms() noexcept;

// Why a refused algorithm is refused, in English and Vietnamese (for the diagnostics).
struct Refusal {
  std::string_view en, vi;
};
[[nodiscard]] Refusal refusal(std::string_view name, Use use) noexcept;

}  // namespace hoadon::dsig
