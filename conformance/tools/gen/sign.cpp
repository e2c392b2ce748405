// Every call of the generator to lib/dsig/sign.hpp is here (see sign.hpp).
#include "sign.hpp"

#include <stdexcept>

#include "dsig/sign.hpp"

namespace conformance {
namespace {

hoadon::dsig::SigningKey signing_key(const Key& key, const std::vector<Cert>& chain) {
  hoadon::dsig::SigningKey k{key.get(), {}};
  for (const auto& c : chain) k.chain.push_back(c.get());
  return k;
}

std::string checked(std::string out, const hoadon::Report& report) {
  if (out.empty())
    throw std::runtime_error("signing failed: " +
                             (report.items().empty() ? std::string("?") : report.items().front().message));
  return out;
}

}  // namespace

std::string sign_pending(const std::string& xml, const Key& key, const std::vector<Cert>& chain, bool permissive) {
  hoadon::Report report;
  hoadon::dsig::SignOptions options;
  options.permissive = permissive;
  return checked(hoadon::dsig::sign_templates(xml, signing_key(key, chain), report, options), report);
}

std::string sign_as_library(const std::string& xml, const Key& key, const std::vector<Cert>& chain,
                            std::int64_t signing_time) {
  hoadon::dsig::InvoiceSignature spec;
  spec.signing_time = signing_time;
  hoadon::Report report;
  return checked(hoadon::dsig::sign_invoice(xml, signing_key(key, chain), spec, report), report);
}

}  // namespace conformance
