#!/usr/bin/env python3
"""Talent flows and cadres' business leaves against a live `jincai serve --demo`: the
office's summary agrees with the flows it summarises (the matrix of sectors adds up to
the flows, and into, out of, within and outside the system to the matrix); the office
and an employer (for flows from or to itself) record flows whose sectors follow from the
employers' kind and ownership, a talent may not; every bad body is refused with its
field and changes nothing; each caller sees the flows in its scope; a hire in the
recruitment market records its own flow; an organ or public institution grants its
cadre a leave to start a business (an enterprise may not, nor for someone else's
talent), within three years, once at a time; a leave ends by returning or by staying
with the business, which is a flow out of the system; lists filter by state and
overdue; every change is in the audit log and no refusal is.
Usage: flows_test.py JINCAI_BINARY"""
import collections
import datetime
import itertools
import os
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import ReplyChecks, Server  # noqa: E402

BINARY = None
ALL = "limit=500"

# The sectors, in the order the summary lists them, and those inside the system; written
# here as an independent statement of SPEC §5.5, not read from the server.
SECTORS = ["party_government", "public_institution", "state_enterprise", "non_public_enterprise",
           "social_organization", "none"]
INSIDE = {"party_government", "public_institution", "state_enterprise"}
# Kinds of employer whose cadres may take leave to start a business: organs and public
# institutions (universities, institutes and hospitals are public institutions).
GRANTING_KINDS = {"government", "public_institution", "university", "research_institute", "hospital"}

_serial = itertools.count(1)


def sector_of(employer):
    """The sector of an employer record (None: no employer)."""
    if employer is None:
        return "none"
    kind = employer["kind"]
    if kind == "government":
        return "party_government"
    if kind in ("public_institution", "university", "research_institute", "hospital"):
        return "public_institution"
    if kind == "social_organization":
        return "social_organization"
    if kind == "enterprise":
        return "state_enterprise" if employer["ownership"] == "state" else "non_public_enterprise"
    return "none"


def direction(from_sector, to_sector):
    """Which of the summary's four totals a flow between these sectors counts in."""
    a, b = from_sector in INSIDE, to_sector in INSIDE
    return {(False, True): "into_system", (True, False): "out_of_system", (True, True): "within_system",
            (False, False): "outside_system"}[(a, b)]


