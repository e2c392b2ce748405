#include "dsig/algorithms.hpp"

#include <xmlsec/crypto.h>

#include <array>

namespace hoadon::dsig {
namespace {

// xmlsec names its klasses through macros that call functions; wrap them so that the table can
// hold plain function pointers.
xmlSecTransformId c14n() { return xmlSecTransformInclC14NId; }
xmlSecTransformId c14n_comments() { return xmlSecTransformInclC14NWithCommentsId; }
xmlSecTransformId c14n11() { return xmlSecTransformInclC14N11Id; }
xmlSecTransformId c14n11_comments() { return xmlSecTransformInclC14N11WithCommentsId; }
xmlSecTransformId exc_c14n() { return xmlSecTransformExclC14NId; }
xmlSecTransformId exc_c14n_comments() { return xmlSecTransformExclC14NWithCommentsId; }
xmlSecTransformId enveloped() { return xmlSecTransformEnvelopedId; }
xmlSecTransformId rsa_sha1() { return xmlSecTransformRsaSha1Id; }
xmlSecTransformId rsa_sha224() { return xmlSecTransformRsaSha224Id; }
xmlSecTransformId rsa_sha256() { return xmlSecTransformRsaSha256Id; }
xmlSecTransformId rsa_sha384() { return xmlSecTransformRsaSha384Id; }
xmlSecTransformId rsa_sha512() { return xmlSecTransformRsaSha512Id; }
xmlSecTransformId sha1() { return xmlSecTransformSha1Id; }
xmlSecTransformId sha224() { return xmlSecTransformSha224Id; }
xmlSecTransformId sha256() { return xmlSecTransformSha256Id; }
xmlSecTransformId sha384() { return xmlSecTransformSha384Id; }
xmlSecTransformId sha512() { return xmlSecTransformSha512Id; }

constexpr std::array kAllowed = {
    Algorithm{"c14n", Use::Canonicalization, false, c14n},
    Algorithm{"c14n-with-comments", Use::Canonicalization, false, c14n_comments},
    Algorithm{"c14n11", Use::Canonicalization, false, c14n11},
    Algorithm{"c14n11-with-comments", Use::Canonicalization, false, c14n11_comments},
    Algorithm{"exc-c14n", Use::Canonicalization, false, exc_c14n},
    Algorithm{"exc-c14n-with-comments", Use::Canonicalization, false, exc_c14n_comments},
    Algorithm{"enveloped-signature", Use::Transform, false, enveloped},
    Algorithm{"rsa-sha1", Use::Signature, true, rsa_sha1},
    Algorithm{"rsa-sha224", Use::Signature, false, rsa_sha224},
    Algorithm{"rsa-sha256", Use::Signature, false, rsa_sha256},
    Algorithm{"rsa-sha384", Use::Signature, false, rsa_sha384},
    Algorithm{"rsa-sha512", Use::Signature, false, rsa_sha512},
    Algorithm{"sha1", Use::Digest, true, sha1},
    Algorithm{"sha224", Use::Digest, false, sha224},
    Algorithm{"sha256", Use::Digest, false, sha256},
    Algorithm{"sha384", Use::Digest, false, sha384},
    Algorithm{"sha512", Use::Digest, false, sha512},
};

}  // namespace

const Algorithm* allowed(std::string_view name, Use use) noexcept {
  for (const auto& a : kAllowed) {
    if (a.name != name) continue;
    if (a.use == use || (a.use == Use::Canonicalization && use == Use::Transform)) return &a;
  }
  return nullptr;
}

std::span<const Algorithm> allowed_algorithms() noexcept { return kAllowed; }

Refusal refusal(std::string_view name, Use use) noexcept {
  if (name == "md5" || name == "rsa-md5")
    return {"MD5 is broken and always refused", "MD5 đã bị phá vỡ và luôn bị từ chối"};
  if (name.starts_with("dsa-"))
    return {"DSA signatures are always refused (e-invoices are signed with RSA)",
            "Chữ ký DSA luôn bị từ chối (hóa đơn điện tử ký bằng RSA)"};
  if (name.starts_with("hmac-"))
    return {"HMAC is a shared-secret MAC, not a signature",
            "HMAC là mã xác thực dùng khóa bí mật chung, không phải chữ ký số"};
  if (name == "xpath" || name == "xpath-filter2")
    return {"XPath transforms can leave signed-looking data unsigned",
            "Phép biến đổi XPath có thể khiến dữ liệu trông như đã ký nhưng thực ra không được ký"};
  if (name == "xslt") return {"XSLT transforms run programs", "Phép biến đổi XSLT thực thi chương trình"};
  if (name == "base64")
    return {"Base64 transforms sign text content, not the document",
            "Phép biến đổi Base64 ký nội dung văn bản, không phải tài liệu"};
  switch (use) {
    case Use::Canonicalization:
      return {"not an allowed canonicalization", "không phải phương pháp chuẩn hóa được phép"};
    case Use::Transform:
      return {"only the enveloped-signature and C14N transforms are allowed",
              "chỉ cho phép phép biến đổi enveloped-signature và C14N"};
    case Use::Signature:
      return {"only RSA with SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512 is allowed",
              "chỉ cho phép RSA với SHA-1, SHA-224, SHA-256, SHA-384 hoặc SHA-512"};
    case Use::Digest:
      return {"only SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512 is allowed",
              "chỉ cho phép SHA-1, SHA-224, SHA-256, SHA-384 hoặc SHA-512"};
  }
  return {"not allowed", "không được phép"};
}

}  // namespace hoadon::dsig
