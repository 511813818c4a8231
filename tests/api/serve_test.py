#!/usr/bin/env python3
"""API tests of `jincai serve` against a live server: it is started on a free port
(--port 0, the URL read from its first line) with a temporary SQLite database, and
stopped with SIGTERM. Raw sockets are used where an HTTP client would tidy the
request up (oversized headers, partial requests, traversal, invalid UTF-8).
Usage: serve_test.py JINCAI_BINARY"""
import http.client
import json
import os
import signal
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import live_server  # noqa: E402
from live_server import parse_response as _parse_reply, read_all  # noqa: E402

BINARY = None


class Server(live_server.Server):
    """The shared live server, without the demo, with a raw HTTP connection and raw
    replies as (status, headers, body)."""

    def __init__(self, *extra):
        super().__init__(BINARY, *extra)

    def conn(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=10)

    def raw(self, data, read_timeout=10):
        r = super().raw(data, read_timeout)
        return r.status, r.headers, r.body

    def stop(self, timeout=10, signalled=False):
        """`signalled`: the test sent SIGTERM itself; wait for the exit without a second one."""
        if signalled:
            self.proc.wait(timeout=timeout)
        return super().stop(timeout)


def parse_response(data):
    """(status, headers, body) of a raw HTTP response."""
    r = _parse_reply(data)
    return r.status, r.headers, r.body


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def get(self, path, headers=None, method="GET", body=None):
        c = self.srv.conn()
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def assertProblem(self, status, headers, body, expected_status, kind):
        self.assertEqual(status, expected_status)
        self.assertEqual(headers["content-type"], "application/problem+json")
        doc = json.loads(body)
        self.assertEqual(doc["status"], expected_status)
        self.assertEqual(doc["type"], "urn:jincai:problem:" + kind)
        self.assertTrue(doc["title"] and doc["detail"])
        return doc

    def test_healthz(self):
        r, body = self.get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.getheader("Content-Type"), "application/json")
        doc = json.loads(body)
        self.assertEqual((doc["status"], doc["database"]), ("ok", "ok"))

    def test_unknown_route_in_both_languages(self):
        r, body = self.get("/api/v1/nothing-here")
        doc = self.assertProblem(r.status, {"content-type": r.getheader("Content-Type")}, body, 404, "not-found")
        self.assertIn("没有与 GET /api/v1/nothing-here 匹配的接口", doc["detail"])
        self.assertEqual(r.getheader("Content-Language"), "zh-CN")
        r, body = self.get("/api/v1/nothing-here", {"Accept-Language": "en-GB,en;q=0.9,zh;q=0.5"})
        doc = json.loads(body)
        self.assertEqual(doc["detail"], "No route matches GET /api/v1/nothing-here")
        self.assertEqual(r.getheader("Content-Language"), "en")

    def test_wrong_method_405_with_allow(self):
        r, body = self.get("/healthz", method="DELETE")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.getheader("Allow"), "GET")
        self.assertIn("GET", json.loads(body)["detail"])

    def test_body_over_1_mib_is_413(self):
        big = b"x" * (2 * 1024 * 1024)
        req = (b"POST /healthz HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\nContent-Type: application/json\r\n"
               b"Content-Length: %d\r\n\r\n" % len(big)) + big
        status, headers, body = self.srv.raw(req)
        doc = self.assertProblem(status, headers, body, 413, "body-too-large")
        self.assertIn("1048576", doc["detail"])
        # Chunked, so that the size is only known while reading.
        chunk = b"x" * 65536
        req = b"POST /healthz HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + \
            (b"10000\r\n" + chunk + b"\r\n") * 32 + b"0\r\n\r\n"
        status, headers, body = self.srv.raw(req)
        self.assertProblem(status, headers, body, 413, "body-too-large")
        self.test_healthz()  # the server is unharmed

    def test_20_kib_header_is_431(self):
        req = b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + b"a" * 20480 + b"\r\n\r\n"
        status, headers, body = self.srv.raw(req)
        doc = self.assertProblem(status, headers, body, 431, "headers-too-large")
        self.assertIn("8192", doc["detail"])
        self.test_healthz()

    def test_path_traversal_400(self):
        for target in [b"/api/../healthz", b"/api/v1/%2e%2e/x", b"/api/%2E%2e/%2e%2E/etc/passwd",
                       b"/./healthz", b"/api/%00/x"]:
            status, headers, body = self.srv.raw(b"GET " + target + b" HTTP/1.1\r\nHost: t\r\n\r\n")
            doc = self.assertProblem(status, headers, body, 400, "path-traversal")
            self.assertIn(target.decode(), doc["detail"])

    def test_invalid_utf8_400(self):
        for target, what in [(b"/api/%C3%28", "path"), (b"/healthz?q=%ED%A0%80", "query string")]:
            status, headers, body = self.srv.raw(
                b"GET " + target + b" HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n\r\n")
            doc = self.assertProblem(status, headers, body, 400, "invalid-utf8")
            self.assertIn(what, doc["detail"])
        status, headers, body = self.srv.raw(b"GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertProblem(status, headers, body, 400, "bad-target")

    def test_malformed_request_400(self):
        status, headers, body = self.srv.raw(b"GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n")
        self.assertProblem(status, headers, body, 400, "malformed-request")

    def test_keep_alive_two_requests_one_connection(self):
        c = self.srv.conn()
        for _ in range(2):
            c.request("GET", "/healthz")
            r = c.getresponse()
            self.assertEqual(r.status, 200)
            r.read()
        sock = c.sock
        c.request("GET", "/api/v1/openapi.json")
        r = c.getresponse()
        r.read()
        self.assertIs(c.sock, sock, "the connection was not reused")
        c.close()

    def test_openapi_documents_every_route_and_their_answers(self):
        r, body = self.get("/api/v1/openapi.json")
        self.assertEqual(r.status, 200)
        doc = json.loads(body)
        self.assertTrue(doc["openapi"].startswith("3."))
        ops = {(m.upper(), p) for p, item in doc["paths"].items() for m in item}
        self.assertTrue({("GET", "/healthz"), ("GET", "/metrics"), ("GET", "/api/v1/openapi.json"),
                         ("POST", "/api/v1/auth/login")} <= ops)
        # The matrix test (authz_matrix_test.py) checks every route against every role;
        # here: each parameterless GET answers with a status its operation documents.
        for path, item in doc["paths"].items():
            if "get" not in item or "{" in path:
                continue
            r, _ = self.get(path)
            documented = {int(k) for k in item["get"]["responses"] if k != "default"}
            self.assertIn(r.status, documented, path)

    def test_metrics_count_requests(self):
        def count():
            _, body = self.get("/metrics")
            for line in body.decode().splitlines():
                if line.startswith('jincai_http_requests_total{route="/healthz",method="GET",status="200"}'):
                    return int(line.split()[-1])
            return 0
        before = count()
        self.get("/healthz")
        self.assertEqual(count(), before + 1)
        _, body = self.get("/metrics")
        text = body.decode()
        self.assertIn('jincai_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"}', text)
        self.assertIn('jincai_database_duration_seconds_count{operation="health"}', text)


class LifecycleTest(unittest.TestCase):
    def test_slow_request_gets_408(self):
        srv = Server("--request-timeout", "1")
        try:
            s = socket.create_connection((srv.host, srv.port), timeout=10)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")  # never finished
            start = time.monotonic()
            status, headers, body = parse_response(read_all(s))
            s.close()
            self.assertEqual(status, 408)
            self.assertEqual(json.loads(body)["type"], "urn:jincai:problem:request-timeout")
            self.assertLess(time.monotonic() - start, 5)
        finally:
            self.assertEqual(srv.stop(), 0)

    def test_sigterm_finishes_request_in_flight(self):
        # The request is in flight once its header is read: the body is sent after
        # SIGTERM, and the server must still read it and answer before exiting 0.
        srv = Server()
        s = socket.create_connection((srv.host, srv.port), timeout=10)
        s.sendall(b"POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nab")
        time.sleep(0.3)
        idle = socket.create_connection((srv.host, srv.port), timeout=10)  # an idle keep-alive connection
        time.sleep(0.2)
        srv.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        self.assertIsNone(srv.proc.poll(), "exited with a request in flight")
        s.sendall(b"cde")
        status, headers, _ = parse_response(read_all(s))
        self.assertEqual(status, 405)  # answered, though POST is not a route
        self.assertEqual(headers.get("connection"), "close")
        s.close()
        self.assertEqual(idle.recv(1), b"")  # the idle connection was closed, not left hanging
        idle.close()
        start = time.monotonic()
        self.assertEqual(srv.stop(signalled=True), 0)
        self.assertLess(time.monotonic() - start, 5)

    def test_sigterm_when_idle_exits_promptly(self):
        srv = Server()
        start = time.monotonic()
        self.assertEqual(srv.stop(), 0)
        self.assertLess(time.monotonic() - start, 3)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
