#!/usr/bin/env python3
"""The analyst's simulator against a live `jincai serve --demo`: the policy's parameters
with their values, a reform given as parameter values decided over a synthetic
population with the counts per tier, transitions and costs, the same answer for the
same request (the population kept in memory), and bad requests answered with the field.
Usage: simulations_test.py JINCAI_BINARY"""
import os
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import Server  # noqa: E402

BINARY = None


class SimulationsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.srv.stop)
        cls.c = cls.srv.client("en")
        cls.analyst = cls.c.login("demo.analyst")["token"]
        cls.talent = cls.c.login("demo.talent")["token"]

    def run_sim(self, body, status=200):
        r = self.c.post("/api/v1/simulations", body, token=self.analyst)
        self.assertEqual(r.status, status, r)
        return r.json()

    def test_parameters_carry_values_and_assumptions(self):
        r = self.c.get("/api/v1/simulator/parameters", token=self.analyst)
        self.assertEqual(r.status, 200, r)
        doc = r.json()
        params = {p["name"]: p for p in doc["items"]}
        self.assertEqual(params["spouse_allowance_factor"]["value"], "0.6")
        self.assertEqual(params["spouse_allowance_factor"]["kind"], "number")
        self.assertIn("assumption", params["tier_a_min_points"]["assumption"])
        self.assertEqual(doc["policy"]["policy_id"], "shanxi-2017")
        r = self.c.get("/api/v1/simulator/parameters?as_of=2018-01-01", token=self.analyst)
        self.assertEqual({p["name"]: p["value"] for p in r.json()["items"]}["pension_rate"], "0.2")
        r = self.c.get("/api/v1/simulator/parameters?as_of=2018-13-01", token=self.analyst)
        self.assertEqual((r.status, r.json().get("field")), (422, "as_of"))
        r = self.c.get("/api/v1/simulator/parameters", token=self.talent)
        self.assertEqual(r.status, 403, r)

    def test_a_reform_over_a_population(self):
        base = self.run_sim({"count": 20000, "seed": 7, "set": {}})
        report = base["report"]
        self.assertEqual(report["dossiers"], 20000)
        self.assertEqual(report["changed"], 0, "no change, no difference")
        reform = self.run_sim({"count": 20000, "seed": 7, "set": {"tier_a_min_points": 90, "spouse_allowance_factor": "0.8"}})
        self.assertTrue(reform["population"]["cached"])
        tiers = {t["id"]: t for t in reform["report"]["tiers"]}
        self.assertGreater(tiers["A"]["reform"], tiers["A"]["base"], "a lower bar admits more to tier A")
        self.assertEqual(sum(t["base"] for t in tiers.values()), 20000)
        self.assertEqual(sum(t["reform"] for t in tiers.values()), 20000)
        moved = sum(t["count"] for t in reform["report"]["transitions"] if t["from"] != t["to"])
        self.assertEqual(moved, reform["report"]["tier_changed"])
        allowance = [e for e in reform["report"]["entitlements"] if e["id"] == "spouse_allowance"][0]
        self.assertGreater(allowance["monthly_cny"]["reform"], allowance["monthly_cny"]["base"])
        again = self.run_sim({"count": 20000, "seed": 7, "set": {"tier_a_min_points": 90, "spouse_allowance_factor": "0.8"}})
        self.assertEqual(again["report"], reform["report"])
        other = self.run_sim({"count": 20000, "seed": 8, "set": {"tier_a_min_points": 90}})
        self.assertFalse(other["population"]["cached"])

    def test_the_reform_as_a_policy_file(self):
        r = self.c.post("/api/v1/simulations/reform",
                        {"set": {"tier_a_min_points": 90, "pension_rate": "0.15"}, "version": "1.1.0"}, token=self.analyst)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("application/toml"))
        text = r.body.decode()
        self.assertIn('version = "1.1.0"', text)
        self.assertIn("values = [{ from = 2017-03-29, value = 90 }]  # reform", text)
        self.assertIn("values = [{ from = 2017-03-29, value = 0.15 }]  # reform", text)
        self.assertIn("# Shanxi 2017", text, "comments are kept")
        # It checks, and stored as a new version it decides like the simulation said.
        check = self.c.post("/api/v1/policies/check", {"text": text}, token=self.analyst).json()
        self.assertTrue(check["ok"], check)
        stored = self.c.post("/api/v1/policies", {"text": text, "effective_from": "2099-01-01"}, token=self.analyst)
        self.assertEqual(stored.status, 201, stored)
        sim = self.run_sim({"count": 5000, "seed": 3, "set": {"tier_a_min_points": 90, "pension_rate": "0.15"}})
        as_file = self.run_sim({"count": 5000, "seed": 3, "policy_id": stored.json()["id"], "set": {}})
        self.assertEqual([t["base"] for t in as_file["report"]["tiers"]], [t["reform"] for t in sim["report"]["tiers"]])
        r = self.c.post("/api/v1/simulations/reform", {"set": {"nope": 1}}, token=self.analyst)
        self.assertEqual((r.status, r.json().get("field")), (422, "set.nope"))
        r = self.c.post("/api/v1/simulations/reform", {"set": {"jobs_unit": 0}}, token=self.analyst)
        self.assertEqual((r.status, r.json().get("field")), (422, "set"), r)  # every decision would fail
        r = self.c.post("/api/v1/simulations/reform", {"set": {}, "version": "1 0"}, token=self.analyst)
        self.assertEqual((r.status, r.json().get("field")), (422, "version"))

    def test_bad_requests_name_the_field(self):
        for body, field in [({"count": 0}, "count"), ({"count": 10 ** 7}, "count"), ({"count": "many"}, "count"),
                            ({"count": 100, "set": {"nope": 1}}, "set.nope"),
                            ({"count": 100, "set": {"tier_a_min_points": "abc"}}, "set.tier_a_min_points"),
                            ({"count": 100, "set": {"tier_a_min_points": [1]}}, "set.tier_a_min_points"),
                            ({"count": 100, "set": 5}, "set"), ({"count": 100, "as_of": "yesterday"}, "as_of"),
                            ({"count": 100, "extra": 1}, "extra")]:
            doc = self.run_sim(body, 422)
            self.assertEqual(doc.get("field"), field, doc)
        r = self.c.post("/api/v1/simulations", {"count": 100, "policy_id": 999}, token=self.analyst)
        self.assertEqual(r.status, 404, r)
        r = self.c.post("/api/v1/simulations", {"count": 100}, token=self.talent)
        self.assertEqual(r.status, 403, r)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
