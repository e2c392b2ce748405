// DLQRCode (spec §4.2): EMVCo merchant-presented QR payload — TLV objects, the CRC-16 in tag 63,
// and the invoice-lookup template 99.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hoadon::rules {

struct TlvObject {
  std::string_view id;  ///< two digits
  std::string_view value;
  std::size_t offset = 0;           ///< of the id, in the whole payload
  bool unpadded_length = false;     ///< lenient mode only: length written with 1 or 3 digits, not 2
  std::vector<TlvObject> children;  ///< parsed value of template objects (26-51, 62, 64, 80-99)
};

enum class QrError : std::uint8_t {
  none,
  empty,
  bad_id,        ///< object id not two digits
  bad_length,    ///< length not two digits, or 00
  truncated,     ///< the declared length runs past the end
  bad_template,  ///< the value of a template object is not itself TLV
};

struct QrParse {
  std::vector<TlvObject> objects;
  QrError error = QrError::none;
  std::size_t position = 0;
  [[nodiscard]] bool ok() const noexcept { return error == QrError::none; }
};

struct QrOptions {
  /// Also accept lengths written without zero padding (1 digit below 10, 3 digits from 100) when
  /// the standard two-digit reading does not parse: a real vendor (Nacencomm, 17 of the 21 real
  /// QR payloads) writes "99101..." for a 101-character template 99 and "0427 0" style short
  /// lengths ("0427005..." = sub-field 04, length 2, "70"). Objects so read are flagged.
  bool lenient_lengths = false;
};

/// Parses EMV TLV objects; lengths count characters (code points), as EMVCo specifies.
[[nodiscard]] QrParse parse_emv_qr(std::string_view payload, const QrOptions& options = {});

/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
[[nodiscard]] std::uint16_t crc16_ccitt_false(std::string_view bytes) noexcept;

enum class CrcStatus : std::uint8_t {
  ok,
  missing,    ///< the payload does not end with "6304" + 4 characters
  malformed,  ///< the 4 characters are not hexadecimal
  mismatch,
};

struct CrcCheck {
  CrcStatus status = CrcStatus::missing;
  std::uint16_t computed = 0;  ///< over everything up to and including "6304"
  std::uint16_t stated = 0;
};

/// Checks the CRC object that EMVCo requires as the last object ("6304XXXX", hex digits in
/// either case).
[[nodiscard]] CrcCheck check_qr_crc(std::string_view payload) noexcept;

/// The object with `id` among `objects`, or nullptr.
[[nodiscard]] const TlvObject* find_tlv(std::span<const TlvObject> objects, std::string_view id) noexcept;

/// Template 99, the invoice-lookup data; absent sub-fields are nullopt.
struct InvoiceLookup {
  std::optional<std::string_view> guid;             ///< 00
  std::optional<std::string_view> seller_tax_code;  ///< 01, MST without hyphen
  std::optional<std::string_view> template_code;    ///< 02, KHMSHDon
  std::optional<std::string_view> series;           ///< 03, KHHDon
  std::optional<std::string_view> number;           ///< 04, SHDon
  std::optional<std::string_view> issue_date;       ///< 05, NLap as YYYYMMDD
  std::optional<std::string_view> total;            ///< 06, TgTTTBSo
};

/// Template 99 of a parsed payload, or nullopt when there is none.
[[nodiscard]] std::optional<InvoiceLookup> invoice_lookup(const QrParse& parsed);

/// Ids of the template-99 sub-fields that are missing or malformed (checked with the tax code,
/// series, number, date and decimal rules); empty when all seven are well formed.
[[nodiscard]] std::vector<std::string_view> invoice_lookup_problems(const InvoiceLookup& lookup);

}  // namespace hoadon::rules
