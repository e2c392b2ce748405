// hoadon serve's HTTP layer on libmicrohttpd: a pool of --threads event loops, each answering its
// connections; limits on connections, header and body sizes; an idle timeout (libmicrohttpd's)
// and a deadline for receiving a whole request (the watchdog below), so that a slow client
// (slowloris) holds a connection for a bounded time only; quiescing and draining for SIGTERM.
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "serve.hpp"

namespace cli::serve {

namespace {

using Clock = std::chrono::steady_clock;

// One TCP connection, registered while it is open.
struct Connection {
  int fd = -1;
  Clock::time_point deadline;  // to have received the current request by
  bool busy = false;           // a request of it is being processed: no deadline
};

// One HTTP request, from its headers to its answer.
struct Exchange {
  Clock::time_point start = Clock::now();
  Request request;
  std::string route;
  int status = 0;         // of the answer queued
  bool answered = false;  // an answer was queued before the body was read (401, 413, 503…)
  bool too_big = false;
};

}  // namespace

struct Server::Impl {
  Limits limits;
  Routes& routes;
  Metrics& metrics;
  MHD_Daemon* daemon = nullptr;
  std::string cert, key;  // kept for the daemon's lifetime
  std::atomic<bool> draining{false};

  std::mutex m;  // guards `open`, each Connection's fields and `stop`
  std::set<Connection*> open;
  bool stop = false;
  std::condition_variable wake;
  std::thread watchdog;

  Impl(const Limits& l, Routes& r, Metrics& mt) : limits(l), routes(r), metrics(mt) {}

  Clock::duration request_time() const { return std::chrono::seconds(limits.request_timeout); }

  // Cuts off every connection past its deadline. shutdown() wakes the connection's event loop,
  // which then closes it; the fd cannot have been reused meanwhile, as libmicrohttpd notifies
  // the close (removing it from `open`, under the same lock) before it closes the fd.
  void watch() {
    std::unique_lock lock(m);
    while (!stop) {
      wake.wait_for(lock, std::chrono::milliseconds(100));
      const auto now = Clock::now();
      for (Connection* c : open)
        if (!c->busy && now > c->deadline) {
          ::shutdown(c->fd, SHUT_RDWR);
          c->deadline = Clock::time_point::max();
          metrics.rejected("timeout");
        }
    }
  }

  Connection* connection_of(MHD_Connection* conn) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<Connection*>(info->socket_context) : nullptr;
  }

  void set_busy(MHD_Connection* conn, bool busy) {
    if (Connection* c = connection_of(conn)) {
      std::lock_guard lock(m);
      c->busy = busy;
      c->deadline = Clock::now() + request_time();
    }
  }

