// Shared helpers of the test suite.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace testing {

std::filesystem::path source_dir();
// A bundled demo invoice (examples/invoices/NAME), and the two names the tests use.
std::string example_invoice(const std::string& name);
inline const std::string kDemoVat = "htx-cao-bang-gtgt-2.1.0.xml";
inline const std::string kDemoSales = "ho-kinh-doanh-ban-hang-2.0.0.xml";
// ../shared (or $HOADON_SHARED_DIR) when it exists.
std::optional<std::filesystem::path> shared_dir();
// ../shared/vn-invoice-samples when it exists.
std::optional<std::filesystem::path> samples_dir();

std::string read_file(const std::filesystem::path& p);
// The program's path from $PATH, or nullopt when it is not installed.
std::optional<std::string> find_program(const std::string& name);
void write_file(const std::filesystem::path& p, const std::string& bytes);

// One row of vn-invoice-samples/MANIFEST.tsv.
struct SampleSignature {
  std::string slot, algorithm, integrity;
};
struct Sample {
  std::string file, system, root, message_type, pban;
  std::vector<SampleSignature> signatures;
  std::filesystem::path path;
};
std::vector<Sample> manifest();  // empty when the samples are absent

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace testing

// Marks a test as skipped (doctest has no runtime skip): prints why and leaves the test.
// The same for a test that needs a tool (xmlsec1, SoftHSM2, openssl); where the tools must be there
// (HOADON_REQUIRE_TOOLS set, as .ci/run does), their absence fails the test instead.
#define SKIP_UNLESS_TOOL(cond, why)                          \
  do {                                                       \
    if (!(cond)) {                                           \
      if (std::getenv("HOADON_REQUIRE_TOOLS")) FAIL((why));  \
      MESSAGE("skipped: " << (why));                         \
      return;                                                \
    }                                                        \
  } while (0)

#define SKIP_UNLESS(cond, why)       \
  do {                               \
    if (!(cond)) {                   \
      MESSAGE("skipped: " << (why)); \
      return;                        \
    }                                \
  } while (0)
