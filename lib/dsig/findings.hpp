// The checks of one signature report through this: each problem becomes a located diagnostic
// (at the severity the policy gives its code), and the problems the policy treats as errors
// decide the signature's outcome and reason.
#pragma once

#include <string>

#include "dsig/result.hpp"
#include "report/report.hpp"

namespace hoadon::dsig {

// Which check failed: the earlier stage gives the reason when several fail.
enum class Stage { Integrity = 0, Binding = 1, Policy = 2, Trust = 3 };

class Findings {
 public:
  Findings(Report& report, SignatureResult& result) : report_(report), result_(result) {}

  // A diagnostic about the signature; warnings are also listed in the result's `warnings`.
  // Returns the effective severity (nullopt when the code is switched off).
  std::optional<Severity> note(Code code, const Location& where, std::string en, std::string vi);

  // A diagnostic that, when it is an error under the policy, fails the signature with this
  // outcome and reason. Returns true when it did.
  bool problem(Code code, const Location& where, std::string en, std::string vi, Stage stage, Outcome outcome,
               std::string_view reason);

  // Fails the signature without a diagnostic of its own (the cause was reported already).
  void fail(Stage stage, Outcome outcome, std::string_view reason);

  [[nodiscard]] bool failed() const noexcept { return failed_; }
  // Writes outcome and reason into the result.
  void conclude();

  [[nodiscard]] SignatureResult& result() noexcept { return result_; }
  [[nodiscard]] Report& report() noexcept { return report_; }

 private:
  Report& report_;
  SignatureResult& result_;
  bool failed_ = false;
  Stage stage_ = Stage::Trust;
  Outcome outcome_ = Outcome::Valid;
  std::string reason_;
};

}  // namespace hoadon::dsig
