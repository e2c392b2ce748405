#include "dsig_template.hpp"

namespace conformance::dsig {
namespace {

std::string attr(const char* name, const std::string& value) { return std::string(" ") + name + "=\"" + value + "\""; }

std::string reference(const Ref& r) {
  std::string out = "<Reference" + (r.type.empty() ? std::string() : attr("Type", r.type)) + attr("URI", r.uri) + ">";
  if (!r.transforms.empty()) {
    out += "<Transforms>";
    for (std::size_t i = 0; i < r.transforms.size(); ++i) {
      const bool last = i + 1 == r.transforms.size();
      out += "<Transform" + attr("Algorithm", r.transforms[i]) +
             (last && !r.inner.empty() ? ">" + r.inner + "</Transform>" : "/>");
    }
    out += "</Transforms>";
  }
  return out + "<DigestMethod" + attr("Algorithm", r.digest) + "/><DigestValue></DigestValue></Reference>";
}

}  // namespace

Ref data_ref(const std::string& data_id, const std::string& digest) {
  return {"#" + data_id, {uri::kEnveloped}, digest, "", ""};
}

Ref time_ref(const std::string& object_id, const std::string& digest) { return {"#" + object_id, {}, digest, "", ""}; }

std::string render_object(const Template& t, bool declare_namespace) {
  if (t.object_id.empty()) return {};
  const std::string target = t.target ? *t.target : "#" + t.id.value_or("");
  return "<Object" + (declare_namespace ? attr("xmlns", uri::kDsig) : std::string()) + attr("Id", t.object_id) +
         "><SignatureProperties" + (t.properties_id.empty() ? std::string() : attr("Id", t.properties_id)) +
         "><SignatureProperty" + (t.property_id.empty() ? std::string() : attr("Id", t.property_id)) +
         attr("Target", target) + "><SigningTime>" + t.signing_time +
         "</SigningTime></SignatureProperty></SignatureProperties></Object>";
}

std::string render(const Template& t) {
  std::string refs;
  for (const auto& r : t.refs) refs += reference(r);
  return "<Signature" + attr("xmlns", uri::kDsig) + (t.id ? attr("Id", *t.id) : std::string()) +
         "><SignedInfo><CanonicalizationMethod" + attr("Algorithm", t.c14n) + "/><SignatureMethod" +
         attr("Algorithm", t.method) + "/>" + refs +
         "</SignedInfo><SignatureValue></SignatureValue><KeyInfo><X509Data>" +
         (t.subject_name ? "<X509SubjectName></X509SubjectName>" : "") +
         "<X509Certificate></X509Certificate></X509Data></KeyInfo>" + render_object(t, false) + "</Signature>";
}

}  // namespace conformance::dsig
