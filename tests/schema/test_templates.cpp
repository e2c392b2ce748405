// For every template and version: the minimal and full documents are valid in both variants,
// and five mutations of the minimal one each give their code at their path.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "schema/support.hpp"
#include "support/support.hpp"

namespace {

// Replaces the text of the first <tag>…</tag>.
std::string with_value(std::string doc, const std::string& tag, const std::string& value) {
  const auto open = doc.find("<" + tag + ">");
  const auto close = doc.find("</" + tag + ">", open);
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  const auto from = open + tag.size() + 2;
  return doc.replace(from, close - from, value);
}

std::string without(std::string doc, const std::string& tag) {
  const auto open = doc.find("<" + tag + ">");
  const auto close = doc.find("</" + tag + ">", open);
  REQUIRE(open != std::string::npos);
  return doc.erase(open, close + tag.size() + 3 - open);
}

std::string first_value(const std::string& doc, const std::string& tag) {
  const auto open = doc.find("<" + tag + ">") + tag.size() + 2;
  return doc.substr(open, doc.find("</" + tag + ">", open) - open);
}

struct Mutation {
  const char* name;
  const char* code;
  const char* path;  // expected XPath; a trailing '*' matches any line position
  std::function<std::string(const std::string&)> apply;
};

bool path_matches(const std::string& got, std::string_view want) {
  if (want.find('*') == std::string_view::npos) return got == want;
  // "/…/HHDVu*/TChat": the line may or may not carry a position.
  const auto star = want.find('*');
  const auto head = want.substr(0, star), tail = want.substr(star + 1);
  return got.starts_with(head) && got.ends_with(tail) && got.size() >= head.size() + tail.size();
}

}  // namespace

TEST_CASE("each template and version: minimal and full documents valid, five mutations caught") {
  const Mutation mutations[] = {
      {"missing NLap", "SCHEMA-MISSING", "/HDon/DLHDon/TTChung", [](const std::string& d) { return without(d, "NLap"); }},
      {"over-long THDon", "SCHEMA-LENGTH", "/HDon/DLHDon/TTChung/THDon",
       [](const std::string& d) { return with_value(d, "THDon", std::string(101, 'x')); }},
      {"bad KHHDon pattern", "SCHEMA-PATTERN", "/HDon/DLHDon/TTChung/KHHDon",
       [](const std::string& d) {  // same type letter (the template kind stays), bad first letter
         return with_value(d, "KHHDon", "Z" + first_value(d, "KHHDon").substr(1));
       }},
      {"TChat outside its code list", "SCHEMA-ENUM", "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu*/TChat",
       [](const std::string& d) { return with_value(d, "TChat", "9"); }},
      {"ThTien with 7 decimals", "SCHEMA-DECIMALS", "/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu*/ThTien",
       [](const std::string& d) { return with_value(d, "ThTien", "1.1234567"); }},
  };
  const struct {
    const char* version;
    std::vector<const char*> kinds;
  } sets[] = {{"2.0.0", {"1", "2", "3", "4", "5", "6n", "6b", "1m", "2m"}},
              {"2.0.1", {"1", "2", "3", "4", "5", "6n", "6b", "1m", "2m"}},
              {"2.1.0", {"1", "2", "3", "4", "5", "6n", "6b", "7", "8", "9", "1m", "2m"}}};
  int documents = 0, caught = 0;
  for (const auto& set : sets) {
    for (const char* kind : set.kinds) {
      for (const char* size : {"min", "full"}) {
        const auto file = testing::schema_samples() / "valid" / set.version / (std::string("hdon-") + kind + "-" + size + ".xml");
        const auto doc = testing::read_file(file);
        CAPTURE(file);
        for (const bool strict : {false, true}) {
          const auto r = testing::schema_report(doc, strict);
          INFO(testing::summary(r));
          CHECK(r.items().empty());
          ++documents;
        }
        if (std::string(size) != "min") continue;
        for (const auto& m : mutations) {
          CAPTURE(m.name);
          const auto bad = m.apply(doc);
          for (const bool strict : {false, true}) {
            CAPTURE(strict);
            const auto r = testing::schema_report(bad, strict);
            INFO(testing::summary(r));
            const auto* d = testing::find(r, m.code);
            REQUIRE(d);
            CHECK(d->severity == hoadon::Severity::Error);
            CHECK(path_matches(d->where.path, m.path));
            ++caught;
          }
        }
      }
    }
  }
  CHECK(documents == 120);
  CHECK(caught == 300);
}
