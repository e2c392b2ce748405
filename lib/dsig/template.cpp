#include "dsig/template.hpp"

#include <xmlsec/crypto.h>
#include <xmlsec/templates.h>

#include "dsig/sign.hpp"
#include "pki/certificate.hpp"
#include "pki/der.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

const xmlChar* bad(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

std::string der_base64(X509* cert) {
  const std::string der = pki::certificate_der(cert);
  return der.empty() ? std::string() : base64(der);
}

// xmlsec's template builders put a line break between elements; hoadon writes signatures compact
// (the format asks for no white space between tags), so those text nodes go before anything is
// computed.
void drop_white_space(xmlNode* root) {
  std::vector<xmlNode*> blanks;
  xml::for_each_element(root, [&](xmlNode* e) {
    for (xmlNode* c = e->children; c; c = c->next)
      if (c->type == XML_TEXT_NODE && xml::trim(reinterpret_cast<const char*>(c->content)).empty()) blanks.push_back(c);
  });
  for (xmlNode* b : blanks) {
    xmlUnlinkNode(b);
    xmlFreeNode(b);
  }
}

}  // namespace

xmlNode* build_template(xmlDoc* doc, const Algorithm& method, const Algorithm& digest, const std::string& data_id,
                        const std::string& signature_id, const std::string& object_id, const std::string& signing_time,
                        const std::vector<X509*>& certificates) {
  xmlNode* sig = xmlSecTmplSignatureCreate(doc, xmlSecTransformInclC14NId, method.klass(), bad(signature_id));
  if (!sig) return nullptr;
  xmlNs* ns = sig->ns;  // the XMLDSig namespace, declared as default on Signature itself
  xmlNode* data_ref = xmlSecTmplSignatureAddReference(sig, digest.klass(), nullptr, bad("#" + data_id), nullptr);
  xmlNode* time_ref = xmlSecTmplSignatureAddReference(sig, digest.klass(), nullptr, bad("#" + object_id),
                                                      BAD_CAST "http://www.w3.org/2000/09/xmldsig#SignatureProperties");
  xmlNode* key_info = xmlSecTmplSignatureEnsureKeyInfo(sig, nullptr);
  xmlNode* x509 = key_info ? xmlSecTmplKeyInfoAddX509Data(key_info) : nullptr;
  bool ok = data_ref && time_ref && x509 && xmlSecTmplReferenceAddTransform(data_ref, xmlSecTransformEnvelopedId) &&
            xmlNewTextChild(x509, ns, BAD_CAST "X509SubjectName",
                            bad(pki::name_text(X509_get_subject_name(certificates.front()))));
  for (X509* c : certificates) ok = ok && xmlNewTextChild(x509, ns, BAD_CAST "X509Certificate", bad(der_base64(c)));
  xmlNode* object = ok ? xmlSecTmplSignatureAddObject(sig, bad(object_id), nullptr, nullptr) : nullptr;
  xmlNode* props = object ? xmlNewChild(object, ns, BAD_CAST "SignatureProperties", nullptr) : nullptr;
  xmlNode* prop = props ? xmlNewChild(props, ns, BAD_CAST "SignatureProperty", nullptr) : nullptr;
  if (!prop || !xmlNewProp(prop, BAD_CAST "Target", bad("#" + signature_id)) ||
      !xmlNewTextChild(prop, ns, BAD_CAST "SigningTime", bad(signing_time))) {
    xmlFreeNode(sig);
    return nullptr;
  }
  drop_white_space(sig);
  return sig;
}

}  // namespace hoadon::dsig