  static void on_connection(void* cls, MHD_Connection* conn, void** socket_context,
                            enum MHD_ConnectionNotificationCode code) {
    auto* self = static_cast<Impl*>(cls);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      auto* c = new Connection;
      const MHD_ConnectionInfo* info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
      c->fd = info ? info->connect_fd : -1;
      c->deadline = Clock::now() + self->request_time();
      *socket_context = c;
      ++self->metrics.connections;
      if (c->fd < 0) return;  // never watched
      std::lock_guard lock(self->m);
      self->open.insert(c);
    } else if (auto* c = static_cast<Connection*>(*socket_context)) {
      {
        std::lock_guard lock(self->m);
        self->open.erase(c);
      }
      delete c;
      *socket_context = nullptr;
      --self->metrics.connections;
    }
  }

  static void on_completed(void* cls, MHD_Connection* conn, void** con_cls, enum MHD_RequestTerminationCode) {
    auto* self = static_cast<Impl*>(cls);
    auto* x = static_cast<Exchange*>(*con_cls);
    if (!x) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - x->start).count();
    // A request cut off before its answer (timeout, client gone) is counted as status 0.
    self->metrics.request(x->route, x->status, seconds);
    --self->metrics.in_flight;
    delete x;
    *con_cls = nullptr;
    self->set_busy(conn, false);  // the next request's deadline starts now
  }

  int queue(MHD_Connection* conn, Exchange& x, const Response& r) {
    MHD_Response* resp =
        MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type.c_str());
    for (const auto& [name, value] : r.headers) MHD_add_response_header(resp, name.c_str(), value.c_str());
    // Answers given before the body was read, and every answer while draining, close the connection.
    if (x.answered || draining) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    x.status = r.status;
    const enum MHD_Result rc = MHD_queue_response(conn, static_cast<unsigned>(r.status), resp);
    MHD_destroy_response(resp);
    return rc;
  }

  // The checks made on a request's headers, before any of its body is read.
  std::optional<Response> refuse_early(MHD_Connection* conn, Exchange& x) {
    if (metrics.connections.load() > static_cast<long>(limits.max_connections)) {
      metrics.rejected("saturated");
      Response r = error(503, "too many connections: try again later");
      r.headers.emplace_back("Retry-After", "1");
      return r;
    }
    if (!routes.authorized(x.request.path, x.request.authorization)) {
      Response r = error(401, "a bearer token is required (Authorization: Bearer TOKEN)");
      r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"hoadon\"");
      return r;
    }
    if (const char* len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH)) {
      unsigned long long n = 0;
      const auto [end, ec] = std::from_chars(len, len + std::strlen(len), n);
      if (ec != std::errc() || *end != '\0') return error(400, "unreadable Content-Length");
      if (n > limits.max_body) {
        metrics.rejected("body_too_large");
        return error(413, fmt::format("request body too large: over {} bytes", limits.max_body));
      }
      // Announced is not sent: reserve a little, so that idle clients cannot claim memory.
      x.request.body.reserve(std::min<unsigned long long>(n, 1u << 20));
    }
    return std::nullopt;
  }

  static enum MHD_Result on_request(void* cls, MHD_Connection* conn, const char* url, const char* method, const char*,
                                    const char* upload, size_t* upload_size, void** con_cls) {
    auto* self = static_cast<Impl*>(cls);
    auto* x = static_cast<Exchange*>(*con_cls);
    if (!x) {  // the headers are in
      x = new Exchange;
      *con_cls = x;
      ++self->metrics.in_flight;
      x->request.method = method;
      x->request.path = url;
      x->route = route_label(x->request.path);
      if (const char* a = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION))
        x->request.authorization = a;
      MHD_get_connection_values(
          conn, MHD_GET_ARGUMENT_KIND,
          [](void* q, enum MHD_ValueKind, const char* k, const char* v) {
            static_cast<Request*>(q)->query.emplace_back(k, v ? std::optional<std::string>(v) : std::nullopt);
            return MHD_YES;
          },
          &x->request);
      if (auto refusal = self->refuse_early(conn, *x)) {
        x->answered = true;
        return static_cast<enum MHD_Result>(self->queue(conn, *x, *refusal));
      }
      return MHD_YES;
    }
    if (x->answered) {  // the rest of a refused request's body is dropped
      *upload_size = 0;
      return MHD_YES;
    }
    if (*upload_size) {  // a piece of the body
      // Past the limit (a chunked body announces no length), the rest is read and dropped:
      // libmicrohttpd answers only once the request is in. The request deadline bounds that.
      if (!x->too_big && x->request.body.size() + *upload_size > self->limits.max_body) {
        x->too_big = true;
        std::string().swap(x->request.body);
        self->metrics.rejected("body_too_large");
      }
      if (!x->too_big) x->request.body.append(upload, *upload_size);
      *upload_size = 0;
      return MHD_YES;
    }
    if (x->too_big) {
      x->answered = true;
      return static_cast<enum MHD_Result>(self->queue(
          conn, *x, error(413, fmt::format("request body too large: over {} bytes", self->limits.max_body))));
    }
    // The whole request is in: answer it.
    self->set_busy(conn, true);
    Response r;
    try {
      r = self->routes.handle(x->request);
    } catch (const std::exception& e) {
      r = error(500, fmt::format("internal error: {}", e.what()));
    }
    std::string().swap(x->request.body);
    const int rc = self->queue(conn, *x, r);
    self->set_busy(conn, false);  // sending the answer has a deadline too
    return static_cast<enum MHD_Result>(rc);
  }

  static void log(void*, const char* format, va_list ap) {
    std::string line = "hoadon serve: ";
    char buf[512];
    std::vsnprintf(buf, sizeof buf, format, ap);
    line += buf;
    if (!line.ends_with('\n')) line += '\n';
    std::fputs(line.c_str(), stderr);
  }
};

