// The schema machinery: embedded files, compilation, choice of the entry schema, version
// override, unsupported versions and templates, concurrency, hostile shapes.
#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

#include "schema/embedded.hpp"
#include "schema/library.hpp"
#include "schema/support.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;

TEST_CASE("the library embeds every .xsd of lib/schema/xsd byte for byte, and each entry compiles") {
  const auto dir = testing::source_dir() / "lib/schema/xsd";
  int files = 0, entries = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    const auto name = f.path().filename().string();
    CAPTURE(name);
    const auto* e = hoadon::schema::embedded_file(name);
    REQUIRE(e);
    CHECK(e->text == testing::read_file(f.path()));
    ++files;
    // Entries: everything but the libraries they include/import.
    if (name.starts_with("types") || name.starts_with("dsig") || name.starts_with("invoice-") ||
        name.starts_with("forms"))
      continue;
    const auto& c = hoadon::schema::entry_schema(name);
    CHECK_MESSAGE(c.schema != nullptr, c.error);
    ++entries;
  }
  CHECK(files == 89);
  CHECK(entries == 78);
  CHECK(hoadon::schema::dsig_schema(false).schema);
  CHECK(hoadon::schema::dsig_schema(true).schema);
  CHECK(hoadon::schema::embedded_file("required.tsv"));
  CHECK_FALSE(hoadon::schema::entry_schema("nope.xsd").schema);
}

TEST_CASE("the declared PBan chooses the schema — --version overrides it") {
  const auto doc = testing::read_file(testing::schema_samples() / "valid/2.1.0/hdon-1-full.xml");
  CHECK(testing::schema_report(doc, false).items().empty());
  // As 2.0.0: the 2.1.0 fields are foreign there, and PBan itself is not 2.0.0.
  const auto r = testing::schema_report(doc, false, "2.0.0");
  INFO(testing::summary(r));
  CHECK_FALSE(r.ok());
  const auto* d = testing::find(r, "SCHEMA-UNEXPECTED");
  REQUIRE(d);
  CHECK(testing::find(r, "SCHEMA-ENUM"));  // PBan 2.1.0 is not the 2.0.0 schema's value
}

TEST_CASE("unsupported versions and templates get their own diagnostic, never a fallback") {
  auto doc = testing::read_file(testing::schema_samples() / "valid/2.0.0/hdon-1-min.xml");
  auto r = testing::schema_report(doc, false, "1.0.0");
  REQUIRE(r.items().size() == 1);
  CHECK(r.items()[0].code_name() == "SCHEMA-VERSION");
  CHECK(r.items()[0].where.path == "/HDon/DLHDon/TTChung/PBan");
  // Template 7 exists from 2.1.0 only.
  const auto seven = testing::read_file(testing::schema_samples() / "valid/2.1.0/hdon-7-min.xml");
  r = testing::schema_report(seven, false, "2.0.1");
  REQUIRE(r.items().size() == 1);
  CHECK(r.items()[0].code_name() == "SCHEMA-TEMPLATE");
  CHECK(r.items()[0].where.path == "/HDon/DLHDon/TTChung/KHMSHDon");
  // An unknown notice form.
  r = testing::schema_report("<TBao><DLTBao><PBan>2.0.0</PBan><MSo>99/XX</MSo></DLTBao></TBao>", false);
  REQUIRE(r.items().size() == 1);
  CHECK(r.items()[0].code_name() == "SCHEMA-TEMPLATE");
}

TEST_CASE("a message with invoices of two templates validates each with its own schema") {
  const auto vat = testing::read_file(testing::schema_samples() / "valid/2.1.0/hdon-1-min.xml");
  const auto sales = testing::read_file(testing::schema_samples() / "valid/2.0.1/hdon-2-min.xml");
  const auto body = [](const std::string& d) { return d.substr(d.find("<HDon>")); };
  const auto tdiep = testing::read_file(testing::schema_samples() / "valid/tdiep/tdiep-203.xml");
  const auto dl = tdiep.find("<DLieu>") + 7, end = tdiep.find("</DLieu>");
  const std::string mixed = tdiep.substr(0, dl) + body(vat) + body(sales) + tdiep.substr(end);
  auto r = testing::schema_report(mixed, false);
  INFO(testing::summary(r));
  CHECK(r.items().empty());
  // An error in the second invoice is found by its own schema, at its own path.
  const auto pos = mixed.rfind("<THDon>");
  std::string broken = mixed;
  broken.insert(pos, "<Bogus/>");
  r = testing::schema_report(broken, true);
  const auto* d = testing::find(r, "SCHEMA-UNEXPECTED");
  REQUIRE(d);
  CHECK(d->where.path == "/TDiep/DLieu/HDon[2]/DLHDon/TTChung/Bogus");
}

TEST_CASE("concurrent validations from several threads agree with a sequential run") {
  std::vector<std::string> docs;
  for (const char* f : {"valid/2.1.0/hdon-1-full.xml", "invalid/bad-TGia-3-decimals.xml", "valid/tdiep/tdiep-206.xml",
                        "invalid/dev-line-TThue-Viettel.xml", "valid/forms/tkhai.xml", "invalid/sig-no-Target.xml"})
    docs.push_back(testing::read_file(testing::schema_samples() / f));
  std::vector<std::string> expected;
  for (const auto& d : docs)
    for (const bool strict : {false, true}) expected.push_back(testing::summary(testing::schema_report(d, strict)));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        std::size_t i = 0;
        for (const auto& d : docs)
          for (const bool strict : {false, true}) {
            if (testing::summary(testing::schema_report(d, strict)) != expected[i])
              ++mismatches[static_cast<std::size_t>(t)];
            ++i;
          }
      }
    });
  for (auto& th : threads) th.join();
  for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("any element removed from a full invoice: no crash, every diagnostic located and worded") {
  const auto doc = testing::read_file(testing::schema_samples() / "valid/2.1.0/hdon-1-full.xml");
  int variants = 0;
  for (std::size_t at = doc.find('<', doc.find("<HDon") + 1); at != std::string::npos; at = doc.find('<', at + 1)) {
    if (doc[at + 1] == '/' || doc[at + 1] == '?' || doc[at + 1] == '!') continue;
    const auto name_end = doc.find_first_of(" />", at + 1);
    const std::string name = doc.substr(at + 1, name_end - at - 1);
    const auto close = doc.find("</" + name + ">", at);
    if (close == std::string::npos) continue;
    const std::string broken = doc.substr(0, at) + doc.substr(close + name.size() + 3);
    for (const bool strict : {false, true}) {
      const auto r = testing::schema_report(broken, strict);
      for (const auto& d : r.items()) {
        CHECK(!d.message.empty());
        CHECK(!d.message_vi.empty());
      }
      ++variants;
    }
  }
  CHECK(variants > 300);
}
