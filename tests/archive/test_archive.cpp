// ZIP archives of documents (lib/archive): members read in memory, and every limit against
// hostile archives. The archives are written here with libarchive's own writer.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "archive/names.hpp"
#include "archive/zip.hpp"

#ifdef HOADON_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>

namespace {

using Members = std::vector<std::pair<std::string, std::string>>;
using hoadon::archive::Archive;
using hoadon::archive::Limits;
using hoadon::archive::Outcome;

std::string make_zip(const Members& members, bool encrypt = false) {
  std::size_t total = 1 << 16;
  for (const auto& m : members) total += m.first.size() + m.second.size() + 256;
  std::string buf(total, '\0');
  std::size_t used = 0;
  struct archive* a = archive_write_new();
  REQUIRE(archive_write_set_format_zip(a) == ARCHIVE_OK);
  if (encrypt) {
    REQUIRE(archive_write_set_options(a, "zip:encryption=traditional") == ARCHIVE_OK);
    REQUIRE(archive_write_set_passphrase(a, "secret") == ARCHIVE_OK);
  }
  REQUIRE(archive_write_open_memory(a, buf.data(), buf.size(), &used) == ARCHIVE_OK);
  for (const auto& [name, data] : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, data.data(), data.size()) == static_cast<la_ssize_t>(data.size()));
    archive_entry_free(e);
  }
  REQUIRE(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
  buf.resize(used);
  return buf;
}

const std::string kXml = "<HDon><DLHDon Id=\"d\"/></HDon>";

struct Read {
  Outcome outcome;
  Archive archive;
  hoadon::Report report;
};

Read read(const std::string& bytes, const Limits& limits = {}) {
  Read r;
  r.outcome = hoadon::archive::read(bytes, limits, r.archive, r.report);
  return r;
}

std::string first_message(const Read& r) { return r.report.items().empty() ? "" : r.report.items().front().message; }

}  // namespace

TEST_CASE("archive: the XML members, in archive order, other members skipped") {
  const auto r = read(make_zip({{"b.xml", kXml}, {"hoa-don.pdf", "%PDF-1.4"}, {"dir/A.XML", kXml + " "}}));
  REQUIRE(r.outcome == Outcome::Ok);
  REQUIRE(r.archive.members.size() == 2);
  CHECK(r.archive.members[0].name == "b.xml");
  CHECK(r.archive.members[0].bytes == kXml);
  CHECK(r.archive.members[1].name == "dir/A.XML");
  CHECK(r.archive.members[1].bytes == kXml + " ");
  CHECK(r.archive.ignored == 1);
  CHECK(r.report.items().empty());
}

TEST_CASE("archive: names that climb out are labels only, control characters are masked") {
  const auto r = read(make_zip({{"../../etc/evil.xml", kXml}, {"/abs/x.xml", kXml}, {"a\x1b[2Jb.xml", kXml}}));
  REQUIRE(r.outcome == Outcome::Ok);
  REQUIRE(r.archive.members.size() == 3);
  CHECK(r.archive.members[0].name == "../../etc/evil.xml");
  CHECK(r.archive.members[2].name == "a?[2Jb.xml");
  CHECK(hoadon::archive::printable_name("\xff\xfe.xml") == "??.xml");
  CHECK(hoadon::archive::printable_name("hóa đơn.xml") == "hóa đơn.xml");
}

TEST_CASE("archive: a ZIP inside is followed to the depth limit, and refused beyond it") {
  const auto inner = make_zip({{"x.xml", kXml}});
  const auto outer = make_zip({{"a.xml", kXml}, {"lo-1.zip", inner}});
  auto r = read(outer);
  REQUIRE(r.outcome == Outcome::Ok);
  REQUIRE(r.archive.members.size() == 2);
  CHECK(r.archive.members[1].name == "lo-1.zip!x.xml");

  Limits flat;
  flat.max_depth = 1;
  r = read(outer, flat);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(r.archive.members.empty());
  CHECK(r.report.has(hoadon::Code::ZipLimit));
  CHECK(first_message(r).find("nested deeper than 1") != std::string::npos);

  const auto deep = make_zip({{"l2.zip", make_zip({{"l3.zip", inner}})}});
  r = read(deep);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(first_message(r).find("l2.zip!l3.zip") != std::string::npos);
}

TEST_CASE("archive: a zip bomb is refused by its ratio, its member size and its total size") {
  const std::string zeros(3u << 20, '0');  // 3 MiB that deflate to a few KiB
  const auto bomb = make_zip({{"bomb.xml", zeros}});
  CHECK(bomb.size() < zeros.size() / 100);
  auto r = read(bomb);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(r.report.has(hoadon::Code::ZipLimit));
  CHECK(first_message(r).find("compression ratio") != std::string::npos);

  Limits lax;
  lax.max_ratio = 100000;
  lax.max_member_bytes = 1u << 20;
  r = read(bomb, lax);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(first_message(r).find("more than 1048576") != std::string::npos);

  lax.max_member_bytes = 4u << 20;
  lax.max_total_bytes = 5u << 20;
  r = read(make_zip({{"a.xml", zeros}, {"b.xml", zeros}}), lax);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(first_message(r).find("in all") != std::string::npos);
  lax.max_total_bytes = 7u << 20;
  CHECK(read(make_zip({{"a.xml", zeros}, {"b.xml", zeros}}), lax).outcome == Outcome::Ok);
}

