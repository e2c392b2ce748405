// Runs the cases through another implementation: a command template run by /bin/sh for each
// case and operation, answering by exit status and, optionally, hoadon's JSON contract.
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstring>
#include <set>
#include <sstream>

#include "conformance.hpp"
#include "hoadon/hoadon.h"
#include "json.hpp"

extern char** environ;

namespace cli::conformance {
namespace {

// Placeholders, in the order --help lists them; each is also in the environment as
// CONFORMANCE_<NAME> (upper case).
struct Placeholder {
  const char* name;
  const char* help;
};
constexpr Placeholder kPlaceholders[] = {
    {"file", "absolute path of the case's document"},
    {"op", "validate or verify (a case of both runs the command twice)"},
    {"id", "the case id, e.g. certificates/expired"},
    {"area", "the case's area"},
    {"suite", "absolute path of the suite"},
    {"trust", "trust anchors (PEM file), or empty"},
    {"intermediate", "intermediate CA certificates (PEM file), or empty"},
    {"crl", "certificate revocation lists (PEM file), or empty"},
    {"tax_authority", "the tax authority's certificates (PEM file), or empty (the default rule)"},
    {"at", "verification time, e.g. 2026-11-20T10:00:00+07:00, or empty"},
    {"time", "the same as {at}"},
    {"now", "the date taken as today by the date rules (YYYY-MM-DD), or empty"},
    {"policy", "default or strict (signature policy)"},
    {"strict", "yes when the tables apply literally, else empty"},
    {"stage", "draft, signed, issued, or empty (auto)"},
    {"tolerance", "largest accepted difference per amount, or empty (one minor unit)"},
    {"version", "format version to validate as, or empty (as declared)"},
    {"integrity_only", "yes to check signatures without trust, else empty"},
    {"tax_code_check", "no to skip the signer's tax-code check, else empty"},
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::map<std::string, std::string> values(const Manifest& m, const Case& c, const std::string& op) {
  auto path = [&](const std::string& rel) {
    return rel.empty() ? rel : std::filesystem::absolute(m.suite / rel).string();
  };
  std::map<std::string, std::string> v = {{"file", path(c.file)},
                                          {"op", op},
                                          {"id", c.id},
                                          {"area", c.area},
                                          {"suite", std::filesystem::absolute(m.suite).string()},
                                          {"trust", path(c.option("trust"))},
                                          {"intermediate", path(c.option("intermediate"))},
                                          {"crl", path(c.option("crl"))},
                                          {"tax_authority", path(c.option("tax-authority"))},
                                          {"at", c.option("at")},
                                          {"time", c.option("at")},
                                          {"now", c.option("now")},
                                          {"policy", c.option("policy").empty() ? "default" : c.option("policy")},
                                          {"strict", c.option("strict")},
                                          {"stage", c.option("stage")},
                                          {"tolerance", c.option("tolerance")},
                                          {"version", c.option("version")},
                                          {"integrity_only", c.option("integrity-only")},
                                          {"tax_code_check", c.option("tax-code-check")}};
  return v;
}

std::string expand(const std::string& tmpl, const std::map<std::string, std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const auto close = tmpl.find('}', i);
      if (close != std::string::npos) {
        const auto it = v.find(tmpl.substr(i + 1, close - i - 1));
        if (it != v.end()) {
          out += shell_quote(it->second);
          i = close;
          continue;
        }
      }
    }
    out += tmpl[i];
  }
  return out;
}

struct Process {
  int status = -1;  // exit status, -1 when killed or not run
  int signal = 0;   // the signal that ended it, or that the shell reports it died of (128 + n)
  bool timed_out = false;
  std::string out, err, spawn_error;
};

// The process groups of the adapters running now, for the interruption handler: each adapter
// runs as the leader of its own group, so that a timeout or an interruption kills what it
// started too (a shell's children, a server it forked).
constexpr std::size_t kSlots = 512;
std::atomic<pid_t> g_groups[kSlots];

std::size_t register_group(pid_t pid) {
  for (std::size_t i = 0; i < kSlots; ++i) {
    pid_t free_slot = 0;
    if (g_groups[i].compare_exchange_strong(free_slot, pid)) return i;
  }
  return kSlots;  // more adapters than slots (cannot happen with --jobs <= 256): not tracked
}

void unregister_group(std::size_t slot) {
  if (slot < kSlots) g_groups[slot] = 0;
}

extern "C" void on_interrupt(int sig) {
  for (auto& g : g_groups)
    if (const pid_t pid = g.load(); pid > 0) kill(-pid, SIGKILL);
  hoadon_remove_temporary_files();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void install_interrupt_handler() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) std::signal(sig, on_interrupt);
  }
}

