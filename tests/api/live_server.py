"""Shared helpers of the live-server API tests (not a test itself: cmake runs only
tests/api/*_test.py). A `Server` is `jincai serve` on a free port (--port 0, the URL
read from the "listening on http://HOST:PORT" line) with a temporary SQLite database,
stopped with SIGTERM; its stdout and stderr are drained in the background so that a
chatty server cannot block on a full pipe, and kept for the test to inspect.
`Client` sends JSON requests and returns `Reply` objects; `raw` sends bytes as-is for
requests an HTTP client would tidy up (traversal, invalid UTF-8). `ReplyChecks` is a
mixin of a test case's checks of a reply: its status and JSON, or its problem document."""
import ctypes
import http.client
import json
import signal
import socket
import subprocess
import sys
import tempfile
import threading

DEMO_PASSWORD = "jincai-demo-2026"
PROBLEM_PREFIX = "urn:jincai:problem:"


class Server:
    def __init__(self, binary, *extra, demo=False, start_timeout=120):
        self.dir = tempfile.TemporaryDirectory()
        args = [binary, "serve", "--db", f"sqlite:{self.dir.name}/db/jincai.db", "--port", "0", "--threads", "2", *extra]
        if demo:
            args.append("--demo")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     preexec_fn=_die_with_parent)
        self.stdout_lines, self.stderr_lines = [], []
        self._err_thread = threading.Thread(target=self._drain, args=(self.proc.stderr, self.stderr_lines), daemon=True)
        self._err_thread.start()
        timer = threading.Timer(start_timeout, self.proc.kill)
        timer.start()
        try:
            for line in self.proc.stdout:
                self.stdout_lines.append(line)
                if line.startswith("listening on http://"):
                    hostport = line.split("//", 1)[1].strip()
                    self.host, port = hostport.rsplit(":", 1)
                    self.port = int(port)
                    break
            else:
                self.proc.wait()
                self._err_thread.join(5)
                raise RuntimeError("server did not start: " + "".join(self.stdout_lines + self.stderr_lines))
        finally:
            timer.cancel()
        self._out_thread = threading.Thread(target=self._drain, args=(self.proc.stdout, self.stdout_lines), daemon=True)
        self._out_thread.start()

    @staticmethod
    def _drain(stream, into):
        for line in stream:
            into.append(line)

    def stderr_text(self):
        return "".join(self.stderr_lines)

    def client(self, lang=None):
        return Client(self.host, self.port, lang)

    def raw(self, data, read_timeout=10):
        """Sends bytes on a fresh connection; returns a Reply."""
        s = socket.create_connection((self.host, self.port), timeout=read_timeout)
        try:
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and stop reading before all is sent
            return parse_response(read_all(s))
        finally:
            s.close()

    def stop(self, timeout=15):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self._err_thread.join(5)
        self._out_thread.join(5)
        if rc != 0:
            print(f"jincai serve exited {rc}: {self.stderr_text()}", file=sys.stderr)
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.dir.cleanup()
        return rc


def _die_with_parent():
    """In the child before exec: SIGTERM the server if the test process dies (Linux),
    so that a killed or timed-out test leaves no server behind."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class ReplyChecks:
    """Checks of a reply, for a unittest.TestCase."""

    def ok(self, reply, status=200):
        self.assertEqual(reply.status, status, reply)
        return reply.json()

    def problem(self, reply, status, field=None):
        self.assertEqual(reply.status, status, reply)
        self.assertEqual(reply.content_type, "application/problem+json", reply)
        doc = reply.json()
        self.assertTrue(doc["type"].startswith(PROBLEM_PREFIX), doc)
        self.assertTrue(doc["detail"], doc)
        if field is not None:
            self.assertEqual(doc.get("field"), field, doc)
        return doc


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value (the last one of a repeated header)
        self.body = body

    def json(self):
        return json.loads(self.body)

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    def __repr__(self):
        return f"<{self.status} {self.content_type} {self.body[:300]!r}>"


class Client:
    """One request per connection, JSON in and out. `token` sends Authorization: Bearer."""

    def __init__(self, host, port, lang=None):
        self.host, self.port, self.lang = host, port, lang

    def request(self, method, path, body=None, token=None, headers=None, raw_body=None, content_type=None):
        h = {}
        if self.lang:
            h["Accept-Language"] = self.lang
        if token:
            h["Authorization"] = "Bearer " + token
        data = raw_body
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = "application/json"
        if content_type is not None:
            h["Content-Type"] = content_type
        h.update(headers or {})
        c = http.client.HTTPConnection(self.host, self.port, timeout=15)
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            payload = r.read()
            hs = {}
            for k, v in r.getheaders():
                hs[k.lower()] = v
            return Reply(r.status, hs, payload)
        finally:
            c.close()

    def get(self, path, token=None, **kw):
        return self.request("GET", path, token=token, **kw)

    def post(self, path, body=None, token=None, **kw):
        return self.request("POST", path, body=body, token=token, **kw)

    def login(self, username, password=DEMO_PASSWORD):
        """Returns the login reply's JSON (token, csrf_token, user); fails loudly otherwise."""
        r = self.post("/api/v1/auth/login", {"username": username, "password": password})
        if r.status != 200:
            raise AssertionError(f"login {username}: {r}")
        return r.json()


def read_all(s):
    chunks = []
    while True:
        try:
            b = s.recv(65536)
        except ConnectionResetError:
            break
        if not b:
            break
        chunks.append(b)
        if response_complete(b"".join(chunks)):
            break
    return b"".join(chunks)


def response_complete(data):
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            return len(body) >= int(v)
    return False


def parse_response(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return Reply(status, headers, body)


def resident_id(first17):
    """first17 plus its GB 11643-1999 check character: the weight of the i-th digit
    (from the left, i = 1..17) is 2^(18-i) mod 11, and the check value is the one that
    makes the weighted sum (the check counting 1) congruent to 1 mod 11; 10 is 'X'."""
    assert len(first17) == 17 and first17.isdigit()
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    check = (12 - total % 11) % 11
    return first17 + ("X" if check == 10 else str(check))
