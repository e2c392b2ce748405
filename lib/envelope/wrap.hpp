// `envelope wrap`: invoices put into a transmission message (TDiep) for the tax authority —
// 200 (one invoice sent to be coded), 203 (invoices without code, their data transferred), 206
// (cash-register invoices, already coded) — with the TTChung header filled in (format §6.1).
//
// Each invoice's HDon element goes into TDiep/DLieu byte for byte: TDiep and DLieu declare no
// namespace, so what is in scope in each invoice, and so what its signatures cover, stays as it
// was (§5.3.1). The message is validated like any input before it is given back. With a signer,
// a 206 gets the taxpayer's signature (TDiep/CKSNNT over TDiep/DLieu, §6.1) from lib/sign, which
// places it by role (taxpayer) as `hoadon sign` does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "keys/key.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "sign/sign.hpp"
#include "validate/validate.hpp"
#include "xml/document.hpp"

namespace hoadon::envelope {

// The largest message the tax authority takes: 2 MB [T §6.1].
inline constexpr std::size_t kMaxMessageBytes = std::size_t{2} << 20;

struct WrapOptions {
  std::string type;              // MLTDiep: "200", "203" or "206"
  std::string sender;            // MNGui; "" = "K" + the taxpayer's tax code without hyphen
  std::string receiver = "TCT";  // MNNhan
  std::string version;           // PBan; "" = the invoices' (the latest, when they differ)
  std::string reference;         // MTDTChieu; "" = none (a request answers no message)
  std::string uuid;              // the 32 hex digits of MTDiep after the sender; "" = a new random UUID
  bool force = false;            // give the message back despite validation errors (ENV-WRAP-FORCED)
  validate::Options validation;  // how the message is validated
  // The taxpayer's signature of a 206 (null: the message is left unsigned). Its certificate
  // must carry the message's MST; `force` also overrides a mismatch, as for `sign`.
  const keys::Signer* signer = nullptr;
  std::int64_t time = 0;       // signing time, Unix seconds; 0 = now
  bool sha1 = false;           // rsa-sha1 and sha1, for legacy receivers
  bool include_chain = false;  // the signer's CA certificates in KeyInfo
};

// One invoice to wrap: a parsed document (null when the parser rejected it) and its index.
struct Invoice {
  const xml::Document* doc = nullptr;
  const model::Index* index = nullptr;
  std::string label;  // how diagnostics name it (its file)
};

struct WrapResult {
  Report report;                        // why it was refused, or the message's warnings
  std::string bytes;                    // the message ("" when refused)
  std::string message_id;               // MTDiep
  std::string tax_code;                 // MST: the taxpayer's
  std::size_t count = 0;                // SLuong
  std::optional<sign::Made> signature;  // the taxpayer's, when signed
  [[nodiscard]] bool ok() const noexcept { return !bytes.empty(); }
};

[[nodiscard]] WrapResult wrap(const std::vector<Invoice>& invoices, const WrapOptions& options);

// 32 uppercase hexadecimal digits of a random (version 4) UUID, without hyphens.
[[nodiscard]] std::string new_uuid_hex();

// Whether `type` is a message type `wrap` makes.
[[nodiscard]] bool wraps(std::string_view type) noexcept;

}  // namespace hoadon::envelope

namespace hoadon::envelope {

// A message made (its essentials; null when refused) and the report of its making, as one JSON
// object {"file","kind","ok","message":{…}|null,"signature":{…}|null,"diagnostics":[…]}
// (examples/cli/JSON.md: envelope wrap), or as text.
[[nodiscard]] std::string message_to_json(const model::Essentials* message, const Report& report,
                                          std::string_view file);
[[nodiscard]] std::string message_to_text(const model::Essentials* message, const Report& report, std::string_view file,
                                          Lang lang);

}  // namespace hoadon::envelope
