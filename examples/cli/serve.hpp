// hoadon serve: the document commands as an HTTP/1.1 + JSON service (packaging/man/hoadon-serve.1).
//
// Three layers, each in its own file: serve_http.cpp speaks HTTP (libmicrohttpd: thread pool,
// limits, deadlines, TLS, draining), serve_routes.cpp maps a request to a command's Job and back
// (the same per-document code, hence the same lines, as `hoadon CMD --format json`),
// serve_metrics.cpp counts what happened (Prometheus text). serve_main.cpp wires them up.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"

namespace cli::serve {

// What the HTTP layer allows each client; every one is an option of `hoadon serve`.
struct Limits {
  unsigned threads = 2;                // --threads: libmicrohttpd's thread pool
  std::size_t max_body = 16u << 20;    // --max-body-bytes: 413 beyond
  std::size_t max_header = 16u << 10;  // --max-header-bytes: request line and headers
  unsigned max_connections = 256;      // --max-connections: 503 beyond, refused at 5/4 of it
  unsigned max_per_ip = 0;             // --max-connections-per-ip (0: no limit)
  unsigned idle_timeout = 10;          // --idle-timeout: seconds without a byte
  unsigned request_timeout = 30;       // --request-timeout: seconds to receive a whole request
  unsigned grace = 10;                 // --grace: seconds in-flight requests get on SIGTERM
};

// Counters of the service, read by GET /metrics. Thread-safe.
class Metrics {
 public:
  void request(std::string_view route, int status, double seconds);
  void verdict(std::string_view route, std::string_view verdict);
  void rejected(std::string_view reason);  // "timeout", "saturated", "body_too_large"
  std::string text() const;                // Prometheus text exposition format 0.0.4

  std::atomic<long> in_flight{0};    // requests received and not yet answered
  std::atomic<long> connections{0};  // open connections

 private:
  struct Histogram {
    std::vector<unsigned long> buckets;  // cumulative at text() time; here per bucket
    unsigned long count = 0;
    double sum = 0;
  };
  mutable std::mutex m_;
  std::map<std::pair<std::string, int>, unsigned long> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::pair<std::string, std::string>, unsigned long> verdicts_;
  std::map<std::string, unsigned long> rejected_;
};

// A request as the routes see it.
struct Request {
  std::string method;
  std::string path;  // without the query
  // Query parameters in order, decoded; a parameter without '=' has no value.
  std::vector<std::pair<std::string, std::optional<std::string>>> query;
  std::string authorization;  // the Authorization header, "" if none
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// A small JSON error body: {"status":413,"error":"..."}.
Response error(int status, std::string_view message);
// The label of a path for the metrics: "validate", "healthz", … or "other".
std::string route_label(std::string_view path);

// Everything above HTTP. handle() is called from every thread of the pool at once.
class Routes {
 public:
  // `trust` is the one trust configuration of verify and render; `token` "" for none.
  Routes(Trust trust, std::string token, Metrics& metrics);
  ~Routes();
  Routes(const Routes&) = delete;
  Routes& operator=(const Routes&) = delete;

  // Whether the request may proceed: /healthz always, the rest with the token when one is set.
  bool authorized(std::string_view path, std::string_view authorization) const;
  Response handle(Request& request) const;
  void set_draining() { draining_ = true; }

 private:
  struct Impl;
  Impl* impl_;
  std::atomic<bool> draining_{false};
};

// The libmicrohttpd daemon with its limits and the request-time watchdog.
class Server {
 public:
  struct Tls {
    std::string cert_pem, key_pem;  // both empty: plain HTTP
  };
  // Starts listening on `address` (IPv4 or IPv6 literal) and `port` (0: any free port); throws
  // IoError when it cannot.
  Server(const Limits& limits, const std::string& address, unsigned port, const Tls& tls, Routes& routes,
         Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned port() const;
  // Stops accepting connections; requests already received are still answered.
  void quiesce();
  // Waits until no request is in flight or `grace` has passed; true when none is left.
  bool drain(std::chrono::seconds grace);

  struct Impl;

 private:
  Impl* impl_;
};

// `hoadon serve` once its options are read.
int run(const Args& args);

}  // namespace cli::serve
