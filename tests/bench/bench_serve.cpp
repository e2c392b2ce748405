// hoadon serve under load: wrk POSTs a signed 10-line invoice to /v1/verify (the server with
// --threads 2), against the same work in process through the C API with as many threads (parse +
// verify + the JSON line), the physical floor of a verifier (libxml2 parse + C14N of DLHDon +
// SHA-256 + one RSA-2048 check) and the HTTP floor (GET /healthz). Then 100,000 requests in all,
// with the server's resident memory before and after, and its p99 latency.
#include <libxml/tree.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "floor.hpp"
#include "harness.hpp"
#include "hoadon/hoadon.h"

namespace fs = std::filesystem;

namespace {

constexpr unsigned kThreads = 2;
constexpr long kRequests = 100000;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_serve: %s\n", what.c_str());
  std::exit(1);
}

void must(bool ok, const char* what) {
  if (!ok) fail(fmt::format("{}: {}", what, hoadon_last_error()));
}

std::string sign(const std::string& xml, const fs::path& material) {
  hoadon_signer* signer = nullptr;
  must(hoadon_signer_from_pem_files((material / "signer.key").c_str(), (material / "signer.pem").c_str(), nullptr,
                                    &signer) == HOADON_OK,
       "signer");
  hoadon_doc* doc = nullptr;
  must(hoadon_doc_parse(xml.data(), xml.size(), nullptr, &doc) == HOADON_OK, "parse");
  hoadon_sign_result* result = nullptr;
  must(hoadon_doc_sign(doc, signer, nullptr, &result) == HOADON_OK, "sign");
  std::size_t len = 0;
  const void* bytes = hoadon_sign_result_bytes(result, &len);
  std::string out(static_cast<const char*>(bytes), len);
  hoadon_sign_result_free(result);
  hoadon_doc_free(doc);
  hoadon_signer_free(signer);
  return out;
}

// What one request to /v1/verify does, in process.
void verify_once(const std::string& bytes, const hoadon_trust* trust) {
  hoadon_doc* doc = nullptr;
  must(hoadon_doc_parse(bytes.data(), bytes.size(), nullptr, &doc) == HOADON_OK, "parse");
  hoadon_verify_result* result = nullptr;
  hoadon_doc_verify(doc, trust, nullptr, &result);
  must(result && hoadon_verify_result_ok(result), "verify");
  char* json = hoadon_verify_result_to_json(result, "-");
  must(json != nullptr, "json");
  hoadon_free(json);
  hoadon_verify_result_free(result);
  hoadon_doc_free(doc);
}

// CPU seconds (user + system) this process used so far.
double own_cpu() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds another process used so far (/proc/PID/stat: utime and stime, in clock ticks).
double cpu_of(pid_t pid) {
  std::ifstream f(fmt::format("/proc/{}/stat", pid));
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));  // after the command's name
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i)
    if (i == 14 || i == 15) ticks += std::stod(field);
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

struct Rate {
  double per_second = 0, cpu_per_doc = 0;
};

// Documents per second with `threads` threads for about `seconds`, and CPU seconds per document.
Rate in_process(const std::string& bytes, const hoadon_trust* trust, unsigned threads, double seconds) {
  const double cpu0 = own_cpu();
  std::atomic<long> done{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  const auto start = std::chrono::steady_clock::now();
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      while (!stop) {
        verify_once(bytes, trust);
        ++done;
      }
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : pool) t.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {static_cast<double>(done) / wall, (own_cpu() - cpu0) / static_cast<double>(done)};
}

struct Floor {
  EVP_PKEY* key = nullptr;
  std::string signed_info = std::string(700, 'x'), signature;
  explicit Floor(const fs::path& key_file) {
    FILE* f = std::fopen(key_file.c_str(), "r");
    if (!f || !(key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr))) fail("floor key");
    std::fclose(f);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t len = 0;
    const auto* msg = reinterpret_cast<const unsigned char*>(signed_info.data());
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &len, msg, signed_info.size());
    signature.resize(len);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &len, msg, signed_info.size());
    EVP_MD_CTX_free(ctx);
  }
  ~Floor() { EVP_PKEY_free(key); }
  void run(const std::string& bytes) const {
    unsigned char md[32];
    xmlDocPtr d = bench::parse_and_hash_data(bytes, md);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    const int ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                    reinterpret_cast<const unsigned char*>(signed_info.data()), signed_info.size());
    EVP_MD_CTX_free(ctx);
    xmlFreeDoc(d);
    if (ok != 1) fail("floor signature check");
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Served {
  pid_t pid = -1;
  unsigned port = 0;
};

