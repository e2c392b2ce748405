#include "dsig/findings.hpp"

#include <algorithm>

namespace hoadon::dsig {

std::optional<Severity> Findings::note(Code code, const Location& where, std::string en, std::string vi) {
  const auto sev = report_.add(code, where, std::move(en), std::move(vi));
  const auto name = std::string(code_info(code).code);
  if (sev == Severity::Warning &&
      std::find(result_.warnings.begin(), result_.warnings.end(), name) == result_.warnings.end())
    result_.warnings.push_back(name);
  return sev;
}

bool Findings::problem(Code code, const Location& where, std::string en, std::string vi, Stage stage, Outcome outcome,
                       std::string_view reason) {
  if (note(code, where, std::move(en), std::move(vi)) != Severity::Error) return false;
  fail(stage, outcome, reason);
  return true;
}

void Findings::fail(Stage stage, Outcome outcome, std::string_view reason) {
  // Invalid beats indeterminate; within the same outcome, the earlier stage names the reason.
  const bool worse = !failed_ || (outcome == Outcome::Invalid && outcome_ != Outcome::Invalid) ||
                     (outcome == outcome_ && stage < stage_);
  if (!worse) return;
  failed_ = true;
  stage_ = stage;
  outcome_ = outcome;
  reason_ = reason;
}

void Findings::conclude() {
  result_.outcome = failed_ ? outcome_ : Outcome::Valid;
  result_.reason = failed_ ? reason_ : std::string();
}

}  // namespace hoadon::dsig
