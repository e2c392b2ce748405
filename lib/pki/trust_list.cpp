#include "pki/trust_list.hpp"

#include <fmt/format.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "pki/load.hpp"
#include "util/atomic_file.hpp"
#include "util/handle.hpp"

#ifndef HOADON_TRUST_LIST_DIR
#define HOADON_TRUST_LIST_DIR "/usr/share/hoadon/trust"
#endif

namespace hoadon::pki {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifest = "trust-list.tsv";
constexpr std::string_view kHeader =
    "# hoadon trust list: one certificate per row, tab-separated; a certificate is used only when its file\n"
    "# hashes to its sha256. How to update it: lib/pki/trust-list/README.md in hoadon's sources.\n"
    "role\tsha256\tfile\tsubject\tnot_before\tnot_after\tsource\n";

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const auto end = line.find(sep, start);
    out.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// The one certificate these bytes hold; TrustError otherwise.
Certificate only_certificate(std::string_view bytes, const std::string& where) {
  auto loaded = load(bytes);
  if (loaded.certs.size() != 1)
    throw TrustError(fmt::format("{} holds {} certificates, not one", where, loaded.certs.size()), false);
  return std::move(loaded.certs.front());
}

// Tabs and line breaks would break the row: the manifest's cells are single-line text.
std::string cell(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return out;
}

std::string pem_of(X509* cert) {
  const Owned<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
  if (!bio) throw std::bad_alloc();
  std::string out;
  if (PEM_write_bio_X509(bio.get(), cert) == 1) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    out.assign(data, static_cast<std::size_t>(n));
  }
  if (out.empty()) throw TrustError("cannot encode the certificate as PEM", false);
  return out;
}

}  // namespace

std::string_view list_role_name(ListRole r) noexcept {
  switch (r) {
    case ListRole::Root:
      return "root";
    case ListRole::Intermediate:
      return "intermediate";
    case ListRole::TaxAuthority:
      break;
  }
  return "tax-authority";
}

bool parse_list_role(std::string_view name, ListRole& out) noexcept {
  for (const auto r : {ListRole::Root, ListRole::Intermediate, ListRole::TaxAuthority})
    if (name == list_role_name(r)) {
      out = r;
      return true;
    }
  return false;
}

TrustList read_trust_list(const std::string& dir) {
  TrustList list{dir, {}};
  const fs::path manifest = fs::path(dir) / kManifest;
  std::error_code ec;
  if (!fs::exists(manifest, ec)) return list;
  const std::string text = read_trust_file(manifest);
  unsigned line_no = 0;
  bool header_seen = false;
  for (std::string_view rest = text; !rest.empty();) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cells = split(line, '\t');
    if (!header_seen && !cells.empty() && cells[0] == "role") {
      header_seen = true;
      continue;
    }
    ListEntry e;
    if (cells.size() != 7 || !parse_list_role(cells[0], e.role) || cells[1].size() != 64 || cells[2].empty() ||
        cells[2].find("..") != std::string_view::npos || cells[2].front() == '/')
      throw TrustError(fmt::format("{}:{}: not a trust list row (role, sha256, relative file, subject, not_before, "
                                   "not_after, source)",
                                   manifest.string(), line_no),
                       false);
    e.sha256 = cells[1];
    e.file = cells[2];
    e.subject = cells[3];
    e.not_before = cells[4];
    e.not_after = cells[5];
    e.source = cells[6];
    list.entries.push_back(std::move(e));
  }
  return list;
}

Certificate entry_certificate(const TrustList& list, const ListEntry& e) {
  const fs::path file = fs::path(list.dir) / e.file;
  const std::string bytes = read_trust_file(file);
  auto cert = only_certificate(bytes, file.string());
  const std::string actual = fingerprint_hex(cert.get());
  if (actual != e.sha256)
    throw TrustError(fmt::format("{}: the certificate's SHA-256 is {}, but the trust list says {}: not loaded",
                                 file.string(), actual, e.sha256),
                     false);
  return cert;
}

std::size_t load_trust_list(TrustStore& store, const TrustList& list) {
  std::size_t n = 0;
  for (const auto& e : list.entries) {
    const auto cert = entry_certificate(list, e);
    const Material kind = e.role == ListRole::Root           ? Material::Anchor
                          : e.role == ListRole::Intermediate ? Material::Intermediate
                                                             : Material::TaxAuthority;
    n += store.add_memory(kind, pem_of(cert.get()));
  }
  return n;
}

ListEntry add_to_trust_list(const std::string& dir, ListRole role, const std::string& cert_path, std::string source) {
  auto list = read_trust_list(dir);
  const auto cert = only_certificate(read_trust_file(cert_path), cert_path);
  ListEntry e;
  e.role = role;
  e.sha256 = fingerprint_hex(cert.get());
  for (const auto& existing : list.entries)
    if (existing.sha256 == e.sha256)
      throw TrustError(
          fmt::format("the trust list already has this certificate (as {})", list_role_name(existing.role)), false);
  const auto info = describe(cert.get());
  e.file = fmt::format("certs/{}.pem", e.sha256.substr(0, 16));
  e.subject = cell(info.subject);
  e.not_before = info.not_before;
  e.not_after = info.not_after;
  e.source = cell(source.empty() ? "added by hand" : source);

  std::error_code ec;
  fs::create_directories(fs::path(dir) / "certs", ec);
  if (ec) throw TrustError(fmt::format("cannot create {}: {}", (fs::path(dir) / "certs").string(), ec.message()), true);
  if (auto err = write_atomically((fs::path(dir) / e.file).string(), pem_of(cert.get()), 0); !err.empty())
    throw TrustError(err, true);
  std::string manifest(kHeader);
  list.entries.push_back(e);
  for (const auto& x : list.entries)
    manifest += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", list_role_name(x.role), x.sha256, x.file, x.subject,
                            x.not_before, x.not_after, x.source);
  if (auto err = write_atomically((fs::path(dir) / kManifest).string(), manifest, 0); !err.empty())
    throw TrustError(err, true);
  return e;
}

std::string installed_trust_list_dir() {
  if (const char* v = std::getenv("HOADON_TRUST_LIST"); v && *v) return v;
  return HOADON_TRUST_LIST_DIR;
}

std::string user_trust_list_dir() {
  if (const char* v = std::getenv("HOADON_TRUST_USER"); v && *v) return v;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return (fs::path(x) / "hoadon" / "trust").string();
  if (const char* h = std::getenv("HOME"); h && *h)
    return (fs::path(h) / ".local" / "share" / "hoadon" / "trust").string();
  return {};
}

}  // namespace hoadon::pki