TEST_CASE("archive: a header that understates a member's size changes nothing: the bytes are counted") {
  const std::string zeros(3u << 20, '0');
  std::string bomb = make_zip({{"bomb.xml", zeros}});
  // Every size field that says 3 MiB (local header, central directory, ZIP64 extras) now says 100.
  const std::string real = {'\x00', '\x00', '\x30', '\x00'};  // 3 MiB, little-endian
  std::size_t patched = 0;
  for (std::size_t at = 0; (at = bomb.find(real, at)) != std::string::npos; at += 4, ++patched)
    bomb.replace(at, 4, std::string{'\x64', '\x00', '\x00', '\x00'});
  REQUIRE(patched >= 1);
  Limits l;
  l.max_ratio = 100000;
  l.max_member_bytes = 1u << 20;
  const auto r = read(bomb, l);
  if (r.outcome == Outcome::Ok) {
    for (const auto& m : r.archive.members) CHECK(m.bytes.size() <= l.max_member_bytes);
  } else {
    CHECK((r.report.has(hoadon::Code::ZipLimit) || r.report.has(hoadon::Code::ZipCorrupt)));
  }
}

TEST_CASE("archive: too many members, of any kind, nested ones included") {
  Members many;
  for (int i = 0; i < 30; ++i) many.push_back({"f" + std::to_string(i) + (i % 2 ? ".xml" : ".txt"), kXml});
  Limits l;
  l.max_members = 29;
  auto r = read(make_zip(many), l);
  CHECK(r.outcome == Outcome::Refused);
  CHECK(first_message(r).find("more than 29 members") != std::string::npos);
  l.max_members = 30;
  r = read(make_zip(many), l);
  CHECK(r.outcome == Outcome::Ok);
  CHECK(r.archive.members.size() == 15);
  CHECK(read(make_zip({{"in.zip", make_zip(many)}}), l).outcome == Outcome::Refused);  // 31 entries
}

TEST_CASE("archive: corrupt, truncated, encrypted, empty and XML-less archives") {
  const auto good = make_zip({{"a.xml", kXml}, {"b.xml", kXml}});
  for (const std::string& bad : {std::string("PK\x03\x04garbage", 11), good.substr(0, good.size() / 2),
                                 std::string("not a zip at all"), std::string()}) {
    const auto r = read(bad);
    CHECK(r.outcome == Outcome::Refused);
    CHECK(r.archive.members.empty());
    CHECK((r.report.has(hoadon::Code::ZipCorrupt) || r.report.has(hoadon::Code::ZipEmpty)));
  }
  // A flipped byte in a member's compressed data fails its CRC or its decompression.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "<TTin><TTruong>" + std::to_string(i * 7919 % 1000) + "</TTruong></TTin>";
  std::string flipped = make_zip({{"big.xml", text}});
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  CHECK(read(flipped).outcome == Outcome::Refused);
  // Any single flipped byte of a small archive: read or refused, never a crash or a hang.
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string b = good;
    b[i] = static_cast<char>(b[i] ^ 0xff);
    const auto f = read(b);
    CHECK((f.outcome == Outcome::Ok) == f.report.items().empty());
  }

  auto r = read(make_zip({{"a.xml", kXml}}, true));
  CHECK(r.outcome == Outcome::Refused);
  CHECK(r.report.has(hoadon::Code::ZipEncrypted));

  r = read(make_zip({{"readme.txt", "hello"}, {"invoice.pdf", "%PDF"}}));
  CHECK(r.outcome == Outcome::Refused);
  CHECK(r.report.has(hoadon::Code::ZipEmpty));
  CHECK(first_message(r).find("no XML document (2 other member(s) ignored)") != std::string::npos);
}

TEST_CASE("archive: an unreadable file is an I/O error, not a refusal") {
  Archive a;
  hoadon::Report report;
  CHECK(hoadon::archive::read_file("/nonexistent/x.zip", {}, a, report) == Outcome::IoError);
  CHECK(report.has(hoadon::Code::IoRead));
}

#else

TEST_CASE("archive: without libarchive every archive is refused as unsupported") {
  hoadon::archive::Archive a;
  hoadon::Report report;
  CHECK_FALSE(hoadon::archive::supported());
  CHECK(hoadon::archive::read("PK\x05\x06", {}, a, report) == hoadon::archive::Outcome::Unsupported);
  CHECK(report.has(hoadon::Code::ZipUnsupported));
}

#endif

TEST_CASE("archive: recognised by its first bytes and members by their names") {
  CHECK(hoadon::archive::looks_like_zip(std::string_view("PK\x03\x04rest", 8)));
  CHECK(hoadon::archive::looks_like_zip(std::string_view("PK\x05\x06", 4)));
  CHECK_FALSE(hoadon::archive::looks_like_zip("<?xml"));
  CHECK(hoadon::archive::kind_of("a/B.Xml") == hoadon::archive::MemberKind::Xml);
  CHECK(hoadon::archive::kind_of("lo.ZIP") == hoadon::archive::MemberKind::Zip);
  CHECK(hoadon::archive::kind_of("xml") == hoadon::archive::MemberKind::Other);
}
