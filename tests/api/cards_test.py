#!/usr/bin/env python3
"""Signed green cards against a live `jincai serve --demo`: the issued card's text and
QR code (the PNG read back by an independent decoder, zbarimg), online verification of
valid, altered, revoked and superseded cards, the public trust and revocation lists,
and offline verification with `jincai card verify` (text and photo; expired, not yet
valid, unknown key). Usage: cards_test.py JINCAI_BINARY"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import Server  # noqa: E402

BINARY = None


class CardsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BINARY, demo=True)
        cls.c = cls.server.client(lang="en")
        cls.talent = cls.c.login("demo.talent")["token"]
        cls.officer = cls.c.login("demo.officer")["token"]
        apps = cls.c.get("/api/v1/applications", token=cls.talent).json()["items"]
        cls.app_id = apps[0]["id"]
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def card(self, app_id, token):
        r = self.c.get(f"/api/v1/applications/{app_id}/card", token=token)
        self.assertEqual(r.status, 200, r)
        return r.json()

    def verify(self, text):
        r = self.c.post("/api/v1/cards/verify", {"text": text})
        self.assertEqual(r.status, 200, r)
        return r.json()

    def cli(self, *args):
        return subprocess.run([BINARY, "card", "verify", *args], capture_output=True, text=True, timeout=30)

    def trust_file(self, keys=None):
        path = os.path.join(self.tmp.name, "trust.json")
        body = self.c.get("/api/v1/trust-list").json() if keys is None else {"keys": keys}
        with open(path, "w") as f:
            json.dump(body, f)
        return path

    def test_issued_card_verifies_online_and_offline_and_its_qr_reads_back(self):
        card = self.card(self.app_id, self.talent)
        self.assertTrue(card["text"].startswith("JC1:"))
        self.assertTrue(card["qr_svg"].startswith("<svg"))
        v = self.verify(card["text"])
        self.assertEqual(v["verdict"], "valid", v)
        self.assertEqual(v["card"]["card_id"], card["card_id"])
        self.assertTrue(v["card"]["entitlements"])
        png = self.c.get(f"/api/v1/applications/{self.app_id}/card.png", token=self.talent)
        self.assertEqual(png.status, 200)
        self.assertEqual(png.content_type, "image/png")
        path = os.path.join(self.tmp.name, "card.png")
        with open(path, "wb") as f:
            f.write(png.body)
        zbar = subprocess.run(["zbarimg", "--quiet", "--raw", path], capture_output=True, text=True, timeout=30)
        self.assertEqual(zbar.stdout.strip(), card["text"], zbar.stderr)
        trust = self.trust_file()
        for source in (card["text"], path):
            r = self.cli(source, "--trust-list", trust)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertTrue(r.stdout.startswith("valid:"), r.stdout)
        self.assertIn("expired:", self.cli(card["text"], "--trust-list", trust, "--date", "2045-01-01").stdout)
        self.assertIn("not_yet_valid:", self.cli(card["text"], "--trust-list", trust, "--date", "2000-01-01").stdout)
        unknown = self.cli(card["text"], "--trust-list", self.trust_file(keys=[]))
        self.assertEqual(unknown.returncode, 1)
        self.assertIn("unknown_key:", unknown.stdout)

    def test_damaged_cards_are_refused_with_a_reason(self):
        text = self.card(self.app_id, self.talent)["text"]
        body = text[4:]
        cases = {
            "altered": text[:4] + body[:40] + ("A" if body[40] != "A" else "B") + body[41:],
            "truncated": text[: len(text) // 2],
            "not base45": text[:20] + "~" + text[21:],
            "no prefix": body,
            "empty": "",
        }
        for name, bad in cases.items():
            v = self.verify(bad)
            self.assertNotEqual(v["verdict"], "valid", name)
            self.assertTrue(v["reason"], name)
        zh = self.server.client().post("/api/v1/cards/verify", {"text": "JC1:???"}).json()
        self.assertEqual(zh["verdict"], "malformed")
        self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in zh["reason"]), zh)

    def test_revoked_and_renewed_cards_say_so_online(self):
        apps = self.c.get("/api/v1/applications?state=issued", token=self.officer).json()["items"]
        others = [a["id"] for a in apps if a["id"] != self.app_id]
        self.assertGreaterEqual(len(others), 1, apps)
        renewed = others[0]
        old = self.card(renewed, self.officer)
        r = self.c.post(f"/api/v1/applications/{renewed}/actions/renew", token=self.officer)
        self.assertEqual(r.status, 200, r)
        new = self.card(renewed, self.officer)
        self.assertNotEqual(new["card_id"], old["card_id"])
        self.assertEqual(self.verify(new["text"])["verdict"], "valid")
        superseded = self.verify(old["text"])
        self.assertEqual(superseded["verdict"], "revoked", superseded)
        self.assertIn("renewed", superseded["reason"])
        r = self.c.post(f"/api/v1/applications/{renewed}/actions/revoke", {"reason": "left the province"}, token=self.officer)
        self.assertEqual(r.status, 200, r)
        revoked = self.verify(new["text"])
        self.assertEqual(revoked["verdict"], "revoked")
        self.assertIn("left the province", revoked["reason"])
        listed = [x["card_id"] for x in self.c.get("/api/v1/revocations").json()["revoked"]]
        self.assertIn(new["card_id"], listed)
        self.assertEqual(self.c.get(f"/api/v1/applications/{renewed}/card", token=self.officer).status, 404)

    def test_every_spelling_of_the_body_gets_the_same_answer(self):
        """The verify route reads the usual body {"text": "..."} without a JSON tree; any
        other spelling goes through the full reader. Both answer the same; a body that is
        not a verification request is refused with what is wrong, whatever the path."""
        text = self.card(self.app_id, self.talent)["text"]
        plain = self.verify(text)
        self.assertEqual(plain["verdict"], "valid")
        escaped = text.replace("J", "\\u004a", 1)  # the same text with a JSON escape
        for raw in ['{"text":"%s"}' % text, ' {\n "text" : "%s" \n} ' % text, '{"text":"%s"}' % escaped]:
            r = self.c.request("POST", "/api/v1/cards/verify", raw_body=raw.encode(), content_type="application/json")
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json(), plain, raw[:40])
        for raw, content_type, status in [('{"text":"%s","x":1}' % text, "application/json", 422),
                                          ('{"text":"%s"}' % text, "text/plain", 415),
                                          ('{"text":"%s"' % text, "application/json", 400),
                                          ('{"text":5}', "application/json", 422),
                                          ('{"txt":"%s"}' % text, "application/json", 422)]:
            r = self.c.request("POST", "/api/v1/cards/verify", raw_body=raw.encode(), content_type=content_type)
            self.assertEqual(r.status, status, (raw[:30], r))

    def test_cards_are_in_scope_only(self):
        other = self.c.login("demo.employer")["token"]
        r = self.c.get(f"/api/v1/applications/{self.app_id}/card", token=other)
        if r.status != 200:  # demo.employer may be the talent's employer
            self.assertEqual(r.status, 404)
        self.assertEqual(self.c.get(f"/api/v1/applications/{self.app_id}/card").status, 401)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
