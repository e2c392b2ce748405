#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {

Common common_settings(const Args& args) {
  Common c;
  c.json = args.choice("--format", {"text", "json"}, "text") == "json";
  const auto lang = args.choice("--lang", {"en", "vi", "both"}, "en");
  c.lang = lang == "vi" ? HOADON_LANG_VI : lang == "both" ? HOADON_LANG_BOTH : HOADON_LANG_EN;
  c.jobs = static_cast<unsigned>(args.number("--jobs", 1, 1, 256));
  hoadon_parse_options_init(&c.parse);
  c.parse.max_bytes = args.number("--max-bytes", c.parse.max_bytes, 1, 1ul << 31);
  return c;
}

int run_all(const std::vector<Input>& inputs, unsigned jobs, const std::function<Outcome(const Input&)>& work) {
  const std::size_t n = inputs.size();
  std::vector<std::optional<Outcome>> done(n);
  std::mutex m;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      Outcome o;
      try {
        o = work(inputs[i]);
      } catch (const std::exception& e) {
        o = {fmt::format("hoadon: {}: internal error: {}\n", inputs[i].label, e.what()), kExitIo};
      }
      std::lock_guard lock(m);
      done[i] = std::move(o);
      cv.notify_one();
    }
  };
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
  // Workers process; the main thread prints each outcome as soon as its turn comes.
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  const bool progress = n >= 20 && ::isatty(2);
  int exit_code = kExitOk;
  for (std::size_t i = 0; i < n; ++i) {
    Outcome o;
    {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return done[i].has_value(); });
      o = std::move(*done[i]);
      done[i].reset();
    }
    if (progress) std::fputs("\r\033[K", stderr);
    std::fwrite(o.output.data(), 1, o.output.size(), stdout);
    std::fflush(stdout);
    if (o.status == kExitIo || (o.status == kExitFailed && exit_code == kExitOk)) exit_code = o.status;
    if (progress) std::fprintf(stderr, "[%zu/%zu] %s", i + 1, n, inputs[i].label.c_str());
  }
  if (progress) std::fputs("\r\033[K", stderr);
  return exit_code;
}

}  // namespace cli
