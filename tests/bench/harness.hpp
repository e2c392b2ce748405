// A small benchmark harness (no dependency beyond the project's own): times a workload and
// its physical floor in the same run and prints both with their ratio, because a shared
// machine is too noisy for absolute numbers to mean much on their own.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace bench {

// Median seconds per call of fn, over `rounds` rounds of enough calls to last ~min_seconds.
double seconds_per_call(const std::function<void()>& fn, double min_seconds = 0.2, int rounds = 5);

struct Pair {
  double work = 0, floor = 0;  // median seconds per call
};
// Times work and floor in alternating rounds, so that drift of the machine (frequency,
// neighbours) hits both alike; returns the medians.
Pair compare(const std::function<void()>& work, const std::function<void()>& floor, int rounds = 7);

struct Row {
  std::string name;   // "validate 100 lines"
  double work = 0;    // seconds per document for the measured operation
  double floor = 0;   // seconds per document for its physical floor
  double target = 0;  // the ratio the issue asks for (0 = none)
};

// Prints a table: docs/s of the work, docs/s of the floor, ratio, target.
void print(const std::string& title, const std::string& floor_name, const std::vector<Row>& rows);

// A consistent VAT invoice (PBan 2.1.0) with n lines at 5%, 8% and 10%: valid tax codes,
// totals that add up, amount in words. Used by every benchmark so their numbers compare.
std::string make_invoice(int lines);

// The invoice sizes to run: `all`, or those listed in HOADON_BENCH_LINES ("10,100"), e.g. to
// profile one size under callgrind.
std::vector<int> sizes(std::initializer_list<int> all);

}  // namespace bench
