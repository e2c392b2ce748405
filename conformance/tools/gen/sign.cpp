// Every call of the generator to hoadon's signing engine (lib/dsig) is here (see sign.hpp).
#include "sign.hpp"

#include <stdexcept>

#include "dsig/sign.hpp"
#include "keys/key.hpp"
#include "model/index.hpp"
#include "sign/draft.hpp"
#include "sign/placement.hpp"
#include "support/pki_engine.hpp"
#include "xml/document.hpp"

namespace conformance {
namespace {

using testing::pki::key_of;
using testing::pki::raw;

[[noreturn]] void failed(const char* what, const hoadon::Report& report) {
  throw std::runtime_error(std::string("signing failed (") + what +
                           "): " + (report.items().empty() ? std::string("?") : report.items().back().message));
}

// The templates carry one empty X509Certificate; the engine fills one per certificate of the
// chain, so a longer chain gets as many slots (the intermediates follow the signer's).
std::string with_certificate_slots(std::string xml, std::size_t n) {
  static const std::string slot = "<X509Certificate></X509Certificate>";
  std::string slots;
  for (std::size_t i = 0; i < n; ++i) slots += slot;
  for (auto at = xml.find(slot); n > 1 && at != std::string::npos; at = xml.find(slot, at + slots.size()))
    xml.replace(at, slot.size(), slots);
  return xml;
}

}  // namespace

std::string sign_pending(const std::string& xml, const Key& key, const std::vector<Cert>& chain, bool permissive) {
  hoadon::Report report;
  std::string out = hoadon::dsig::sign_templates(with_certificate_slots(xml, chain.size()), *key_of(key), raw(chain),
                                                 report, permissive);
  if (out.empty()) failed("templates", report);
  return out;
}

std::string sign_as_library(const std::string& xml, const Key& key, const std::vector<Cert>& chain,
                            std::int64_t signing_time) {
  // The engine hoadon sign uses, without the product's refusals (the pipeline's checks of
  // certificates and documents are what other cases test).
  namespace sign = hoadon::sign;
  hoadon::Report report;
  auto doc = hoadon::xml::parse(xml, {}, report);
  if (!doc) failed("parse", report);
  const auto index = hoadon::model::build_index(*doc, report);
  const auto placement = sign::place(*doc, index, sign::SignerRole::Seller, 0, report);
  if (!placement) failed("placement", report);
  sign::SignatureSpec spec;
  spec.signing_time = signing_time;
  spec.certificates = raw(chain);
  auto draft = sign::Draft::create(*doc, index, *placement, spec, report);
  if (!draft || !draft->digest(report)) failed("digests", report);
  const auto& tbs = draft->to_be_signed();
  return draft->bytes(key_of(key)->sign_digest(tbs.hash, tbs.digest));
}

}  // namespace conformance
