#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli.hpp"

namespace cli {

namespace {

// The language of the user's locale, as gettext reads it: the first of LC_ALL, LC_MESSAGES,
// LANG that is set; Vietnamese when it starts with "vi" (vi_VN.UTF-8).
std::string_view locale_language() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(name); v && *v) return std::string_view(v).starts_with("vi") ? "vi" : "en";
  return "en";
}

}  // namespace

Common common_settings(const Args& args) {
  Common c;
  c.json = args.choice("--format", {"text", "json"}, "text") == "json";
  const auto lang = args.choice("--lang", {"en", "vi", "both"}, locale_language());
  c.lang = lang == "vi" ? HOADON_LANG_VI : lang == "both" ? HOADON_LANG_BOTH : HOADON_LANG_EN;
  c.jobs = static_cast<unsigned>(args.number("--jobs", 1, 1, 256));
  hoadon_parse_options_init(&c.parse, sizeof c.parse);
  c.parse.max_bytes = args.number("--max-bytes", c.parse.max_bytes, 1, 1ul << 31);
  hoadon_verdict_options_init(&c.verdict, sizeof c.verdict);
  c.verdict.lang = c.lang;
  c.verdict.verbose = args.has("--verbose");
  c.verdict.summary = args.has("--summary");
  return c;
}

namespace {

std::string summary_header(hoadon_lang lang) {
  return lang == HOADON_LANG_VI ? "KẾT LUẬN       TỆP  TÀI LIỆU  CHỮ KÝ\n"
                                : "VERDICT        FILE  DOCUMENT  SIGNATURES\n";
}

std::string summary_footer(const std::map<std::string, std::size_t>& tallies, std::size_t documents, hoadon_lang lang) {
  std::vector<std::pair<std::size_t, std::string>> parts;
  for (const auto& [word, n] : tallies) parts.emplace_back(n, word);
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out = fmt::format("{} {}:", documents,
                                lang == HOADON_LANG_VI ? "tài liệu"
                                : documents == 1       ? "document"
                                                       : "documents");
  std::size_t counted = 0;
  for (const auto& p : parts) counted += p.first;
  if (counted < documents)
    parts.emplace_back(documents - counted, lang == HOADON_LANG_VI ? "không đọc được" : "unreadable");
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += fmt::format("{} {} {}", i ? "," : "", parts[i].first, parts[i].second);
  return out + "\n";
}

}  // namespace

int run_all(const std::vector<Input>& inputs, unsigned jobs, const std::function<Outcome(const Input&)>& work,
            std::map<std::string, std::size_t>* tallies) {
  const std::size_t n = inputs.size();
  std::vector<std::optional<Outcome>> done(n);
  std::mutex m;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      Outcome o;
      try {
        o = inputs[i].problem.empty()
                ? work(inputs[i])
                : Outcome{fmt::format("hoadon: {}: {}\n", inputs[i].label, inputs[i].problem), kExitIo};
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
    if (tallies && !o.tally.empty()) ++(*tallies)[o.tally];
    if (progress) std::fprintf(stderr, "[%zu/%zu] %s", i + 1, n, inputs[i].label.c_str());
  }
  if (progress) std::fputs("\r\033[K", stderr);
  return exit_code;
}

int run_verdicts(const std::vector<Input>& inputs, const Common& c, const std::function<Outcome(const Input&)>& work) {
  const bool summary = !c.json && c.verdict.summary;
  std::map<std::string, std::size_t> tallies;
  if (summary) std::fputs(summary_header(c.lang).c_str(), stdout);
  const int status = run_all(inputs, c.jobs, work, summary ? &tallies : nullptr);
  if (summary) std::fputs(summary_footer(tallies, inputs.size(), c.lang).c_str(), stdout);
  return status;
}

}  // namespace cli
