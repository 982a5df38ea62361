#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The receiver a shop integrator would write by hand, for bench_intake_cost to measure SkladHook against.

Python 3's standard library only (what Debian has without extra packages): http.server's ThreadingHTTPServer and
sqlite3, WAL, synchronous=FULL, one transaction (one fsync) per delivery, answered 200 after the COMMIT. The same
checks SkladHook makes on the hot path: path, verification key, requestId, JSON shape, duplicate requestId.

    receiver.py DATABASE KEY       prints "port N" once listening on 127.0.0.1, serves until SIGTERM
"""
import json
import signal
import sqlite3
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DATABASE, KEY = sys.argv[1], sys.argv[2]
local = threading.local()


def connection():
    if not hasattr(local, "db"):
        db = sqlite3.connect(DATABASE, timeout=5, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        local.db = db
    return local.db


def create_schema():
    db = connection()
    db.execute("CREATE TABLE IF NOT EXISTS deliveries (request_id TEXT PRIMARY KEY, received_at TEXT NOT NULL, "
               "peer TEXT, events INTEGER NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, "
               "action TEXT NOT NULL, document_id TEXT NOT NULL, href TEXT, request_id TEXT NOT NULL, "
               "status TEXT NOT NULL DEFAULT 'pending', created_at TEXT NOT NULL)")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as SkladHook's receiver has it
    # TCP_NODELAY, as Node's http server sets by default: http.server writes the headers and the body in two sends, and
    # with Nagle's algorithm on, the body waited for the client's delayed ACK, 40 ms per answer (p50 44 ms).
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if "/moysklad/" not in url.path:
            return self.answer(404, "not found\n")
        query = parse_qs(url.query)
        if query.get("key", [""])[0] != KEY:
            return self.answer(403, "forbidden\n")
        request_id = query.get("requestId", [""])[0]
        try:
            events = json.loads(body)["events"]
            rows = [(e["meta"]["type"], e["action"], e["meta"]["href"].rsplit("/", 1)[-1], e["meta"]["href"])
                    for e in events]
        except (ValueError, KeyError, TypeError, AttributeError):
            return self.answer(400, "bad request\n")
        if not request_id:
            return self.answer(400, "bad request\n")
        now = datetime.now(timezone.utc).isoformat()
        db = connection()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO deliveries VALUES (?, ?, ?, ?)",
                       (request_id, now, self.client_address[0], len(rows)))
            db.executemany("INSERT INTO tasks (entity_type, action, document_id, href, request_id, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [row + (request_id, now) for row in rows])
            db.execute("COMMIT")
        except sqlite3.IntegrityError:
            db.execute("ROLLBACK")
            return self.answer(200, "duplicate\n")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            return self.answer(500, "not stored\n")
        self.answer(200, "stored\n")


def main():
    create_schema()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    sys.stdout.write(f"port {server.server_address[1]}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
