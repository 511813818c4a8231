#!/usr/bin/env python3
"""The recruitment market against a live `jincai serve --demo`: employers post positions
(every field echoed; every bad field refused with its name and nothing changed); anyone
searches the open ones in Chinese (two- and three-character words found inside longer
text) and English (whole words, any case) with filters and paging, and follows them by
Atom feed (parsed here as XML); closing and editing take effect and are refused where
they should be; a talent keeps a market profile (drawn from the dossier until saved) and
sees positions ranked with the reasons of each score, which read nothing of household
registration, education or identity; an employer sees talents ranked for a position
(visible profiles and applicants, never a hidden profile that did not apply); the
applicant pipeline moves only as its rules allow, each side its own steps; every change
is in the audit log and no refusal is.
Usage: market_test.py JINCAI_BINARY"""
import itertools
import os
import re
import sys
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import ReplyChecks, Server, resident_id  # noqa: E402

BINARY = None
ATOM = "{http://www.w3.org/2005/Atom}"
CRITERIA = [("skills", 40), ("field", 25), ("city", 15), ("engagement", 10), ("pay", 10)]
ALL = "limit=500"  # every open position, in these tests' province

_serial = itertools.count(1)


def position(**overrides):
    """A valid position body; `overrides` replace its fields."""
    body = {"title": "测试岗位", "engagement": "full_time", "field": "new_materials", "skills": ["材料表征"],
            "city": "taiyuan", "pay_min_cny": 10000, "pay_max_cny": 20000, "lang": "zh-CN", "description": "岗位说明。"}
    body.update(overrides)
    return body


def without(body, key):
    return {k: v for k, v in body.items() if k != key}