def credit_code(first17):
    """first17 plus its GB 32100-2015 check character (weights 3^i mod 31 over the
    alphabet of 31 characters without I, O, S, V, Z; the check makes the sum 0 mod 31)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    total = sum(alphabet.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + alphabet[(31 - total % 31) % 31]


def shanghai_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def plus_years(day, years):
    """The same month and day `years` later; 29 February becomes 28 February (as the
    card's expiry does, and as the Civil Code art. 202 counts a period in years)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def iso(day):
    return day.isoformat()


class FlowsTest(ReplyChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.stop_server)
        cls.c = cls.srv.client("en")
        cls.zh = cls.srv.client()
        cls.logins = {}
        cls.officer = cls.token("demo.officer")
        admin = cls.token("demo.admin")
        users = cls.c.get("/api/v1/users?limit=500", token=admin).json()["items"]
        cls.employer_account = {u["employer_id"]: u["username"] for u in users if u["role"] == "employer_admin"}
        cls.talent_account = {u["talent_id"]: u["username"] for u in users if u["role"] == "talent"}
        cls.employers = {e["id"]: e for e in cls.c.get(f"/api/v1/employers?{ALL}", token=cls.officer).json()["items"]}
        cls.talents = {t["id"]: t for t in cls.c.get(f"/api/v1/talents?{ALL}", token=cls.officer).json()["items"]}
        cls.emp_id = cls.login("demo.employer")["user"]["employer_id"]
        cls.employer = cls.token("demo.employer")
        cls.staff = cls.token("demo.staff")
        cls.talent = cls.token("demo.talent")
        cls.analyst = cls.token("demo.analyst")
        assert cls.login("demo.staff")["user"]["employer_id"] == cls.emp_id
        assert len(cls.employers) >= 4 and len(cls.talents) >= 10, "the demo province is too small"
        cls.taken = set()  # talents these tests took for business leaves or moves

    @classmethod
    def stop_server(cls):
        assert cls.srv.stop() == 0, "jincai serve did not exit 0 on SIGTERM"

    @classmethod
    def login(cls, username):
        if username not in cls.logins:
            cls.logins[username] = cls.c.login(username)
        return cls.logins[username]

    @classmethod
    def token(cls, username):
        return cls.login(username)["token"]

    # Helpers (ok and problem: ReplyChecks).

    def route_denied(self, reply, role, method, pattern):
        doc = self.problem(reply, 403)
        self.assertEqual(doc["detail"], f"role {role} may not call {method} {pattern}")

    def employer_token(self, employer_id):
        return self.token(self.employer_account[employer_id])

    def talent_login(self, talent_id):
        return self.login(self.talent_account[talent_id])

    def flows(self, query="", token=None):
        """Every flow the caller sees for the query, newest first (paging with ?before=)."""
        out, before = [], ""
        while True:
            sep = "&" if query else ""
            items = self.ok(self.c.get(f"/api/v1/flows?{ALL}{before}{sep}{query}", token=token or self.officer))["items"]
            out += items
            if len(items) < 500:
                return out
            before = f"&before={items[-1]['id']}"

    def leaves(self, query="", token=None):
        """Every business leave the caller sees for the query, in id order."""
        out, after = [], 0
        while True:
            sep = "&" if query else ""
            items = self.ok(self.c.get(f"/api/v1/business-leaves?{ALL}&after={after}{sep}{query}",
                                       token=token or self.officer))["items"]
            out += items
            if len(items) < 500:
                return out
            after = items[-1]["id"]

    def summary(self):
        return self.ok(self.c.get("/api/v1/flows/summary", token=self.officer))

    def record(self, body, token=None, status=201):
        return self.ok(self.c.post("/api/v1/flows", body, token=token or self.officer), status)

    def grant(self, body, token, status=201):
        return self.ok(self.c.post("/api/v1/business-leaves", body, token=token), status)

    def end(self, leave_id, action, body, token):
        return self.c.post(f"/api/v1/business-leaves/{leave_id}/actions/{action}", body, token=token)

    def audit_mark(self):
        v = self.ok(self.c.get("/api/v1/audit/verify", token=self.officer))
        self.assertTrue(v["ok"], v)
        return v["records"]

    def audit_since(self, mark, prefixes=("talent_flow.", "business_leave.")):
        """(action, object_type, object_id, actor) of the audit records after `mark` whose
        action starts with one of `prefixes`, oldest first."""
        out, after = [], mark
        while True:
            items = self.ok(self.c.get(f"/api/v1/audit?after={after}&limit=500", token=self.officer))["items"]
            out += [(a["action"], a["object_type"], a["object_id"], a["actor"]) for a in items
                    if a["action"].startswith(prefixes)]
            if len(items) < 500:
                return out
            after = items[-1]["id"]

    def actor(self, username):
        return f"user:{self.login(username)['user']['user_id']}"

    def free_talent(self, employer_id=None, exclude_employer=None):
        """A talent with an account whom no other test took (of `employer_id` when given,
        not of `exclude_employer`), not on a business leave."""
        on_leave = {b["talent_id"] for b in self.leaves("state=on_leave")}
        for tid, t in sorted(self.talents.items()):
            if tid in self.taken or tid in on_leave or tid not in self.talent_account:
                continue
            if employer_id is not None and t["employer_id"] != employer_id:
                continue
            if exclude_employer is not None and t["employer_id"] == exclude_employer:
                continue
            type(self).taken.add(tid)
            return t
        self.fail(f"the demo province has no free talent of employer {employer_id}")

    def free_cadre(self, kinds=GRANTING_KINDS):
        """An employer of one of `kinds` with an admin account, and a cadre of it free to
        take leave."""
        on_leave = {b["talent_id"] for b in self.leaves("state=on_leave")}
        for eid, e in sorted(self.employers.items()):
            if e["kind"] not in kinds or eid not in self.employer_account:
                continue
            for tid, t in sorted(self.talents.items()):
                if t["employer_id"] == eid and tid not in self.taken and tid not in on_leave and tid in self.talent_account:
                    type(self).taken.add(tid)
                    return e, t
        self.fail(f"the demo province has no free cadre of an employer of kind {sorted(kinds)}")

    def leave_body(self, talent_id, left_on, return_by, **overrides):
        n = next(_serial)
        body = {"talent_id": talent_id, "business_name": f"晋创测试科技有限公司{n}",
                "business_credit_code": credit_code(f"91140100MA9{n:06d}"), "left_on": iso(left_on),
                "return_by": iso(return_by)}
        body.update(overrides)
        return body

    @staticmethod
    def a_left_on(today):
        """A start of leave 100 days ago, not 29 February (see test_k)."""
        day = today - datetime.timedelta(days=100)
        return day - datetime.timedelta(days=1) if (day.month, day.day) == (2, 29) else day

    def check_flow(self, f, talent_id, from_id, to_id):
        """A flow as recorded: ids, names and the sectors of its employers."""
        self.assertEqual((f["talent_id"], f["from_employer_id"], f["to_employer_id"]), (talent_id, from_id, to_id), f)
        self.assertEqual(f["talent_name"], self.talents[talent_id]["name"])
        for side, eid in (("from", from_id), ("to", to_id)):
            e = self.employers.get(eid) if eid is not None else None
            self.assertEqual(f[f"{side}_sector"], sector_of(e), (side, e, f))
            self.assertEqual(f[f"{side}_employer_name"], e["name"] if e else "", f)
        self.assertIsInstance(f["id"], int)
        self.assertTrue(f["created_at"], f)

    def check_summary_agrees(self, s, flows, leaves):
        self.assertEqual([x["code"] for x in s["sectors"]], SECTORS)
        for x in s["sectors"]:
            self.assertEqual(x["inside_system"], x["code"] in INSIDE, x)
            self.assertTrue(x["zh"].strip() and x["en"].strip(), x)
        cells = {}
        for m in s["matrix"]:
            self.assertIn(m["from"], SECTORS, m)
            self.assertIn(m["to"], SECTORS, m)
            self.assertGreater(m["count"], 0, m)
            self.assertNotIn((m["from"], m["to"]), cells, "each pair of sectors once")
            cells[(m["from"], m["to"])] = m["count"]
        self.assertEqual(sum(cells.values()), len(flows), "the matrix counts every flow once")
        self.assertEqual(cells, dict(collections.Counter((f["from_sector"], f["to_sector"]) for f in flows)))
        totals = collections.Counter()
        for (a, b), n in cells.items():
            totals[direction(a, b)] += n
        for key in ("into_system", "out_of_system", "within_system", "outside_system"):
            self.assertEqual(s[key], totals[key], key)
        self.assertEqual(s["into_system"] + s["out_of_system"] + s["within_system"] + s["outside_system"], len(flows))
        states = collections.Counter(b["state"] for b in leaves)
        self.assertEqual(s["business_leaves"], {"on_leave": states["on_leave"], "returned": states["returned"],
                                                "stayed": states["stayed"],
                                                "overdue": sum(1 for b in leaves if b["overdue"])})

    # The summary.

    def test_a_demo_summary_agrees_with_the_flows(self):
        today = iso(shanghai_today())
        flows, leaves = self.flows(), self.leaves()
        s = self.summary()
        self.check_summary_agrees(s, flows, leaves)
        # The demo: moves recorded by the office and a hire in the market; flows into,
        # out of and outside the system; a leave on time, one overdue, one returned.
        self.assertGreaterEqual(len(flows), 4, flows)
        self.assertIn("market", {f["source"] for f in flows})
        self.assertIn("record", {f["source"] for f in flows})
        for key in ("into_system", "out_of_system", "outside_system"):
            self.assertGreater(s[key], 0, key)
        self.assertGreaterEqual(s["business_leaves"]["overdue"], 1, "the demo has an overdue leave")
        self.assertGreaterEqual(s["business_leaves"]["returned"], 1)
        self.assertGreaterEqual(s["business_leaves"]["on_leave"], s["business_leaves"]["overdue"] + 1)
        # Newest first; each flow's sectors are its employers' (the demo changed no employer).
        self.assertEqual([f["id"] for f in flows], sorted((f["id"] for f in flows), reverse=True))
        for f in flows:
            self.check_flow(f, f["talent_id"], f["from_employer_id"], f["to_employer_id"])
            self.assertTrue(f["moved_on"] <= today, f)
            self.assertEqual(f["position_application_id"] is not None, f["source"] == "market", f)
        for b in leaves:
            self.assertEqual(b["overdue"], b["state"] == "on_leave" and b["return_by"] < today, b)
        # Only the office sees the summary (officers and admins).
        self.assertEqual(self.ok(self.c.get("/api/v1/flows/summary", token=self.token("demo.admin"))), s)
        for token, role in [(self.employer, "employer_admin"), (self.staff, "employer_staff"),
                            (self.talent, "talent"), (self.analyst, "policy_analyst")]:
            self.route_denied(self.c.get("/api/v1/flows/summary", token=token), role, "GET", "/api/v1/flows/summary")
        self.problem(self.c.get("/api/v1/flows/summary"), 401)

    # Recording flows.

    def test_b_the_office_records_flows_with_the_sectors_of_the_employers(self):
        t = self.free_talent()
        tid = t["id"]
        before, flows_before = self.summary(), self.flows()
        mark = self.audit_mark()
        ids = sorted(self.employers)
        moves = [(a, b) for a, b in zip(ids, ids[1:] + ids[:1])] + [(None, ids[0]), (ids[-1], None)]
        made = []
        for i, (a, b) in enumerate(moves):
            body = {"talent_id": tid, "from_employer_id": a, "to_employer_id": b,
                    "moved_on": iso(shanghai_today() - datetime.timedelta(days=len(moves) - i))}
            if i == 1:
                body.update(engagement="project", note="项目合作，第一行\n第二行")
            f = self.record(body)
            with self.subTest(move=(a, b)):
                self.check_flow(f, tid, a, b)
                self.assertEqual((f["moved_on"], f["source"], f["position_application_id"]),
                                 (body["moved_on"], "record", None))
                self.assertEqual((f["engagement"], f["note"]),
                                 (body.get("engagement", "full_time"), body.get("note", "")))
            made.append(f)
        # Left out, the employers are none: from outside the province (or no employer).
        f = self.record({"talent_id": tid, "to_employer_id": ids[1], "moved_on": iso(shanghai_today())})
        self.check_flow(f, tid, None, ids[1])
        made.append(f)
        # Every sector occurs on each side among the demo's employers.
        self.assertEqual({m["from_sector"] for m in made}, set(SECTORS))
        self.assertEqual({m["to_sector"] for m in made}, set(SECTORS))
        # The talent's flows, newest first; the summary counts them.
        self.assertEqual(self.flows(f"talent_id={tid}")[:len(made)], made[::-1])
        after = self.summary()
        self.check_summary_agrees(after, self.flows(), self.leaves())
        added = collections.Counter(direction(m["from_sector"], m["to_sector"]) for m in made)
        for key in ("into_system", "out_of_system", "within_system", "outside_system"):
            self.assertEqual(after[key] - before[key], added[key], key)
        self.assertEqual(len(self.flows()), len(flows_before) + len(made))
        # ?before= pages back from an id; ?limit= cuts.
        page = self.ok(self.c.get(f"/api/v1/flows?talent_id={tid}&before={made[-1]['id']}&limit=2",
                                  token=self.officer))["items"]
        self.assertEqual(page, made[-2:-4:-1])
        self.assertEqual(self.audit_since(mark),
                         [("talent_flow.record", "talent_flow", str(m["id"]), self.actor("demo.officer")) for m in made])

    def test_c_an_employer_records_flows_from_or_to_itself(self):
        """An employer records flows from or to itself of its own staff (or of talents who
        applied through it); any other talent answers as missing, naming no one."""
        me = self.emp_id
        other = [e for e in sorted(self.employers) if e != me]
        stranger = self.free_talent(exclude_employer=me)["id"]
        today = iso(shanghai_today())
        self.problem(self.c.post("/api/v1/flows", {"talent_id": stranger, "from_employer_id": other[0],
                                                   "to_employer_id": me, "moved_on": today}, token=self.employer), 404)
        self.problem(self.c.post("/api/v1/flows", {"talent_id": 999999, "to_employer_id": me, "moved_on": today},
                                 token=self.staff), 404)
        t = self.free_talent(employer_id=me)
        tid = t["id"]
        mark = self.audit_mark()
        made = [
            (self.record({"talent_id": tid, "from_employer_id": other[0], "to_employer_id": me, "moved_on": today},
                         token=self.employer), "demo.employer"),
            (self.record({"talent_id": tid, "from_employer_id": me, "to_employer_id": other[1], "moved_on": today,
                          "engagement": "part_time"}, token=self.staff), "demo.staff"),
            (self.record({"talent_id": tid, "from_employer_id": None, "to_employer_id": me, "moved_on": today},
                         token=self.employer), "demo.employer"),
        ]
        self.check_flow(made[0][0], tid, other[0], me)
        self.check_flow(made[1][0], tid, me, other[1])
        self.check_flow(made[2][0], tid, None, me)
        refusals = self.audit_mark()
        seen = self.flows()
        # Not a flow of its own: forbidden, whatever the talent.
        for body in [{"talent_id": tid, "from_employer_id": other[0], "to_employer_id": other[1], "moved_on": today},
                     {"talent_id": tid, "from_employer_id": None, "to_employer_id": other[0], "moved_on": today},
                     {"talent_id": tid, "moved_on": today}]:
            for token in (self.employer, self.staff):
                with self.subTest(body=body):
                    self.problem(self.c.post("/api/v1/flows", body, token=token), 403)
        # A bad field of its own flow is 422, as for the office.
        self.problem(self.c.post("/api/v1/flows", {"talent_id": tid, "to_employer_id": me, "moved_on": "2026-02-30"},
                                 token=self.employer), 422, "moved_on")
        # A talent, an analyst: the route table refuses them.
        body = {"talent_id": self.login("demo.talent")["user"]["talent_id"], "to_employer_id": me, "moved_on": today}
        self.route_denied(self.c.post("/api/v1/flows", body, token=self.talent), "talent", "POST", "/api/v1/flows")
        self.route_denied(self.c.post("/api/v1/flows", body, token=self.analyst), "policy_analyst", "POST",
                          "/api/v1/flows")
        self.problem(self.c.post("/api/v1/flows", body), 401)
        self.assertEqual(self.flows(), seen)
        self.assertEqual(self.audit_since(refusals), [], "refusals write no audit record")
        self.assertEqual(self.audit_since(mark),
                         [("talent_flow.record", "talent_flow", str(f["id"]), self.actor(u)) for f, u in made])

    def test_d_bad_flows_name_the_field_and_change_nothing(self):
        ids = sorted(self.employers)
        tid = sorted(self.talents)[0]
        today = shanghai_today()
        good = {"talent_id": tid, "from_employer_id": ids[0], "to_employer_id": ids[1], "engagement": "full_time",
                "moved_on": iso(today - datetime.timedelta(days=10)), "note": "调动"}
        missing_employer = max(ids) + 1000

        def without(key):
            return {k: v for k, v in good.items() if k != key}

        cases = [({**good, "moved_on": iso(today + datetime.timedelta(days=1))}, "moved_on"),
                 ({**good, "moved_on": iso(today + datetime.timedelta(days=400))}, "moved_on"),
                 ({**good, "moved_on": "not a date"}, "moved_on"), ({**good, "moved_on": "2026-02-30"}, "moved_on"),
                 ({**good, "moved_on": "2025-13-01"}, "moved_on"), ({**good, "moved_on": "2025-1-5"}, "moved_on"),
                 ({**good, "moved_on": "20250105"}, "moved_on"), ({**good, "moved_on": ""}, "moved_on"),
                 ({**good, "moved_on": "1949-12-31"}, "moved_on"), (without("moved_on"), "moved_on"),
                 ({**good, "to_employer_id": ids[0]}, "to_employer_id"),
                 ({**good, "from_employer_id": None, "to_employer_id": None}, "to_employer_id"),
                 (without("from_employer_id") | {"to_employer_id": None}, "to_employer_id"),
                 ({**good, "from_employer_id": missing_employer}, "from_employer_id"),
                 ({**good, "to_employer_id": missing_employer}, "to_employer_id"),
                 ({**good, "from_employer_id": 0}, "from_employer_id"),
                 ({**good, "engagement": "full-time"}, "engagement"), ({**good, "engagement": "FULL_TIME"}, "engagement"),
                 ({**good, "engagement": ""}, "engagement"),
                 ({**good, "note": "a\x01b"}, "note"), ({**good, "note": "del\x7f"}, "note"),
                 ({**good, "note": "\ufffe"}, "note"), ({**good, "note": "x" * 2001}, "note"),
                 ({**good, "extra": 1}, "extra"), ({**good, "from_sector": "party_government"}, "from_sector"),
                 ({**good, "source": "market"}, "source"), ({**good, "hukou": "太原"}, "hukou"),
                 ({**good, "talent_id": str(tid)}, "talent_id"), ({**good, "talent_id": 1.5}, "talent_id"),
                 ({**good, "talent_id": None}, "talent_id"), (without("talent_id"), "talent_id"),
                 ({**good, "from_employer_id": str(ids[0])}, "from_employer_id"),
                 ({**good, "to_employer_id": [ids[1]]}, "to_employer_id"),
                 ({**good, "moved_on": 20250105}, "moved_on"), ({**good, "engagement": 1}, "engagement"),
                 ({**good, "engagement": None}, "engagement"), ({**good, "note": ["x"]}, "note")]
        before = (self.flows(), self.summary())
        mark = self.audit_mark()
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.problem(self.c.post("/api/v1/flows", body, token=self.officer), 422, field)
        # An unknown talent is not found; a body that is not an object or not JSON is refused.
        self.problem(self.c.post("/api/v1/flows", {**good, "talent_id": max(self.talents) + 1000}, token=self.officer),
                     404)
        self.problem(self.c.post("/api/v1/flows", [good], token=self.officer), 422)
        self.problem(self.c.post("/api/v1/flows", None, token=self.officer, raw_body=b"{bad",
                                 content_type="application/json"), 400)
        # The detail is in the caller's language.
        doc = self.problem(self.zh.post("/api/v1/flows", {**good, "moved_on": "2026-02-30"}, token=self.officer), 422,
                           "moved_on")
        self.assertIn("日期", doc["detail"])
        # Bad queries of the list.
        for query, field in [("talent_id=abc", "talent_id"), ("employer_id=0", "employer_id"), ("limit=0", "limit"),
                             ("limit=501", "limit"), ("before=x", "before")]:
            with self.subTest(query=query):
                self.problem(self.c.get(f"/api/v1/flows?{query}", token=self.officer), 422, field)
        self.assertEqual((self.flows(), self.summary()), before)
        self.assertEqual(self.audit_since(mark), [], "a refusal writes no audit record")
        # The good body itself is accepted.
        self.check_flow(self.record(good), tid, ids[0], ids[1])

    # Who sees which flows.

    def test_e_each_caller_sees_the_flows_in_scope(self):
        me = self.emp_id
        others = [e for e in sorted(self.employers) if e != me]
        mover, bystander = self.free_talent(exclude_employer=me), self.free_talent(exclude_employer=me)
        today = iso(shanghai_today())
        mine = [self.record({"talent_id": mover["id"], "from_employer_id": others[0], "to_employer_id": me,
                             "moved_on": today}),
                self.record({"talent_id": mover["id"], "from_employer_id": others[1], "to_employer_id": others[2],
                             "moved_on": today})]
        theirs = self.record({"talent_id": bystander["id"], "from_employer_id": others[0], "to_employer_id": others[1],
                              "moved_on": today})
        everything = self.flows()
        # A talent sees their own flows only, whatever they ask for.
        login = self.talent_login(mover["id"])
        own = self.flows(token=login["token"])
        self.assertEqual(own, [f for f in everything if f["talent_id"] == mover["id"]])
        self.assertEqual([f["id"] for f in own[:2]], [mine[1]["id"], mine[0]["id"]])
        self.assertEqual(self.flows(f"talent_id={bystander['id']}", token=login["token"]), own)
        self.assertNotIn(theirs["id"], [f["id"] for f in own])
        demo_talent = self.login("demo.talent")["user"]["talent_id"]
        self.assertTrue(all(f["talent_id"] == demo_talent for f in self.flows(token=self.talent)))
        # An employer (admin or staff) sees the flows from or to it, and nothing of another's.
        expected = [f for f in everything if me in (f["from_employer_id"], f["to_employer_id"])]
        self.assertIn(mine[0]["id"], [f["id"] for f in expected])
        for token in (self.employer, self.staff):
            self.assertEqual(self.flows(token=token), expected)
            self.assertEqual(self.flows(f"employer_id={me}", token=token), expected)
            self.assertEqual(self.flows(f"employer_id={others[1]}", token=token), [],
                             "another employer's flows: an empty list")
            self.assertEqual(self.flows(f"talent_id={mover['id']}", token=token),
                             [f for f in expected if f["talent_id"] == mover["id"]])
        # The office sees all, by talent or by employer.
        self.assertEqual(self.flows(f"employer_id={me}"), expected)
        self.assertEqual(self.flows(f"employer_id={others[2]}")[0], mine[1])
        self.assertEqual(self.flows(f"talent_id={bystander['id']}")[0], theirs)
        self.assertEqual(self.flows(token=self.token("demo.admin")), everything)
        self.route_denied(self.c.get("/api/v1/flows", token=self.analyst), "policy_analyst", "GET", "/api/v1/flows")
        self.problem(self.c.get("/api/v1/flows"), 401)

    # The market's hire.

    def test_f_a_hire_in_the_market_records_a_flow(self):
        hiring = [e for e in sorted(self.employers) if sector_of(self.employers[e]) == "public_institution"
                  and e in self.employer_account][0]
        employer = self.employer_token(hiring)
        mover = self.free_talent(exclude_employer=hiring)
        insider = self.free_talent(employer_id=hiring)
        position = {"title": "流动测试岗位", "engagement": "consultant", "field": "new_materials", "skills": [],
                    "city": "taiyuan", "pay_min_cny": 10000, "pay_max_cny": 20000, "lang": "zh-CN",
                    "description": "岗位说明。"}
        p = self.ok(self.c.post("/api/v1/positions", position, token=employer), 201)
        before = self.flows()
        mark = self.audit_mark()
        hired = {}
        for t in (mover, insider):
            login = self.talent_login(t["id"])
            app = self.ok(self.c.post(f"/api/v1/positions/{p['id']}/applications", None, token=login["token"]), 201)
            offered = self.flows()
            self.assertEqual(self.ok(self.c.post(f"/api/v1/position-applications/{app['id']}/actions/offer", None,
                                                 token=employer))["stage"], "offered")
            self.assertEqual(self.flows(), offered, "an offer moves no one")
            self.assertEqual(self.ok(self.c.post(f"/api/v1/position-applications/{app['id']}/actions/accept", None,
                                                 token=login["token"]))["stage"], "hired")
            hired[t["id"]] = (app["id"], login)
        after = self.flows()
        self.assertEqual(len(after), len(before) + 1, "one flow: the insider was hired where they work")
        f = after[0]
        self.check_flow(f, mover["id"], mover["employer_id"], hiring)
        app_id, login = hired[mover["id"]]
        self.assertEqual((f["source"], f["position_application_id"], f["engagement"], f["moved_on"]),
                         ("market", app_id, "consultant", iso(shanghai_today())))
        # The talent, the employer it left and the one it joined see it.
        self.assertEqual(self.flows(token=login["token"])[0], f)
        self.assertEqual(self.flows(token=employer)[0], f)
        self.assertEqual(self.flows(token=self.employer_token(mover["employer_id"]))[0], f)
        # Audited in the hire's transaction, by the talent who accepted.
        talent_actor = f"user:{login['user']['user_id']}"
        steps = self.audit_since(mark, ("position_application.", "talent_flow."))
        ours = {("position_application", str(app_id)), ("talent_flow", str(f["id"]))}
        self.assertEqual([s for s in steps if (s[1], s[2]) in ours], [
            ("position_application.apply", "position_application", str(app_id), talent_actor),
            ("position_application.offer", "position_application", str(app_id), self.actor(self.employer_account[hiring])),
            ("position_application.accept", "position_application", str(app_id), talent_actor),
            ("talent_flow.record", "talent_flow", str(f["id"]), talent_actor)])
        self.assertEqual([s[0] for s in steps].count("talent_flow.record"), 1)
        self.check_summary_agrees(self.summary(), after, self.leaves())

    # Business leaves.

    def test_g_an_organ_grants_its_cadre_a_leave(self):
        org, cadre = self.free_cadre({"government", "public_institution"})
        token = self.employer_token(org["id"])
        today = shanghai_today()
        left = self.a_left_on(today)
        latest = plus_years(left, 3)
        enterprise = [e for e in sorted(self.employers) if self.employers[e]["kind"] == "enterprise"
                      and e in self.employer_account and any(t["employer_id"] == e for t in self.talents.values())][0]
        staff_of_enterprise = [t for t in self.talents.values() if t["employer_id"] == enterprise][0]
        outsider = [t for t in self.talents.values() if t["employer_id"] != org["id"]][0]
        good = self.leave_body(cadre["id"], left, latest)
        code = good["business_credit_code"]
        wrong_check = code[:-1] + ("0" if code[-1] != "0" else "1")
        before = (self.leaves(), self.flows(), self.summary())
        mark = self.audit_mark()
        cases = [({**good, "business_credit_code": wrong_check}, "business_credit_code"),
                 ({**good, "business_credit_code": code[:-1]}, "business_credit_code"),
                 ({**good, "business_credit_code": code.lower()}, "business_credit_code"),
                 ({**good, "business_credit_code": code[:8] + "I" + code[9:]}, "business_credit_code"),
                 ({**good, "business_credit_code": ""}, "business_credit_code"),
                 ({**good, "return_by": iso(left)}, "return_by"),
                 ({**good, "return_by": iso(left - datetime.timedelta(days=1))}, "return_by"),
                 ({**good, "return_by": iso(latest + datetime.timedelta(days=1))}, "return_by"),
                 ({**good, "return_by": iso(plus_years(left, 5))}, "return_by"),
                 ({**good, "return_by": "2026-02-30"}, "return_by"), ({**good, "return_by": "soon"}, "return_by"),
                 ({**good, "left_on": "2026-02-30"}, "left_on"), ({**good, "left_on": ""}, "left_on"),
                 ({**good, "left_on": iso(today + datetime.timedelta(days=400)),
                   "return_by": iso(today + datetime.timedelta(days=500))}, "left_on"),
                 ({**good, "business_name": ""}, "business_name"),
                 ({**good, "business_name": "  \t "}, "business_name"),
                 ({**good, "business_name": "两\n行"}, "business_name"),
                 ({**good, "business_name": "x" * 201}, "business_name"),
                 ({**good, "business_name": "a\x02b"}, "business_name"),
                 ({**good, "note": "a\x01"}, "note"), ({**good, "note": "x" * 2001}, "note"),
                 ({**good, "extra": 1}, "extra"), ({**good, "state": "returned"}, "state"),
                 ({**good, "talent_id": str(cadre["id"])}, "talent_id"), ({**good, "employer_id": "1"}, "employer_id"),
                 ({**good, "left_on": 20250101}, "left_on"), ({**good, "business_name": None}, "business_name")]
        cases += [({k: v for k, v in good.items() if k != key}, key)
                  for key in ("talent_id", "business_name", "business_credit_code", "left_on", "return_by")]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.problem(self.c.post("/api/v1/business-leaves", body, token=token), 422, field)
        doc = self.problem(self.zh.post("/api/v1/business-leaves", {**good, "business_credit_code": wrong_check},
                                        token=token), 422, "business_credit_code")
        self.assertIn("校验码", doc["detail"])
        # An enterprise's staff are no cadres (409), for the enterprise and for the office.
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "talent_id": staff_of_enterprise["id"]},
                                 token=self.employer_token(enterprise)), 409)
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "talent_id": staff_of_enterprise["id"],
                                                             "employer_id": enterprise}, token=self.officer), 409)
        # Someone else's talent, or no talent, is not found; another employer's name is forbidden.
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "talent_id": outsider["id"]}, token=token), 404)
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "talent_id": max(self.talents) + 1000},
                                 token=token), 404)
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "employer_id": enterprise}, token=token), 403)
        self.problem(self.c.post("/api/v1/business-leaves", {**good, "talent_id": cadre["id"], "employer_id": enterprise},
                                 token=self.officer), 404)
        # The office names the employer.
        self.problem(self.c.post("/api/v1/business-leaves", good, token=self.officer), 422, "employer_id")
        self.route_denied(self.c.post("/api/v1/business-leaves", good, token=self.talent_login(cadre["id"])["token"]),
                          "talent", "POST", "/api/v1/business-leaves")
        self.assertEqual((self.leaves(), self.flows(), self.summary()), before)
        self.assertEqual(self.audit_since(mark), [], "a refusal writes no audit record")
        # Granted, with the return date at the end of the three years.
        b = self.grant({**good, "note": "经单位党组研究同意"}, token)
        self.assertEqual({k: b[k] for k in good}, good)
        self.assertEqual((b["employer_id"], b["employer_name"], b["talent_name"], b["state"], b["ended_on"],
                          b["overdue"], b["note"]),
                         (org["id"], org["name"], cadre["name"], "on_leave", "", False, "经单位党组研究同意"))
        self.assertTrue(b["created_at"] and b["updated_at"], b)
        # Once at a time: a second leave is a conflict, whoever records it.
        again = self.leave_body(cadre["id"], today - datetime.timedelta(days=1), today + datetime.timedelta(days=30))
        refusals = self.audit_mark()
        self.problem(self.c.post("/api/v1/business-leaves", again, token=token), 409)
        self.problem(self.c.post("/api/v1/business-leaves", {**again, "employer_id": org["id"]}, token=self.officer), 409)
        self.assertEqual(self.audit_since(refusals), [])
        # Seen by the organ, the cadre and the office; not by another employer.
        self.assertIn(b, self.leaves(token=token))
        self.assertIn(b, self.leaves(token=self.talent_login(cadre["id"])["token"]))
        self.assertEqual(self.leaves(token=self.talent_login(cadre["id"])["token"]),
                         self.leaves(f"talent_id={cadre['id']}"))
        self.assertNotIn(b["id"], [x["id"] for x in self.leaves(token=self.employer_token(enterprise))])
        self.assertEqual([x for x in self.leaves(f"talent_id={cadre['id']}") if x["state"] == "on_leave"], [b])
        self.assertEqual(self.audit_since(mark), [("business_leave.grant", "business_leave", str(b["id"]),
                                                   self.actor(self.employer_account[org["id"]]))])
        # A university (a public institution) grants too; so does the office for an organ.
        uni, scholar = self.free_cadre({"university", "research_institute", "hospital"})
        self.grant(self.leave_body(scholar["id"], left, latest - datetime.timedelta(days=1)),
                   self.employer_token(uni["id"]))
        self.check_summary_agrees(self.summary(), self.flows(), self.leaves())

    def test_h_lists_by_state_and_overdue(self):
        today = iso(shanghai_today())
        everything = self.leaves()
        overdue = self.leaves("overdue=true")
        self.assertTrue(overdue, "the demo has an overdue leave")
        self.assertEqual(overdue, [b for b in everything if b["overdue"]])
        for b in overdue:
            self.assertEqual(b["state"], "on_leave", b)
            self.assertLess(b["return_by"], today, b)
        self.assertEqual(self.leaves("overdue=false"), everything)
        for state in ("on_leave", "returned", "stayed"):
            self.assertEqual(self.leaves(f"state={state}"), [b for b in everything if b["state"] == state], state)
        self.assertEqual(self.leaves("state=on_leave&overdue=true"), overdue)
        self.assertEqual([b["id"] for b in everything], sorted(b["id"] for b in everything), "in id order")
        first = everything[0]["id"]
        self.assertEqual(self.ok(self.c.get(f"/api/v1/business-leaves?{ALL}&after={first}", token=self.officer))["items"],
                         everything[1:])
        self.assertEqual(self.ok(self.c.get("/api/v1/business-leaves?limit=1", token=self.officer))["items"],
                         everything[:1])
        for query, field in [("overdue=maybe", "overdue"), ("overdue=TRUE", "overdue"), ("overdue=1", "overdue"),
                             ("state=ended", "state"), ("state=ON_LEAVE", "state"), ("employer_id=x", "employer_id"),
                             ("talent_id=-1", "talent_id"), ("limit=0", "limit"), ("after=x", "after")]:
            with self.subTest(query=query):
                self.problem(self.c.get(f"/api/v1/business-leaves?{query}", token=self.officer), 422, field)
        # An employer sees its own cadres' leaves (another's asked for: none); a talent their own.
        org = overdue[0]["employer_id"]
        token = self.employer_token(org)
        self.assertEqual(self.leaves(token=token), [b for b in everything if b["employer_id"] == org])
        self.assertEqual(self.leaves("overdue=true", token=token), [b for b in overdue if b["employer_id"] == org])
        other = [e for e in sorted(self.employers) if e != org][0]
        self.assertEqual(self.leaves(f"employer_id={other}", token=token), [])
        self.assertEqual(self.leaves(f"employer_id={org}"), self.leaves(token=token))
        mine = [b for b in everything if b["talent_id"] == overdue[0]["talent_id"]]
        self.assertEqual(self.leaves(token=self.talent_login(overdue[0]["talent_id"])["token"]), mine)
        self.assertTrue(all(b["talent_id"] == self.login("demo.talent")["user"]["talent_id"]
                            for b in self.leaves(token=self.talent)))
        self.route_denied(self.c.get("/api/v1/business-leaves", token=self.analyst), "policy_analyst", "GET",
                          "/api/v1/business-leaves")
        self.check_summary_agrees(self.summary(), self.flows(), everything)

    def test_i_a_leave_ends_by_return_or_by_staying(self):
        org, first = self.free_cadre()
        org2, second = self.free_cadre()
        today = shanghai_today()
        left = self.a_left_on(today)
        token, token2 = self.employer_token(org["id"]), self.employer_token(org2["id"])
        back = self.grant(self.leave_body(first["id"], left, plus_years(left, 2)), token)
        gone = self.grant(self.leave_body(second["id"], left, plus_years(left, 1)), token2)
        before = (self.leaves(), self.flows(), self.summary())
        mark = self.audit_mark()
        bystander = [e for e in sorted(self.employers) if e not in (org["id"], org2["id"])][0]
        cases = [("return", {"on": iso(left - datetime.timedelta(days=1))}, 422, "on"),
                 ("stay", {"on": iso(today + datetime.timedelta(days=1))}, 422, "on"),
                 ("return", {"on": "2026-02-30"}, 422, "on"), ("return", {}, 422, "on"),
                 ("return", {"on": None}, 422, "on"), ("return", {"on": iso(today), "x": 1}, 422, "x"),
                 ("return", {"on": iso(today), "note": "\x01"}, 422, "note"),
                 ("quit", {"on": iso(today)}, 422, "action")]
        for action, body, status, field in cases:
            with self.subTest(action=action, body=body):
                self.problem(self.end(back["id"], action, body, token), status, field)
        self.problem(self.end(back["id"], "return", {"on": iso(today)}, self.employer_token(bystander)), 404)
        self.problem(self.end(max(b["id"] for b in before[0]) + 1000, "return", {"on": iso(today)}, token), 404)
        self.route_denied(self.end(back["id"], "return", {"on": iso(today)}, self.talent_login(first["id"])["token"]),
                          "talent", "POST", "/api/v1/business-leaves/{id}/actions/{action}")
        self.assertEqual((self.leaves(), self.flows(), self.summary()), before)
        self.assertEqual(self.audit_since(mark), [], "a refusal writes no audit record")
        # Return: back at the post, no flow.
        returned = self.ok(self.end(back["id"], "return", {"on": iso(left), "note": "按期返岗"}, token))
        self.assertEqual((returned["state"], returned["ended_on"], returned["note"], returned["overdue"]),
                         ("returned", iso(left), "按期返岗", False))
        self.assertEqual(self.flows(), before[1], "a return is no flow")
        # Stay: the cadre leaves the post for the business, a flow out of the system.
        stayed = self.ok(self.end(gone["id"], "stay", {"on": iso(today)}, self.officer))
        self.assertEqual((stayed["state"], stayed["ended_on"], stayed["note"]), ("stayed", iso(today), ""))
        flows = self.flows()
        self.assertEqual(len(flows), len(before[1]) + 1)
        f = flows[0]
        self.assertEqual((f["talent_id"], f["from_employer_id"], f["to_employer_id"], f["moved_on"], f["source"]),
                         (second["id"], org2["id"], None, iso(today), "record"))
        self.assertIn(f["from_sector"], ("party_government", "public_institution"))
        self.assertEqual(f["from_sector"], sector_of(org2))
        self.assertEqual(f["to_sector"], "non_public_enterprise")
        self.assertEqual(direction(f["from_sector"], f["to_sector"]), "out_of_system")
        self.assertIn(gone["business_name"], f["note"])
        self.assertEqual(self.flows(token=self.talent_login(second["id"])["token"])[0], f)
        # Ended once: neither leave ends again, by either action.
        refusals = self.audit_mark()
        for leave_id, tok in ((back["id"], token), (gone["id"], token2)):
            for action in ("return", "stay"):
                self.problem(self.end(leave_id, action, {"on": iso(today)}, tok), 409)
                self.problem(self.end(leave_id, action, {"on": iso(today)}, self.officer), 409)
        self.assertEqual(self.audit_since(refusals), [])
        # The summary: one flow more out of the system; one leave returned and one stayed.
        after = self.summary()
        self.check_summary_agrees(after, flows, self.leaves())
        self.assertEqual(after["out_of_system"], before[2]["out_of_system"] + 1)
        for key, delta in (("on_leave", -2), ("returned", 1), ("stayed", 1), ("overdue", 0)):
            self.assertEqual(after["business_leaves"][key], before[2]["business_leaves"][key] + delta, key)
        self.assertEqual(self.audit_since(mark), [
            ("business_leave.return", "business_leave", str(back["id"]), self.actor(self.employer_account[org["id"]])),
            ("business_leave.stay", "business_leave", str(gone["id"]), self.actor("demo.officer")),
            ("talent_flow.record", "talent_flow", str(f["id"]), self.actor("demo.officer"))])
        # Once the leave is over, the cadre may take another.
        self.grant(self.leave_body(first["id"], today, today + datetime.timedelta(days=90)), token)

    def test_j_an_overdue_leave_still_ends(self):
        overdue = self.leaves("overdue=true")
        self.assertTrue(overdue, "the demo has an overdue leave")
        b = overdue[0]
        token = self.employer_token(b["employer_id"])
        ended = self.ok(self.end(b["id"], "return", {"on": iso(shanghai_today())}, token))
        self.assertEqual((ended["state"], ended["overdue"]), ("returned", False))
        self.assertNotIn(b["id"], [x["id"] for x in self.leaves("overdue=true")])
        self.check_summary_agrees(self.summary(), self.flows(), self.leaves())

    def test_k_leaves_of_three_years_from_29_february(self):
        """A leave from 29 February lasts at most until 28 February three years on (the
        Civil Code, art. 202: with no such day in the last month, its last day ends the
        period), as the card's validity is counted: 1 March is refused."""
        org, cadre = self.free_cadre()
        token = self.employer_token(org["id"])
        left = datetime.date(2024, 2, 29)
        r = self.c.post("/api/v1/business-leaves", self.leave_body(cadre["id"], left, datetime.date(2027, 3, 1)),
                        token=token)
        self.problem(r, 422, "return_by")
        b = self.grant(self.leave_body(cadre["id"], left, datetime.date(2027, 2, 28)), token)
        self.ok(self.end(b["id"], "return", {"on": iso(left)}, token))

    def test_z_audit_chain_intact(self):
        self.audit_mark()
        self.assertNotIn("jincai serve:", self.srv.stderr_text(), "no internal error was logged")


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
