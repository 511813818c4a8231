#!/usr/bin/env python3
"""Journeys and bad input over HTTP against a live `jincai serve --demo` (the demo gives
the admin who creates this test's officer, and demo.employer who endorses; everything
else is made here): a talent registers, fills in a dossier, applies, is endorsed,
evaluated, approved and issued a card; illegal transitions and stale revisions change
nothing; cookie sessions need their CSRF token; bad input of every kind is a precise
4xx problem that changes nothing; failed logins are throttled; Accept-Language picks
the language of the details.
Usage: workflow_test.py JINCAI_BINARY"""
import datetime
import itertools
import json
import os
import re
import sys
import time
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import PROBLEM_PREFIX, Server, resident_id  # noqa: E402

BINARY = None
BODY_LIMIT = 1024 * 1024  # ServerOptions::body_limit (src/http/server.h); serve has no flag for it
DOSSIER_B = {"birth_date": "1980-01-01", "honors": ["national_talent_program"], "engagement": "full_time"}
SQL_PAYLOADS = ["'; DROP TABLE users; --", '" OR 1=1 --']
REGISTRATION_FIELDS = ["username", "password", "name", "document_kind", "document_number", "nationality"]

_serial = itertools.count(1)


def credit_code(first17):
    """first17 plus its GB 32100-2015 check character: weights 3^i mod 31 over the
    alphabet of 31 characters (no I, O, S, V, Z); the check makes the sum 0 mod 31."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    total = sum(alphabet.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + alphabet[(31 - total % 31) % 31]


def shanghai_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def plus_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class WorkflowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.stop_server)  # runs even when the rest of the set-up fails
        cls.en = cls.srv.client("en")
        cls.zh = cls.srv.client()
        cls.admin = cls.en.login("demo.admin")
        r = cls.en.post("/api/v1/users", {"username": "wf.officer", "password": "workflow-officer-1",
                                          "display_name": "Workflow Officer", "role": "officer"},
                        token=cls.admin["token"])
        assert r.status == 201 and r.json()["role"] == "officer", r
        cls.officer = cls.en.login("wf.officer", "workflow-officer-1")
        assert cls.officer["user"]["role"] == "officer"
        cls.employer = cls.en.login("demo.employer")
        session = cls.en.get("/api/v1/auth/session", token=cls.employer["token"])
        assert session.status == 200, session
        cls.employer_id = session.json()["user"]["employer_id"]
        assert isinstance(cls.employer_id, int)

    @classmethod
    def stop_server(cls):
        assert cls.srv.stop() == 0, "jincai serve did not exit 0 on SIGTERM"

    # Helpers.

    def registration(self, **overrides):
        n = next(_serial)
        body = {"username": f"wf.talent{n}", "password": f"talent-pass-{n:04d}", "name": f"测试人才{n}",
                "document_kind": "resident_id", "document_number": resident_id(f"140107198001{n % 28 + 1:02d}{100 + n:03d}"),
                "nationality": "CN"}
        body.update(overrides)
        return body

    def new_talent(self, dossier=True):
        """Registers and logs in a talent; with `dossier`, employed by demo.employer's
        employer with DOSSIER_B. Returns (registration body, login reply)."""
        reg = self.registration()
        r = self.en.post("/api/v1/auth/register/talent", reg)
        self.assertEqual(r.status, 201, r)
        login = self.en.login(reg["username"], reg["password"])
        if dossier:
            r = self.en.request("PATCH", f"/api/v1/talents/{login['user']['talent_id']}",
                                {"employer_id": self.employer_id, "dossier": DOSSIER_B}, token=login["token"])
            self.assertEqual(r.status, 200, r)
        return reg, login

    def act(self, login, app_id, action, body=None):
        return self.en.post(f"/api/v1/applications/{app_id}/actions/{action}", body, token=login["token"])

    def get_app(self, app_id, login=None):
        r = self.en.get(f"/api/v1/applications/{app_id}", token=(login or self.officer)["token"])
        self.assertEqual(r.status, 200, r)
        return r.json()

    def audit_records(self):
        r = self.en.get("/api/v1/audit/verify", token=self.officer["token"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json()["ok"], r)
        return r.json()["records"]

    def users(self):
        r = self.en.get("/api/v1/users?limit=500", token=self.admin["token"])
        self.assertEqual(r.status, 200, r)
        return {u["username"]: u for u in r.json()["items"]}

    def world(self):
        """What bad input must not change: the audit log's length and the accounts."""
        return self.audit_records(), self.users()

    def assertProblem(self, r, status, kind, field=None, lang="en"):
        self.assertEqual(r.status, status, r)
        self.assertEqual(r.content_type, "application/problem+json", r)
        doc = r.json()
        self.assertEqual(doc["type"], PROBLEM_PREFIX + kind, doc)
        self.assertEqual(doc["status"], status, doc)
        self.assertTrue(doc["title"], doc)
        self.assertTrue(doc["detail"], f"the problem has no detail: {doc}")
        if field is not None:
            self.assertEqual(doc.get("field"), field, doc)
        self.assertEqual(r.headers.get("content-language"), "en" if lang == "en" else "zh-CN")
        return doc

    # (a) The journey.

    def test_a_journey_to_an_issued_card(self):
        reg = self.registration()
        r = self.en.post("/api/v1/auth/register/talent", reg)
        self.assertEqual(r.status, 201, r)
        self.assertEqual({k: r.json()[k] for k in ("username", "role")}, {"username": reg["username"], "role": "talent"})
        talent = self.en.login(reg["username"], reg["password"])
        self.assertEqual(talent["user"]["role"], "talent")
        tid = talent["user"]["talent_id"]
        r = self.en.get(f"/api/v1/talents/{tid}", token=talent["token"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual({k: r.json()[k] for k in ("name", "document_kind", "document_number", "nationality")},
                         {k: reg[k] for k in ("name", "document_kind", "document_number", "nationality")})

        r = self.en.request("PATCH", f"/api/v1/talents/{tid}", {"employer_id": self.employer_id, "dossier": DOSSIER_B},
                            token=talent["token"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json()["employer_id"], r.json()["dossier"]), (self.employer_id, DOSSIER_B))
        r = self.en.get(f"/api/v1/talents/{tid}/preview", token=talent["token"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["tier"], "B", r)
        self.assertFalse(r.json()["auto_approve"])

        r = self.en.post("/api/v1/applications", {}, token=talent["token"])
        self.assertEqual(r.status, 201, r)
        app = r.json()
        aid = app["id"]
        self.assertEqual((app["state"], app["revision"], app["employer_id"], app["talent_id"]),
                         ("draft", 0, self.employer_id, tid))
        self.assertIn("submit", app["actions"])
        # The employer does not see a draft, so cannot endorse it.
        self.assertProblem(self.act(self.employer, aid, "endorse"), 404, "record-not-found")

        r = self.act(talent, aid, "submit")
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json()["state"], r.json()["revision"]), ("submitted", 1))
        self.assertIsNotNone(r.json()["submitted_on"])
        self.assertIsNotNone(r.json()["policy_version_id"])

        # (b) A stale revision changes nothing; the current one goes through.
        doc = self.assertProblem(self.act(self.employer, aid, "endorse", {"revision": 0}), 409, "conflict")
        self.assertIn("revision", doc["detail"])
        self.assertEqual(self.get_app(aid)["revision"], 1)
        r = self.act(self.employer, aid, "endorse", {"revision": 1})
        self.assertEqual(r.status, 200, r)
        app = r.json()
        self.assertEqual((app["state"], app["tier"]), ("evaluated", "B"))
        self.assertIsInstance(app.get("decision"), dict)
        self.assertIn('"tier": "B"', json.dumps(app["decision"]))
        self.assertEqual(app["actions"], [])  # the employer's part is done

        r = self.act(self.officer, aid, "approve")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["state"], "approved")
        before = shanghai_today()
        r = self.act(self.officer, aid, "issue")
        after = shanghai_today()
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["state"], "issued")

        app = self.get_app(aid, talent)
        self.assertEqual((app["state"], app["tier"]), ("issued", "B"))
        self.assertIn(app["card_expires_on"], {plus_years(before, 5).isoformat(), plus_years(after, 5).isoformat()})
        self.assertEqual(app["actions"], [])
        steps = [(e["action"], e["from"], e["to"], e["actor_role"], e["actor_user_id"]) for e in app["timeline"]]
        uid = talent["user"]["user_id"]
        self.assertEqual(steps, [
            ("create", None, "draft", "talent", uid),
            ("submit", "draft", "submitted", "talent", uid),
            ("endorse", "submitted", "endorsed", "employer_admin", self.employer["user"]["user_id"]),
            ("evaluate", "endorsed", "evaluated", "system", None),
            ("approve", "evaluated", "approved", "officer", self.officer["user"]["user_id"]),
            ("issue", "approved", "issued", "officer", self.officer["user"]["user_id"]),
        ])
        self.assertEqual(app["revision"], 5)
        r = self.en.get("/api/v1/applications", token=talent["token"])
        self.assertEqual([(a["id"], a["state"]) for a in r.json()["items"]], [(aid, "issued")])

        # (b) Illegal transitions on the issued card change nothing.
        for who, action in [(talent, "submit"), (talent, "withdraw"), (self.officer, "approve"), (self.officer, "issue")]:
            doc = self.assertProblem(self.act(who, aid, action), 409, "conflict")
            self.assertIn("issued", doc["detail"])
        # A card in force: no second application.
        self.assertProblem(self.en.post("/api/v1/applications", {}, token=talent["token"]), 409, "conflict")
        self.assertEqual(self.get_app(aid, talent), app)

    # (b) Illegal transitions and stale revisions.

    def test_b_illegal_transition_and_stale_revision_change_nothing(self):
        _, talent = self.new_talent()
        r = self.en.post("/api/v1/applications", {}, token=talent["token"])
        self.assertEqual(r.status, 201, r)
        aid = r.json()["id"]
        self.assertEqual(self.act(talent, aid, "submit").status, 200)
        seen = self.get_app(aid)
        records = self.audit_records()
        for who, action, body in [(talent, "submit", None), (self.officer, "approve", None),
                                  (self.officer, "issue", None), (talent, "submit", {"revision": 1})]:
            doc = self.assertProblem(self.act(who, aid, action, body), 409, "conflict")
            self.assertIn("submitted", doc["detail"])
        for stale in (0, 2, 99):
            doc = self.assertProblem(self.act(talent, aid, "withdraw", {"revision": stale, "reason": "x"}), 409, "conflict")
            self.assertIn(f"not {stale}", doc["detail"])
        # A reason is required to return an application.
        self.assertProblem(self.act(self.employer, aid, "return", {"reason": "  "}), 422, "invalid-field", field="reason")
        self.assertEqual(self.get_app(aid), seen)
        self.assertEqual(self.audit_records(), records)
        # With the current revision the same request goes through.
        r = self.act(talent, aid, "withdraw", {"revision": seen["revision"], "reason": "moved away"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json()["state"], r.json()["revision"]), ("withdrawn", seen["revision"] + 1))
        self.assertEqual(self.audit_records(), records + 1)

    # (c) Cookie sessions and logout.

    def test_c_cookie_session_needs_csrf_and_logout_ends_it(self):
        reg, _ = self.new_talent()
        r = self.en.post("/api/v1/auth/login", {"username": reg["username"], "password": reg["password"]})
        self.assertEqual(r.status, 200, r)
        login = r.json()
        set_cookie = r.headers["set-cookie"]
        self.assertIn("HttpOnly", set_cookie)
        self.assertIn("SameSite=Strict", set_cookie)
        cookie = set_cookie.split(";", 1)[0]
        self.assertEqual(cookie, "jincai_session=" + login["token"])
        jar = {"Cookie": cookie}
        tid = login["user"]["talent_id"]
        path = f"/api/v1/talents/{tid}"

        r = self.en.get("/api/v1/auth/session", headers=jar)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["csrf_token"], login["csrf_token"])
        before = self.en.get(path, headers=jar)
        self.assertEqual(before.status, 200, before)
        change = {"name": "改名测试", "dossier": DOSSIER_B}
        for headers in (jar, dict(jar, **{"X-CSRF-Token": "not-the-token"}), dict(jar, **{"X-CSRF-Token": ""})):
            doc = self.assertProblem(self.en.request("PATCH", path, change, headers=headers), 403, "csrf")
            self.assertIn("X-CSRF-Token", doc["detail"])
        self.assertEqual(self.en.get(path, headers=jar).json(), before.json())
        r = self.en.request("PATCH", path, change, headers=dict(jar, **{"X-CSRF-Token": login["csrf_token"]}))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.en.get(path, headers=jar).json()["name"], "改名测试")

        # Logout is a POST too: refused without the token, and the session lives on.
        self.assertProblem(self.en.post("/api/v1/auth/logout", headers=jar), 403, "csrf")
        self.assertEqual(self.en.get("/api/v1/auth/session", headers=jar).status, 200)
        r = self.en.post("/api/v1/auth/logout", headers=dict(jar, **{"X-CSRF-Token": login["csrf_token"]}))
        self.assertEqual(r.status, 204, r)
        self.assertIn("Max-Age=0", r.headers.get("set-cookie", ""))
        for headers in (jar, {"Authorization": "Bearer " + login["token"]}):
            self.assertProblem(self.en.get("/api/v1/auth/session", headers=headers), 401, "unauthenticated")

        # A Bearer session needs no CSRF token, and its logout ends it.
        other = self.en.login(reg["username"], reg["password"])
        r = self.en.post("/api/v1/auth/logout", token=other["token"])
        self.assertEqual(r.status, 204, r)
        self.assertProblem(self.en.get(path, token=other["token"]), 401, "unauthenticated")

    # (d) Bad input.

    def test_d_malformed_json_is_400(self):
        _, talent = self.new_talent()
        path = f"/api/v1/talents/{talent['user']['talent_id']}"
        seen, world = self.en.get(path, token=talent["token"]).json(), self.world()
        for raw in [b'{"username": ', b"{'username': 'x'}", b'{"a":1,}', b"", b"nul", b'{"a":1} {"b":2}']:
            with self.subTest(body=raw):
                r = self.en.post("/api/v1/auth/register/talent", raw_body=raw, content_type="application/json")
                self.assertProblem(r, 400, "invalid-json")
                r = self.en.request("PATCH", path, raw_body=raw, content_type="application/json", token=talent["token"])
                self.assertProblem(r, 400, "invalid-json")
        self.assertEqual(self.en.get(path, token=talent["token"]).json(), seen)
        self.assertEqual(self.world(), world)

    def test_d_wrong_content_type_is_415(self):
        _, talent = self.new_talent()
        path = f"/api/v1/talents/{talent['user']['talent_id']}"
        world = self.world()
        body = json.dumps(self.registration()).encode()
        for ctype in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                      "application/jsonp", None]:
            with self.subTest(content_type=ctype):
                r = self.en.post("/api/v1/auth/register/talent", raw_body=body, content_type=ctype)
                doc = self.assertProblem(r, 415, "unsupported-media-type")
                self.assertIn((ctype or "(none)").split(";")[0], doc["detail"])
                r = self.en.request("PATCH", path, raw_body=b'{"name":"x"}', content_type=ctype, token=talent["token"])
                self.assertProblem(r, 415, "unsupported-media-type")
        self.assertEqual(self.world(), world)

    def test_d_wrong_type_is_422_naming_the_field(self):
        _, talent = self.new_talent()
        path = f"/api/v1/talents/{talent['user']['talent_id']}"
        seen, world = self.en.get(path, token=talent["token"]).json(), self.world()
        for field, value in [("username", 5), ("password", None), ("name", ["a"]), ("nationality", {"c": "CN"}),
                             ("document_number", 140105198001011234)]:
            with self.subTest(field=field):
                r = self.en.post("/api/v1/auth/register/talent", self.registration(**{field: value}))
                doc = self.assertProblem(r, 422, "invalid-field", field=field)
                self.assertIn(field, doc["detail"])
        for field, value in [("employer_id", "1"), ("employer_id", 1.5), ("dossier", "{}"), ("name", 7)]:
            with self.subTest(field=field, value=value):
                r = self.en.request("PATCH", path, {field: value}, token=talent["token"])
                self.assertProblem(r, 422, "invalid-field", field=field)
        self.assertEqual(self.en.get(path, token=talent["token"]).json(), seen)
        self.assertEqual(self.world(), world)

    def test_d_unknown_field_is_422_naming_the_field(self):
        _, talent = self.new_talent()
        path = f"/api/v1/talents/{talent['user']['talent_id']}"
        seen, world = self.en.get(path, token=talent["token"]).json(), self.world()
        reg = self.registration(role="admin")
        doc = self.assertProblem(self.en.post("/api/v1/auth/register/talent", reg), 422, "invalid-field", field="role")
        self.assertIn("role", doc["detail"])
        self.assertProblem(self.en.post("/api/v1/auth/login", {"username": reg["username"], "password": reg["password"]}),
                           401, "unauthenticated")  # no account was made
        for field, value in [("document_number", "110105194912310021"), ("talent_id", 1), ("Name", "x")]:
            with self.subTest(field=field):
                r = self.en.request("PATCH", path, {field: value}, token=talent["token"])
                self.assertProblem(r, 422, "invalid-field", field=field)
        self.assertEqual(self.en.get(path, token=talent["token"]).json(), seen)
        self.assertEqual(self.world(), world)

    def test_d_invalid_id_number_is_422_document_number(self):
        world = self.world()
        good = resident_id("14010519800101123")
        wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
        future = resident_id(f"140105{shanghai_today().year + 1}0101123")
        for number in [wrong_check, good[:17], good + "1", "14010519800230123" + "1", "000000198001011231",
                       future, "1401051980010112A4", "14010519800101123４", "140105 98001011234"]:
            with self.subTest(number=number):
                r = self.en.post("/api/v1/auth/register/talent", self.registration(document_number=number))
                doc = self.assertProblem(r, 422, "invalid-field", field="document_number")
                self.assertIn("resident ID number", doc["detail"])
        r = self.en.post("/api/v1/auth/register/talent", self.registration(document_number=wrong_check))
        self.assertIn(f"should be {good[17]}", r.json()["detail"])
        self.assertEqual(self.world(), world)

    def test_d_sql_metacharacters_are_literal_text_or_422(self):
        accepted = {}
        for payload, field in itertools.product(SQL_PAYLOADS, REGISTRATION_FIELDS):
            with self.subTest(field=field, payload=payload):
                reg = self.registration(**{field: payload})
                r = self.en.post("/api/v1/auth/register/talent", reg)
                self.assertIn(r.status, (201, 422), r)
                if r.status == 422:
                    self.assertEqual(r.json()["type"], PROBLEM_PREFIX + "invalid-field")
                    continue
                accepted[reg["username"]] = reg
                login = self.en.login(reg["username"], reg["password"])
                self.assertEqual(login["user"]["username"], reg["username"])
                t = self.en.get(f"/api/v1/talents/{login['user']['talent_id']}", token=login["token"]).json()
                for k in ("name", "document_kind", "document_number", "nationality"):
                    self.assertEqual(t[k], reg[k])
        # The name and the password are free text: both must have been taken literally.
        self.assertEqual(sorted(f for reg in accepted.values() for f in REGISTRATION_FIELDS if reg[f] in SQL_PAYLOADS),
                         sorted(["name", "name", "password", "password"]))
        # In an employer's registration too.
        n = next(_serial)
        employer = {"credit_code": credit_code(f"91140100MA9{n:06d}"), "name": SQL_PAYLOADS[0], "kind": "enterprise",
                    "ownership": "private", "city": "taiyuan", "avg_monthly_salary_fen": 1000000}
        r = self.en.post("/api/v1/auth/register/employer", {"username": f"wf.employer{n}", "password": SQL_PAYLOADS[1],
                                                            "display_name": SQL_PAYLOADS[0], "employer": employer})
        self.assertEqual(r.status, 201, r)
        login = self.en.login(f"wf.employer{n}", SQL_PAYLOADS[1])
        r = self.en.get(f"/api/v1/employers/{login['user']['employer_id']}", token=login["token"])
        self.assertEqual(r.json()["name"], SQL_PAYLOADS[0])
        # Logins with them are simply wrong.
        for username in ["' OR 1=1 --", "demo.admin' --", '" OR ""="']:
            r = self.en.post("/api/v1/auth/login", {"username": username, "password": "' OR '1'='1"})
            self.assertProblem(r, 401, "unauthenticated")
        # The users table still works.
        users = self.users()
        for username, reg in accepted.items():
            self.assertEqual(users[username]["display_name"], reg["name"])
        self.assertIn("demo.admin", users)
        self.en.login("demo.admin")
        reg, _ = self.new_talent(dossier=False)
        self.assertIn(reg["username"], self.users())
        self.assertEqual(self.en.get("/healthz").status, 200)

    def test_d_sql_metacharacters_in_query_parameters_are_422(self):
        token = self.officer["token"]
        r = self.en.get("/api/v1/applications?state=%27%20OR%201%3D1%20--", token=token)
        self.assertProblem(r, 422, "invalid-field", field="state")
        r = self.en.get("/api/v1/audit?after=0%20OR%201%3D1", token=token)
        self.assertProblem(r, 422, "invalid-field", field="after")
        # A filter is a query parameter, not a record in the path: it is invalid, not missing.
        for name in ("talent_id", "employer_id"):
            with self.subTest(parameter=name):
                r = self.en.get(f"/api/v1/applications?{name}=1%20OR%201%3D1", token=token)
                self.assertProblem(r, 422, "invalid-field", field=name)

    def test_d_invalid_utf8_in_json_body_is_400(self):
        _, talent = self.new_talent()
        path = f"/api/v1/talents/{talent['user']['talent_id']}"
        seen, world = self.en.get(path, token=talent["token"]).json(), self.world()
        reg = json.dumps(self.registration(name="NAME")).encode()
        for bad in [b"\xff\xfe", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe6\x88"]:
            with self.subTest(bytes=bad):
                r = self.en.post("/api/v1/auth/register/talent", raw_body=reg.replace(b"NAME", bad),
                                 content_type="application/json")
                self.assertEqual(r.status, 400, r)
                self.assertIn(r.json()["type"], (PROBLEM_PREFIX + "invalid-json", PROBLEM_PREFIX + "invalid-utf8"))
                r = self.en.request("PATCH", path, raw_body=b'{"name":"' + bad + b'"}', content_type="application/json",
                                    token=talent["token"])
                self.assertEqual(r.status, 400, r)
        self.assertEqual(self.en.get(path, token=talent["token"]).json(), seen)
        self.assertEqual(self.world(), world)

    def test_d_body_over_the_limit_is_413(self):
        world = self.world()
        reg = self.registration()
        pad = BODY_LIMIT - len(json.dumps(dict(reg, name="")).encode())
        at_limit = json.dumps(dict(reg, name="a" * pad)).encode()
        self.assertEqual(len(at_limit), BODY_LIMIT)
        r = self.en.post("/api/v1/auth/register/talent", raw_body=at_limit, content_type="application/json")
        self.assertEqual(r.status, 422, r)  # read whole, then the name is too long
        over = json.dumps(dict(reg, name="a" * (pad + 1))).encode()
        huge = b" " * (3 * BODY_LIMIT) + json.dumps(reg).encode()
        for body in (over, huge):
            # Raw, since the server may answer before reading it all, and close.
            r = self.srv.raw(b"POST /api/v1/auth/register/talent HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n"
                             b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
            doc = self.assertProblem(r, 413, "body-too-large")
            self.assertIn(str(BODY_LIMIT), doc["detail"])
        self.assertEqual(self.world(), world)
        self.assertEqual(self.en.get("/healthz").status, 200)

    def test_d_path_traversal_is_400(self):
        auth = b"Authorization: Bearer " + self.officer["token"].encode() + b"\r\n"
        for target in [b"/api/v1/../etc/passwd", b"/api/v1/%2e%2e/etc/passwd", b"/api/v1/%2E%2E/%2e%2E/etc/passwd",
                       b"/api/v1/applications/%2e%2e/1", b"/api/v1/..%2f..%2fetc%2fpasswd", b"/api/v1/talents/./1",
                       b"/api/v1/%2e/audit"]:
            for method in (b"GET", b"POST"):
                with self.subTest(target=target, method=method):
                    r = self.srv.raw(method + b" " + target + b" HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n" + auth +
                                     b"Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    self.assertEqual(r.status, 400, r)
                    doc = r.json()
                    self.assertEqual(doc["type"], PROBLEM_PREFIX + "path-traversal")
                    self.assertIn(target.decode(), doc["detail"])
                    self.assertNotIn(b"root:", r.body)

    def test_d_non_numeric_ids_are_404(self):
        token = self.officer["token"]
        for raw in ["abc", "0", "-1", "1e3", "0x10", "1.0", "99999999999999999999", "1%20", "%20%31", "1;2"]:
            for template, method in [("/api/v1/applications/{}", "GET"), ("/api/v1/talents/{}", "GET"),
                                     ("/api/v1/employers/{}", "GET"), ("/api/v1/policies/{}", "GET"),
                                     ("/api/v1/talents/{}/preview", "GET"), ("/api/v1/applications/{}/actions/submit", "POST")]:
                with self.subTest(path=template.format(raw)):
                    r = self.en.request(method, template.format(raw), token=token)
                    doc = self.assertProblem(r, 404, "record-not-found")
                    self.assertIn("positive integer", doc["detail"])

    # (e) Login throttling.

    def test_e_failed_logins_are_throttled(self):
        reg, _ = self.new_talent(dossier=False)
        unknown = self.en.post("/api/v1/auth/login", {"username": "nobody.here", "password": "wrong-password-0"})
        self.assertProblem(unknown, 401, "unauthenticated")
        answers = []
        for attempt in range(8):
            r = self.en.post("/api/v1/auth/login", {"username": reg["username"], "password": f"wrong-password-{attempt}"})
            answers.append(r.status)
            if r.status == 429:
                break
            # The same answer as for an unknown user: nothing tells whether the name exists.
            self.assertEqual(r.json()["detail"], unknown.json()["detail"])
            self.assertProblem(r, 401, "unauthenticated")
        self.assertEqual(answers[:3], [401, 401, 401], answers)
        self.assertEqual(answers[-1], 429, answers)
        self.assertLessEqual(len(answers), 6, answers)
        doc = self.assertProblem(r, 429, "too-many-requests")
        wait = re.search(r"try again in (\d+) s", doc["detail"])
        self.assertTrue(wait, doc)
        r = self.zh.post("/api/v1/auth/login", {"username": reg["username"], "password": reg["password"]})
        doc = self.assertProblem(r, 429, "too-many-requests", lang="zh")  # even the right password must wait
        self.assertRegex(doc["detail"], r"请 \d+ 秒后重试")
        # The server and other accounts are unaffected.
        self.assertEqual(self.en.get("/healthz").json()["status"], "ok")
        self.en.login("demo.officer")
        # After the wait, the right password works.
        deadline = time.monotonic() + int(wait.group(1)) + 5
        time.sleep(int(wait.group(1)) + 0.2)
        while True:
            r = self.en.post("/api/v1/auth/login", {"username": reg["username"], "password": reg["password"]})
            if r.status != 429 or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        self.assertEqual(r.status, 200, r)

    # (f) Languages.

    def test_f_accept_language_picks_the_detail_language(self):
        reg = self.registration()
        wrong = reg["document_number"][:17] + ("0" if reg["document_number"][17] != "0" else "1")
        body = dict(reg, document_number=wrong)
        en = self.assertProblem(self.en.post("/api/v1/auth/register/talent", body), 422, "invalid-field",
                                field="document_number")
        self.assertTrue(en["detail"].startswith(f"resident ID number {wrong}: "), en)
        self.assertEqual(en["title"], "Invalid Field")
        zh = self.assertProblem(self.zh.post("/api/v1/auth/register/talent", body), 422, "invalid-field",
                                field="document_number", lang="zh")
        self.assertTrue(zh["detail"].startswith(f"居民身份证号码 {wrong} "), zh)
        self.assertEqual(zh["title"], "字段不合法")
        for header, lang in [("en", "en"), ("en-US,en;q=0.9", "en"), ("zh-CN", "zh"), ("zh-CN;q=0.5, en;q=0.9", "en"),
                             ("en;q=0.4, zh;q=0.8", "zh"), ("fr, en;q=0.5", "en"), ("fr", "zh"), ("", "zh")]:
            with self.subTest(accept_language=header):
                r = self.zh.get("/api/v1/auth/session", headers={"Accept-Language": header})
                doc = self.assertProblem(r, 401, "unauthenticated", lang=lang)
                if lang == "en":
                    self.assertTrue(doc["detail"].startswith("log in first"), doc)
                else:
                    self.assertTrue(doc["detail"].startswith("请先登录"), doc)

    def test_f_chinese_details_are_chinese(self):
        """A zh-CN detail is Chinese throughout: no English sentence in it (the numbers
        and codes it quotes aside)."""
        bad = [("resident_id", "CN", "140105198001011230"), ("resident_id", "CN", "1401051980"),
               ("passport", "DE", "P-1")]
        for kind, nationality, number in bad:
            with self.subTest(document_kind=kind, number=number):
                r = self.zh.post("/api/v1/auth/register/talent",
                                 self.registration(document_kind=kind, nationality=nationality, document_number=number))
                if r.status == 201:
                    self.fail(f"{number} was accepted")
                doc = self.assertProblem(r, 422, "invalid-field", field="document_number", lang="zh")
                self.assertNotRegex(doc["detail"].replace(number, ""), r"[A-Za-z]{3,}")
        employer = {"credit_code": "91140100MA0000000X", "name": "测试单位", "kind": "enterprise", "ownership": "private",
                    "city": "taiyuan", "avg_monthly_salary_fen": 1000000}
        r = self.zh.post("/api/v1/auth/register/employer", {"username": "wf.badcode", "password": "employer-pass-1",
                                                            "display_name": "人事处", "employer": employer})
        doc = self.assertProblem(r, 422, "invalid-field", field="employer.credit_code", lang="zh")
        self.assertNotRegex(doc["detail"].replace(employer["credit_code"], ""), r"[A-Za-z]{3,}")

    def test_z_audit_chain_is_intact(self):
        r = self.en.get("/api/v1/audit/verify", token=self.officer["token"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json()["ok"], r.json())
        self.assertNotIn("jincai serve:", self.srv.stderr_text())  # no internal error was logged


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
