// Revocation answers (OCSP responses, CRLs; DER) kept until their nextUpdate: in the process
// (bounded), and in a directory when one is given (one file per key, written atomically). What
// comes back is checked again by the caller like a fresh answer: signature and currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoadon::pki {

// `prefix` followed by the SHA-256 of `bytes` in hexadecimal: a file name.
[[nodiscard]] std::string cache_key(std::string_view prefix, std::string_view bytes);

// The answer kept under `key` and not past its nextUpdate, if any.
[[nodiscard]] std::optional<std::string> cached_answer(const std::string& dir, const std::string& key);

// Keeps `der` under `key` until `next_update` (Unix seconds). Returns "" or why the file could
// not be written (the answer is still kept in the process).
std::string keep_answer(const std::string& dir, const std::string& key, std::string_view der, std::int64_t next_update);

}  // namespace hoadon::pki
