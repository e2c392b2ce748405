#!/usr/bin/env python3
"""hoadon serve as integrators use it: a real server on 127.0.0.1, real HTTP clients.

Run as `test_serve.py CASE` (one ctest test per case). Environment: HOADON (the CLI),
HOADON_SOURCE_DIR, HOADON_SHARED_DIR (real samples; skipped when absent), HOADON_TEST_MATERIAL
(the test PKI written by the "capi: test material" fixture). Exit 77 = skipped.
"""
import http.client
import os
import re
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

HOADON = os.environ["HOADON"]
SOURCE = os.environ["HOADON_SOURCE_DIR"]
MATERIAL = os.environ["HOADON_TEST_MATERIAL"]
SHARED = os.environ.get("HOADON_SHARED_DIR", "")
INVOICE = os.path.join(SOURCE, "examples/invoices/htx-cao-bang-gtgt-2.1.0.xml")
TRUST = ["--no-default-trust", "--trust", os.path.join(MATERIAL, "anchors.pem"),
         "--intermediate", os.path.join(MATERIAL, "ca.pem"), "--crl", os.path.join(MATERIAL, "crl.pem")]
SKIP = 77


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Server:
    """`hoadon serve --port 0 ARGS`, its port read from its first line on stdout."""

    def __init__(self, *args, scheme="http"):
        # Its messages go to a file: a pipe nobody reads could fill up and block the server.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([HOADON, "serve", "--port", "0", "--threads", "2", *args],
                                     stdout=subprocess.PIPE, stderr=self.log)
        ready, _, _ = select.select([self.proc.stdout], [], [], 10)
        line = self.proc.stdout.readline().decode() if ready else ""
        m = re.fullmatch(scheme + r"://127\.0\.0\.1:(\d+)", line.strip().removeprefix("listening on "))
        if not m:
            self.proc.kill()
            raise AssertionError(f"no 'listening on' line: {line!r} {self.messages()!r}")
        self.port = int(m.group(1))

    def messages(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def connection(self, timeout=5):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        conn = self.connection()
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(10)
        check(code == 0, f"exit status {code} after SIGTERM: {self.messages()[:3000]}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            if exc[0] is None:
                self.stop()
            else:
                self.proc.kill()
                self.proc.wait()


def cli(*args):
    r = subprocess.run([HOADON, *args], capture_output=True, env=dict(os.environ, LANG="C"))
    return r.stdout, r.returncode


def metric(server, line_start):
    _, _, text = server.request("GET", "/metrics")
    for line in text.decode().splitlines():
        if line.startswith(line_start):
            return float(line.split()[-1])
    return 0.0


def signed_invoice(tmp):
    out = os.path.join(tmp, "signed.xml")
    _, code = cli("sign", "--key", os.path.join(MATERIAL, "signer.key"), "--cert",
                  os.path.join(MATERIAL, "signer.pem"), "-o", out, INVOICE)
    check(code == 0, "hoadon sign")
    return out


def same_as_cli(server, command, path, query=(), options=()):
    """POST the file; the body must be exactly what `hoadon COMMAND --format json` prints."""
    with open(path, "rb") as f:
        body = f.read()
    q = "&".join(["name=" + path, *query])
    status, headers, data = server.request("POST", f"/v1/{command}?{q}", body)
    expected, code = cli(command, "--format", "json", *options, path)
    check(status == 200, f"{command} {path}: status {status}: {data[:300]!r}")
    check(data == expected, f"{command} {path} {query}: answer differs from the CLI's\n{data!r}\n{expected!r}")
    check(headers["x-hoadon-exit-status"] == str(code), f"{command}: exit status {headers['x-hoadon-exit-status']}")
    return headers


def case_routes():
    with tempfile.TemporaryDirectory() as tmp, Server(*TRUST) as s:
        good = signed_invoice(tmp)
        for path in (INVOICE, good):
            for command in ("validate", "verify", "inspect"):
                h = same_as_cli(s, command, path, options=TRUST if command == "verify" else ())
                check(h["content-type"] == "application/json", h["content-type"])
        # Query parameters are the command's options.
        same_as_cli(s, "validate", INVOICE, ["strict"], ["--strict"])
        same_as_cli(s, "validate", INVOICE, ["rule=INV-VERSION=off", "now=2026-01-01"],
                    ["--rule", "INV-VERSION=off", "--now", "2026-01-01"])
        same_as_cli(s, "verify", good, ["at=2020-01-01"], ["--at", "2020-01-01", *TRUST])
        same_as_cli(s, "inspect", good, ["lines=1"], ["--lines"])
        status, h, data = s.request("POST", "/v1/validate?format=text&lang=vi&name=" + INVOICE, open(INVOICE, "rb").read())
        check(status == 200 and h["content-type"].startswith("text/plain"), f"text: {status} {h}")
        check(data == cli("validate", "--lang", "vi", INVOICE)[0], "text answer differs from the CLI's")
        # A ZIP body: one line per member, as for the ZIP file on the command line.
        archive = os.path.join(tmp, "batch.zip")
        with zipfile.ZipFile(archive, "w") as z:
            z.write(INVOICE, "a.xml")
            z.write(good, "sub/b.xml")
        if cli("inspect", archive)[1] == 0:
            h = same_as_cli(s, "verify", archive, options=TRUST)
            check(h["content-type"] == "application/x-ndjson", h["content-type"])
        # The rendered invoice.
        status, h, data = s.request("POST", "/v1/render", open(good, "rb").read())
        check(status == 200 and h["content-type"].startswith("text/html") and b"<html" in data, f"render {status}")
        status, h, data = s.request("POST", "/v1/render?format=pdf", open(good, "rb").read())
        check((status == 200 and data.startswith(b"%PDF")) or status == 501, f"render pdf {status}")
        # Errors: small JSON bodies.
        for method, path, body, want in (("POST", "/v1/validate?bogus=1", b"<x/>", 400),
                                         ("POST", "/v1/verify?at=", b"<x/>", 400),
                                         ("POST", "/v1/validate", b"", 400),
                                         ("GET", "/v1/validate", None, 405),
                                         ("POST", "/nothing", b"x", 404),
                                         ("POST", "/v1/render", open(INVOICE, "rb").read()[:100], 422)):
            status, h, data = s.request(method, path, body)
            check(status == want, f"{method} {path}: {status}, expected {want}: {data!r}")
            check(b'"error":' in data and h["content-type"] == "application/json", f"{path}: {data!r}")
        # A hostile document is an answer (rejected), not an error.
        status, _, data = s.request("POST", "/v1/validate", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>")
        check(status == 200 and b'"ok":false' in data.replace(b" ", b""), f"hostile: {status} {data!r}")
        status, _, data = s.request("GET", "/healthz")
        check(status == 200 and data == b'{"status":"ok"}\n', f"healthz {status} {data!r}")
        check(metric(s, 'hoadon_http_requests_total{route="validate",code="200"}') >= 4, "request counter")
        check(metric(s, 'hoadon_verdicts_total{route="verify"') >= 1, "verdict counter")
        check(metric(s, 'hoadon_http_request_duration_seconds_count{route="verify"}') >= 2, "latency histogram")
        # The gauge counts the metrics request itself. A request ends for the server once its
        # answer is sent, so the previous one may still be counted for a moment (ASan): never 0.
        for _ in range(100):
            _, h, text = s.request("GET", "/metrics")
            check(b"hoadon_http_requests_in_flight 0\n" not in text, "in-flight gauge missed the metrics request")
            if b"hoadon_http_requests_in_flight 1\n" in text:
                break
            time.sleep(0.02)
        else:
            raise AssertionError("in-flight gauge never came back to the metrics request alone")
        check(h["content-type"].startswith("text/plain; version=0.0.4"), h["content-type"])


def case_samples():
    folder = os.path.join(SHARED, "vn-invoice-samples")
    if not SHARED or not os.path.isdir(folder):
        print("skipped: no vn-invoice-samples")
        return SKIP
    samples = sorted(f for f in os.listdir(folder) if f.endswith(".xml"))[:4]
    with Server() as s:
        for name in samples:
            path = os.path.join(folder, name)
            for command in ("validate", "verify", "inspect"):
                same_as_cli(s, command, path)


def case_token():
    with tempfile.TemporaryDirectory() as tmp:
        token_file = os.path.join(tmp, "token")
        with open(token_file, "w") as f:
            f.write("s3cret-token\n")
        with Server("--token-file", token_file) as s:
            body = open(INVOICE, "rb").read()
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"}):
                status, h, data = s.request("POST", "/v1/validate", body, headers)
                check(status == 401 and "www-authenticate" in h, f"{headers}: {status}")
            status, _, _ = s.request("GET", "/metrics")
            check(status == 401, f"metrics without token: {status}")
            status, _, _ = s.request("POST", "/v1/validate", body, {"Authorization": "Bearer s3cret-token"})
            check(status == 200, f"with the token: {status}")
            check(s.request("GET", "/healthz")[0] == 200, "healthz needs no token")


def case_oversized():
    with Server("--max-body-bytes", "4096") as s:
        big = b"<x>" + b"a" * 10000 + b"</x>"
        status, _, data = s.request("POST", "/v1/validate", big)
        check(status == 413 and b"too large" in data, f"Content-Length over the limit: {status}")
        # Chunked, with no length announced: cut off once the limit is passed.
        conn = s.connection()
        conn.putrequest("POST", "/v1/validate")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        for _ in range(8):
            conn.send(b"800\r\n" + b"a" * 0x800 + b"\r\n")
        conn.send(b"0\r\n\r\n")
        r = conn.getresponse()
        status, data = r.status, r.read()
        conn.close()
        check(status == 413 and b"too large" in data, f"chunked over the limit: {status}")
        check(s.request("POST", "/v1/validate", open(INVOICE, "rb").read())[0] == 200, "served afterwards")
        check(metric(s, 'hoadon_http_rejected_total{reason="body_too_large"}') >= 2, "rejections counted")


def case_slowloris():
    with Server("--request-timeout", "1", "--idle-timeout", "5") as s:
        slow = socket.create_connection(("127.0.0.1", s.port))
        slow.sendall(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\n")
        served, failures, done = [0], [], threading.Event()

        def others():  # other clients are served meanwhile
            while not done.is_set():
                try:
                    check(s.request("GET", "/healthz")[0] == 200, "healthz")
                    served[0] += 1
                except Exception as e:  # noqa: BLE001 - reported below
                    failures.append(repr(e))
                time.sleep(0.05)

        t = threading.Thread(target=others)
        t.start()
        cut = False
        try:
            for _ in range(100):  # 10 s worth of header bytes, one every 0.1 s
                slow.sendall(b"X")
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            cut = True
        if not cut:
            slow.settimeout(1)
            try:
                cut = slow.recv(100) == b""
            except ConnectionResetError:
                cut = True
            except socket.timeout:  # still open: not cut off
                cut = False
        done.set()
        t.join()
        slow.close()
        check(cut, "the slow client was not cut off")
        check(not failures and served[0] > 0, f"others: {served[0]} served, failures {failures[:3]}")
        check(metric(s, 'hoadon_http_rejected_total{reason="timeout"}') >= 1, "timeout counted")


def case_saturation():
    with Server("--max-connections", "2") as s:
        idle = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(2)]
        answers = set()
        for _ in range(50):
            try:
                answers.add(s.request("GET", "/healthz")[0])
            except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
                answers.add("refused")
            if 503 in answers:
                break
            time.sleep(0.05)
        check(503 in answers, f"over the limit: {answers}")
        # Far over it, connections are refused, and the server stays up.
        flood = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(20)]
        for c in flood + idle:
            c.close()
        for _ in range(50):
            try:
                if s.request("GET", "/healthz")[0] == 200:
                    break
            except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
                pass
            time.sleep(0.05)
        else:
            raise AssertionError("not served again once the connections closed")
        check(s.request("POST", "/v1/validate", open(INVOICE, "rb").read())[0] == 200, "served")


def case_sigterm():
    body = open(INVOICE, "rb").read()
    expected = subprocess.run([HOADON, "validate", "--format", "json", "-"], input=body, capture_output=True).stdout
    s = Server("--grace", "5")
    try:
        sock = socket.create_connection(("127.0.0.1", s.port))
        sock.sendall(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body))
        sock.sendall(body[:100])
        # The request is in flight once the server has its headers.
        for _ in range(100):
            if metric(s, "hoadon_http_requests_in_flight ") >= 2:  # it and the metrics request
                break
            time.sleep(0.02)
        s.proc.send_signal(signal.SIGTERM)
        for _ in range(100):  # no new connection is accepted
            try:
                socket.create_connection(("127.0.0.1", s.port), timeout=1).close()
                time.sleep(0.02)
            except (ConnectionRefusedError, ConnectionResetError):
                # Refused once the listening socket is closed; reset when the kernel had queued
                # the connection just before: neither is accepted.
                break
        else:
            raise AssertionError("still accepting connections after SIGTERM")
        sock.sendall(body[100:])
        r = http.client.HTTPResponse(sock)
        r.begin()
        data = r.read()
        check(r.status == 200 and data == expected, f"in-flight request: {r.status} {data[:200]!r}")
        check(s.proc.wait(10) == 0, "exit status after SIGTERM")
    finally:
        if s.proc.poll() is None:
            s.proc.kill()


def case_tls():
    openssl = shutil.which("openssl")
    if not openssl:
        print("skipped: no openssl to make a certificate")
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        probe = subprocess.run([HOADON, "serve", "--port", "0", "--tls-cert", cert, "--tls-key", "/nonexistent"],
                               capture_output=True, timeout=10)
        check(probe.returncode == 3, "an unreadable key is an I/O error")
        with Server("--tls-cert", cert, "--tls-key", key, scheme="https") as s:
            ctx = ssl.create_default_context(cafile=cert)
            conn = http.client.HTTPSConnection("127.0.0.1", s.port, context=ctx, timeout=5)
            conn.request("POST", "/v1/validate", open(INVOICE, "rb").read())
            r = conn.getresponse()
            check(r.status == 200 and b'"ok":' in r.read().replace(b" ", b""), f"HTTPS: {r.status}")
            conn.close()


CASES = {name[5:]: f for name, f in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(CASES)}")
    code = CASES[sys.argv[1]]()
    print(f"serve {sys.argv[1]}: {'skipped' if code == SKIP else 'passed'}")
    sys.exit(code or 0)
