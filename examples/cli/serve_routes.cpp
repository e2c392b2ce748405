// hoadon serve's routes: a request's query becomes the options of a command, its body the input,
// and the command's own Job (the code `hoadon CMD` runs on each input) makes the answer, so the
// lines are those `hoadon CMD --format json` prints for the same document.
#include <fmt/format.h>

#include <cstring>

#include "serve.hpp"

namespace cli::serve {
namespace {

enum class Kind { Inspect, Validate, Verify, Render };

struct Route {
  std::string_view path;
  Kind kind;
  std::string_view label;
  // The query parameters it takes: the command's long options without "--", flags marked '?'.
  std::vector<std::string_view> params;
};

const std::vector<Route>& routes() {
  static const std::vector<Route> all = {
      {"/v1/inspect", Kind::Inspect, "inspect", {"format", "lang", "lines?"}},
      {"/v1/validate",
       Kind::Validate,
       "validate",
       {"format", "lang", "verbose?", "strict?", "version", "schema-only?", "rules-only?", "rule", "tolerance", "now",
        "stage"}},
      {"/v1/verify",
       Kind::Verify,
       "verify",
       {"format", "lang", "verbose?", "at", "policy", "integrity-only?", "no-tax-code-check?", "profile"}},
      {"/v1/render",
       Kind::Render,
       "render",
       {"format", "invoice", "no-verify?", "at", "policy", "integrity-only?", "no-tax-code-check?"}},
  };
  return all;
}

const Route* find_route(std::string_view path) {
  for (const auto& r : routes())
    if (r.path == path) return &r;
  return nullptr;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Compares in time independent of where the strings differ.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

// The command line a request's query stands for (after "--format json --lang en"); `name`
// receives the label of the document (?name=, else "-" as for standard input). Throws UsageError.
std::vector<std::string> command_line(const Route& route, const Request& req, std::string& name) {
  std::vector<std::string> argv;
  if (route.kind != Kind::Render) argv = {"--format", "json", "--lang", "en"};
  name = "-";
  for (const auto& [key, value] : req.query) {
    if (key == "name") {
      if (!value || value->empty()) throw UsageError("?name= needs a value");
      name = *value;
      continue;
    }
    const std::string_view* param = nullptr;
    for (const auto& p : route.params)
      if (p == key || (p.ends_with('?') && p.substr(0, p.size() - 1) == key)) param = &p;
    if (!param) throw UsageError(fmt::format("unknown parameter '{}' for {}", key, route.path));
    if (param->ends_with('?')) {
      if (!value || value->empty() || *value == "1" || *value == "true")
        argv.push_back("--" + key);
      else if (*value != "0" && *value != "false")
        throw UsageError(fmt::format("?{} takes no value, or 1/true/0/false", key));
      continue;
    }
    if (!value) throw UsageError(fmt::format("?{} needs a value", key));
    argv.push_back(fmt::format("--{}={}", key, *value));
  }
  return argv;
}

// Options given twice replace each other (the query's after the defaults).
std::vector<std::string> last_wins(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    const std::string name = a.substr(0, a.find('='));
    if (name == "--format" || name == "--lang") {
      for (std::size_t j = 0; j < out.size(); ++j)
        if (out[j] == name) {  // a default, "--format json"
          out.erase(out.begin() + static_cast<long>(j), out.begin() + static_cast<long>(j) + 2);
          break;
        }
    }
    out.push_back(a);
  }
  return out;
}

}  // namespace

Response error(int status, std::string_view message) {
  Response r;
  r.status = status;
  r.body = fmt::format("{{\"status\":{},\"error\":{}}}\n", status, json_string(message));
  return r;
}

std::string route_label(std::string_view path) {
  if (const Route* r = find_route(path)) return std::string(r->label);
  if (path == "/healthz") return "healthz";
  if (path == "/metrics") return "metrics";
  return "other";
}

struct Routes::Impl {
  Trust trust;
  std::string token;
  Metrics& metrics;
  // The jobs of requests without a query, built once.
  std::map<Kind, Job> defaults;

  Impl(Trust t, std::string tk, Metrics& m) : trust(std::move(t)), token(std::move(tk)), metrics(m) {}

  Job job(Kind kind, const std::vector<std::string>& argv) const {
    switch (kind) {
      case Kind::Inspect:
        return inspect_job(Args(inspect_spec(), argv));
      case Kind::Validate:
        return validate_job(Args(validate_spec(), argv));
      default:
        return verify_job(Args(verify_spec(), argv), trust.get());
    }
  }

