#!/usr/bin/env python3
"""Deterministic mock JSON API for the Sequor benchmarks (Python 3 standard library only).

Endpoints (all JSON, HTTP/1.1 keep-alive):
  GET  /items?page=N            page N (1-based) of PAGES pages with PER_PAGE records each:
                                {"page": N, "per_page": .., "total_pages": .., "next": N+1 | null, "data": [...]}
                                a page past the last one returns "data": [] and "next": null
  GET  /records?page=N&rev=R    the landing benchmark's records (PAGES x PER_PAGE of them at rev 1; at rev 2 every
                                tenth changed and 5% more): {"page": N, "total_pages": .., "data": [...]}
  POST|PATCH|PUT /sync/<id>     accepts any body, returns {"ok": true, "id": "<id>", "received_bytes": n}
  GET  /stores/store123/v3/customers?page=N&limit=5
                                BigCommerce shape, 2 pages (2 customers, then 1):
                                {"data": [...], "meta": {"pagination": {"current_page": N, "total_pages": 2}}};
                                needs header X-Auth-Token: bc-token (else 401)
  GET  /v1/customers?limit=10[&starting_after=cus_1]
                                Stripe shape, 2 pages of 1 customer: {"has_more": true|false, "data": [...]};
                                needs basic auth sk_test_123 with an empty password (else 401)
  GET  /stats                   counters: {"list_requests": n, "write_requests": n, "bigcommerce_requests": n,
                                "stripe_requests": n, "max_in_flight_writes": n, "pages": P, "per_page": R}
  GET  /health                  {"ok": true}

Usage: mock_api.py --pages 50 --per-page 1000 [--latency-ms 20] [--list-latency-ms 20] [--prebuild-records]
                   --port-file FILE
(binds 127.0.0.1 on a free port and writes the port number to FILE once it is listening).
"""
import argparse
import base64
import functools
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

CATEGORIES = ["books", "games", "garden", "kitchen", "music", "office", "sports", "tools", "toys", "travel"]


class State:
    pages = 50
    per_page = 1000
    lock = threading.Lock()
    list_requests = 0
    write_requests = 0
    bigcommerce_requests = 0
    stripe_requests = 0
    latency = 0.0  # seconds each POST/PATCH/PUT takes (--latency-ms), as a remote API's round trip would
    list_latency = 0.0  # seconds each GET /items takes (--list-latency-ms)
    in_flight = 0
    max_in_flight = 0
    prebuilt = {}  # (page, rev) -> body of /records, built before listening (--prebuild-records)


# The upstream example flows (bench/run --only upstream): the same customers as the WireMock stubs of
# src/test/java/dev/sequor/compat/UpstreamExamplesTest.java, and the credentials bench/run puts in its environment.
BIGCOMMERCE_STORE, BIGCOMMERCE_TOKEN = "store123", "bc-token"
STRIPE_AUTH = "Basic " + base64.b64encode(b"sk_test_123:").decode()
BIGCOMMERCE_PAGES = {
    1: [{"id": 1, "first_name": "Ann", "last_name": "Lee", "email": "a@x.io"},
        {"id": 2, "first_name": "Bob", "last_name": None}],
    2: [{"id": 3, "first_name": "Cy", "last_name": "Doe"}],
}
STRIPE_PAGES = {
    None: {"has_more": True, "data": [{"id": "cus_1", "email": "a@x.io", "name": "A"}]},
    "cus_1": {"has_more": False, "data": [{"id": "cus_2", "email": None, "name": "B"}]},
}


def record(i):
    """Record number i (1-based), the same on every run."""
    return {
        "id": i,
        "sku": "SKU-%07d" % i,
        "name": "Item number %d" % i,
        "category": CATEGORIES[i % len(CATEGORIES)],
        "price": "%d.%02d" % (1 + (i * 37) % 500, (i * 13) % 100),
        "quantity": (i * 7) % 50,
        "active": i % 3 != 0,
        "created_at": "2024-%02d-%02dT%02d:%02d:00Z" % (1 + i % 12, 1 + i % 28, i % 24, i % 60),
        "tags": ["t%d" % (i % 5), "t%d" % (i % 7)],
    }