Server::Server(const Limits& limits, const std::string& address, unsigned port, const Tls& tls, Routes& routes,
               Metrics& metrics)
    : impl_(new Impl(limits, routes, metrics)) {
  sockaddr_storage addr{};
  sockaddr_in* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  sockaddr_in6* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
  } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    flags |= MHD_USE_IPv6;
  } else {
    delete impl_;
    throw UsageError(fmt::format("--listen expects an IPv4 or IPv6 address, not '{}'", address));
  }
  if (!tls.cert_pem.empty()) {
    if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
      delete impl_;
      throw IoError("TLS: this libmicrohttpd was built without GnuTLS");
    }
    flags |= MHD_USE_TLS;
    impl_->cert = tls.cert_pem;
    impl_->key = tls.key_pem;
  }
  // Beyond max_connections, requests get 503; beyond a quarter more, connections are refused.
  const unsigned hard_limit = limits.max_connections + std::max(4u, limits.max_connections / 4);
  std::vector<MHD_OptionItem> options = {
      // First, so that every message goes through it.
      {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&Impl::log), nullptr},
      {MHD_OPTION_SOCK_ADDR, 0, &addr},
      {MHD_OPTION_CONNECTION_LIMIT, hard_limit, nullptr},
      {MHD_OPTION_CONNECTION_TIMEOUT, limits.idle_timeout, nullptr},
      // The memory of one connection: the request line and headers take about half of it.
      {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(2 * limits.max_header), nullptr},
      {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&Impl::on_connection), impl_},
      {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&Impl::on_completed), impl_},
  };
  // One thread is the internal polling thread alone (libmicrohttpd warns about a pool of one).
  if (limits.threads > 1) options.push_back({MHD_OPTION_THREAD_POOL_SIZE, limits.threads, nullptr});
  if (limits.max_per_ip) options.push_back({MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.max_per_ip, nullptr});
  if (!tls.cert_pem.empty()) {
    options.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, const_cast<char*>(impl_->cert.c_str())});
    options.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(impl_->key.c_str())});
  }
  options.push_back({MHD_OPTION_END, 0, nullptr});
  impl_->daemon = MHD_start_daemon(flags, static_cast<uint16_t>(port), nullptr, nullptr, &Impl::on_request, impl_,
                                   MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
  if (!impl_->daemon) {
    const int e = errno;
    delete impl_;
    throw IoError(fmt::format("cannot listen on {} port {}: {}", address, port, std::strerror(e)));
  }
  impl_->watchdog = std::thread([this] { impl_->watch(); });
}

Server::~Server() {
  MHD_stop_daemon(impl_->daemon);  // closes what is left, notifying every close
  {
    std::lock_guard lock(impl_->m);
    impl_->stop = true;
  }
  impl_->wake.notify_all();
  impl_->watchdog.join();
  delete impl_;
}

unsigned Server::port() const {
  const MHD_DaemonInfo* info = MHD_get_daemon_info(impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info ? info->port : 0;
}

void Server::quiesce() {
  impl_->draining = true;
  const MHD_socket listener = MHD_quiesce_daemon(impl_->daemon);
  if (listener != MHD_INVALID_SOCKET) ::close(listener);
}

bool Server::drain(std::chrono::seconds grace) {
  const auto until = Clock::now() + grace;
  while (impl_->metrics.in_flight.load() > 0) {
    if (Clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace cli::serve
