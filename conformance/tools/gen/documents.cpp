#include "documents.hpp"

#include "sign.hpp"

namespace conformance {

std::string demo_vat() { return source("examples/invoices/htx-cao-bang-gtgt-2.1.0.xml"); }
std::string demo_sales() { return source("examples/invoices/ho-kinh-doanh-ban-hang-2.0.0.xml"); }

dsig::Template seller_template() {
  dsig::Template t;
  t.refs = {dsig::data_ref(), dsig::time_ref()};
  t.signing_time = kSellerTime;
  return t;
}

dsig::Template authority_template(const std::string& signing_time) {
  dsig::Template t;
  const std::string hex = kAuthorityHex;
  t.id = "Tct-" + hex;
  t.object_id = "SigningTime-" + hex;
  t.target = "signatureProperties";
  t.refs = {{"#data", {}, dsig::uri::kSha256, "", ""},
            {"#SigningTime-" + hex, {}, dsig::uri::kSha256, "", ""},
            {std::string("#") + kMccqtId, {}, dsig::uri::kSha256, "", ""}};
  t.signing_time = signing_time;
  return t;
}

std::string put_in_slot(const std::string& invoice, const std::string& slot, const std::string& signature) {
  return edit(invoice, "<" + slot + "/>", "<" + slot + ">" + signature + "</" + slot + ">");
}

std::string demo_on_series(bool code_series) {
  return code_series ? edit(demo_vat(), "<KHHDon>K26TCB</KHHDon>", "<KHHDon>C26TCB</KHHDon>") : demo_vat();
}

std::string seller_signed(const Suite& s, const dsig::Template& t, bool code_series, const Cert* cert,
                          bool permissive) {
  const auto& p = s.pki();
  const Cert& c = cert ? *cert : p.signer;
  // Every seller certificate shares the seller's key, except the 1024-bit one.
  const Key& key = &c == &p.weak ? p.weak_key : p.signer_key;
  return sign_pending(put_in_slot(demo_on_series(code_series), "NBan", dsig::render(t)), key, {c}, permissive);
}

std::string seller_signed(const Suite& s) { return seller_signed(s, seller_template()); }

std::string mccqt_element() { return std::string("<MCCQT Id=\"") + kMccqtId + "\">" + kMccqt + "</MCCQT>"; }

std::string issue_code(const Suite& s, std::string doc, const dsig::Template& t) {
  doc = edit(doc, "</DLHDon>", "</DLHDon>" + mccqt_element());
  doc = edit(doc, "<CCKSKhac/>", "<CCKSKhac/><CQT>" + dsig::render(t) + "</CQT>");
  return sign_pending(doc, s.pki().authority_key, {s.pki().authority});
}

std::string issued(const Suite& s, const std::string& authority_time) {
  return issue_code(s, seller_signed(s, seller_template(), true), authority_template(authority_time));
}

}  // namespace conformance
