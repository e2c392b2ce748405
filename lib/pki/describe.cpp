#include "pki/describe.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "pki/authority.hpp"
#include "pki/load.hpp"
#include "pki/trust_list.hpp"
#include "report/json.hpp"

namespace hoadon::pki {
namespace {

// "ok", "expired", "not yet valid" now.
std::string validity_now(const X509* cert) {
  if (X509_cmp_current_time(X509_get0_notAfter(cert)) < 0) return "expired";
  if (X509_cmp_current_time(X509_get0_notBefore(cert)) > 0) return "not yet valid";
  return "ok";
}

struct Checked {
  const ListEntry* entry;
  std::string state, problem;
};

std::vector<Checked> check(const TrustList& list) {
  std::vector<Checked> out;
  for (const auto& e : list.entries) {
    Checked c{&e, {}, {}};
    try {
      c.state = validity_now(entry_certificate(list, e).get());
    } catch (const TrustError& err) {
      c.state = "rejected";
      c.problem = err.what();
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Certificate> certificates_of(const std::string& path) {
  auto loaded = load(read_trust_file(path));
  if (loaded.certs.empty()) throw TrustError(fmt::format("no certificate found in {}", path), false);
  return std::move(loaded.certs);
}

}  // namespace

std::string trust_lists_to_text(const std::vector<std::string>& dirs) {
  std::string out;
  for (const auto& dir : dirs) {
    const auto list = read_trust_list(dir);
    out += fmt::format("{} ({} certificate{})\n", dir, list.entries.size(), list.entries.size() == 1 ? "" : "s");
    for (const auto& c : check(list)) {
      const auto& e = *c.entry;
      out += fmt::format("  {:<13} {:<13} {}\n", list_role_name(e.role), c.state, e.subject);
      out += fmt::format("      valid {} – {}, sha256 {}\n      source: {}\n", e.not_before, e.not_after, e.sha256,
                         e.source);
      if (!c.problem.empty()) out += fmt::format("      problem: {}\n", c.problem);
    }
  }
  return out;
}

std::string trust_lists_to_json(const std::vector<std::string>& dirs) {
  JsonWriter w;
  w.begin_object().key("lists").begin_array();
  for (const auto& dir : dirs) {
    const auto list = read_trust_list(dir);
    w.begin_object().field("dir", std::string_view(dir)).key("entries").begin_array();
    for (const auto& c : check(list)) {
      const auto& e = *c.entry;
      w.begin_object()
          .field("role", list_role_name(e.role))
          .field("sha256", std::string_view(e.sha256))
          .field("file", std::string_view(e.file))
          .field("subject", std::string_view(e.subject))
          .field("not_before", std::string_view(e.not_before))
          .field("not_after", std::string_view(e.not_after))
          .field("source", std::string_view(e.source))
          .field("state", std::string_view(c.state))
          .field("problem", std::string_view(c.problem))
          .end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.take();
}

std::string certificate_file_to_text(const std::string& path) {
  std::string out;
  for (const auto& cert : certificates_of(path)) {
    const auto info = describe(cert.get());
    std::vector<std::string> ids;
    for (const auto& id : info.identifiers) ids.push_back(id.text);
    out += fmt::format(
        "subject:       {}\nissuer:        {}\nserial:        {}\nvalid:         {} – {} ({})\nsha256:        {}\n"
        "key:           RSA {} bits\nidentifiers:   {}\ntax authority: {}\n",
        info.subject, info.issuer, info.serial, info.not_before, info.not_after, validity_now(cert.get()),
        fingerprint_hex(cert.get()), info.key_bits, ids.empty() ? "–" : fmt::format("{}", fmt::join(ids, ", ")),
        looks_like_tax_authority(cert.get()) ? "yes (default rule)" : "no");
  }
  return out;
}

std::string certificate_file_to_json(const std::string& path) {
  std::string out;
  for (const auto& cert : certificates_of(path)) {
    const auto info = describe(cert.get());
    JsonWriter w;
    w.begin_object()
        .field("subject", std::string_view(info.subject))
        .field("issuer", std::string_view(info.issuer))
        .field("serial", std::string_view(info.serial))
        .field("not_before", std::string_view(info.not_before))
        .field("not_after", std::string_view(info.not_after))
        .field("state", std::string_view(validity_now(cert.get())))
        .field("sha256", std::string_view(fingerprint_hex(cert.get())))
        .field("key_bits", info.key_bits);
    w.key("identifiers").begin_array();
    for (const auto& id : info.identifiers) w.value(std::string_view(id.text));
    w.end_array().field("tax_authority", looks_like_tax_authority(cert.get())).end_object();
    out += w.take() + "\n";
  }
  return out;
}

}  // namespace hoadon::pki