def landing_record(i, rev):
    """Record i of the landing benchmark as JSON text (12 fields, one nested object, one nested array); at rev 2 every
    tenth record of rev 1 has changed. Formatted, not json.dumps'ed: a page of 1,000 must cost the mock a few ms, or
    the mock, not Sequor, sets the rate."""
    changed = rev >= 2 and i % 10 == 0
    c = i % 5000
    return ('{"id":%d,"sku":"SKU-%07d","name":"Item %d%s","category":"%s","price":%.2f,"quantity":%d,'
            '"active":%s,"score":%r,"created_at":"2024-%02d-%02dT%02d:%02d:00Z","updated_at":"2025-%02d-%02dT00:00:00Z",'
            '"customer":{"id":%d,"email":"c%d@example.com","tier":"%s"},"tags":["t%d","t%d"]}') % (
        i, i, i, " v2" if changed else "", CATEGORIES[i % len(CATEGORIES)],
        1 + (i * 37) % 500 + ((i * 13) % 100) / 100 + (1 if changed else 0), (i * 7) % 50,
        "true" if i % 3 != 0 else "false", (i % 1000) / 7.0, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
        6 if changed else 1, 1 + i % 28, c, c, "gold" if i % 4 == 0 else "std", i % 5, i % 7)


def landing_page(page, rev, records, per_page):
    """Page N of the landing records: rev 1 has RECORDS records, rev 2 the same ones (every tenth changed) and 5%
    more."""
    total = records if rev < 2 else records + records // 20
    pages = (total + per_page - 1) // per_page
    start = (page - 1) * per_page + 1
    data = [landing_record(i, rev) for i in range(start, min(start + per_page, total + 1))] if 1 <= page <= pages else []
    return ('{"page":%d,"total_pages":%d,"data":[%s]}' % (page, pages, ",".join(data))).encode()


