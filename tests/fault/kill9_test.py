#!/usr/bin/env python3
"""Crash-safety test of `jincai serve`: a bounded concurrent write load, the server
killed with SIGKILL at a random moment while writes are in flight, restarted on the
same database, and every acknowledged write checked, cumulatively, together with the
audit chain (`jincai audit verify` and GET /api/v1/audit/verify). 10 rounds on SQLite
and 10 on PostgreSQL (a throw-away cluster started here, as in
tests/unit/store/pg_cluster.h; missing PostgreSQL binaries fail the test).

The load: registrations of talents (argon2, slow), logins (a session row and an audit
record each) and PATCHes of a talent's name by its owner. A write is acknowledged
when it got its 2xx answer. After the restart:
  * each acknowledged registration is there: the user (admin list), the talent (by
    document number), and its password logs in;
  * each acknowledged session token still authenticates;
  * each talent's name is the last acknowledged one, or one that was sent after it
    and never answered (in flight at the kill);
  * the audit chain verifies, and grew by at least the records the acknowledged
    writes made and at most those of every write sent;
  * /healthz is ok.
Traffic goes to 127.0.0.1 only; every request has a timeout; a round sends at most a
few hundred requests. KILL9_SEED=N repeats a run's kill times and the writers' choices
(thread timing still varies).
Usage: kill9_test.py JINCAI_BINARY"""
import datetime
import glob
import http.client
import json
import os
import pwd
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BINARY = None
ROUNDS = 10
WRITERS = 4               # client threads writing concurrently
MAX_REQUESTS = 70         # per writer per round: at most 280 load requests a round
MAX_REGISTRATIONS = 2     # per writer per round (argon2 makes them ~50-100 ms each)
KILL_AFTER = (0.3, 1.5)   # seconds of load before the SIGKILL
REQUEST_TIMEOUT = 10      # seconds, every request
DEMO_PASSWORD = "jincai-demo-2026"
SEED = int(os.environ.get("KILL9_SEED", random.SystemRandom().randrange(1 << 30)))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --- identity numbers ------------------------------------------------------------

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(n):
    """The n-th GB 11643 resident ID of this test: region 140107 (the demo uses
    140105), birth dates from 1980-01-01, a 3-digit sequence number."""
    born = datetime.date(1980, 1, 1) + datetime.timedelta(days=n // 1000)
    first17 = "140107" + born.strftime("%Y%m%d") + "%03d" % (n % 1000)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


# --- HTTP --------------------------------------------------------------------------

class TransportError(Exception):
    """No answer: refused, reset, timed out. The write may or may not have happened."""


def call(port, method, path, body=None, token=None):
    """One request on a fresh connection to 127.0.0.1; returns (status, parsed body)."""
    headers = {"Accept-Language": "en"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        c.request(method, path, body=data, headers=headers)
        r = c.getresponse()
        raw = r.read()
    except (OSError, http.client.HTTPException) as e:
        raise TransportError(f"{method} {path}: {type(e).__name__}: {e}") from e
    finally:
        c.close()
    try:
        doc = json.loads(raw) if raw else None
    except ValueError:
        doc = raw.decode("utf-8", "replace")
    return r.status, doc


# --- the server ----------------------------------------------------------------------

class Server:
    """`jincai serve` on a free port; output goes to files in log_dir."""

    def __init__(self, db_url, log_dir, n, demo=False):
        self.db_url = db_url
        self.out_path = os.path.join(log_dir, f"serve-{n}.out")
        self.err_path = os.path.join(log_dir, f"serve-{n}.err")
        args = [BINARY, "serve", "--db", db_url, "--port", "0", "--threads", "2"] + (["--demo"] if demo else [])
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            m = re.search(r"^listening on http://127\.0\.0\.1:(\d+)$", self.output(), re.M)
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        raise AssertionError(f"jincai serve --db {db_url} did not start (exit {self.proc.returncode}):\n"
                             f"{self.output()}\n{self.errors()}")

    def output(self):
        with open(self.out_path, errors="replace") as f:
            return f.read()

    def errors(self):
        with open(self.err_path, errors="replace") as f:
            return f.read()

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        return self.proc.wait(timeout=10)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=20)

    def ensure_dead(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def audit_verify_cli(db_url):
    """`jincai audit verify`: (exit code, record count or None, output)."""
    p = subprocess.run([BINARY, "audit", "verify", "--db", db_url], capture_output=True, text=True, timeout=60)
    m = re.search(r"audit chain ok: (\d+) record", p.stdout)
    return p.returncode, int(m.group(1)) if m else None, (p.stdout + p.stderr).strip()


# --- a throw-away PostgreSQL cluster ------------------------------------------------------

class PgCluster:
    """initdb into a temp dir, a server on 127.0.0.1 at a free port with its socket in
    that dir, trust auth; as root it all runs as the `postgres` user. stop() stops it
    with pg_ctl -m fast and removes the dir. Raises when anything is missing."""

    def __init__(self):
        self.dir = None
        self.started = False
        self.as_user = []

    def start(self):
        self.bin = self.find_bin_dir()
        if not self.bin:
            raise AssertionError("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb or initdb "
                                 "on PATH): run scripts/bootstrap, which installs the `postgresql` package")
        self.dir = tempfile.mkdtemp(prefix="jincai-kill9-pg-")
        self.data = os.path.join(self.dir, "data")
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise AssertionError("running as root but there is no `postgres` user to run the server as")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-N", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "-D", self.data,
                 log="initdb.log")
        for _ in range(3):  # a free port can be taken between probing and listening
            self.port = free_port()
            # Only the jincai server is killed here, never PostgreSQL: fsync is not needed.
            opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c full_page_writes=off")
            if self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "20",
                        "-o", opts, "start", log="pg_ctl.log", check=False):
                self.started = True
                break
        if not self.started:
            raise AssertionError("the PostgreSQL test server did not start:\n" + self.read_log("server.log"))
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "jincai_kill9",
                 log="createdb.log")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/jincai_kill9?connect_timeout=10"

    @staticmethod
    def find_bin_dir():
        dirs = []
        for d in glob.glob("/usr/lib/postgresql/*/bin"):
            if os.path.exists(os.path.join(d, "initdb")):
                try:
                    dirs.append((float(os.path.basename(os.path.dirname(d))), d))
                except ValueError:
                    dirs.append((0.0, d))
        if dirs:
            return max(dirs)[1]  # the newest version, in numeric order
        found = shutil.which("initdb")
        return os.path.dirname(found) if found else None

    def read_log(self, name):
        try:
            with open(os.path.join(self.dir, name), errors="replace") as f:
                return f.read()[-4000:]
        except OSError as e:
            return str(e)

    def run(self, tool, *args, log, check=True):
        with open(os.path.join(self.dir, log), "a") as out:
            p = subprocess.run(self.as_user + [os.path.join(self.bin, tool), *args], cwd=self.dir, stdout=out,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=120)
        if p.returncode != 0 and check:
            raise AssertionError(f"{tool} failed (exit {p.returncode}):\n" + self.read_log(log))
        return p.returncode == 0

    def stop(self):
        try:
            if self.started:
                self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "20", "stop", log="stop.log", check=False)
                self.started = False
        finally:
            if self.dir:
                shutil.rmtree(self.dir, ignore_errors=True)
                self.dir = None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- what the test knows ---------------------------------------------------------------------

