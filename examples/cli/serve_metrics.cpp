// The counters of hoadon serve, in the Prometheus text exposition format 0.0.4.
#include <fmt/format.h>

#include "serve.hpp"

namespace cli::serve {
namespace {

// Upper bounds of the latency histogram, in seconds.
constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
constexpr std::size_t kBucketCount = sizeof kBuckets / sizeof kBuckets[0];

// A label value: backslash, double quote and line feed escaped.
std::string label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::request(std::string_view route, int status, double seconds) {
  std::lock_guard lock(m_);
  ++requests_[{std::string(route), status}];
  auto& h = latency_[std::string(route)];
  if (h.buckets.empty()) h.buckets.assign(kBucketCount, 0);
  for (std::size_t i = 0; i < kBucketCount; ++i)
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  ++h.count;
  h.sum += seconds;
}

void Metrics::verdict(std::string_view route, std::string_view verdict) {
  std::lock_guard lock(m_);
  ++verdicts_[{std::string(route), std::string(verdict)}];
}

void Metrics::rejected(std::string_view reason) {
  std::lock_guard lock(m_);
  ++rejected_[std::string(reason)];
}

std::string Metrics::text() const {
  std::lock_guard lock(m_);
  std::string out;
  out += fmt::format(
      "# HELP hoadon_build_info The version of hoadon serving.\n# TYPE hoadon_build_info gauge\n"
      "hoadon_build_info{{version=\"{}\"}} 1\n",
      label(hoadon_version()));
  out +=
      "# HELP hoadon_http_requests_total HTTP requests answered, by route and status code.\n"
      "# TYPE hoadon_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("hoadon_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n", label(key.first), key.second, n);
  out +=
      "# HELP hoadon_http_request_duration_seconds Time from a request's headers to its answer sent.\n"
      "# TYPE hoadon_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    unsigned long cumulative = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      cumulative += h.buckets[i];
      out += fmt::format("hoadon_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route),
                         kBuckets[i], cumulative);
    }
    out += fmt::format("hoadon_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(route),
                       h.count);
    out += fmt::format("hoadon_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label(route), h.sum);
    out += fmt::format("hoadon_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route), h.count);
  }
  out +=
      "# HELP hoadon_verdicts_total Documents processed, by route and verdict.\n"
      "# TYPE hoadon_verdicts_total counter\n";
  for (const auto& [key, n] : verdicts_)
    out += fmt::format("hoadon_verdicts_total{{route=\"{}\",verdict=\"{}\"}} {}\n", label(key.first), label(key.second),
                       n);
  out +=
      "# HELP hoadon_http_rejected_total Connections and requests cut off, by reason.\n"
      "# TYPE hoadon_http_rejected_total counter\n";
  for (const auto& [reason, n] : rejected_)
    out += fmt::format("hoadon_http_rejected_total{{reason=\"{}\"}} {}\n", label(reason), n);
  out += fmt::format(
      "# HELP hoadon_http_requests_in_flight Requests received and not yet answered.\n"
      "# TYPE hoadon_http_requests_in_flight gauge\nhoadon_http_requests_in_flight {}\n"
      "# HELP hoadon_http_connections Open connections.\n# TYPE hoadon_http_connections gauge\n"
      "hoadon_http_connections {}\n",
      in_flight.load(), connections.load());
  return out;
}

}  // namespace cli::serve