Process failed_spawn(const char* why) {
  Process p;
  p.spawn_error = why;
  return p;
}

// Whether the process `pid` has ended, left unreaped (its group cannot be reused meanwhile).
bool ended(pid_t pid) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

Process run_shell(const std::string& command, const std::map<std::string, std::string>& env, unsigned timeout) {
  Process p;
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return failed_spawn(std::strerror(errno));
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]), close(out_pipe[1]);
    return failed_spawn(std::strerror(errno));
  }
  std::vector<std::string> env_text;
  for (char** e = environ; *e; ++e) env_text.emplace_back(*e);
  for (const auto& [k, v] : env) {
    std::string name = "CONFORMANCE_" + k;
    for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    env_text.push_back(name + "=" + v);
  }
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::string sh = "/bin/sh", dash_c = "-c", cmd = command;
  char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, envp.data());
  const auto slot = rc == 0 ? register_group(pid) : kSlots;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]), close(err_pipe[0]);
    p.spawn_error = std::strerror(rc);
    return p;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
  auto left = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
  };
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&p.out, &p.err};
  int open_fds = 2;
  while (open_fds > 0 && !p.timed_out) {
    if (left() <= 0) {
      p.timed_out = true;
      break;
    }
    if (poll(fds, 2, static_cast<int>(left())) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  // The shell may still run after closing its output: it has the rest of the time.
  while (!p.timed_out && !ended(pid)) {
    if (left() <= 0)
      p.timed_out = true;
    else
      usleep(5000);
  }
  // The whole group goes: on a timeout the shell and everything it started, else whatever it
  // left running. The leader is not reaped yet, so the group's id is still its own.
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  unregister_group(slot);
  if (WIFEXITED(status)) {
    p.status = WEXITSTATUS(status);
    if (p.status > 128 && p.status <= 128 + SIGRTMAX) p.signal = p.status - 128;  // what sh reports
  } else if (WIFSIGNALED(status)) {
    p.signal = WTERMSIG(status);
  }
  if (p.timed_out) p.signal = SIGKILL;
  return p;
}

// Reads the optional JSON answer: hoadon's contract (ok, diagnostics[].code/severity,
// signatures[].slot/outcome/reason); anything else leaves the answer a bare verdict.
void read_details(const std::string& out, Answer& a) {
  const auto start = out.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || out[start] != '{') return;
  const auto end = out.find('\n', start);
  Json j;
  try {
    j = parse_json(out.substr(start, end == std::string::npos ? std::string::npos : end - start));
  } catch (const std::exception& e) {
    a.error = fmt::format("its JSON answer is malformed ({})", e.what());
    return;
  }
  if (!std::holds_alternative<Json::Object>(j.v)) return;
  auto text = [](const Json& o, const char* k) {
    return o.has(k) && std::holds_alternative<std::string>(o[k].v) ? o[k].str() : std::string();
  };
  if (j.has("diagnostics") && std::holds_alternative<Json::Array>(j["diagnostics"].v))
    for (const auto& d : j["diagnostics"].array())
      if (std::holds_alternative<Json::Object>(d.v)) a.diagnostics.emplace_back(text(d, "code"), text(d, "severity"));
  if (j.has("signatures") && std::holds_alternative<Json::Array>(j["signatures"].v))
    for (const auto& s : j["signatures"].array())
      if (std::holds_alternative<Json::Object>(s.v))
        a.signatures.push_back({text(s, "slot"), text(s, "outcome"), text(s, "reason")});
  a.detailed = true;
}

