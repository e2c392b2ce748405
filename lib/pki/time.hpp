// Times as e-invoices write them and as certificates carry them.
#pragma once

#include <openssl/asn1.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoadon::pki {

// Parses an xs:dateTime as invoices write it — YYYY-MM-DDThh:mm:ss, optional fraction, optional
// zone (Z or ±hh:mm) — or a bare date YYYY-MM-DD. Without a zone the time is Vietnam's
// (GMT+7), as the format prescribes. Surrounding white space is ignored. nullopt when the text
// is not such a time.
[[nodiscard]] std::optional<std::int64_t> parse_time(std::string_view text);

// 2025-03-03T04:03:52Z
[[nodiscard]] std::string format_utc(std::int64_t unix_seconds);
// 2025-03-03T11:03:52: Vietnam's time without zone, as invoices write it.
[[nodiscard]] std::string format_vietnam(std::int64_t unix_seconds);
[[nodiscard]] std::optional<std::int64_t> to_unix(const ASN1_TIME* t);

}  // namespace hoadon::pki