Served start_server(const fs::path& material) {
  int out[2];
  if (::pipe(out) != 0) fail("pipe");
  const std::string threads = std::to_string(kThreads);
  const std::string anchors = material / "anchors.pem", ca = material / "ca.pem", crl = material / "crl.pem";
  const char* argv[] = {
      HOADON_CLI, "serve",         "--port",         "0",        "--threads", threads.c_str(), "--no-default-trust",
      "--trust",  anchors.c_str(), "--intermediate", ca.c_str(), "--crl",     crl.c_str(),     nullptr};
  Served s;
  s.pid = ::fork();
  if (s.pid == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::execv(HOADON_CLI, const_cast<char* const*>(argv));
    std::_Exit(127);
  }
  ::close(out[1]);
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  const auto colon = line.rfind(':');
  if (!line.starts_with("listening on") || colon == std::string::npos) fail("server did not start: " + line);
  s.port = static_cast<unsigned>(std::stoul(line.substr(colon + 1)));
  return s;
}

long rss_kib(pid_t pid) {
  std::ifstream f(fmt::format("/proc/{}/status", pid));
  for (std::string line; std::getline(f, line);)
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  return -1;
}

struct Load {
  double per_second = 0, p99_ms = 0;
  long requests = 0;
};

// wrk against `url` for `seconds`; fails on any answer other than 2xx.
Load wrk(const std::string& url, const fs::path& script, int seconds) {
  const std::string cmd = fmt::format("wrk -t1 -c8 -d{}s --latency {} {} 2>&1", seconds,
                                      script.empty() ? "" : "-s " + script.string(), url);
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) fail("wrk");
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  Load l;
  std::smatch m;
  if (out.find("Non-2xx") != std::string::npos) fail("wrk saw errors:\n" + out);
  if (std::regex_search(out, m, std::regex(R"(Requests/sec:\s+([0-9.]+))"))) l.per_second = std::stod(m[1]);
  if (std::regex_search(out, m, std::regex(R"((\d+) requests in)"))) l.requests = std::stol(m[1]);
  if (std::regex_search(out, m, std::regex(R"(99%\s+([0-9.]+)(us|ms|s))")))
    l.p99_ms = std::stod(m[1]) * (m[2] == "us" ? 0.001 : m[2] == "s" ? 1000 : 1);
  if (l.requests == 0) fail("wrk output not understood:\n" + out);
  return l;
}

}  // namespace

