#!/usr/bin/env python3
"""A stand-in for `hoadon serve`, to test conformance/adapters/hoadon-http.sh before the service exists.

http_standin.py HOADON PORT_FILE [TOKEN]: on 127.0.0.1 and a free port (written to PORT_FILE once it
listens), POST /v1/validate and /v1/verify run `HOADON validate|verify --format json` on the body,
each query parameter NAME=VALUE becoming --NAME VALUE (--NAME for a flag sent as NAME=yes), and
answer what the command printed (200 when it gave a verdict, exit status 0 or 1; else 422 with
its error). With TOKEN, a request without "Authorization: Bearer TOKEN" gets 401.
"""
import http.server
import os
import subprocess
import sys
import urllib.parse

hoadon, port_file = sys.argv[1:3]
token = sys.argv[3] if len(sys.argv) > 3 else None
FLAGS = {"strict", "integrity-only", "no-tax-code-check", "no-default-trust"}
OPTIONS = {
    "validate": {"now", "strict", "stage", "tolerance", "version"},
    "verify": {"policy", "trust", "intermediate", "crl", "tax-authority", "at"} | FLAGS - {"strict"},
}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "application/x-ndjson" if code == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if token is not None and self.headers.get("Authorization") != "Bearer " + token:
            return self.reply(401, b"unauthorized\n")
        url = urllib.parse.urlsplit(self.path)
        op = url.path.removeprefix("/v1/")
        if op not in OPTIONS:
            return self.reply(404, b"no such endpoint\n")
        argv = [hoadon, op, "--format", "json"]
        for name, value in urllib.parse.parse_qsl(url.query, keep_blank_values=True):
            if name not in OPTIONS[op]:
                return self.reply(400, f"unknown option {name}\n".encode())
            argv += [f"--{name}"] if name in FLAGS and value == "yes" else [f"--{name}", value]
        done = subprocess.run(argv + ["--", "-"], input=body, capture_output=True)
        if done.returncode in (0, 1):
            self.reply(200, done.stdout)
        else:
            self.reply(422, done.stderr or b"error\n")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
