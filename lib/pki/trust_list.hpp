// hoadon's trust list: the certificates a verification trusts without being told, kept as a
// directory — `trust-list.tsv`, one row per certificate with its role, SHA-256 fingerprint,
// file and provenance, and the files themselves. The package installs one (share/hoadon/trust,
// maintained in lib/pki/trust-list/); users add theirs to another (`hoadon trust add`). A
// certificate is loaded only when its bytes hash to the fingerprint of its row: the list, not
// whoever last wrote a file into the folder, decides. Nothing an invoice carries enters it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pki/trust.hpp"

namespace hoadon::pki {

enum class ListRole { Root, Intermediate, TaxAuthority };
[[nodiscard]] std::string_view list_role_name(ListRole r) noexcept;  // "root", "intermediate", "tax-authority"
[[nodiscard]] bool parse_list_role(std::string_view name, ListRole& out) noexcept;

struct ListEntry {
  ListRole role = ListRole::Root;
  std::string sha256;                          // lower-case hex of the DER encoding
  std::string file;                            // relative to the list's directory
  std::string subject, not_before, not_after;  // as the certificate says (written by `add`)
  std::string source;                          // where it came from and how it was checked
};

struct TrustList {
  std::string dir;
  std::vector<ListEntry> entries;
};

// The list in `dir`; an empty list when the directory has no trust-list.tsv. Throws TrustError
// for a malformed row (with its line number).
[[nodiscard]] TrustList read_trust_list(const std::string& dir);

// The certificate of an entry, after checking that its file hashes to the entry's fingerprint.
// Throws TrustError (unreadable file, fingerprint mismatch, not one certificate).
[[nodiscard]] Certificate entry_certificate(const TrustList& list, const ListEntry& e);

// Adds every entry to the store (roots as anchors, intermediates for chains, the tax
// authority's certificates to its slots). Returns how many; throws TrustError as above.
std::size_t load_trust_list(TrustStore& store, const TrustList& list);

// Copies the one certificate of `cert_path` into `dir` (certs/<fingerprint>.pem) and appends
// its row; both files are written atomically. Returns the new entry; throws TrustError when
// the file holds no certificate or several, or when the list already has it.
ListEntry add_to_trust_list(const std::string& dir, ListRole role, const std::string& cert_path, std::string source);

// Where the lists are: the installed one ($HOADON_TRUST_LIST, else the package's directory)
// and the user's ($HOADON_TRUST_USER, else $XDG_DATA_HOME/hoadon/trust, else
// ~/.local/share/hoadon/trust).
[[nodiscard]] std::string installed_trust_list_dir();
[[nodiscard]] std::string user_trust_list_dir();

}  // namespace hoadon::pki
