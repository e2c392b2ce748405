#include "dsig/sign.hpp"

#include <xmlsec/crypto.h>
#include <xmlsec/openssl/x509.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmltree.h>

#include <memory>

#include <fmt/format.h>

#include "dsig/algorithms.hpp"
#include "dsig/engine.hpp"
#include "dsig/ids.hpp"
#include "init.hpp"
#include "model/index.hpp"
#include "pki/certificate.hpp"
#include "pki/time.hpp"
#include "xml/document.hpp"
#include "xml/node.hpp"

namespace hoadon::dsig {
namespace {

// The private key with the certificates KeyInfo is to carry.
xmlSecKeyPtr make_signing_key(const SigningKey& k) {
  xmlSecKeyPtr key = engine_key(k.key);
  if (!key) return nullptr;
  if (!k.chain.empty()) {
    xmlSecKeyDataPtr x509 = xmlSecKeyEnsureData(key, xmlSecOpenSSLKeyDataX509Id);
    bool ok = x509 != nullptr;
    if (ok) {
      X509* leaf = X509_dup(k.chain.front());
      ok = leaf && xmlSecOpenSSLKeyDataX509AdoptKeyCert(x509, leaf) >= 0;
      if (!ok && leaf) X509_free(leaf);
    }
    for (X509* c : k.chain) {
      if (!ok) break;
      X509* copy_cert = X509_dup(c);
      ok = copy_cert && xmlSecOpenSSLKeyDataX509AdoptCert(x509, copy_cert) >= 0;
      if (!ok && copy_cert) X509_free(copy_cert);
    }
    if (!ok) {
      xmlSecKeyDestroy(key);
      return nullptr;
    }
  }
  return key;
}

const xmlChar* bad(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

}  // namespace

bool sign_template(xmlNode* signature, const SigningKey& key, Report& report, const SignOptions& options) {
  ensure_initialized();
  const Location here{xml::xpath(signature), 0};
  const IdTable ids(signature->doc);
  if (!ids.duplicates().empty()) {
    report.add(Code::DsigDuplicateId, here, "Cannot sign: several elements carry the same Id",
               "Không thể ký: nhiều phần tử có cùng Id");
    return false;
  }
  // Signing never fetches anything either: same-document references only.
  DsigContext ctx = restricted_context(options.permissive);
  if (!ctx || !(ctx->signKey = make_signing_key(key))) {
    report.add(Code::DsigEngine, here, "Cannot sign: xmlsec cannot use the key",
               "Không thể ký: xmlsec không dùng được khóa");
    return false;
  }
  // xmlsec fills X509Certificate; the format also asks for the signer's name beside it.
  if (!key.chain.empty())
    xml::for_each_element(signature, [&](xmlNode* n) {
      if (xml::is_dsig(n, "X509SubjectName") && xml::trimmed_text(n).empty())
        xmlNodeAddContent(n, bad(pki::name_text(X509_get_subject_name(key.chain.front()))));
    });
  EngineMessages messages;
  if (xmlSecDSigCtxSign(ctx.get(), signature) < 0) {
    report.add(Code::DsigEngine, here, fmt::format("Cannot sign: {}", messages.first()),
               fmt::format("Không thể ký: {}", messages.first()));
    return false;
  }
  return true;
}

xmlNode* add_invoice_signature(const model::InvoiceNodes& invoice, const InvoiceSignature& spec, Report& report) {
  ensure_initialized();
  const Location here{invoice.hdon ? xml::xpath(invoice.hdon) : std::string(), 0};
  auto refuse = [&](Code code, const std::string& en, const std::string& vi) -> xmlNode* {
    report.add(code, here, fmt::format("Cannot sign: {}", en), fmt::format("Không thể ký: {}", vi));
    return nullptr;
  };
  const Algorithm* method = allowed(spec.method, Use::Signature);
  const Algorithm* digest = allowed(spec.digest, Use::Digest);
  if (!method || !digest)
    return refuse(Code::DsigAlgorithm, fmt::format("{} with {} is not allowed", spec.method, spec.digest),
                  fmt::format("{} với {} không được phép", spec.method, spec.digest));
  const auto data_id = xml::attribute(invoice.dlhdon, "Id");
  if (!invoice.dlhdon || !data_id || data_id->empty())
    return refuse(Code::DsigStructure, "the invoice has no DLHDon with an Id to reference",
                  "hóa đơn không có DLHDon mang Id để tham chiếu");
  xmlDoc* doc = invoice.hdon->doc;
  const IdTable ids(doc);
  for (const auto* id : {&spec.signature_id, &spec.object_id})
    if (ids.find(*id) || ids.duplicated(*id))
      return refuse(Code::DsigDuplicateId, fmt::format("Id \"{}\" is already used", *id),
                    fmt::format("Id \"{}\" đã được dùng", *id));

  xmlNode* list = invoice.dscks ? invoice.dscks : xmlNewChild(invoice.hdon, nullptr, BAD_CAST "DSCKS", nullptr);
  xmlNode* slot = xml::child(list, spec.slot);
  if (!slot) slot = xmlNewChild(list, nullptr, bad(spec.slot), nullptr);
  if (xml::first_child_element(slot))
    return refuse(Code::DsigStructure, fmt::format("DSCKS/{} already holds a signature", spec.slot),
                  fmt::format("DSCKS/{} đã có chữ ký", spec.slot));

  xmlNode* sig = xmlSecTmplSignatureCreate(doc, xmlSecTransformInclC14NId, method->klass(), bad(spec.signature_id));
  if (!sig) return refuse(Code::DsigEngine, "cannot build the template", "không tạo được mẫu chữ ký");
  xmlAddChild(slot, sig);
  xmlNode* data_ref = xmlSecTmplSignatureAddReference(sig, digest->klass(), nullptr, bad("#" + *data_id), nullptr);
  xmlNode* time_ref = xmlSecTmplSignatureAddReference(sig, digest->klass(), nullptr, bad("#" + spec.object_id),
                                                      BAD_CAST "http://www.w3.org/2000/09/xmldsig#SignatureProperties");
  xmlNode* key_info = xmlSecTmplSignatureEnsureKeyInfo(sig, nullptr);
  xmlNode* x509 = key_info ? xmlSecTmplKeyInfoAddX509Data(key_info) : nullptr;
  xmlNode* object = xmlSecTmplSignatureAddObject(sig, bad(spec.object_id), nullptr, nullptr);
  xmlNs* ns = sig->ns;  // the default XMLDSig namespace the template declares
  xmlNode* props = object ? xmlNewChild(object, ns, BAD_CAST "SignatureProperties", nullptr) : nullptr;
  xmlNode* prop = props ? xmlNewChild(props, ns, BAD_CAST "SignatureProperty", nullptr) : nullptr;
  if (!data_ref || !time_ref || !x509 || !prop ||
      !xmlSecTmplReferenceAddTransform(data_ref, xmlSecTransformEnvelopedId) ||
      !xmlSecTmplX509DataAddSubjectName(x509) || !xmlSecTmplX509DataAddCertificate(x509) ||
      !xmlNewProp(prop, BAD_CAST "Target", bad("#" + spec.signature_id)) ||
      !xmlNewTextChild(prop, ns, BAD_CAST "SigningTime", bad(pki::format_vietnam(spec.signing_time)))) {
    xmlUnlinkNode(sig);
    xmlFreeNode(sig);
    return refuse(Code::DsigEngine, "cannot build the template", "không tạo được mẫu chữ ký");
  }
  return sig;
}

namespace {

std::string serialize(xmlDoc* doc) {
  xmlChar* out = nullptr;
  int len = 0;
  xmlDocDumpMemoryEnc(doc, &out, &len, "UTF-8");
  std::string result = out ? std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(len)) : std::string();
  xmlFree(out);
  return result;
}

}  // namespace

std::string sign_invoice(std::string bytes, const SigningKey& key, const InvoiceSignature& spec, Report& report) {
  auto doc = xml::parse(std::move(bytes), {}, report);
  if (!doc) return {};
  const auto index = model::build_index(*doc, report);
  if (index.invoices.empty()) {
    report.add(Code::DocNoData, doc->locate(doc->root()), "Cannot sign: the document holds no invoice",
               "Không thể ký: tài liệu không chứa hóa đơn");
    return {};
  }
  xmlNode* sig = add_invoice_signature(index.invoices.front(), spec, report);
  if (!sig || !sign_template(sig, key, report)) return {};
  return serialize(doc->tree());
}

std::string sign_templates(std::string bytes, const SigningKey& key, Report& report, const SignOptions& options) {
  auto doc = xml::parse(std::move(bytes), {}, report);
  if (!doc) return {};
  std::vector<xmlNode*> templates;
  xml::for_each_element(doc->root(), [&](xmlNode* n) {
    if (!xml::is_dsig(n, "Signature")) return;
    for (xmlNode* c = xml::first_child_element(n); c; c = xml::next_element(c))
      if (xml::is_dsig(c, "SignatureValue") && xml::trimmed_text(c).empty()) templates.push_back(n);
  });
  for (xmlNode* t : templates)
    if (!sign_template(t, key, report, options)) return {};
  return serialize(doc->tree());
}

}  // namespace hoadon::dsig