class Talent:
    """A registration the server acknowledged, and what is known of its record."""

    def __init__(self, username, password, name, document_number, user_id, owner):
        self.username, self.password, self.document_number = username, password, document_number
        self.user_id, self.owner = user_id, owner
        self.talent_id = None
        self.token = None            # an acknowledged session, used for PATCHes
        self.name = name             # the last acknowledged name (or the one seen after a restart)
        self.unanswered = []         # names sent after it without an answer
        self.patched = False         # an acknowledged PATCH set the employer and dossier
        self.login_checked = False   # its password logged in after a restart


class Ledger:
    """Every acknowledged write, shared by the writer threads (under lock)."""

    def __init__(self, tag):
        self.tag = tag
        self.lock = threading.Lock()
        self.counter = 0
        self.talents = []                # acknowledged registrations
        self.sessions = []               # (token, username) acknowledged
        self.unexpected = []             # answers other than the expected 2xx
        self.in_flight = 0
        self.fixture = None              # the employer and dossier every PATCH sets

    def next_number(self):
        with self.lock:
            self.counter += 1
            return self.counter


class RoundStats:
    def __init__(self):
        self.acked = {"register": 0, "login": 0, "patch": 0}
        self.sent = {"register": 0, "login": 0, "patch": 0}
        self.unanswered = {"register": 0, "login": 0, "patch": 0}
        self.lock = threading.Lock()

    def add(self, table, op):
        with self.lock:
            table[op] += 1


AUDIT_RECORDS = {"register": 2, "login": 1, "patch": 1}  # account.create + talent.create; session.login; talent.update


