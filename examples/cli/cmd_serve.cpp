// hoadon serve: validation and verification as an HTTP service (packaging/man/hoadon-serve.1).
#include <cstdio>

#include "cli.hpp"
#ifdef HOADON_WITH_MICROHTTPD
#include "serve.hpp"
#endif

namespace cli {
namespace {

CommandSpec spec() {
  CommandSpec s{
      "serve",
      "[--listen ADDR] [--port N] [--threads N] [--token-file FILE] [--tls-cert PEM --tls-key PEM] [trust options]",
      "Answer POST /v1/validate, /v1/verify, /v1/inspect and /v1/render over HTTP/1.1 with what the commands print "
      "(--format json), plus GET /healthz and GET /metrics (Prometheus).",
      "The body of a request is the document, XML or ZIP; its query carries the command's options (?at=, "
      "?strict, ?rule=CODE=SEVERITY, ?format=text, ?name= for the label…). The answer is the command's JSON "
      "line(s), with X-Hoadon-Exit-Status the exit status the command would have had. Every verification uses "
      "the one trust configuration loaded at start from the trust options, as 'hoadon verify' does.\n"
      "The service keeps no state between requests: run as many as needed behind any load balancer.\n"
      "On SIGTERM or SIGINT it stops accepting connections, answers the requests already received (for at most "
      "--grace seconds) and exits 0.\n"
      "Once listening, it prints 'listening on http://ADDR:PORT' on standard output.",
      {}};
  s.options = {
      {"--listen", "ADDR", "IPv4 or IPv6 address to listen on (default 127.0.0.1; 0.0.0.0 or :: for all)"},
      {"--port", "N", "TCP port (default 8080; 0: any free port, printed on standard output)"},
      {"--threads", "N", "worker threads, each answering its share of the connections (default: the CPUs)"},
      {"--max-body-bytes", "N", "refuse larger request bodies with 413 (default 16777216)"},
      {"--max-header-bytes", "N", "room for the request line and headers (default 16384; beyond: 431)"},
      {"--max-connections", "N", "answer 503 beyond N open connections, refuse them beyond 5/4 of N (default 256)"},
      {"--max-connections-per-ip", "N", "open connections allowed from one address (default 0: no limit)"},
      {"--idle-timeout", "SECONDS", "close a connection idle that long (default 10)"},
      {"--request-timeout", "SECONDS", "close a connection that took longer to send a request (default 30)"},
      {"--grace", "SECONDS", "on SIGTERM, time left to the requests in flight (default 10)"},
      {"--token-file", "FILE", "require 'Authorization: Bearer TOKEN', TOKEN the first line of FILE (not /healthz)"},
      {"--tls-cert", "PEM", "serve HTTPS with this certificate chain (needs --tls-key)"},
      {"--tls-key", "PEM", "the TLS private key (unencrypted PEM)"},
  };
  // Of the trust options, the material: the verification settings come with each request.
  for (const auto& o : trust_options())
    if (o.name != "--at" && o.name != "--policy" && o.name != "--integrity-only" && o.name != "--no-tax-code-check")
      s.options.push_back(o);
  s.options.push_back({"-h|--help", "", "show this help"});
  return s;
}

}  // namespace

int cmd_serve(const std::vector<std::string>& argv) {
  const auto s = spec();
  const Args args(s, argv);
  if (args.has("--help")) {
    fputs(help_text(s).c_str(), stdout);
    return kExitOk;
  }
  if (!args.positional().empty()) throw UsageError("serve takes no PATH: documents come as request bodies");
#ifdef HOADON_WITH_MICROHTTPD
  return serve::run(args);
#else
  std::fprintf(stderr, "hoadon serve: not built with libmicrohttpd (Debian libmicrohttpd-dev, HOADON_WITH_SERVE)\n");
  return kExitIo;
#endif
}

}  // namespace cli