std::string signal_text(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? fmt::format("signal {} (SIG{})", sig, abbrev) : fmt::format("signal {}", sig);
}

// The adapter's file name, for a report that must name what it graded: the first word of the
// command that is neither a variable assignment nor an interpreter ("sh x.sh", "env A=1 python3
// x.py"), without its folder; the whole command when that word is shell syntax ("exit 0").
std::string adapter_file_name(const std::string& command) {
  static const std::set<std::string> kRunners = {"sh",      "bash", "dash", "env",  "exec", "nice", "timeout",
                                                 "python3", "perl", "ruby", "node", "java", "-jar"};
  static const std::set<std::string> kShell = {"case", "if",   "for",   "while", "until", "exit", "echo", "printf",
                                               "kill", "true", "false", ":",     "cd",    "test", "[",    "{"};
  std::istringstream words(command);
  for (std::string w; words >> w;) {
    if (!w.empty() && (w.front() == '\'' || w.front() == '"')) w = w.substr(1);
    if (!w.empty() && (w.back() == '\'' || w.back() == '"')) w.pop_back();
    const auto base = std::filesystem::path(w).filename().string();
    if (base.empty() || w.find('=') != std::string::npos || kRunners.count(base) || w[0] == '-') continue;
    return kShell.count(w) ? command : base;
  }
  return command;
}

class Command final : public Implementation {
 public:
  Command(std::string command, unsigned timeout, std::string name)
      : command_(std::move(command)), timeout_(timeout), name_(std::move(name)) {
    install_interrupt_handler();
    if (name_.empty()) name_ = identify();
    if (name_.empty()) name_ = adapter_file_name(command_);
  }
  std::string name() const override { return name_; }
  std::string command() const override { return command_; }

  Answer run(const Manifest& m, const Case& c, const std::string& op) override {
    const auto v = values(m, c, op);
    const auto p = run_shell(expand(command_, v), v, timeout_);
    Answer a;
    a.signal = p.signal;
    if (!p.spawn_error.empty()) {
      a.error = "cannot run /bin/sh: " + p.spawn_error;
    } else if (p.timed_out) {
      a.error = fmt::format("no answer within {} s: adapter killed by {}", timeout_, signal_text(SIGKILL));
    } else if (p.signal) {
      a.error = fmt::format("adapter killed by {}", signal_text(p.signal));
    } else if (p.status != 0 && p.status != 1) {
      const auto first = p.err.substr(0, p.err.find('\n'));
      a.error = fmt::format("exit status {}{}", p.status, first.empty() ? "" : ": " + first);
    } else {
      a.ok = p.status == 0;
      read_details(p.out, a);
    }
    return a;
  }

 private:
  // The protocol's optional question: {op} = identify, every other placeholder empty; an
  // adapter that knows it prints its implementation's name and version on one line, exit 0.
  std::string identify() const {
    std::map<std::string, std::string> v;
    for (const auto& ph : kPlaceholders) v[ph.name] = "";
    v["op"] = "identify";
    const auto p = run_shell(expand(command_, v), v, std::min(timeout_, 5u));  // a short question
    if (p.status != 0 || p.timed_out || p.signal) return {};
    auto line = p.out.substr(0, p.out.find('\n'));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (line.empty() || line[0] == '{' || line.size() > 200) return {};
    for (auto& ch : line)
      if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
    return line;
  }

  std::string command_;
  unsigned timeout_;
  std::string name_;
};

}  // namespace

std::unique_ptr<Implementation> command_implementation(std::string command, unsigned timeout_seconds,
                                                       std::string name) {
  return std::make_unique<Command>(std::move(command), timeout_seconds, std::move(name));
}

std::string placeholder_help() {
  std::string out;
  for (const auto& p : kPlaceholders)
    out += fmt::format("  {{{}}}{:<{}}{}\n", p.name, "", 16 - std::strlen(p.name), p.help);
  return out;
}

}  // namespace cli::conformance
