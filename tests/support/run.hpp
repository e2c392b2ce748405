// Runs a program the way a user would, capturing its output and exit status.
#pragma once

#include <string>
#include <vector>

namespace testing {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out, err;
};

// Runs argv[0] with the given arguments; `input` is written to its standard input.
RunResult run(const std::vector<std::string>& argv, const std::string& input = {});

// Runs the hoadon CLI built with the tests.
RunResult hoadon(const std::vector<std::string>& args, const std::string& input = {});

}  // namespace testing
