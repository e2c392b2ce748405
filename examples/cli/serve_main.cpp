// hoadon serve, wired up: options, trust, the server, and the signals that stop it.
#include <pthread.h>
#include <signal.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "serve.hpp"

namespace cli::serve {
namespace {

std::string read_file(const std::string& option, const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  if (!f) throw IoError(fmt::format("{} {}: cannot be read", option, path));
  return s.str();
}

std::string read_token(const std::string& path) {
  std::string token = read_file("--token-file", path);
  token = token.substr(0, token.find_first_of("\r\n"));
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
  if (token.empty()) throw IoError(fmt::format("--token-file {}: the first line is empty", path));
  return token;
}

Limits limits_of(const Args& args) {
  Limits l;
  const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
  l.threads = static_cast<unsigned>(args.number("--threads", cpus, 1, 1024));
  l.max_body = args.number("--max-body-bytes", l.max_body, 1, 1ul << 31);
  l.max_header = args.number("--max-header-bytes", l.max_header, 1024, 1u << 20);
  l.max_connections = static_cast<unsigned>(args.number("--max-connections", l.max_connections, 1, 100000));
  l.max_per_ip = static_cast<unsigned>(args.number("--max-connections-per-ip", 0, 0, 100000));
  l.idle_timeout = static_cast<unsigned>(args.number("--idle-timeout", l.idle_timeout, 1, 86400));
  l.request_timeout = static_cast<unsigned>(args.number("--request-timeout", l.request_timeout, 1, 86400));
  l.grace = static_cast<unsigned>(args.number("--grace", l.grace, 0, 86400));
  return l;
}

}  // namespace

int run(const Args& args) {
  const Limits limits = limits_of(args);
  const std::string address = args.get_or("--listen", "127.0.0.1");
  const unsigned port = static_cast<unsigned>(args.number("--port", 8080, 0, 65535));
  if (args.has("--tls-cert") != args.has("--tls-key")) throw UsageError("--tls-cert and --tls-key go together");

  // SIGTERM and SIGINT are taken by this thread alone (sigwait below): every thread started from
  // here on inherits the mask. A peer that goes away cannot kill the process with SIGPIPE.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  try {
    Server::Tls tls;
    if (const auto cert = args.get("--tls-cert")) {
      tls.cert_pem = read_file("--tls-cert", *cert);
      tls.key_pem = read_file("--tls-key", *args.get("--tls-key"));
    }
    const std::string token = args.has("--token-file") ? read_token(*args.get("--token-file")) : std::string();
    std::string error;
    Trust trust = load_trust(args, error);
    if (!trust) throw IoError(error);

    Metrics metrics;
    Routes routes(std::move(trust), token, metrics);
    Server server(limits, address, port, tls, routes, metrics);
    const bool v6 = address.find(':') != std::string::npos;
    std::printf("listening on %s://%s%s%s:%u\n", tls.cert_pem.empty() ? "http" : "https", v6 ? "[" : "",
                address.c_str(), v6 ? "]" : "", server.port());
    std::fflush(stdout);

    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::fprintf(stderr, "hoadon serve: %s: finishing the requests in flight (at most %u s)\n", strsignal(sig),
                 limits.grace);
    routes.set_draining();
    server.quiesce();
    if (!server.drain(std::chrono::seconds(limits.grace)))
      std::fprintf(stderr, "hoadon serve: grace period over: %ld request(s) cut off\n", metrics.in_flight.load());
    return kExitOk;
  } catch (const IoError& e) {
    std::fprintf(stderr, "hoadon serve: %s\n", e.what());
    return kExitIo;
  }
}

}  // namespace cli::serve