  Response documents(const Route& route, Request& req) const {
    std::string name;
    const auto argv = last_wins(command_line(route, req, name));
    // Only a query with options needs a job of its own.
    const bool plain = req.query.empty() || (req.query.size() == 1 && req.query[0].first == "name");
    const std::optional<Job> own = plain ? std::nullopt : std::optional<Job>(job(route.kind, argv));
    const Job& j = own ? *own : defaults.at(route.kind);
    const auto inputs = expand_bytes(name, std::make_shared<const std::string>(std::move(req.body)));
    Response r;
    int exit_status = kExitOk;
    for (const auto& in : inputs) {
      const Outcome o = j.work(in);
      if (o.status == kExitIo) return error(500, o.output);
      if (o.status == kExitFailed) exit_status = kExitFailed;
      if (!o.tally.empty()) metrics.verdict(route.label, o.tally);
      r.body += o.output;
    }
    r.content_type = !j.common.json       ? "text/plain; charset=utf-8"
                     : inputs.size() == 1 ? "application/json"
                                          : "application/x-ndjson";
    r.headers.emplace_back("X-Hoadon-Exit-Status", std::to_string(exit_status));
    return r;
  }

  Response render(const Route& route, Request& req) const {
    std::string name;
    const Args args(render_spec(), command_line(route, req, name));
    const auto settings = render_settings(args);
    if (!hoadon_render_supported(settings->options.format))
      return error(501, "PDF output: this hoadon was not built with cairo and pango");
    settings->options.trust = trust.get();
    const auto inputs = expand_bytes(name, std::make_shared<const std::string>(std::move(req.body)));
    if (inputs.size() != 1)
      return error(400, fmt::format("render takes one document; this archive holds {}", inputs.size()));
    Response r;
    Outcome failure;
    if (!render_input(*settings, inputs[0], r.body, failure)) {
      std::string why = failure.output;
      while (!why.empty() && why.back() == '\n') why.pop_back();
      return error(failure.status == kExitIo ? 500 : 422, why);
    }
    r.content_type = settings->options.format == HOADON_RENDER_PDF ? "application/pdf" : "text/html; charset=utf-8";
    return r;
  }
};

Routes::Routes(Trust trust, std::string token, Metrics& metrics)
    : impl_(new Impl(std::move(trust), std::move(token), metrics)) {
  for (const auto& r : routes())
    if (r.kind != Kind::Render) {
      Request none;
      std::string name;
      impl_->defaults.emplace(r.kind, impl_->job(r.kind, command_line(r, none, name)));
    }
}

Routes::~Routes() { delete impl_; }

bool Routes::authorized(std::string_view path, std::string_view authorization) const {
  if (impl_->token.empty() || path == "/healthz") return true;
  constexpr std::string_view scheme = "Bearer ";
  return authorization.starts_with(scheme) && same_secret(authorization.substr(scheme.size()), impl_->token);
}

Response Routes::handle(Request& req) const {
  if (req.path == "/healthz" || req.path == "/metrics") {
    if (req.method != "GET" && req.method != "HEAD") {
      Response r = error(405, "use GET");
      r.headers.emplace_back("Allow", "GET, HEAD");
      return r;
    }
    if (req.path == "/metrics") {
      Response r;
      r.content_type = "text/plain; version=0.0.4; charset=utf-8";
      r.body = impl_->metrics.text();
      return r;
    }
    // A load balancer stops sending work to a draining instance.
    Response r;
    if (draining_) r.status = 503;
    r.body = draining_ ? "{\"status\":\"draining\"}\n" : "{\"status\":\"ok\"}\n";
    return r;
  }
  const Route* route = find_route(req.path);
  if (!route)
    return error(404,
                 fmt::format("no such route: {} (POST /v1/validate, /v1/verify, /v1/inspect, /v1/render)", req.path));
  if (req.method != "POST") {
    Response r = error(405, "use POST with the document (XML or ZIP) as the body");
    r.headers.emplace_back("Allow", "POST");
    return r;
  }
  if (req.body.empty()) return error(400, "empty body: send the XML or ZIP document as the request body");
  try {
    return route->kind == Kind::Render ? impl_->render(*route, req) : impl_->documents(*route, req);
  } catch (const UsageError& e) {
    return error(400, e.what());
  } catch (const IoError& e) {
    return error(400, e.what());
  }
}

}  // namespace cli::serve
