#!/usr/bin/env python3
"""The statistics dashboard's figures against a live `jincai serve --demo`: totals that
agree with the records listed through the API, the structure of the cards in force,
the flow of cards per month, and the same figures as CSV and as an Excel workbook (read
back here with the standard library: a zip of XML parts). Usage: statistics_test.py JINCAI_BINARY"""
import csv
import io
import os
import re
import sys
import unittest
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import Server  # noqa: E402

BINARY = None


class StatisticsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.srv.stop)
        cls.c = cls.srv.client("en")
        cls.officer = cls.c.login("demo.officer")["token"]
        cls.talent = cls.c.login("demo.talent")["token"]
        r = cls.c.get("/api/v1/statistics", token=cls.officer)
        assert r.status == 200, r
        cls.stats = r.json()

    def test_totals_agree_with_the_records(self):
        apps = self.c.get("/api/v1/applications?limit=500", token=self.officer).json()["items"]
        talents = self.c.get("/api/v1/talents?limit=500", token=self.officer).json()["items"]
        issued = [a for a in apps if a["state"] == "issued"]
        t = self.stats["totals"]
        self.assertEqual(t["talents"], len(talents))
        self.assertEqual(t["cards_in_force"], len(issued))
        self.assertEqual(t["leading_talents"], len([a for a in issued if a["tier"] == t["top_tier"]]))
        self.assertEqual(sum(self.stats["applications_by_state"].values()), len(apps))
        for dimension in ("tier", "field", "city", "employer_kind", "nationality", "age_band"):
            self.assertEqual(sum(self.stats["holders_by"][dimension].values()), len(issued), dimension)
        tiers = {}
        for a in issued:
            tiers[a["tier"]] = tiers.get(a["tier"], 0) + 1
        self.assertEqual(self.stats["holders_by"]["tier"], tiers)
        issued_events = sum(m["issued"] for m in self.stats["flow"])
        self.assertGreaterEqual(issued_events, len(issued) + self.stats["applications_by_state"].get("expired", 0))
        self.assertTrue(all(re.fullmatch(r"\d{4}-\d{2}", m["month"]) for m in self.stats["flow"]))
        allowances = self.stats["allowance_months_fen"]
        self.assertEqual(allowances["computed"], allowances["paid"] + allowances["unpaid"])

    def test_csv_and_excel_hold_the_same_figures(self):
        r = self.c.get("/api/v1/statistics.csv", token=self.officer)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("text/csv"))
        self.assertIn("attachment", r.headers["content-disposition"])
        rows = list(csv.reader(io.StringIO(r.body.decode())))
        self.assertEqual(rows[0], ["section", "key", "detail", "value"])
        figures = {(s, k, d): v for s, k, d, v in rows[1:]}
        self.assertEqual(figures[("totals", "talents", "")], str(self.stats["totals"]["talents"]))
        self.assertEqual(figures[("totals", "cards_in_force", "")], str(self.stats["totals"]["cards_in_force"]))
        r = self.c.get("/api/v1/statistics.xlsx", token=self.officer)
        self.assertEqual(r.status, 200, r)
        book = zipfile.ZipFile(io.BytesIO(r.body))
        sheets = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
        self.assertEqual(sheets[:2], ["totals", "applications"])
        self.assertEqual(len(sheets), len(set(s for s, _, _ in figures)))
        strings = re.findall(r"<t[^>]*>([^<]*)</t>", book.read("xl/sharedStrings.xml").decode())
        first = book.read("xl/worksheets/sheet1.xml").decode()
        # Row 2 of the totals sheet: "totals", "talents", then the count as a number.
        cells = re.findall(r'<c r="([A-D]2)"[^>]*?(?: t="(\w+)")?>(?:<v>([^<]*)</v>)', first)
        values = {ref: (strings[int(v)] if t == "s" else v) for ref, t, v in cells}
        self.assertEqual(values["B2"], "talents")
        self.assertEqual(values["D2"], str(self.stats["totals"]["talents"]))

    def test_only_the_office(self):
        for path in ("/api/v1/statistics", "/api/v1/statistics.csv", "/api/v1/statistics.xlsx"):
            self.assertEqual(self.c.get(path, token=self.talent).status, 403)
            self.assertEqual(self.c.get(path).status, 401)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
