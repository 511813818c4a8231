#!/usr/bin/env python3
"""Entitlement claims over HTTP against a live `jincai serve --demo`: the card holder's
claims and what their card does not grant, bad bodies answered with the field and
nothing changed, an employer's flat inventory and an assignment refused twice, the
office's schools and a repeatable placement run, a settlement letter checked by its
number in both languages, an allowance month paid once; and the office's batch jobs
`jincai placement run` and `jincai allowances due` on the same database.
Usage: claims_test.py JINCAI_BINARY"""
import json
import os
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import ReplyChecks, Server  # noqa: E402

BINARY = None


class ClaimsApiTest(ReplyChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.srv.stop)
        cls.c = cls.srv.client("en")
        cls.zh = cls.srv.client()
        cls.talent = cls.c.login("demo.talent")["token"]
        cls.employer = cls.c.login("demo.employer")["token"]
        cls.officer = cls.c.login("demo.officer")["token"]
        cls.db = f"sqlite:{cls.srv.dir.name}/db/jincai.db"

    def claims(self, token, query=""):
        return self.ok(self.c.get("/api/v1/claims?limit=500" + query, token=token))["items"]

    def audit(self):
        return self.ok(self.c.get("/api/v1/audit/verify", token=self.officer))["records"]

    def test_holder_claims_only_what_the_card_grants(self):
        mine = self.claims(self.talent)
        kinds = {c["entitlement"]: c for c in mine}
        self.assertIn("residence_choice", kinds)
        self.assertEqual(kinds["residence_choice"]["state"], "chosen")
        app = self.ok(self.c.get(f"/api/v1/applications/{mine[0]['application_id']}", token=self.talent))
        granted = {e["id"] for e in app["decision"]["entitlements"]}
        before = self.audit()
        for entitlement in ["residence_permit_5y", "spouse_allowance", "school_choice"]:
            if entitlement in granted:
                continue
            body = {"entitlement": entitlement, "child": 1} if entitlement == "school_choice" else {"entitlement": entitlement}
            r = self.c.post("/api/v1/claims", body, token=self.talent)
            self.assertEqual(r.status, 422, r)
            self.assertEqual(r.json()["field"], "entitlement")
            self.assertIn("does not grant", r.json()["detail"])
        r = self.c.post("/api/v1/claims", {"entitlement": "residence_choice"}, token=self.talent)
        self.assertEqual(r.status, 409, r)
        for body, field in [({"entitlement": 5}, "entitlement"), ({"entitlement": "residence_choice", "x": 1}, "x"),
                            ({"entitlement": "school_choice", "child": "one"}, "child"), ({}, "entitlement")]:
            r = self.c.post("/api/v1/claims", body, token=self.talent)
            self.assertEqual((r.status, r.json().get("field")), (422, field), r)
        claim = kinds["residence_choice"]
        for body, field in [({"city": "paris"}, "city"), ({"city": 3}, "city"), ({"schools": "a"}, "schools"),
                            ({"city": "taiyuan", "county": "x" * 300}, "county"),
                            ({"city": "taiyuan", "county": "小店区。另经批准免于审查"}, "county"),
                            ({"city": "taiyuan", "county": "<b>x</b>"}, "county")]:
            r = self.c.post(f"/api/v1/claims/{claim['id']}/actions/choose", body, token=self.talent)
            self.assertEqual((r.status, r.json().get("field")), (422, field), r)
        r = self.c.post(f"/api/v1/claims/{claim['id']}/actions/choose", {"city": "taiyuan", "revision": 0},
                        token=self.talent)
        self.assertEqual(r.status, 409, r)  # a stale revision
        self.assertEqual(self.audit(), before, "refusals change nothing")
        self.assertEqual(self.ok(self.c.get(f"/api/v1/claims/{claim['id']}", token=self.talent))["revision"],
                         claim["revision"])

    def test_settlement_letter_is_checkable_by_its_number(self):
        claim = [c for c in self.claims(self.talent) if c["entitlement"] == "residence_choice"][0]
        chosen = self.ok(self.c.post(f"/api/v1/claims/{claim['id']}/actions/choose",
                                     {"city": "jinzhong", "county": "榆次区"}, token=self.talent))
        self.assertEqual(chosen["detail"]["city"], "jinzhong")
        r = self.c.post(f"/api/v1/claims/{claim['id']}/actions/issue_letter", None, token=self.talent)
        self.assertEqual(r.status, 403, r)
        issued = self.ok(self.c.post(f"/api/v1/claims/{claim['id']}/actions/issue_letter", None, token=self.officer))
        self.assertEqual(issued["state"], "letter_issued")
        number = issued["letter"]["number"]
        en = self.ok(self.c.get(f"/api/v1/letters/{number}"))
        zh = self.ok(self.zh.get(f"/api/v1/letters/{number}"))
        self.assertEqual((en["status"], en["kind"]), ("valid", "settlement"))
        self.assertIn("Jinzhong", en["body"])
        self.assertIn("晋中市榆次区", zh["body"])
        self.assertEqual([e["action"] for e in issued["timeline"]][-2:], ["choose", "issue_letter"])
        r = self.c.get("/api/v1/letters/JL-0000-0000-0000-0000")
        self.assertEqual(r.status, 404, r)

    def test_employer_inventory_and_one_claim_per_flat(self):
        flats = self.ok(self.c.get("/api/v1/flats", token=self.employer))["items"]
        bad = [({"address": "x", "area_m2": "86.555", "rooms": 2, "available_from": "2026-01-01",
                 "available_to": "2030-01-01"}, "area_m2"),
               ({"address": "x", "area_m2": "86", "rooms": 0, "available_from": "2026-01-01",
                 "available_to": "2030-01-01"}, "rooms"),
               ({"address": "x", "area_m2": "86", "rooms": 2, "available_from": "2026-02-30",
                 "available_to": "2030-01-01"}, "available_from"),
               ({"address": "x", "area_m2": 86, "rooms": 2, "available_from": "2026-01-01",
                 "available_to": "2030-01-01"}, "area_m2")]
        for body, field in bad:
            r = self.c.post("/api/v1/flats", body, token=self.employer)
            self.assertEqual((r.status, r.json().get("field")), (422, field), r)
        self.assertEqual(len(self.ok(self.c.get("/api/v1/flats", token=self.employer))["items"]), len(flats))
        new = self.ok(self.c.post("/api/v1/flats", {"address": "晋阳街 8 号 302", "area_m2": "75.5", "rooms": 2,
                                                    "available_from": "2026-01-01", "available_to": "2036-01-01"},
                                  token=self.employer), 201)
        self.assertIsNone(new["claim_id"])
        # Any housing claim of this employer, and a held flat of its own if there is one.
        housing = self.claims(self.employer, "&entitlement=turnover_housing")
        for c in housing:
            self.assertEqual(c["responsible"], "employer")
        held = [f for f in self.ok(self.c.get("/api/v1/flats", token=self.employer))["items"] if f["claim_id"]]
        if held:
            r = self.c.post(f"/api/v1/flats/{held[0]['id']}/retire", None, token=self.employer)
            self.assertEqual(r.status, 409, r)
        retired = self.ok(self.c.post(f"/api/v1/flats/{new['id']}/retire", None, token=self.employer))
        self.assertTrue(retired["retired"])

    def test_schools_and_a_repeatable_placement(self):
        r = self.c.post("/api/v1/schools", {"code": "T-1", "name": "x", "city": "taiyuan", "stage": "college",
                                            "capacity": 3}, token=self.officer)
        self.assertEqual((r.status, r.json().get("field")), (422, "stage"), r)
        r = self.c.post("/api/v1/schools", {"code": "T-1", "name": "x", "city": "taiyuan", "stage": "primary",
                                            "capacity": 3, "priority": ["tier", "tier"]}, token=self.officer)
        self.assertEqual((r.status, r.json().get("field")), (422, "priority"), r)
        school = self.ok(self.c.post("/api/v1/schools", {"code": "T-1", "name": "测试小学", "city": "taiyuan",
                                                         "stage": "primary", "capacity": 3, "priority": ["tier"]},
                                     token=self.officer), 201)
        r = self.c.post("/api/v1/schools", {"code": "T-1", "name": "dup", "city": "taiyuan", "stage": "primary",
                                            "capacity": 1}, token=self.officer)
        self.assertEqual(r.status, 409, r)
        changed = self.ok(self.c.request("PATCH", f"/api/v1/schools/{school['id']}", body={"capacity": 4},
                                         token=self.officer))
        self.assertEqual(changed["capacity"], 4)
        first = self.ok(self.c.post("/api/v1/placements", None, token=self.officer), 201)
        second = self.ok(self.c.post("/api/v1/placements", None, token=self.officer), 201)
        self.assertEqual(first["inputs_digest"], second["inputs_digest"])
        self.assertEqual(second["changed"], 0)
        self.assertEqual((first["children"], first["placed"]), (second["children"], second["placed"]))
        latest = self.ok(self.c.get("/api/v1/placements/latest", token=self.officer))
        self.assertEqual(latest["id"], second["id"])
        for c in self.claims(self.officer, "&entitlement=school_choice"):
            if c["state"] == "placed":
                self.assertIsNotNone(c["school"])
                self.assertGreaterEqual(c["detail"]["placement"]["choice"], 1)

    def test_allowance_month_paid_once_and_the_batch_jobs(self):
        for month in ("2026-13", "2999-01"):  # not a month; a month to come
            r = self.c.get(f"/api/v1/allowances/due?month={month}", token=self.employer)
            self.assertEqual((r.status, r.json().get("field")), (422, "month"), r)
        due = self.ok(self.c.get("/api/v1/allowances/due", token=self.employer))
        for item in due["items"]:
            self.assertGreater(item["amount_fen"], 0)
            self.assertIn(item["status"], ("due", "missed"))
        if due["items"]:
            item = due["items"][0]
            path = f"/api/v1/claims/{item['claim_id']}/payments"
            r = self.c.post(path, {"month": item["month"], "amount_fen": item["amount_fen"] + 1}, token=self.employer)
            self.assertEqual((r.status, r.json().get("field")), (422, "amount_fen"), r)
            r = self.c.post(path, {"month": "2099-01"}, token=self.employer)
            self.assertEqual((r.status, r.json().get("field")), (422, "month"), r)
            paid = self.ok(self.c.post(path, {"month": item["month"]}, token=self.employer), 201)
            self.assertEqual(paid["paid_fen"], item["amount_fen"])
            r = self.c.post(path, {"month": item["month"]}, token=self.employer)
            self.assertEqual(r.status, 409, r)
        # The batch jobs, on the server's database while it runs.
        month = due["month"]
        out = subprocess.run([BINARY, "allowances", "due", "--month", month, "--db", self.db], capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = [json.loads(line) for line in out.stdout.splitlines()]
        self.assertIn(f"{month}:", out.stderr)
        for line in lines:
            self.assertEqual(set(line), {"claim_id", "talent_id", "employer_id", "entitlement", "month", "amount_fen",
                                         "status", "policy_version", "salary_fen"})
        bad = subprocess.run([BINARY, "allowances", "due", "--month", "May", "--db", self.db], capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("YYYY-MM", bad.stderr)
        runs = [subprocess.run([BINARY, "placement", "run", "--db", self.db], capture_output=True, text=True,
                               timeout=60) for _ in range(2)]
        for run in runs:
            self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(runs[0].stdout, runs[1].stdout, "the same inputs, the same placement")
        digest = lambda run: run.stderr.rsplit("inputs ", 1)[1].strip()
        self.assertEqual(digest(runs[0]), digest(runs[1]))
        self.assertIn("0 changed", runs[1].stderr)

    def test_z_audit_chain_intact(self):
        v = self.ok(self.c.get("/api/v1/audit/verify", token=self.officer))
        self.assertTrue(v["ok"], v)
        self.assertNotIn("jincai serve:", self.srv.stderr_text())


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