int main() {
  if (std::system("wrk -v >/dev/null 2>&1; command -v wrk >/dev/null") != 0) {
    std::puts("bench_serve: skipped: wrk is not installed (Debian package wrk)");
    return 0;
  }
  char tmpl[] = "/tmp/hoadon-bench-serve-XXXXXX";
  if (!::mkdtemp(tmpl)) fail("mkdtemp");
  const fs::path dir = tmpl, material = dir / "material";
  if (std::system(fmt::format("{} {} >/dev/null", HOADON_TEST_MATERIAL_TOOL, material.string()).c_str()) != 0)
    fail("test material");
  const std::string doc = sign(bench::make_invoice(10), material);
  {
    std::ofstream(dir / "invoice.xml", std::ios::binary) << doc;
    std::ofstream(dir / "post.lua") << fmt::format(
        "wrk.method = \"POST\"\nlocal f = io.open(\"{}\", \"rb\")\nwrk.body = f:read(\"*a\")\nf:close()\n"
        "wrk.headers[\"Content-Type\"] = \"application/xml\"\n",
        (dir / "invoice.xml").string());
  }
  hoadon_trust* trust = nullptr;
  must(hoadon_trust_new(&trust) == HOADON_OK, "trust");
  must(hoadon_trust_add_path(trust, HOADON_TRUST_ANCHOR, (material / "anchors.pem").c_str()) == HOADON_OK, "anchors");
  must(hoadon_trust_add_path(trust, HOADON_TRUST_INTERMEDIATE, (material / "ca.pem").c_str()) == HOADON_OK, "ca");
  must(hoadon_trust_add_path(trust, HOADON_TRUST_CRL, (material / "crl.pem").c_str()) == HOADON_OK, "crl");
  verify_once(doc, trust);

  const Floor floor(material / "signer.key");
  const double floor_s = bench::seconds_per_call([&] { floor.run(doc); });
  const Served s = start_server(material);
  const std::string base = fmt::format("http://127.0.0.1:{}", s.port);
  const Load http_floor = wrk(base + "/healthz", {}, 3);
  long total = wrk(base + "/v1/verify", dir / "post.lua", 2).requests;  // warm-up
  const long rss_before = rss_kib(s.pid);
  // Served and in process in alternating rounds, so that the machine's drift (frequency,
  // neighbours) hits both alike; the medians are compared.
  // CPU time per document too: on a shared machine the wall-clock rates depend on what the
  // neighbours leave to each side; the CPU each spends on a document does not.
  std::vector<double> served, api, p99, served_cpu, api_cpu;
  for (int round = 0; round < 5; ++round) {
    const Rate r = in_process(doc, trust, kThreads, 2);
    api.push_back(r.per_second);
    api_cpu.push_back(r.cpu_per_doc);
    const double cpu0 = cpu_of(s.pid);
    const Load l = wrk(base + "/v1/verify", dir / "post.lua", 3);
    served_cpu.push_back((cpu_of(s.pid) - cpu0) / static_cast<double>(l.requests));
    served.push_back(l.per_second);
    p99.push_back(l.p99_ms);
    total += l.requests;
  }
  // Then the rest of the 100,000 requests, for the memory.
  while (total < kRequests) {
    const Load more = wrk(base + "/v1/verify", dir / "post.lua", 10);
    total += more.requests;
    p99.push_back(more.p99_ms);
  }
  const long rss_after = rss_kib(s.pid);
  ::kill(s.pid, SIGTERM);
  int status = 0;
  ::waitpid(s.pid, &status, 0);
  hoadon_trust_free(trust);
  fs::remove_all(dir);

  const double served_docs = median(served), api_docs = median(api);
  std::printf(
      "hoadon serve: POST /v1/verify, signed 10-line invoice, server --threads %u, wrk -t1 -c8 (same machine, 2 "
      "cores), medians of 5 alternating rounds\n",
      kThreads);
  std::printf("  %-44s %10.0f docs/s   p99 %.2f ms (median of runs; worst %.2f ms)\n", "served (HTTP, JSON answer)",
              served_docs, median(p99), *std::max_element(p99.begin(), p99.end()));
  std::printf("  %-44s %10.0f docs/s\n", "in process (C API, same threads, JSON line)", api_docs);
  std::printf("  %-44s %10.2f x        (goal >= 0.80)\n", "served / in process", served_docs / api_docs);
  std::printf("  %-44s %10.3f ms       server process only (wrk not counted)\n", "CPU per document, served",
              1000 * median(served_cpu));
  std::printf("  %-44s %10.3f ms\n", "CPU per document, in process", 1000 * median(api_cpu));
  std::printf("  %-44s %10.2f x        (the same ratio in CPU: in process / served)\n", "CPU efficiency ratio",
              median(api_cpu) / median(served_cpu));
  std::printf("  %-44s %10.0f docs/s   per thread, x%u = %.0f\n", "physical floor (parse+C14N+SHA-256+RSA)",
              1 / floor_s, kThreads, kThreads / floor_s);
  std::printf("  %-44s %10.0f req/s    p99 %.2f ms\n", "HTTP floor (GET /healthz)", http_floor.per_second,
              http_floor.p99_ms);
  std::printf("  %-44s %10ld KiB -> %ld KiB after %ld requests (%+.1f%%)\n", "server resident memory", rss_before,
              rss_after, total, 100.0 * static_cast<double>(rss_after - rss_before) / static_cast<double>(rss_before));
  std::printf("  %-44s %10s\n", "exit status after SIGTERM",
              WIFEXITED(status) ? std::to_string(WEXITSTATUS(status)).c_str() : "signal");
  return 0;
}
