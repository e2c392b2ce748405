// Runs a libFuzzer entry point without libFuzzer (any compiler): on each file named, then on
// 32 prefixes of it, so that the fuzzer's checks hold in the ordinary test suite too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.is_open() || bytes.empty()) {
      std::fprintf(stderr, "%s: cannot be read\n", argv[i]);
      return 1;
    }
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    for (std::size_t k = 0; k <= 32; ++k, ++runs) LLVMFuzzerTestOneInput(data, bytes.size() * k / 32);
  }
  std::printf("%zu inputs from %d files: every check held\n", runs, argc - 1);
  return 0;
}
