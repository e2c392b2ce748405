// Runs the cases through hoadon's public C API, as an integrator embedding the library would.
#include <fmt/format.h>

#include <mutex>
#include <stdexcept>

#include "cli.hpp"
#include "conformance.hpp"
#include "hoadon/hoadon.h"

namespace cli::conformance {
namespace {

using TrustPtr = hoadon::Owned<hoadon_trust>;

void collect(const hoadon_report* report, Answer& a) {
  for (std::size_t i = 0; i < hoadon_report_count(report); ++i) {
    const auto* d = hoadon_report_get(report, i);
    a.diagnostics.emplace_back(d->code, d->severity == HOADON_SEVERITY_ERROR     ? "error"
                                        : d->severity == HOADON_SEVERITY_WARNING ? "warning"
                                                                                 : "info");
  }
}

class Library final : public Implementation {
 public:
  std::string name() const override { return fmt::format("hoadon {} (library)", hoadon_version()); }
  std::string command() const override { return {}; }

  Answer run(const Manifest& m, const Case& c, const std::string& operation) override {
    Answer a;
    hoadon_doc* doc = nullptr;
    const auto path = (m.suite / c.file).string();
    const int rc = hoadon_doc_open(path.c_str(), nullptr, &doc);
    if (!doc) {
      a.error = fmt::format("cannot open {}: {}", path, hoadon_last_error());
      return a;
    }
    const hoadon::Owned<hoadon_doc> owned(doc);
    if (rc == HOADON_EIO) a.error = fmt::format("cannot read {}", path);
    if (a.error.empty()) a = operation == "validate" ? validate(doc, c) : verify(m, doc, c);
    return a;
  }

 private:
  static Answer validate(const hoadon_doc* doc, const Case& c) {
    Answer a;
    hoadon_validate_options o;
    hoadon_validate_options_init(&o, sizeof o);
    o.strict = c.option("strict") == "yes";
    const auto version = c.option("version"), stage = c.option("stage"), tolerance = c.option("tolerance"),
               now = c.option("now");
    o.version = version.empty() ? nullptr : version.c_str();
    try {
      if (!stage.empty()) o.stage = stage_named(stage);
    } catch (const UsageError& e) {
      return Answer::failure(fmt::format("stage={}: {}", stage, e.what()));
    }
    o.tolerance = tolerance.empty() ? nullptr : tolerance.c_str();
    if (!now.empty() && hoadon_time_parse(now.c_str(), &o.now) != HOADON_OK)
      return Answer::failure(fmt::format("now={}: {}", now, hoadon_last_error()));
    hoadon_report* report = nullptr;
    const int rc = hoadon_doc_validate(doc, &o, &report);
    const hoadon::Owned<hoadon_report> owned(report);
    if (rc != HOADON_OK) return Answer::failure(hoadon_last_error());
    a.ok = hoadon_report_ok(report);
    a.detailed = true;
    collect(report, a);
    return a;
  }

  Answer verify(const Manifest& m, hoadon_doc* doc, const Case& c) {
    Answer a;
    const hoadon_trust* trust = nullptr;
    try {
      trust = trust_for(m, c);
    } catch (const std::exception& e) {
      return Answer::failure(e.what());
    }
    hoadon_verify_options o;
    hoadon_verify_options_init(&o, sizeof o);
    o.policy = c.option("policy") == "strict" ? HOADON_POLICY_STRICT : HOADON_POLICY_DEFAULT;
    o.integrity_only = c.option("integrity-only") == "yes";
    o.check_tax_code = c.option("tax-code-check") != "no";
    if (const auto at = c.option("at"); !at.empty() && hoadon_time_parse(at.c_str(), &o.time) != HOADON_OK)
      return Answer::failure(fmt::format("at={}: {}", at, hoadon_last_error()));
    hoadon_verify_result* r = nullptr;
    hoadon_doc_verify(doc, trust, &o, &r);
    if (!r) return Answer::failure(hoadon_last_error());
    const hoadon::Owned<hoadon_verify_result> owned(r);
    a.ok = hoadon_verify_result_ok(r);
    a.detailed = true;
    collect(hoadon_verify_result_report(r), a);
    for (std::size_t i = 0; i < hoadon_verify_result_count(r); ++i) {
      const auto* s = hoadon_verify_result_get(r, i);
      a.signatures.push_back({s->slot, s->outcome_name, s->reason});
    }
    return a;
  }

  // One trust configuration per distinct set of trust options, loaded once and shared.
  const hoadon_trust* trust_for(const Manifest& m, const Case& c) {
    const std::pair<const char*, hoadon_trust_kind> kinds[] = {{"trust", HOADON_TRUST_ANCHOR},
                                                               {"intermediate", HOADON_TRUST_INTERMEDIATE},
                                                               {"crl", HOADON_TRUST_CRL},
                                                               {"tax-authority", HOADON_TRUST_TAX_AUTHORITY}};
    std::string key;
    for (const auto& [option, kind] : kinds) key += c.option(option) + '\n';
    const std::lock_guard lock(mutex_);
    auto& slot = trusts_[key];
    if (!slot) {
      hoadon_trust* t = nullptr;
      if (hoadon_trust_new(&t) != HOADON_OK) throw std::runtime_error(hoadon_last_error());
      TrustPtr owned(t);
      for (const auto& [option, kind] : kinds)
        if (const auto v = c.option(option); !v.empty())
          if (hoadon_trust_add_path(t, kind, (m.suite / v).string().c_str()) != HOADON_OK)
            throw std::runtime_error(fmt::format("{}={}: {}", option, v, hoadon_last_error()));
      slot = std::move(owned);
    }
    return slot.get();
  }

  std::mutex mutex_;
  std::map<std::string, TrustPtr> trusts_;
};

}  // namespace

std::unique_ptr<Implementation> library_implementation() { return std::make_unique<Library>(); }

}  // namespace cli::conformance
