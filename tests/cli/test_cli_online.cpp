// hoadon verify --online against a real OCSP responder (openssl ocsp) and a tiny HTTP server
// (online_server.py), both started here on 127.0.0.1: good, revoked, unknown, a responder that
// never answers, garbage, an oversized answer, the CRL fallback, the cache, and no request at all
// without --online.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/x509v3.h>

#include <chrono>
#include <thread>

#include "pki/time.hpp"
#include "support/json.hpp"
#include "support/pki.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

extern char** environ;

using testing::parse_json;
namespace tp = testing::pki;

namespace {

// A socket bound to 127.0.0.1 on a free port; listening, it accepts connections (the kernel
// completes them) and never answers.
class Socket {
 public:
  explicit Socket(bool listening) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&a), len) == 0);
    REQUIRE(getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
    if (listening) REQUIRE(listen(fd_, 16) == 0);
  }
  ~Socket() { close(fd_); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  [[nodiscard]] int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

// A server process, its output in `log`, stopped by the destructor (or by stop()).
class Server {
 public:
  Server(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
  }
  ~Server() { stop(); }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  [[nodiscard]] bool running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  pid_t pid_ = -1;
};

// Waits (bounded) until `ready` or the server died; readiness only, nothing is measured.
template <class F>
bool wait_for(const Server& s, F ready) {
  for (int i = 0; i < 200; ++i) {
    if (ready()) return true;
    if (!s.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::int64_t at(const char* day) { return *::hoadon::pki::parse_time(std::string(day) + "T00:00:00Z"); }

// A root that issues the test signers directly (so that only the leaf needs an answer) and a
// responder it delegated; made once.
struct Pki {
  tp::Key root_key = tp::rsa(2048), responder_key = tp::rsa(2048);
  tp::Cert root = tp::issue({"hoadon Online Test Root", {}, at("2025-01-01"), at("2029-01-01"), true, -2, 1}, root_key,
                            nullptr, root_key);
  tp::Cert responder = tp::issue({"hoadon Online Test OCSP Responder",
                                  {},
                                  at("2025-01-01"),
                                  at("2029-01-01"),
                                  false,
                                  KU_DIGITAL_SIGNATURE,
                                  2,
                                  {},
                                  {},
                                  {},
                                  true},
                                 responder_key, &root, root_key);
};
const Pki& pki() {
  static const Pki p;
  return p;
}

constexpr long kGood = 0x5001, kRevoked = 0x5002, kUnknown = 0x5003, kCrlGood = 0x5004, kCrlRevoked = 0x5005;

// The test's world: its folder, the HTTP server (files: root.crl), and the OCSP responder when
// asked for, knowing kGood (valid) and kRevoked (revoked 2026-01-15), not kUnknown.
struct Online {
  testing::TempDir dir;
  std::unique_ptr<Server> http, ocsp;
  int http_port = 0, ocsp_port = 0;

  explicit Online(bool with_responder) {
    const auto& p = pki();
    testing::write_file(dir / "root.pem", p.root.pem());
    testing::write_file(dir / "responder.pem", p.responder.pem());
    testing::write_file(dir / "responder.key", tp::key_pem(p.responder_key));
    testing::write_file(dir / "root.crl", tp::crl_der(tp::crl_pem(p.root, p.root_key, {{kCrlRevoked, at("2026-01-15")}},
                                                                  at("2026-11-01"), at("2099-01-01"))));
    testing::write_file(dir / "index.txt",
                        "V\t281231000000Z\t\t5001\tunknown\t/CN=good\n"
                        "R\t281231000000Z\t260115000000Z\t5002\tunknown\t/CN=revoked\n");
    testing::write_file(dir / "http.log", "");
    const auto port_file = dir / "http.port";
    http = std::make_unique<Server>(
        std::vector<std::string>{*testing::find_program("python3"),
                                 (testing::source_dir() / "tests/cli/online_server.py").string(), port_file.string(),
                                 dir.path().string(), (dir / "http.log").string()},
        dir / "http.out");
    REQUIRE(wait_for(*http, [&] { return std::filesystem::exists(port_file); }));
    http_port = std::stoi(testing::read_file(port_file));
    if (with_responder) start_responder();
  }

  void start_responder() {
    ocsp_port = Socket(false).port();  // free now; openssl ocsp binds it next
    ocsp = std::make_unique<Server>(
        std::vector<std::string>{*testing::find_program("openssl"), "ocsp", "-index", (dir / "index.txt").string(),
                                 "-port", std::to_string(ocsp_port), "-rsigner", (dir / "responder.pem").string(),
                                 "-rkey", (dir / "responder.key").string(), "-CA", (dir / "root.pem").string(), "-nmin",
                                 "60"},
        dir / "ocsp.log");
    // Ready once it says so: a probing connection would hold the (single-threaded) responder.
    REQUIRE(wait_for(*ocsp, [&] {
      return testing::read_file(dir / "ocsp.log").find("waiting for OCSP client connections") != std::string::npos;
    }));
  }

  [[nodiscard]] std::string http_url(const std::string& name) const {
    return "http://127.0.0.1:" + std::to_string(http_port) + "/" + name;
  }
  [[nodiscard]] std::string ocsp_url() const { return "http://127.0.0.1:" + std::to_string(ocsp_port) + "/"; }

  // An invoice signed by a certificate of `serial` naming these responders and CRLs.
  [[nodiscard]] std::string invoice(long serial, std::vector<std::string> ocsp_urls,
                                    std::vector<std::string> crl_urls = {}) const {
    const auto& w = tp::world();
    const auto leaf = tp::issue({"Hợp tác xã Phia Oắc",
                                 {"MST:4800123456"},
                                 at("2025-01-01"),
                                 at("2028-01-01"),
                                 false,
                                 -2,
                                 serial,
                                 {},
                                 std::move(ocsp_urls),
                                 std::move(crl_urls)},
                                w.signer_key, &pki().root, pki().root_key);
    const auto path = (dir / ("signed-" + std::to_string(serial) + ".xml")).string();
    testing::write_file(path, tp::sign(tp::invoice_template(), w.signer_key, {leaf}));
    return path;
  }

  // hoadon verify, strict (unknown revocation makes the outcome indeterminate), JSON.
  [[nodiscard]] testing::RunResult verify(const std::string& invoice, std::vector<std::string> extra) const {
    std::vector<std::string> a = {"verify", "--no-default-trust", "--trust", (dir / "root.pem").string(), "--policy",
                                  "strict", "--format",           "json"};
    a.insert(a.end(), extra.begin(), extra.end());
    a.push_back(invoice);
    return testing::hoadon(a);
  }
  [[nodiscard]] std::string http_log() const { return testing::read_file(dir / "http.log"); }
};

bool have_tools() { return testing::find_program("openssl") && testing::find_program("python3"); }

// The signature's outcome, reason and the message of `code`, when there is one.
struct Seen {
  std::string outcome, reason, message;
};
Seen seen(const testing::RunResult& r, const std::string& code) {
  const auto j = parse_json(r.out);
  Seen s{j["signatures"][0]["outcome"].str(), j["signatures"][0]["reason"].str(), ""};
  for (const auto& d : j["diagnostics"].array())
    if (d["code"].str() == code) s.message = d["message"].str();
  return s;
}

const std::vector<std::string> kOnline = {"--online", "--online-timeout", "5"};

}  // namespace

TEST_CASE("verify --online: OCSP says good, revoked (with its time) or unknown") {
  SKIP_UNLESS_TOOL(have_tools(), "openssl and python3 are needed for the online tests");
  setenv("no_proxy", "127.0.0.1", 1);  // a proxy of the environment must not see the test's traffic
  Online o(true);
  const auto good = o.invoice(kGood, {o.ocsp_url()});
  auto r = o.verify(good, kOnline);
  CHECK_MESSAGE(r.exit_code == 0, r.out, r.err);
  CHECK(seen(r, "PKI-REVOCATION-UNKNOWN").outcome == "valid");
  // Without --online the same invoice's revocation is unknown.
  CHECK(seen(o.verify(good, {}), "PKI-REVOCATION-UNKNOWN").reason == "revocation-unknown");

  r = o.verify(o.invoice(kRevoked, {o.ocsp_url()}), kOnline);
  CHECK(r.exit_code == 1);
  auto s = seen(r, "PKI-REVOKED");
  CHECK(s.outcome == "invalid");
  CHECK(s.reason == "revoked");
  CHECK_MESSAGE(s.message.find("revoked on 2026-01-15") != std::string::npos, s.message);
  CHECK_MESSAGE(s.message.find("OCSP " + o.ocsp_url()) != std::string::npos, s.message);

  r = o.verify(o.invoice(kUnknown, {o.ocsp_url()}), kOnline);
  s = seen(r, "PKI-REVOCATION-UNKNOWN");
  CHECK(s.outcome == "indeterminate");
  CHECK(s.reason == "revocation-unknown");
  CHECK_MESSAGE(s.message.find("does not know this certificate") != std::string::npos, s.message);
}

TEST_CASE("verify --online: a responder that never answers, garbage and oversized answers leave it unknown") {
  SKIP_UNLESS_TOOL(have_tools(), "openssl and python3 are needed for the online tests");
  setenv("no_proxy", "127.0.0.1", 1);
  Online o(false);
  const Socket silent(true);
  const std::string silent_url = "http://127.0.0.1:" + std::to_string(silent.port()) + "/";
  auto s =
      seen(o.verify(o.invoice(kGood, {silent_url}), {"--online", "--online-timeout", "1"}), "PKI-REVOCATION-UNKNOWN");
  CHECK(s.reason == "revocation-unknown");
  CHECK_MESSAGE(s.message.find("no answer within 1 s") != std::string::npos, s.message);
  CHECK_MESSAGE(s.message.find("names no CRL distribution point") != std::string::npos, s.message);

  s = seen(o.verify(o.invoice(kGood, {o.http_url("garbage")}), kOnline), "PKI-REVOCATION-UNKNOWN");
  CHECK(s.reason == "revocation-unknown");
  CHECK_MESSAGE(s.message.find("not an OCSP response") != std::string::npos, s.message);

  s = seen(o.verify(o.invoice(kGood, {o.http_url("big")}), kOnline), "PKI-REVOCATION-UNKNOWN");
  CHECK_MESSAGE(s.message.find("exceeds 1048576 bytes") != std::string::npos, s.message);

  s = seen(o.verify(o.invoice(kGood, {}, {o.http_url("garbage")}), kOnline), "PKI-REVOCATION-UNKNOWN");
  CHECK_MESSAGE(s.message.find("names no OCSP responder") != std::string::npos, s.message);
  CHECK_MESSAGE(s.message.find("not one CRL") != std::string::npos, s.message);

  // Only http and https are fetched.
  s = seen(o.verify(o.invoice(kGood, {"file:///etc/passwd"}), kOnline), "PKI-REVOCATION-UNKNOWN");
  CHECK_MESSAGE(s.message.find("only http and https") != std::string::npos, s.message);
}

TEST_CASE("verify --online: the CRL of the distribution point when there is no responder or it fails") {
  SKIP_UNLESS_TOOL(have_tools(), "openssl and python3 are needed for the online tests");
  setenv("no_proxy", "127.0.0.1", 1);
  Online o(false);
  auto r = o.verify(o.invoice(kCrlGood, {}, {o.http_url("root.crl")}), kOnline);
  CHECK_MESSAGE(r.exit_code == 0, r.out);
  r = o.verify(o.invoice(kCrlRevoked, {}, {o.http_url("root.crl")}), kOnline);
  const auto s = seen(r, "PKI-REVOKED");
  CHECK(s.reason == "revoked");
  CHECK_MESSAGE(s.message.find("CRL " + o.http_url("root.crl")) != std::string::npos, s.message);
  // A responder answering garbage, then the CRL: both asked, the CRL decides.
  r = o.verify(o.invoice(kCrlGood, {o.http_url("garbage")}, {o.http_url("root.crl")}), kOnline);
  CHECK(r.exit_code == 0);
  const auto log = o.http_log();
  CHECK(log.find("POST /garbage") != std::string::npos);
  CHECK(log.find("GET /root.crl") != std::string::npos);
  // A CRL signed by someone else is no answer.
  const auto& w = tp::world();
  testing::write_file(o.dir / "other.crl",
                      tp::crl_der(tp::crl_pem(w.root, w.root_key, {}, at("2026-11-01"), at("2099-01-01"))));
  CHECK(seen(o.verify(o.invoice(kCrlGood, {}, {o.http_url("other.crl")}), kOnline), "PKI-REVOCATION-UNKNOWN")
            .message.find("not signed by the issuer") != std::string::npos);
}

TEST_CASE("verify --online-cache: answers are reused until their nextUpdate, with the responder gone") {
  SKIP_UNLESS_TOOL(have_tools(), "openssl and python3 are needed for the online tests");
  setenv("no_proxy", "127.0.0.1", 1);
  Online o(true);
  const auto good = o.invoice(kGood, {o.ocsp_url()});
  const auto crl_good = o.invoice(kCrlGood, {}, {o.http_url("root.crl")});
  const auto cache = (o.dir / "cache").string();
  std::vector<std::string> cached = kOnline;
  cached.insert(cached.end(), {"--online-cache", cache});
  CHECK(o.verify(good, cached).exit_code == 0);
  CHECK(o.verify(crl_good, cached).exit_code == 0);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(cache)) {
    const auto name = e.path().filename().string();
    CHECK_MESSAGE((name.starts_with("ocsp-") || name.starts_with("crl-")), name);
    CHECK(name.ends_with(".der"));
    ++files;
  }
  CHECK(files == 2);
  o.ocsp->stop();
  o.http->stop();
  CHECK(o.verify(good, cached).exit_code == 0);
  CHECK(o.verify(crl_good, cached).exit_code == 0);
  // Without the cache, nothing answers any more.
  CHECK(seen(o.verify(good, kOnline), "PKI-REVOCATION-UNKNOWN").reason == "revocation-unknown");
  // A cached answer is checked like a fresh one: a file that is not one is not used.
  for (const auto& e : std::filesystem::directory_iterator(cache)) testing::write_file(e.path(), "garbage");
  CHECK(seen(o.verify(good, cached), "PKI-REVOCATION-UNKNOWN").reason == "revocation-unknown");
}

TEST_CASE("verify: without --online no request is made") {
  SKIP_UNLESS_TOOL(have_tools(), "openssl and python3 are needed for the online tests");
  setenv("no_proxy", "127.0.0.1", 1);
  Online o(false);
  const auto invoice = o.invoice(kCrlGood, {o.http_url("ocsp")}, {o.http_url("root.crl")});
  const auto s = seen(o.verify(invoice, {}), "PKI-REVOCATION-UNKNOWN");
  CHECK(s.reason == "revocation-unknown");
  CHECK(o.http_log().empty());
  // The same with --online asks (the log above could have shown a request).
  CHECK(o.verify(invoice, kOnline).exit_code == 0);
  CHECK(o.http_log().find("POST /ocsp") != std::string::npos);
  // The options that need --online.
  CHECK(testing::hoadon({"verify", "--online-cache", (o.dir / "c").string(), invoice}).exit_code == 2);
  CHECK(testing::hoadon({"verify", "--online", "--online-timeout", "0", invoice}).exit_code == 2);
}
