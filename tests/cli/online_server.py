#!/usr/bin/env python3
"""A tiny HTTP server for the online revocation tests, on 127.0.0.1 and a free port.

online_server.py PORT_FILE ROOT LOG: serves the files of ROOT (GET, and POST for a responder
address), answers /garbage with bytes that are no OCSP response or CRL and /big with 2 MiB,
writes each request ("METHOD PATH") to LOG, and its port to PORT_FILE once it listens.
"""
import http.server
import os
import sys

port_file, root, log = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, body, code=200):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with open(log, "a") as f:
            f.write(f"{self.command} {self.path}\n")
        name = os.path.basename(self.path)
        path = os.path.join(root, name)
        if name == "garbage":
            self.reply(b"this is not DER at all")
        elif name == "big":
            self.reply(b"0" * (2 << 20))
        elif name and os.path.isfile(path):
            with open(path, "rb") as f:
                self.reply(f.read())
        else:
            self.reply(b"not found", 404)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.do_GET()


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