class MarketTest(ReplyChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.stop_server)
        cls.c = cls.srv.client("en")
        cls.zh = cls.srv.client()
        cls.logins = {u: cls.c.login(u) for u in ("demo.employer", "demo.staff", "employer2", "demo.officer",
                                                   "demo.talent", "demo.admin")}
        cls.employer = cls.logins["demo.employer"]["token"]
        cls.staff = cls.logins["demo.staff"]["token"]
        cls.employer2 = cls.logins["employer2"]["token"]
        cls.officer = cls.logins["demo.officer"]["token"]
        cls.talent = cls.logins["demo.talent"]["token"]
        cls.emp_id = cls.logins["demo.employer"]["user"]["employer_id"]
        cls.emp2_id = cls.logins["employer2"]["user"]["employer_id"]
        assert cls.logins["demo.staff"]["user"]["employer_id"] == cls.emp_id
        assert cls.emp2_id != cls.emp_id

    @classmethod
    def stop_server(cls):
        assert cls.srv.stop() == 0, "jincai serve did not exit 0 on SIGTERM"

    # Helpers (ok and problem: ReplyChecks).

    def post(self, token=None, status=201, **overrides):
        return self.ok(self.c.post("/api/v1/positions", position(**overrides), token=token or self.employer), status)

    def search(self, query=""):
        """The ids of the open positions the query finds (all of them: limit 500)."""
        sep = "&" if query else ""
        return [p["id"] for p in self.ok(self.c.get(f"/api/v1/positions?{ALL}{sep}{query}"))["items"]]

    def q(self, text, extra=""):
        return self.search("q=" + urllib.parse.quote(text) + extra)

    def feed(self, query=ALL):
        r = self.c.get("/api/v1/positions.atom?" + query)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.content_type.startswith("application/atom+xml"), r)
        return r, ET.fromstring(r.body)

    def audit_mark(self):
        v = self.ok(self.c.get("/api/v1/audit/verify", token=self.officer))
        self.assertTrue(v["ok"], v)
        return v["records"]

    def audit_since(self, mark):
        """The audit records after `mark` (a count of records), oldest first."""
        out, after = [], mark
        while True:
            items = self.ok(self.c.get(f"/api/v1/audit?after={after}&limit=500", token=self.officer))["items"]
            out += items
            if len(items) < 500:
                return out
            after = items[-1]["id"]

    def market_audit(self, mark):
        return [(a["action"], a["object_type"], a["object_id"], a["actor"]) for a in self.audit_since(mark)
                if a["action"].startswith(("position", "market_profile"))]

    def new_talent(self, dossier=None):
        """Registers a talent (optionally with a dossier) and returns its login reply."""
        n = next(_serial)
        reg = {"username": f"market.talent{n}", "password": f"market-pass-{n:04d}", "name": f"市场人才{n}",
               "document_kind": "resident_id", "document_number": resident_id(f"14010819850315{n:03d}"),
               "nationality": "CN"}
        self.ok(self.c.post("/api/v1/auth/register/talent", reg), 201)
        login = self.c.login(reg["username"], reg["password"])
        if dossier is not None:
            self.ok(self.c.request("PATCH", f"/api/v1/talents/{login['user']['talent_id']}", {"dossier": dossier},
                                   token=login["token"]))
        return login

    def put_profile(self, token, body, status=200):
        return self.ok(self.c.request("PUT", "/api/v1/market/profile", body, token=token), status)

    def application(self, app_id, token):
        return self.ok(self.c.get(f"/api/v1/position-applications/{app_id}", token=token))

    def actor(self, username):
        """How the audit log names the account: user:ID."""
        return f"user:{self.logins[username]['user']['user_id']}"

    def act(self, token, app_id, action, body=None):
        return self.c.post(f"/api/v1/position-applications/{app_id}/actions/{action}", body, token=token)

    def check_match(self, match):
        """A match is five reasons, one per criterion with its weight, adding up to the score."""
        reasons = match["reasons"]
        self.assertEqual([(r["criterion"], r["of"]) for r in reasons], CRITERIA, match)
        self.assertEqual(sum(r["points"] for r in reasons), match["score"], match)
        self.assertTrue(0 <= match["score"] <= 100, match)
        for r in reasons:
            self.assertEqual(set(r), {"criterion", "points", "of", "met", "en", "zh"}, r)
            self.assertIsInstance(r["met"], bool)
            self.assertTrue(0 <= r["points"] <= r["of"], r)
            self.assertEqual(r["met"], r["points"] == r["of"], r)
            self.assertTrue(r["en"].strip() and r["zh"].strip(), r)

    # Posting.

    def test_a_post_echoes_every_field(self):
        body = position(title="新能源材料研发工程师（测试）", engagement="consultant", field="information_technology",
                        skills=["Python", "  数据  分析 ", "python"], city="datong", pay_min_cny=18000,
                        pay_max_cny=36000, lang="zh-CN", description="负责**数据平台**建设。\n\n不限户籍。")
        mark = self.audit_mark()
        p = self.post(**body)
        expected = {**body, "skills": ["Python", "数据 分析"]}  # trimmed, inner spaces one, repeats dropped
        self.assertEqual({k: p[k] for k in body}, expected)
        self.assertEqual((p["status"], p["employer_id"], p["city_zh"]), ("open", self.emp_id, "大同市"))
        self.assertTrue(p["employer_name"] and p["created_at"] and p["updated_at"], p)
        self.assertEqual(p["summary"], "负责数据平台建设。")
        self.assertIsInstance(p["id"], int)
        one = self.ok(self.c.get(f"/api/v1/positions/{p['id']}"))
        self.assertEqual({k: one[k] for k in body}, expected)
        self.assertEqual(self.search()[0], p["id"], "newest first")
        self.assertEqual(self.market_audit(mark),
                         [("position.post", "position", str(p["id"]), self.actor("demo.employer"))])
        # The employer's staff posts for the same employer; no one else posts.
        by_staff = self.post(token=self.staff, title="Staff posting", lang="en")
        self.assertEqual(by_staff["employer_id"], self.emp_id)
        for token in (self.talent, self.officer, self.logins["demo.admin"]["token"], None):
            r = self.c.post("/api/v1/positions", position(), token=token)
            self.assertIn(r.status, (401, 403), r)

    def test_b_bad_positions_name_the_field_and_change_nothing(self):
        mine = self.post(title="不会被改的岗位")
        before_search = self.ok(self.c.get(f"/api/v1/positions?{ALL}"))
        before_one = self.ok(self.c.get(f"/api/v1/positions/{mine['id']}"))
        good = position()
        cases = [(without(good, k), k) for k in ("title", "engagement", "field", "city", "pay_min_cny", "pay_max_cny",
                                                  "lang", "description")]
        cases += [({**good, "title": 5}, "title"), ({**good, "title": None}, "title"),
                  ({**good, "skills": "材料表征"}, "skills"), ({**good, "skills": [1]}, "skills"),
                  ({**good, "pay_min_cny": "10000"}, "pay_min_cny"), ({**good, "pay_max_cny": 20000.5}, "pay_max_cny"),
                  ({**good, "lang": None}, "lang"), ({**good, "description": ["x"]}, "description"),
                  ({**good, "extra": 1}, "extra"), ({**good, "employer_id": self.emp2_id}, "employer_id"),
                  ({**good, "status": "closed"}, "status"),
                  ({**good, "engagement": "full-time"}, "engagement"), ({**good, "engagement": "FULL_TIME"}, "engagement"),
                  ({**good, "field": "materials"}, "field"), ({**good, "field": ""}, "field"),
                  ({**good, "city": "beijing"}, "city"), ({**good, "city": "太原"}, "city"),
                  ({**good, "pay_min_cny": 20000, "pay_max_cny": 19999}, "pay_max_cny"),
                  ({**good, "pay_min_cny": -1}, "pay_min_cny"),
                  ({**good, "pay_min_cny": -10, "pay_max_cny": -1}, "pay_min_cny"),
                  ({**good, "pay_max_cny": 10_000_001}, "pay_max_cny"),
                  ({**good, "skills": [f"技能{i}" for i in range(21)]}, "skills"),
                  ({**good, "skills": [""]}, "skills"), ({**good, "skills": ["x" * 51]}, "skills"),
                  ({**good, "skills": ["两\n行"]}, "skills"),
                  ({**good, "title": ""}, "title"), ({**good, "title": " \t\n "}, "title"),
                  ({**good, "title": "x" * 201}, "title"),
                  ({**good, "description": "  "}, "description"),
                  ({**good, "lang": "fr"}, "lang"), ({**good, "lang": "zh"}, "lang"), ({**good, "lang": "EN"}, "lang")]
        mark = self.audit_mark()
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.problem(self.c.post("/api/v1/positions", body, token=self.employer), 422, field)
                # The same body as an edit of an open position: refused alike.
                r = self.c.request("PUT", f"/api/v1/positions/{mine['id']}", body, token=self.employer)
                self.problem(r, 422, field)
        # The detail is in the caller's language.
        doc = self.problem(self.zh.post("/api/v1/positions", {**good, "city": "beijing"}, token=self.employer), 422, "city")
        self.assertIn("山西", doc["detail"])
        self.assertEqual(self.audit_mark(), mark, "a refusal writes no audit record")
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions?{ALL}")), before_search)
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{mine['id']}")), before_one)
        # The limits themselves are accepted: 20 skills, pay 0..10,000,000, min = max.
        ok = self.post(skills=[f"技能{i}" for i in range(20)], pay_min_cny=0, pay_max_cny=0)
        self.assertEqual(len(ok["skills"]), 20)
        self.post(pay_min_cny=10_000_000, pay_max_cny=10_000_000)

    # Search.

    def test_c_chinese_search_finds_words_inside_longer_text(self):
        p = self.post(token=self.employer2, title="新能源材料研发工程师", field="new_materials",
                      skills=["锂电池", "膜电极"], description="负责氢燃料电堆与正极材料的研发。", city="jinzhong")
        pid = p["id"]
        for query in ["工程师", "材料", "研发", "工程", "研发工程师", "能源", "新能源", "料研发", "氢燃料", "燃料",
                      "电堆", "锂电池", "膜电极", "新能源 工程师", "材料，工程师", "氢", "晋中", "新材料"]:
            with self.subTest(q=query):
                self.assertIn(pid, self.q(query))
        # 工师 and 材研 have each character, but not side by side; 料工 breaks 能源材料工程.
        for query in ["工程车", "工师", "材研", "能源材料工程", "硅材料", "大同"]:
            with self.subTest(q=query):
                self.assertNotIn(pid, self.q(query))
        self.assertIn(pid, self.q("锂电"), "a two-character query finds the pair inside a longer skill")
        self.assertEqual(self.q("工程车"), [], "no position in the province says 工程车")
        # The demo's own 新能源材料研发工程师 is found the same way.
        demo = [i for i in self.q("新能源材料研发工程师") if i != pid]
        self.assertTrue(demo, "the demo province has a 新能源材料研发工程师")
        for query in ["工程师", "材料"]:
            self.assertTrue(set(demo) <= set(self.q(query)), query)
        # The employer's name is searchable, and the query combines with filters.
        self.assertIn(pid, self.q(p["employer_name"]))
        self.assertEqual(self.q("工程师", f"&employer_id={self.emp2_id}&city=jinzhong"), [pid])
        self.assertNotIn(pid, self.q("工程师", "&city=taiyuan"))

    def test_c_english_words_any_case(self):
        p = self.post(token=self.employer2, title="Senior Hydrogen Electrolyser Engineer", lang="en",
                      skills=["PEM stacks", "Rust"], field="chemical_engineering",
                      description="Design PEM electrolysers for the Taiyuan plant; C++ and Rust.")
        pid = p["id"]
        for query in ["hydrogen", "HYDROGEN", "Hydrogen electrolyser", "electrolyser ENGINEER", "rust", "pem",
                      "c++", "C++", "Electrolysers", "chemical engineering", "taiyuan", "化学工程", "Hydrogen 太原"]:
            with self.subTest(q=query):
                self.assertIn(pid, self.q(query))
        for query in ["hydro", "electro", "hydrogen unicorn", "python", "c#"]:
            with self.subTest(q=query):
                self.assertNotIn(pid, self.q(query), "words are whole words, and every one must occur")

    def test_c_filters_and_paging(self):
        made = [
            self.post(token=self.employer2, title="Filter A", lang="en", engagement="part_time", field="healthcare",
                      city="shuozhou", pay_min_cny=5000, pay_max_cny=7000),
            self.post(token=self.employer2, title="Filter B", lang="en", engagement="project", field="healthcare",
                      city="shuozhou", pay_min_cny=5000, pay_max_cny=9000),
            self.post(token=self.employer, title="Filter C", lang="en", engagement="part_time", field="logistics",
                      city="yangquan", pay_min_cny=1000, pay_max_cny=8999),
        ]
        everything = self.ok(self.c.get(f"/api/v1/positions?{ALL}"))["items"]
        ids = [p["id"] for p in everything]
        self.assertEqual(ids, sorted(ids, reverse=True), "newest first")
        by_id = {p["id"]: p for p in everything}
        a, b, c = (p["id"] for p in made)
        for query, keep in [("engagement=part_time", lambda p: p["engagement"] == "part_time"),
                            ("field=healthcare", lambda p: p["field"] == "healthcare"),
                            ("city=shuozhou", lambda p: p["city"] == "shuozhou"),
                            (f"employer_id={self.emp2_id}", lambda p: p["employer_id"] == self.emp2_id),
                            ("pay_at_least=9000", lambda p: p["pay_max_cny"] >= 9000),
                            ("pay_at_least=0", lambda p: True),
                            ("engagement=part_time&city=shuozhou",
                             lambda p: p["engagement"] == "part_time" and p["city"] == "shuozhou")]:
            with self.subTest(query=query):
                self.assertEqual(self.search(query), [i for i in ids if keep(by_id[i])])
        self.assertEqual(self.search("city=shuozhou&field=healthcare"), [b, a])
        self.assertEqual(self.search("city=shuozhou&pay_at_least=9000"), [b])
        self.assertEqual(self.search("city=shuozhou&pay_at_least=9001"), [])
        self.assertIn(c, self.search("pay_at_least=8999"))
        self.assertNotIn(c, self.search("pay_at_least=9000"))
        self.assertEqual(self.search("employer_id=999999"), [])
        # Paging: ?limit= and ?before=ID walk the whole list, newest first, without repeats.
        walked, before = [], ""
        while True:
            page = [p["id"] for p in self.ok(self.c.get(f"/api/v1/positions?limit=4{before}"))["items"]]
            self.assertLessEqual(len(page), 4)
            walked += page
            if len(page) < 4:
                break
            before = f"&before={page[-1]}"
        self.assertEqual(walked, ids)
        self.assertEqual(len(self.ok(self.c.get("/api/v1/positions"))["items"]), min(100, len(ids)), "100 by default")
        self.assertEqual(self.search(f"before={b}&city=shuozhou"), [a])
        # Bad queries and filters name the parameter.
        for query, field in [("q=!!!", "q"), ("q=%E3%80%82%EF%BC%8C", "q"), ("q=" + "a" * 101, "q"),
                             ("engagement=fulltime", "engagement"), ("field=materials", "field"), ("city=beijing", "city"),
                             ("pay_at_least=-1", "pay_at_least"), ("pay_at_least=abc", "pay_at_least"),
                             ("pay_at_least=10000001", "pay_at_least"), ("limit=0", "limit"), ("limit=501", "limit"),
                             ("limit=x", "limit"), ("before=0", "before"), ("before=x", "before"),
                             ("employer_id=x", "employer_id"), ("employer_id=-3", "employer_id")]:
            with self.subTest(query=query):
                self.problem(self.c.get("/api/v1/positions?" + query), 422, field)
                self.problem(self.c.get("/api/v1/positions.atom?" + query), 422, field)
        self.assertEqual(self.search(), ids, "refused queries changed nothing")

    def test_c_search_follows_an_employer_rename(self):
        """A position is found by its employer's name; once the employer is renamed (PUT
        /api/v1/employers/{id}), by the new name the positions show and no longer by the old."""
        login = self.c.login("employer3")
        eid = login["user"]["employer_id"]
        employer = self.ok(self.c.get(f"/api/v1/employers/{eid}", token=self.officer))
        fields = {k: employer[k] for k in ("name", "kind", "ownership", "city", "avg_monthly_salary_fen")}
        theirs = self.search(f"employer_id={eid}")
        self.assertTrue(theirs, "the demo's third employer has open positions")
        self.assertTrue(set(theirs) <= set(self.q(employer["name"])))
        self.ok(self.c.request("PUT", f"/api/v1/employers/{eid}", {**fields, "name": "晋北重型机械测试公司"}, token=self.officer))
        self.addCleanup(self.c.request, "PUT", f"/api/v1/employers/{eid}", fields, token=self.officer)
        shown = {p["employer_name"] for p in self.ok(self.c.get(f"/api/v1/positions?employer_id={eid}"))["items"]}
        self.assertEqual(shown, {"晋北重型机械测试公司"})
        self.assertEqual(self.q("晋北重型机械测试公司"), theirs, "found by the name they show")
        self.assertEqual([i for i in self.q(employer["name"]) if i in theirs], [], "not by a name they no longer show")

    # Closing and editing.

    def test_d_closed_positions_leave_the_search_and_take_no_applications(self):
        p = self.post(title="即将关闭的岗位测试", skills=["关闭测试"])
        pid = p["id"]
        self.assertIn(pid, self.q("关闭测试"))
        self.problem(self.c.post(f"/api/v1/positions/{pid}/close", None, token=self.employer2), 403)
        self.problem(self.c.post(f"/api/v1/positions/{pid}/close", None, token=self.talent), 403)
        mark = self.audit_mark()
        closed = self.ok(self.c.post(f"/api/v1/positions/{pid}/close", None, token=self.staff))
        self.assertEqual(closed["status"], "closed")
        self.assertEqual(self.market_audit(mark), [("position.close", "position", str(pid), self.actor("demo.staff"))])
        self.assertNotIn(pid, self.search())
        self.assertNotIn(pid, self.q("关闭测试"))
        in_feed = [e.find(ATOM + "id").text for e in self.feed()[1].iter(ATOM + "entry")]
        self.assertNotIn(f"urn:jincai:position:{pid}", in_feed)
        one = self.ok(self.c.get(f"/api/v1/positions/{pid}"))
        self.assertEqual((one["status"], one["title"]), ("closed", p["title"]))
        mine = self.ok(self.c.get(f"/api/v1/employers/{self.emp_id}/positions", token=self.employer))["items"]
        self.assertEqual([x["status"] for x in mine if x["id"] == pid], ["closed"], "its employer still lists it")
        mark = self.audit_mark()
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", {"cover_note": "x"}, token=self.talent), 409)
        self.problem(self.c.post(f"/api/v1/positions/{pid}/close", None, token=self.employer), 409)
        self.problem(self.c.post(f"/api/v1/positions/{pid}/close", None, token=self.officer), 409)
        self.problem(self.c.request("PUT", f"/api/v1/positions/{pid}", position(title="复活"), token=self.employer), 409)
        self.assertEqual(self.audit_mark(), mark)
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{pid}")), one)
        self.assertNotIn(pid, [i["position"]["id"] for i in
                               self.ok(self.c.get("/api/v1/market/matches?limit=500", token=self.talent))["items"]])
        # The office closes any employer's position.
        other = self.post(token=self.employer2, title="Office closes")
        self.assertEqual(self.ok(self.c.post(f"/api/v1/positions/{other['id']}/close", None, token=self.officer))["status"],
                         "closed")
        self.problem(self.c.post("/api/v1/positions/999999/close", None, token=self.employer), 404)
        self.problem(self.c.get("/api/v1/positions/999999"), 404)

    def test_d_editing(self):
        p = self.post(title="可编辑岗位甲乙", skills=["旧技能"], description="旧的说明文字。")
        pid = p["id"]
        mark = self.audit_mark()
        for token, status in [(self.employer2, 403), (self.officer, 403), (self.talent, 403)]:
            self.problem(self.c.request("PUT", f"/api/v1/positions/{pid}", position(title="Mallory"), token=token), status)
        self.problem(self.c.request("PUT", "/api/v1/positions/999999", position(), token=self.employer), 404)
        self.assertEqual(self.audit_mark(), mark)
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{pid}"))["title"], "可编辑岗位甲乙")
        body = position(title="改过的岗位丙丁", skills=["新技能"], description="新的说明文字。", city="yuncheng",
                        engagement="project", lang="en", pay_min_cny=1, pay_max_cny=2)
        edited = self.ok(self.c.request("PUT", f"/api/v1/positions/{pid}", body, token=self.staff))
        self.assertEqual({k: edited[k] for k in body}, body)
        self.assertEqual((edited["id"], edited["status"], edited["created_at"]), (pid, "open", p["created_at"]))
        self.assertEqual({k: self.ok(self.c.get(f"/api/v1/positions/{pid}"))[k] for k in body}, body)
        self.assertEqual(self.market_audit(mark), [("position.edit", "position", str(pid), self.actor("demo.staff"))])
        # The search follows the new text.
        for query in ["岗位甲乙", "旧技能", "旧的说明"]:
            self.assertNotIn(pid, self.q(query), query)
        for query in ["岗位丙丁", "新技能", "新的说明", "运城"]:
            self.assertIn(pid, self.q(query), query)
        self.assertIn(pid, self.search("engagement=project&city=yuncheng"))

    # The feed.

    def test_e_atom_feed(self):
        title = 'Lead <Rust> & C++ "engineer" \'now\''
        p = self.post(token=self.employer2, title=title, lang="en",
                      description="Build <widgets> & ship them.\n\nNo <script>.")
        r, feed = self.feed()
        text = r.body.decode()
        self.assertNotIn("<Rust>", text)
        self.assertNotIn("<widgets>", text)
        self.assertNotIn("<script>", text)
        self.assertEqual(feed.tag, ATOM + "feed")
        self.assertEqual(feed.find(ATOM + "id").text, "urn:jincai:positions")
        entries = feed.findall(ATOM + "entry")
        ids = [e.find(ATOM + "id").text for e in entries]
        self.assertEqual(ids, [f"urn:jincai:position:{i}" for i in self.search()], "one entry per open position")
        self.assertEqual(len(set(ids)), len(ids))
        entry = entries[ids.index(f"urn:jincai:position:{p['id']}")]
        self.assertEqual(entry.find(ATOM + "title").text, title, "escaped once in the XML, the text itself")
        self.assertEqual(entry.find(ATOM + "content").text, p["description"])
        self.assertEqual(entry.find(ATOM + "content").get("{http://www.w3.org/XML/1998/namespace}lang"), "en")
        self.assertEqual(entry.find(ATOM + "link").get("href"), f"/positions/{p['id']}")
        self.assertEqual(entry.find(ATOM + "category").get("term"), p["engagement"])
        self.assertEqual(entry.find(ATOM + "author").find(ATOM + "name").text, p["employer_name"])
        self.assertIn("太原市", entry.find(ATOM + "summary").text)
        for e in entries:
            for tag in ("title", "id", "updated", "published", "summary", "content"):
                self.assertIsNotNone(e.find(ATOM + tag), tag)
        # The same filters as the search; by default the same (at most 100) newest.
        _, default = self.feed("")
        newest = [x["id"] for x in self.ok(self.c.get("/api/v1/positions"))["items"]]
        self.assertEqual([e.find(ATOM + "id").text for e in default.findall(ATOM + "entry")],
                         [f"urn:jincai:position:{i}" for i in newest])
        _, mine = self.feed(f"employer_id={self.emp2_id}&q=rust&limit=500")
        self.assertEqual([e.find(ATOM + "id").text for e in mine.findall(ATOM + "entry")],
                         [f"urn:jincai:position:{i}" for i in self.search(f"employer_id={self.emp2_id}&q=rust")])

    def test_e_feed_stays_well_formed_with_control_characters(self):
        """A title or description with a C0 control character (U+0001, U+000B ...), which XML
        1.0 cannot carry even escaped, is refused (422 naming the field), so the feed stays
        well-formed."""
        for field, value in [("title", "Control\u0001char"), ("description", "Vertical\u000btab")]:
            with self.subTest(field=field):
                r = self.c.post("/api/v1/positions", position(**{field: value, "lang": "en"}), token=self.employer2)
                self.assertEqual(r.status, 422, r)
                self.assertEqual(r.json().get("field"), field, r)
        ET.fromstring(self.c.get("/api/v1/positions.atom?" + ALL).body)

    # Profiles and matching.

    def test_f_market_profile(self):
        login = self.new_talent({"birth_date": "1980-01-01", "engagement": "consultant", "field": "biomedicine"})
        token = login["token"]
        drawn = self.ok(self.c.get("/api/v1/market/profile", token=token))
        self.assertEqual(drawn, {"talent_id": login["user"]["talent_id"], "field": "biomedicine", "skills": [],
                                 "cities": [], "engagements": ["consultant"], "min_pay_cny": 0, "summary": "",
                                 "visible": False, "updated_at": ""}, "drawn from the dossier, not saved")
        bare = self.new_talent()
        self.assertEqual(self.ok(self.c.get("/api/v1/market/profile", token=bare["token"]))["field"], "")
        mark = self.audit_mark()
        good = {"field": "biomedicine", "skills": ["细胞培养"], "cities": ["taiyuan"], "engagements": ["consultant"],
                "min_pay_cny": 20000, "summary": "十年细胞治疗经验。", "visible": True}
        for change, field in [({"cities": ["beijing"]}, "cities"), ({"cities": ["taiyuan", "paris"]}, "cities"),
                              ({"cities": "taiyuan"}, "cities"), ({"engagements": ["sometimes"]}, "engagements"),
                              ({"engagements": ["full-time"]}, "engagements"), ({"field": "biology"}, "field"),
                              ({"field": 3}, "field"), ({"visible": "true"}, "visible"), ({"visible": 1}, "visible"),
                              ({"visible": None}, "visible"), ({"min_pay_cny": -1}, "min_pay_cny"),
                              ({"min_pay_cny": "20000"}, "min_pay_cny"),
                              ({"skills": [f"s{i}" for i in range(31)]}, "skills"),
                              ({"skills": [""]}, "skills"), ({"summary": "x" * 2001}, "summary"), ({"extra": 1}, "extra")]:
            with self.subTest(change=change):
                self.problem(self.c.request("PUT", "/api/v1/market/profile", {**good, **change}, token=token), 422, field)
        self.assertEqual(self.audit_mark(), mark, "a refusal writes no audit record")
        self.assertEqual(self.ok(self.c.get("/api/v1/market/profile", token=token)), drawn)
        saved = self.put_profile(token, good)
        self.assertEqual({k: saved[k] for k in good}, good)
        self.assertTrue(saved["updated_at"])
        self.assertEqual(self.ok(self.c.get("/api/v1/market/profile", token=token)), saved)
        self.assertEqual(self.market_audit(mark), [("market_profile.put", "market_profile", str(login["user"]["talent_id"]),
                                                    f"user:{login['user']['user_id']}")])
        # Only talents keep one.
        for t in (self.employer, self.officer):
            self.problem(self.c.get("/api/v1/market/profile", token=t), 403)
            self.problem(self.c.request("PUT", "/api/v1/market/profile", good, token=t), 403)
            self.problem(self.c.get("/api/v1/market/matches", token=t), 403)
        self.problem(self.c.get("/api/v1/market/profile"), 401)

    def test_g_matches_ranked_with_reasons(self):
        fit = self.post(token=self.employer2, title="等离子体刻蚀工艺专家", field="biomedicine", city="yangquan",
                        engagement="part_time", skills=["等离子体刻蚀", "原子层沉积"], pay_min_cny=30000, pay_max_cny=50000)
        half = self.post(token=self.employer2, title="刻蚀设备工程师", field="biomedicine", city="yangquan",
                         engagement="part_time", skills=["等离子体刻蚀", "真空系统"], pay_min_cny=30000, pay_max_cny=50000)
        poor = self.post(token=self.employer2, title="低薪远地岗位", field="finance", city="lvliang",
                         engagement="full_time", skills=["会计"], pay_min_cny=1000, pay_max_cny=2000)
        login = self.new_talent()
        self.put_profile(login["token"], {"field": "biomedicine", "skills": ["原子层沉积", "等离子体刻蚀"],
                                          "cities": ["yangquan"], "engagements": ["part_time"], "min_pay_cny": 40000,
                                          "summary": "", "visible": False})
        items = self.ok(self.c.get("/api/v1/market/matches?limit=500", token=login["token"]))["items"]
        self.assertEqual(sorted(i["position"]["id"] for i in items), sorted(self.search()), "every open position, once")
        scores = [i["match"]["score"] for i in items]
        self.assertEqual(scores, sorted(scores, reverse=True), "best first")
        for i in items:
            self.check_match(i["match"])
        first = items[0]
        self.assertEqual((first["position"]["id"], first["match"]["score"]), (fit["id"], 100))
        self.assertTrue(all(r["met"] for r in first["match"]["reasons"]))
        self.assertEqual(first["position"]["title"], fit["title"])
        by_id = {i["position"]["id"]: i["match"] for i in items}
        reasons = {r["criterion"]: r for r in by_id[half["id"]]["reasons"]}
        self.assertEqual(by_id[half["id"]]["score"], 80)
        self.assertEqual((reasons["skills"]["points"], reasons["skills"]["met"]), (20, False))
        self.assertIn("真空系统", reasons["skills"]["en"])
        self.assertIn("真空系统", reasons["skills"]["zh"])
        reasons = {r["criterion"]: r for r in by_id[poor["id"]]["reasons"]}
        self.assertEqual(by_id[poor["id"]]["score"], 0)
        self.assertIn("Lüliang", reasons["city"]["en"])  # named by its label, not its code
        self.assertIn("吕梁市", reasons["city"]["zh"])
        self.assertIn("2000", reasons["pay"]["en"])
        self.assertIn("40000", reasons["pay"]["en"])
        self.assertIn("生物医药", reasons["field"]["zh"])
        one = self.ok(self.c.get("/api/v1/market/matches?limit=1", token=login["token"]))["items"]
        self.assertEqual([i["position"]["id"] for i in one], [fit["id"]])
        for query in ("limit=0", "limit=501", "limit=x"):
            self.problem(self.c.get("/api/v1/market/matches?" + query, token=login["token"]), 422, "limit")
        # No preference on a criterion suits every position on it.
        open_login = self.new_talent()
        self.put_profile(open_login["token"], {"field": "biomedicine", "skills": ["等离子体刻蚀", "原子层沉积"]})
        m = {i["position"]["id"]: i["match"] for i in
             self.ok(self.c.get("/api/v1/market/matches?limit=500", token=open_login["token"]))["items"]}
        self.assertEqual(m[fit["id"]]["score"], 100)
        self.assertEqual(m[poor["id"]]["score"], 35)  # city, engagement and pay: no preference stated

    def test_g_matching_reads_no_barrier_attribute(self):
        """Two talents who differ in household registration, education, identity and age
        but keep the same profile see the same positions with the same scores and reasons."""
        a = self.new_talent({"birth_date": "1980-01-01", "hukou_province": "Shanxi", "education": "doctorate",
                             "identity": "none", "field": "biomedicine", "engagement": "full_time",
                             "honors": ["national_talent_program"]})
        b = self.new_talent({"birth_date": "1992-07-07", "hukou_province": "Guangdong", "education": "none",
                             "identity": "farmer", "field": "finance", "engagement": "project"})
        profile = {"field": "new_materials", "skills": ["锂电池", "Python"], "cities": ["taiyuan"],
                   "engagements": ["full_time"], "min_pay_cny": 30000, "summary": "", "visible": False}
        for login in (a, b):
            self.put_profile(login["token"], profile)
        ma = self.ok(self.c.get("/api/v1/market/matches?limit=500", token=a["token"]))["items"]
        mb = self.ok(self.c.get("/api/v1/market/matches?limit=500", token=b["token"]))["items"]
        self.assertEqual([(i["position"]["id"], i["match"]) for i in ma], [(i["position"]["id"], i["match"]) for i in mb])
        # And an employer sees the two applicants with the same score for the same reasons.
        p = self.post(title="无门槛岗位", skills=["锂电池", "Python"])
        for login in (a, b):
            self.ok(self.c.post(f"/api/v1/positions/{p['id']}/applications", None, token=login["token"]), 201)
        apps = self.ok(self.c.get(f"/api/v1/positions/{p['id']}/applications", token=self.employer))["items"]
        self.assertEqual(len(apps), 2)
        self.assertEqual(apps[0]["match"], apps[1]["match"])

    def test_h_candidates(self):
        p = self.post(token=self.employer2, title="冷冻电镜平台负责人", field="biomedicine", city="xinzhou",
                      engagement="full_time", skills=["冷冻电镜", "结构生物学"], pay_min_cny=40000, pay_max_cny=60000)
        pid = p["id"]
        shown = self.new_talent()     # visible, a perfect fit, did not apply
        self.put_profile(shown["token"], {"field": "biomedicine", "skills": ["冷冻电镜", "结构生物学"], "cities": ["xinzhou"],
                                          "engagements": ["full_time"], "min_pay_cny": 40000, "visible": True})
        hidden = self.new_talent()    # hidden, a perfect fit, did not apply: not listed
        self.put_profile(hidden["token"], {"field": "biomedicine", "skills": ["冷冻电镜", "结构生物学"], "visible": False})
        shy = self.new_talent()       # hidden but applied: listed
        self.put_profile(shy["token"], {"field": "biomedicine", "skills": ["冷冻电镜"], "visible": False})
        bare = self.new_talent({"birth_date": "1985-03-03", "field": "biomedicine", "engagement": "consultant"})
        applied = {}
        for login in (shy, bare):
            applied[login["user"]["talent_id"]] = self.ok(
                self.c.post(f"/api/v1/positions/{pid}/applications", None, token=login["token"]), 201)["id"]
        items = self.ok(self.c.get(f"/api/v1/positions/{pid}/candidates?limit=500", token=self.employer2))["items"]
        listed = {i["talent_id"]: i for i in items}
        self.assertEqual(len(listed), len(items), "each talent once")
        self.assertEqual(items[0]["talent_id"], shown["user"]["talent_id"])
        self.assertEqual(items[0]["match"]["score"], 100)
        self.assertEqual((items[0]["stage"], items[0]["application_id"], items[0]["has_profile"]), (None, None, True))
        self.assertNotIn(hidden["user"]["talent_id"], listed, "a hidden profile that did not apply is not listed")
        for tid, app_id in applied.items():
            self.assertEqual((listed[tid]["stage"], listed[tid]["application_id"]), ("applied", app_id))
        self.assertTrue(listed[shy["user"]["talent_id"]]["has_profile"])
        self.assertFalse(listed[bare["user"]["talent_id"]]["has_profile"])
        self.assertEqual(listed[bare["user"]["talent_id"]]["profile"]["engagements"], ["consultant"],
                         "drawn from the dossier")
        self.assertEqual(listed[shy["user"]["talent_id"]]["match"]["score"], 80)
        self.assertIn(self.logins["demo.talent"]["user"]["talent_id"], listed, "the demo talent's visible profile")
        keys = [(-i["match"]["score"], i["talent_id"]) for i in items]
        self.assertEqual(keys, sorted(keys), "best first, then by talent")
        for i in items:
            self.check_match(i["match"])
            self.assertTrue(i["name"], i)
        # The same ranking for the office; a limit; nobody else sees it.
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{pid}/candidates?limit=500", token=self.officer))["items"],
                         items)
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{pid}/candidates?limit=2", token=self.employer2))["items"],
                         items[:2])
        self.assertEqual(len(self.ok(self.c.get(f"/api/v1/positions/{pid}/candidates", token=self.employer2))["items"]),
                         min(100, len(items)))
        self.problem(self.c.get(f"/api/v1/positions/{pid}/candidates", token=self.employer), 404)
        self.problem(self.c.get(f"/api/v1/positions/{pid}/candidates", token=self.staff), 404)
        self.problem(self.c.get(f"/api/v1/positions/{pid}/candidates", token=self.talent), 403)
        self.problem(self.c.get(f"/api/v1/positions/{pid}/candidates?limit=0", token=self.employer2), 422, "limit")

    # The applicant pipeline.

    def test_i_pipeline(self):
        p = self.post(title="流程测试岗位", skills=["流程"], pay_min_cny=20000, pay_max_cny=30000)
        pid = p["id"]
        hire, decline, leave = self.new_talent(), self.new_talent(), self.new_talent()
        self.put_profile(hire["token"], {"field": "new_materials", "skills": ["流程"], "visible": False})
        mark = self.audit_mark()
        app = self.ok(self.c.post(f"/api/v1/positions/{pid}/applications", {"cover_note": "我有十年经验。"},
                                  token=hire["token"]), 201)
        aid = app["id"]
        self.assertEqual((app["position_id"], app["talent_id"], app["stage"], app["cover_note"], app["reason"]),
                         (pid, hire["user"]["talent_id"], "applied", "我有十年经验。", ""))
        self.assertEqual((app["position_title"], app["position_status"], app["stage_zh"]), (p["title"], "open", "已投递"))
        self.check_match(app["match"])
        self.assertEqual(app["match"]["score"], 100)
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", None, token=hire["token"]), 409)
        d_id = self.ok(self.c.post(f"/api/v1/positions/{pid}/applications", None, token=decline["token"]), 201)["id"]
        l_id = self.ok(self.c.post(f"/api/v1/positions/{pid}/applications", None, token=leave["token"]), 201)["id"]
        refusals = self.audit_mark()
        # Refused: the wrong side, the wrong stage, the wrong employer, a missing reason.
        self.problem(self.act(hire["token"], aid, "accept"), 409)            # not offered
        self.problem(self.act(hire["token"], aid, "shortlist"), 403)         # a talent is not the employer
        self.problem(self.act(hire["token"], aid, "offer"), 403)
        self.problem(self.act(self.employer, aid, "accept"), 403)            # the employer is not the applicant
        self.problem(self.act(self.employer, aid, "withdraw"), 403)
        self.problem(self.act(self.employer2, aid, "shortlist"), 404)        # another employer: not found
        self.problem(self.c.get(f"/api/v1/position-applications/{aid}", token=self.employer2), 404)
        self.problem(self.act(decline["token"], aid, "withdraw"), 404)       # another talent: not found
        self.problem(self.c.get(f"/api/v1/position-applications/{aid}", token=decline["token"]), 404)
        self.problem(self.c.get(f"/api/v1/positions/{pid}/applications", token=self.employer2), 404)
        self.problem(self.act(self.employer, aid, "decline"), 422, "reason")
        self.problem(self.act(self.employer, aid, "decline", {"reason": " \n "}), 422, "reason")
        self.problem(self.act(self.employer, aid, "hire"), 422, "action")
        self.problem(self.act(self.employer, aid, "shortlist", {"note": "x"}), 422, "note")
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", {"cover_note": 5}, token=self.talent), 422,
                     "cover_note")
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", {"cover_note": "x" * 4001}, token=self.talent),
                     422, "cover_note")
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", None, token=self.employer), 403)
        self.problem(self.c.post("/api/v1/positions/999999/applications", None, token=self.talent), 404)
        self.problem(self.c.get("/api/v1/position-applications", token=self.employer), 403)
        self.assertEqual(self.audit_mark(), refusals, "refusals write no audit record")
        self.assertEqual(self.application(aid, hire["token"])["stage"], "applied")
        # Shortlist (staff), interview, offer (the employer), accept (the talent): hired.
        steps = [(self.staff, "shortlist", "shortlisted"), (self.employer, "interview", "interview"),
                 (self.employer, "offer", "offered"), (hire["token"], "accept", "hired")]
        for token, action, stage in steps:
            moved = self.ok(self.act(token, aid, action))
            self.assertEqual(moved["stage"], stage, action)
            self.assertEqual(self.application(aid, self.employer)["stage"], stage)
        self.assertEqual(self.application(aid, hire["token"])["stage_zh"], "已录用")
        after = self.audit_mark()
        for token, action in [(self.employer, "shortlist"), (self.employer, "offer"), (self.employer, "interview"),
                              (self.employer, "decline"), (hire["token"], "withdraw"), (hire["token"], "accept")]:
            body = {"reason": "太晚了"} if action == "decline" else None
            self.problem(self.act(token, aid, action, body), 409)
        self.assertEqual(self.audit_mark(), after, "no step out of hired")
        # An offer straight after the application, then a decline with its reason, seen by the talent.
        self.assertEqual(self.ok(self.act(self.employer, d_id, "offer"))["stage"], "offered")
        declined = self.ok(self.act(self.employer, d_id, "decline", {"reason": "岗位已招满"}))
        self.assertEqual((declined["stage"], declined["reason"]), ("declined", "岗位已招满"))
        seen = self.application(d_id, decline["token"])
        self.assertEqual((seen["stage"], seen["reason"], seen["stage_zh"]), ("declined", "岗位已招满", "未录用"))
        self.problem(self.act(decline["token"], d_id, "accept"), 409)
        self.problem(self.act(decline["token"], d_id, "withdraw"), 409)
        self.problem(self.act(self.employer, d_id, "shortlist"), 409, None)
        # A talent withdraws from the shortlist; nothing moves a withdrawn application.
        self.ok(self.act(self.employer, l_id, "shortlist"))
        self.assertEqual(self.ok(self.act(leave["token"], l_id, "withdraw"))["stage"], "withdrawn")
        self.problem(self.act(self.employer, l_id, "interview"), 409)
        self.problem(self.c.post(f"/api/v1/positions/{pid}/applications", None, token=leave["token"]), 409)
        # Lists: the talent's own, the position's (best match first), counts by stage.
        mine = self.ok(self.c.get("/api/v1/position-applications", token=hire["token"]))["items"]
        self.assertEqual([(a["id"], a["stage"]) for a in mine], [(aid, "hired")])
        listed = self.ok(self.c.get(f"/api/v1/positions/{pid}/applications", token=self.staff))["items"]
        self.assertEqual(sorted(a["id"] for a in listed), sorted([aid, d_id, l_id]))
        self.assertEqual(listed[0]["id"], aid)
        scores = [a["match"]["score"] for a in listed]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertEqual(self.ok(self.c.get(f"/api/v1/positions/{pid}/applications", token=self.officer))["items"], listed)
        counts = [x.get("applications") for x in
                  self.ok(self.c.get(f"/api/v1/employers/{self.emp_id}/positions", token=self.employer))["items"]
                  if x["id"] == pid]
        self.assertEqual(counts, [{"hired": 1, "declined": 1, "withdrawn": 1}])
        self.problem(self.c.get(f"/api/v1/employers/{self.emp_id}/positions", token=self.employer2), 404)
        # Every change is audited, by whom it was made.
        uid = lambda login: f"user:{login['user']['user_id']}"  # noqa: E731
        emp, staff = self.actor("demo.employer"), self.actor("demo.staff")
        expected = [("position_application.apply", aid, uid(hire)), ("position_application.apply", d_id, uid(decline)),
                    ("position_application.apply", l_id, uid(leave)),
                    ("position_application.shortlist", aid, staff), ("position_application.interview", aid, emp),
                    ("position_application.offer", aid, emp), ("position_application.accept", aid, uid(hire)),
                    ("position_application.offer", d_id, emp), ("position_application.decline", d_id, emp),
                    ("position_application.shortlist", l_id, emp), ("position_application.withdraw", l_id, uid(leave))]
        self.assertEqual(self.market_audit(mark),
                         [(action, "position_application", str(i), actor) for action, i, actor in expected])

    def test_i_a_talent_sees_their_applications_newest_first(self):
        login = self.new_talent()
        first = self.post(title="第一个投递", skills=[])
        second = self.post(token=self.employer2, title="第二个投递", skills=[])
        ids = [self.ok(self.c.post(f"/api/v1/positions/{p['id']}/applications", None, token=login["token"]), 201)["id"]
               for p in (first, second)]
        mine = self.ok(self.c.get("/api/v1/position-applications", token=login["token"]))["items"]
        self.assertEqual([a["id"] for a in mine], ids[::-1])
        self.assertEqual([a["employer_name"] for a in mine], [second["employer_name"], first["employer_name"]])
        # Closing a position does not hide the application from its talent.
        self.ok(self.c.post(f"/api/v1/positions/{first['id']}/close", None, token=self.employer))
        mine = self.ok(self.c.get("/api/v1/position-applications", token=login["token"]))["items"]
        self.assertEqual([(a["id"], a["position_status"]) for a in mine], [(ids[1], "open"), (ids[0], "closed")])

    def test_i_out_of_scope_answers_like_missing(self):
        """A position, application or employer outside the caller's scope answers exactly like
        a missing one, in both languages, and the detail names the id asked for (as every
        other record-not-found does, see authz_matrix_test.py)."""
        p = self.post(title="范围测试岗位")
        app = self.ok(self.c.post(f"/api/v1/positions/{p['id']}/applications", None,
                                  token=self.new_talent()["token"]), 201)
        cases = [(self.employer2, "/api/v1/positions/{}/candidates", p["id"]),
                 (self.employer2, "/api/v1/positions/{}/applications", p["id"]),
                 (self.employer2, "/api/v1/position-applications/{}", app["id"]),
                 (self.talent, "/api/v1/position-applications/{}", app["id"]),
                 (self.employer2, "/api/v1/employers/{}/positions", self.emp_id)]
        for token, template, hidden in cases:
            missing = 999999
            for client in (self.c, self.zh):
                with self.subTest(path=template, lang=client.lang):
                    a = client.get(template.format(hidden), token=token)
                    b = client.get(template.format(missing), token=token)
                    self.assertEqual((a.status, b.status), (404, 404), (a, b))
                    da, db = a.json(), b.json()
                    self.assertEqual((da["type"], da["title"]), (db["type"], db["title"]))
                    self.assertEqual(re.sub(rf"\b{hidden}\b", "ID", da["detail"]),
                                     re.sub(rf"\b{missing}\b", "ID", db["detail"]))
                    self.assertIn(str(hidden), da["detail"])

    def test_z_audit_chain_intact(self):
        self.audit_mark()
        self.assertNotIn("jincai serve:", self.srv.stderr_text(), "no internal error was logged")


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