@functools.lru_cache(maxsize=4096)
def page_body(page, pages, per_page):
    if 1 <= page <= pages:
        start = (page - 1) * per_page + 1
        data = [record(i) for i in range(start, start + per_page)]
    else:
        data = []
    nxt = page + 1 if 1 <= page < pages else None
    body = {"page": page, "per_page": per_page, "total_pages": pages, "next": nxt, "data": data}
    return json.dumps(body, separators=(",", ":")).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SequorBenchMock/1"

    def setup(self):
        super().setup()
        # no Nagle: headers and a small body must not wait for the client's delayed ACK (40 ms stalls)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # quiet: the benchmark measures, it does not log
        pass

    def _send(self, status, payload):
        body = payload if isinstance(payload, bytes) else json.dumps(payload, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        # one write for status line, headers and body (end_headers() would flush the headers on their own)
        self._headers_buffer.append(b"\r\n")
        self._headers_buffer.append(body)
        self.flush_headers()

    def _drain(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def do_GET(self):
        u = urlsplit(self.path)
        if u.path == "/records":
            q = parse_qs(u.query)
            try:
                page, rev = int(q.get("page", ["1"])[0]), int(q.get("rev", ["1"])[0])
            except ValueError:
                return self._send(400, {"error": "page and rev must be integers"})
            with State.lock:
                State.list_requests += 1
            body = State.prebuilt.get((page, rev))
            return self._send(200, body or landing_page(page, rev, State.pages * State.per_page, State.per_page))
        if u.path == "/items":
            q = parse_qs(u.query)
            try:
                page = int(q.get("page", ["1"])[0])
            except ValueError:
                return self._send(400, {"error": "page must be an integer"})
            with State.lock:
                State.list_requests += 1
            if State.list_latency:
                time.sleep(State.list_latency)
            return self._send(200, page_body(page, State.pages, State.per_page))
        if u.path == "/stores/%s/v3/customers" % BIGCOMMERCE_STORE:
            return self._bigcommerce(parse_qs(u.query, keep_blank_values=True))
        if u.path == "/v1/customers":
            return self._stripe(parse_qs(u.query, keep_blank_values=True))
        if u.path == "/stats":
            with State.lock:
                return self._send(200, {"list_requests": State.list_requests, "write_requests": State.write_requests,
                                        "bigcommerce_requests": State.bigcommerce_requests,
                                        "stripe_requests": State.stripe_requests,
                                        "max_in_flight_writes": State.max_in_flight,
                                        "pages": State.pages, "per_page": State.per_page})
        if u.path == "/health":
            return self._send(200, {"ok": True})
        return self._send(404, {"error": "not found: " + u.path})

    def _bigcommerce(self, q):
        with State.lock:
            State.bigcommerce_requests += 1
        if self.headers.get("X-Auth-Token") != BIGCOMMERCE_TOKEN:
            return self._send(401, {"status": 401, "title": "missing or wrong X-Auth-Token"})
        if q.get("limit") != ["5"] or q.get("page", [""])[0] not in ("1", "2"):
            return self._send(400, {"status": 400, "title": "expected limit=5 and page=1 or 2, got %r" % (q,)})
        page = int(q["page"][0])
        return self._send(200, {"data": BIGCOMMERCE_PAGES[page],
                                "meta": {"pagination": {"current_page": page, "total_pages": len(BIGCOMMERCE_PAGES)}}})

    def _stripe(self, q):
        with State.lock:
            State.stripe_requests += 1
        if self.headers.get("Authorization") != STRIPE_AUTH:
            return self._send(401, {"error": {"message": "missing or wrong basic auth"}})
        after = q.get("starting_after", [None])[0]
        if q.get("limit") != ["10"] or after not in STRIPE_PAGES or len(q.get("starting_after", [])) > 1:
            return self._send(400, {"error": {"message": "expected limit=10 [&starting_after=cus_1], got %r" % (q,)}})
        return self._send(200, STRIPE_PAGES[after])

    def _write(self):
        u = urlsplit(self.path)
        body = self._drain()
        if not u.path.startswith("/sync/"):
            return self._send(404, {"error": "not found: " + u.path})
        with State.lock:
            State.write_requests += 1
            State.in_flight += 1
            State.max_in_flight = max(State.max_in_flight, State.in_flight)
        try:
            if State.latency:
                time.sleep(State.latency)
        finally:
            with State.lock:
                State.in_flight -= 1
        return self._send(200, {"ok": True, "id": u.path[len("/sync/"):], "received_bytes": len(body)})

    do_POST = _write
    do_PATCH = _write
    do_PUT = _write


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--per-page", type=int, default=1000)
    ap.add_argument("--latency-ms", type=float, default=0, help="each POST/PATCH/PUT waits this long before answering")
    ap.add_argument("--list-latency-ms", type=float, default=0, help="each GET /items waits this long before answering")
    ap.add_argument("--prebuild-records", action="store_true",
                    help="build every page of /records (rev 1 and 2) before listening, so that serving one costs only"
                         " its sending (about 300 MB of memory per million records and rev)")
    ap.add_argument("--port", type=int, default=0, help="0 = a free port")
    ap.add_argument("--port-file", help="write the chosen port here once listening")
    a = ap.parse_args()
    State.pages, State.per_page, State.latency = a.pages, a.per_page, a.latency_ms / 1000.0
    State.list_latency = a.list_latency_ms / 1000.0
    if a.prebuild_records:
        records = a.pages * a.per_page
        for rev in (1, 2):
            total = records if rev < 2 else records + records // 20
            for page in range(1, (total + a.per_page - 1) // a.per_page + 1):
                State.prebuilt[(page, rev)] = landing_page(page, rev, records, a.per_page)
    ThreadingHTTPServer.daemon_threads = True
    # socketserver's listen backlog is 5: a client opening 32 connections at once overflows it, and the dropped
    # handshakes wait out the kernel's 1 s SYN retransmission; a real API (nginx: 511) accepts them at once.
    ThreadingHTTPServer.request_queue_size = 512
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    port = srv.server_address[1]
    if a.port_file:
        tmp = a.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.replace(tmp, a.port_file)
    print("mock API on http://127.0.0.1:%d (pages=%d, per_page=%d)" % (port, a.pages, a.per_page), file=sys.stderr)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()


if __name__ == "__main__":
    main()