class Writer(threading.Thread):
    """Writes until its server stops answering, the round's stop event, or its
    request budget. One writer owns each talent it registered, so the PATCHes of a
    talent are sequential and 'the last acknowledged name' is well defined."""

    def __init__(self, index, port, ledger, stats, fixture, stop_event, rng_seed, round_no):
        super().__init__(daemon=True)
        self.index, self.port, self.ledger, self.stats = index, port, ledger, stats
        self.fixture, self.stop_event, self.rng = fixture, stop_event, random.Random(rng_seed)
        self.round_no = round_no
        self.error = None

    def mine(self):
        with self.ledger.lock:
            return [t for t in self.ledger.talents if t.owner == self.index]

    def send(self, op, method, path, body=None, token=None):
        """(status, doc) of an answered request, None when unanswered (the thread then ends)."""
        self.stats.add(self.stats.sent, op)
        with self.ledger.lock:
            self.ledger.in_flight += 1
        try:
            return call(self.port, method, path, body, token)
        except TransportError:
            self.stats.add(self.stats.unanswered, op)
            return None
        finally:
            with self.ledger.lock:
                self.ledger.in_flight -= 1

    def unexpected(self, what, status, doc):
        with self.ledger.lock:
            self.ledger.unexpected.append(f"round {self.round_no} writer {self.index}: {what}: {status} {doc}")
        self.stats.add(self.stats.unanswered, what.split()[0])  # may have happened, for the audit bounds

    def register(self):
        n = self.ledger.next_number()
        username = f"k9.{self.ledger.tag}.{n}"
        password = f"kill9-pass-{n:06d}"
        name = f"Talent {n}"
        number = resident_id(n)
        r = self.send("register", "POST", "/api/v1/auth/register/talent",
                      {"username": username, "password": password, "name": name, "document_kind": "resident_id",
                       "document_number": number, "nationality": "CN"})
        if r is None:
            return False
        status, doc = r
        if status != 201 or not isinstance(doc, dict) or doc.get("username") != username:
            self.unexpected(f"register {username}", status, doc)
            return True
        self.stats.add(self.stats.acked, "register")
        with self.ledger.lock:
            self.ledger.talents.append(Talent(username, password, name, number, doc["user_id"], self.index))
        return True

    def login(self, t):
        r = self.send("login", "POST", "/api/v1/auth/login", {"username": t.username, "password": t.password})
        if r is None:
            return False
        status, doc = r
        if status != 200 or not isinstance(doc, dict) or not doc.get("token"):
            self.unexpected(f"login {t.username}", status, doc)
            return True
        self.stats.add(self.stats.acked, "login")
        with self.ledger.lock:
            self.ledger.sessions.append((doc["token"], t.username))
            t.token = doc["token"]
            t.talent_id = doc["user"]["talent_id"]
        return True

    def patch(self, t):
        n = self.ledger.next_number()
        name = f"Renamed {t.username} r{self.round_no} #{n}"
        with self.ledger.lock:
            t.unanswered.append(name)  # until its answer, it may or may not be stored
        # The whole change each time: a dossier is only valid with an employer, and an
        # earlier PATCH that set them may have been lost in flight.
        r = self.send("patch", "PATCH", f"/api/v1/talents/{t.talent_id}",
                      {"name": name, "employer_id": self.fixture["employer_id"], "dossier": self.fixture["dossier"]},
                      t.token)
        if r is None:
            return False
        status, doc = r
        if status != 200 or not isinstance(doc, dict) or doc.get("name") != name:
            self.unexpected(f"patch {t.username}", status, doc)
            return True
        self.stats.add(self.stats.acked, "patch")
        with self.ledger.lock:
            t.name, t.unanswered, t.patched = name, [], True
        return True

    def run(self):
        try:
            registrations = 0
            for _ in range(MAX_REQUESTS):
                if self.stop_event.is_set():
                    return
                mine = self.mine()
                no_token = [t for t in mine if t.token is None]
                ready = [t for t in mine if t.token is not None]
                roll = self.rng.random()
                if no_token:
                    ok = self.login(no_token[0])
                elif registrations < MAX_REGISTRATIONS and (not ready or roll < 0.15):
                    registrations += 1
                    ok = self.register()
                elif ready and roll < 0.25:
                    ok = self.login(self.rng.choice(ready))  # another session
                elif ready:
                    ok = self.patch(self.rng.choice(ready))
                else:
                    return  # nothing it may do in this round
                if not ok:
                    return  # no answer: the server is gone
                self.stop_event.wait(self.rng.uniform(0.005, 0.025))
        except Exception as e:  # reported by the test, not lost in the thread
            self.error = e


