#!/usr/bin/env python3
"""The office's news against a live `jincai serve --demo`: an officer publishes an article
in Markdown; anyone reads it as Markdown and as safe HTML, in the list and in the Atom
feed (parsed here as XML); editing and withdrawing take effect; bad articles are refused
with the field and change nothing; markup smuggled into an article stays text.
Usage: news_test.py JINCAI_BINARY"""
import os
import sys
import unittest
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import Server  # noqa: E402

BINARY = None
ATOM = "{http://www.w3.org/2005/Atom}"


class NewsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.srv.stop)
        cls.c = cls.srv.client("en")
        cls.officer = cls.c.login("demo.officer")["token"]
        cls.talent = cls.c.login("demo.talent")["token"]

    def publish(self, body, status=201):
        r = self.c.post("/api/v1/news", body, token=self.officer)
        self.assertEqual(r.status, status, r)
        return r.json()

    def test_publish_read_feed_edit_withdraw(self):
        article = self.publish({"title": "招聘：材料科学首席专家", "category": "recruitment", "lang": "zh-CN",
                                "body": "晋阳理工大学招聘**首席专家**。\n\n- 全职或项目合作\n- 详见[平台](/)\n"})
        self.assertIn("<strong>首席专家</strong>", article["body_html"])
        self.assertEqual(article["summary"], "晋阳理工大学招聘首席专家。")
        items = self.c.get("/api/v1/news?category=recruitment").json()["items"]
        self.assertEqual(items[0]["id"], article["id"], "newest first")
        self.assertNotIn("body", items[0])
        one = self.c.get(f"/api/v1/news/{article['id']}").json()
        self.assertEqual(one["body"], article["body"])
        r = self.c.get("/api/v1/news.atom")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("application/atom+xml"))
        feed = ET.fromstring(r.body)
        entries = feed.findall(ATOM + "entry")
        self.assertEqual(entries[0].find(ATOM + "title").text, "招聘：材料科学首席专家")
        self.assertIn("<strong>", entries[0].find(ATOM + "content").text)
        self.assertEqual(entries[0].find(ATOM + "id").text, f"urn:jincai:news:{article['id']}")
        edited = self.c.request("PUT", f"/api/v1/news/{article['id']}", body={
            "title": "招聘：材料科学首席专家（已更新）", "category": "recruitment", "lang": "zh-CN", "body": "更新。"},
            token=self.officer)
        self.assertEqual(edited.status, 200, edited)
        self.assertEqual(self.c.get(f"/api/v1/news/{article['id']}").json()["body"], "更新。")
        r = self.c.post(f"/api/v1/news/{article['id']}/withdraw", None, token=self.officer)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.c.get(f"/api/v1/news/{article['id']}").status, 404)
        self.assertNotIn(article["id"], [n["id"] for n in self.c.get("/api/v1/news").json()["items"]])
        r = self.c.post(f"/api/v1/news/{article['id']}/withdraw", None, token=self.officer)
        self.assertEqual(r.status, 409, r)
        r = self.c.request("PUT", f"/api/v1/news/{article['id']}", body={
            "title": "x", "category": "policy", "lang": "en", "body": "y"}, token=self.officer)
        self.assertEqual(r.status, 404, r)  # withdrawn: gone for editors too
        self.assertEqual(self.c.get("/api/v1/news?before=3000000000").status, 200)

    def test_bad_articles_name_the_field_and_change_nothing(self):
        before = len(self.c.get("/api/v1/news?limit=500").json()["items"])
        good = {"title": "t", "category": "policy", "lang": "en", "body": "b"}
        for change, field in [({"title": ""}, "title"), ({"title": "  \n "}, "title"), ({"body": " \t"}, "body"),
                              ({"title": "x" * 300}, "title"), ({"category": "gossip"}, "category"),
                              ({"lang": "fr"}, "lang"), ({"body": ""}, "body"), ({"body": 5}, "body"), ({"extra": 1}, "extra")]:
            doc = self.publish({**good, **change}, 422)
            self.assertEqual(doc["field"], field)
        r = self.c.post("/api/v1/news", good, token=self.talent)
        self.assertEqual(r.status, 403)
        for query, field in [("category=gossip", "category"), ("lang=fr", "lang"), ("limit=0", "limit")]:
            r = self.c.get("/api/v1/news?" + query)
            self.assertEqual((r.status, r.json().get("field")), (422, field), r)
        self.assertEqual(len(self.c.get("/api/v1/news?limit=500").json()["items"]), before)

    def test_markup_in_an_article_stays_text(self):
        article = self.publish({"title": "<script>alert(1)</script>", "category": "policy", "lang": "en",
                                "body": "<img src=x onerror=alert(1)> [click](javascript:alert(1))"})
        self.assertNotIn("<img", article["body_html"])
        self.assertNotIn("href=\"javascript", article["body_html"])
        feed = self.c.get("/api/v1/news.atom").body.decode()
        self.assertNotIn("<script>", feed)
        title = ET.fromstring(feed.encode()).find(ATOM + "entry").find(ATOM + "title").text
        self.assertEqual(title, "<script>alert(1)</script>", "escaped once in the XML, the text itself")


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