# --- the test ---------------------------------------------------------------------------------------------

class Kill9Test(unittest.TestCase):

    def run_rounds(self, tag, db_url):
        started = time.monotonic()
        rng = random.Random(f"{SEED}-{tag}")
        logs = tempfile.mkdtemp(prefix=f"jincai-kill9-{tag}-")
        self.addCleanup(shutil.rmtree, logs, True)
        ledger = Ledger(tag)

        def start(n):
            srv = Server(db_url, logs, n, demo=True)  # --demo: admin and employer accounts, a sample dossier
            self.addCleanup(srv.ensure_dead)
            return srv

        srv = start(0)
        fixture = ledger.fixture = self.fixture(srv.port)
        total_in_flight_kills = 0
        for round_no in range(1, ROUNDS + 1):
            self.verify_all(srv, ledger, f"{tag} before round {round_no}")
            rc, records_before, out = audit_verify_cli(db_url)
            self.assertEqual(rc, 0, f"{tag} round {round_no}: audit verify before the load: {out}")

            stats = RoundStats()
            stop_event = threading.Event()
            writers = [Writer(i, srv.port, ledger, stats, fixture, stop_event, rng.random(), round_no)
                       for i in range(WRITERS)]
            kill_after = rng.uniform(*KILL_AFTER)
            for w in writers:
                w.start()
            time.sleep(kill_after)
            with ledger.lock:
                in_flight = ledger.in_flight
            rc_kill = srv.kill9()
            stop_event.set()
            for w in writers:
                w.join(timeout=2 * REQUEST_TIMEOUT + 5)
                self.assertFalse(w.is_alive(), f"{tag} round {round_no}: writer {w.index} hangs")
                if w.error:
                    raise w.error
            self.assertEqual(rc_kill, -signal.SIGKILL, f"{tag} round {round_no}: the server was not killed "
                             f"by SIGKILL but exited {rc_kill}: {srv.errors()}")
            total_in_flight_kills += in_flight > 0
            self.assertEqual(ledger.unexpected, [], f"{tag}: answers other than success during the load")

            rc, records_after, out = audit_verify_cli(db_url)
            self.assertEqual(rc, 0, f"{tag} round {round_no}: audit chain after SIGKILL: {out}")
            least = sum(AUDIT_RECORDS[op] * k for op, k in stats.acked.items())
            most = least + sum(AUDIT_RECORDS[op] * k for op, k in stats.unanswered.items())
            grew = records_after - records_before
            self.assertTrue(least <= grew <= most,
                            f"{tag} round {round_no}: the audit log grew by {grew} records; the acknowledged "
                            f"writes {stats.acked} made {least}, the unanswered {stats.unanswered} at most "
                            f"{most - least} more")
            log(f"{tag} round {round_no:2}: killed after {kill_after:.2f} s with {in_flight} request(s) in flight; "
                f"acknowledged {stats.acked}, unanswered {stats.unanswered}; audit {records_before} -> "
                f"{records_after} records")

            srv = start(round_no)
        self.verify_all(srv, ledger, f"{tag} after round {ROUNDS}")
        rc = srv.stop()
        self.assertEqual(rc, 0, f"{tag}: jincai serve exited {rc} on SIGTERM: {srv.errors()}")
        rc, records, out = audit_verify_cli(db_url)
        self.assertEqual(rc, 0, f"{tag}: audit verify at the end: {out}")
        # Random kill times land between requests now and then; most must hit writes.
        self.assertGreaterEqual(total_in_flight_kills, ROUNDS // 2,
                                f"{tag}: only {total_in_flight_kills} of {ROUNDS} kills hit a request in flight")
        with ledger.lock:
            patched = sum(t.patched for t in ledger.talents)
            log(f"{tag}: {ROUNDS} rounds in {time.monotonic() - started:.1f} s; {len(ledger.talents)} "
                f"registrations ({patched} renamed), {len(ledger.sessions)} sessions acknowledged and found; "
                f"{total_in_flight_kills} kills with requests in flight; audit chain of {records} records ok")

    def fixture(self, port):
        """A demo employer and a demo talent's dossier: what a valid PATCH needs."""
        token = self.login(port, "demo.admin", DEMO_PASSWORD)
        status, doc = call(port, "GET", "/api/v1/employers?limit=1", token=token)
        self.assertEqual(status, 200, doc)
        employer_id = doc["items"][0]["id"]
        status, doc = call(port, "GET", "/api/v1/talents?limit=50", token=token)
        self.assertEqual(status, 200, doc)
        dossiers = [t["dossier"] for t in doc["items"] if t.get("dossier")]
        self.assertTrue(dossiers, "no demo talent has a dossier")
        return {"employer_id": employer_id, "dossier": dossiers[0]}

    def login(self, port, username, password):
        status, doc = call(port, "POST", "/api/v1/auth/login", {"username": username, "password": password})
        self.assertEqual(status, 200, f"login {username}: {doc}")
        return doc["token"]

    def list_all(self, port, token, path):
        items, after = [], 0
        for _ in range(100):
            status, doc = call(port, "GET", f"{path}?limit=500&after={after}", token=token)
            self.assertEqual(status, 200, f"GET {path}: {doc}")
            if not doc["items"]:
                return items
            items += doc["items"]
            after = doc["items"][-1]["id"]
        self.fail(f"GET {path}: more pages than expected")

    def verify_all(self, srv, ledger, when):
        """Every acknowledged write so far is there (the server has just started)."""
        port = srv.port
        status, doc = call(port, "GET", "/healthz")
        self.assertEqual(status, 200, f"{when}: /healthz: {doc}")
        self.assertEqual((doc["status"], doc["database"]), ("ok", "ok"), f"{when}: /healthz: {doc}")
        admin = self.login(port, "demo.admin", DEMO_PASSWORD)
        users = {u["username"]: u for u in self.list_all(port, admin, "/api/v1/users")}
        talents = {t["document_number"]: t for t in self.list_all(port, admin, "/api/v1/talents")}
        lost = []
        with ledger.lock:
            known = list(ledger.talents)
            sessions = list(ledger.sessions)
        for t in known:
            u = users.get(t.username)
            if u is None or u["id"] != t.user_id:
                lost.append(f"registration of {t.username} (user {t.user_id}): user {'missing' if u is None else u}")
                continue
            row = talents.get(t.document_number)
            if row is None:
                lost.append(f"registration of {t.username}: no talent with document {t.document_number}")
                continue
            if t.talent_id is not None and row["id"] != t.talent_id:
                lost.append(f"{t.username}: talent id {row['id']}, the login said {t.talent_id}")
            allowed = [t.name] + t.unanswered
            if row["name"] not in allowed:
                lost.append(f"{t.username} (talent {row['id']}): name {row['name']!r}; the last acknowledged was "
                            f"{t.name!r}, unanswered since: {t.unanswered}")
            elif t.patched and (row["employer_id"] != ledger.fixture["employer_id"] or not row["dossier"]):
                lost.append(f"{t.username}: an acknowledged PATCH set employer and dossier, now "
                            f"employer {row['employer_id']}, dossier {row['dossier']!r}")
            else:
                with ledger.lock:  # what is stored now is the baseline: nothing is in flight
                    t.name, t.unanswered = row["name"], []
        for token, username in sessions:
            status, doc = call(port, "GET", "/api/v1/auth/session", token=token)
            if status != 200 or doc["user"]["username"] != username:
                lost.append(f"session of {username} (token {token[:8]}...): {status} {doc}")
        for t in known:
            if not t.login_checked:  # the password hash too, once per registration
                status, doc = call(port, "POST", "/api/v1/auth/login", {"username": t.username, "password": t.password})
                if status != 200:
                    lost.append(f"login of {t.username} after the restart: {status} {doc}")
                    continue
                with ledger.lock:
                    t.login_checked = True
                    ledger.sessions.append((doc["token"], t.username))
                    if t.token is None:  # the writers may use it from now on
                        t.token, t.talent_id = doc["token"], doc["user"]["talent_id"]
        status, doc = call(port, "GET", "/api/v1/audit/verify", token=admin)
        self.assertEqual(status, 200, f"{when}: GET /api/v1/audit/verify: {doc}")
        if not doc["ok"]:
            lost.append(f"audit chain broken: {doc}")
        self.assertEqual(lost, [], f"{when}: acknowledged writes lost or altered (seed {SEED})")

    def test_sqlite(self):
        d = tempfile.mkdtemp(prefix="jincai-kill9-sqlite-")
        self.addCleanup(shutil.rmtree, d, True)
        self.run_rounds("sqlite", f"sqlite:{d}/jincai.db")

    def test_postgresql(self):
        cluster = PgCluster()
        self.addCleanup(cluster.stop)  # also when the start fails half-way
        cluster.start()
        self.run_rounds("postgresql", cluster.url)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    log(f"kill9_test: seed {SEED} (KILL9_SEED={SEED} repeats the kill times and choices)")
    unittest.main(verbosity=2)
