#!/usr/bin/env python3
"""The authorisation matrix of the HTTP API against a live `jincai serve --demo`: every
route of the route table, called by anonymous and by each role (talent, employer_admin,
employer_staff, officer, policy_analyst, admin), with the expected status of every cell
written out below as an independent statement of who may do what. It is not derived
from the server's OpenAPI document; that document is only compared with the table's
list of routes, so that a new route without a row fails here.

Ids in paths are of records that exist (found through officer listings), so a 404 in
the table means "outside the caller's scope", never "missing". Requests that change
data either carry an invalid body (allowed roles get 422 and nothing changes) or are
ones whose change is verified and tolerated (logout of a throwaway session, an admin
creating an account, an officer re-saving an employer unchanged).

Cells: a number is the status; DENY is a 403 from the route table itself (the detail
names the route: "role ROLE may not call METHOD PATTERN"), where 403 alone is a refusal by
the service behind an allowed route (the workflow, account rules, employer edits).
Usage: authz_matrix_test.py JINCAI_BINARY"""
import json
import os
import re
import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from live_server import DEMO_PASSWORD, PROBLEM_PREFIX, Server  # noqa: E402

BINARY = None

DENY = "deny"
CALLERS = ["anonymous", "talent", "employer_admin", "employer_staff", "officer", "policy_analyst", "admin"]
ACCOUNTS = {"talent": "demo.talent", "employer_admin": "demo.employer", "employer_staff": "demo.staff",
            "officer": "demo.officer", "policy_analyst": "demo.analyst", "admin": "demo.admin"}
PUBLIC = {("GET", "/healthz"), ("GET", "/metrics"), ("GET", "/api/v1/openapi.json"), ("GET", "/api/v1/reference"),
          ("POST", "/api/v1/auth/register/talent"), ("POST", "/api/v1/auth/register/employer"),
          ("POST", "/api/v1/auth/login"), ("GET", "/api/v1/trust-list"), ("GET", "/api/v1/revocations"),
          ("POST", "/api/v1/cards/verify"), ("GET", "/api/v1/letters/{number}"), ("GET", "/api/v1/news"),
          ("GET", "/api/v1/news.atom"), ("GET", "/api/v1/news/{id}"), ("GET", "/api/v1/positions"),
          ("GET", "/api/v1/positions.atom"), ("GET", "/api/v1/positions/{id}")}

# Placeholders in paths and bodies, filled from the demo province in setUpClass:
#   {tal_mine}  demo.talent's own talent record      {app_mine} demo.talent's application (issued)
#   {tal_emp}   another talent, employed by demo.employer's employer
#   {app_emp}   an issued application sent to demo.employer's employer, not demo.talent's
#   {app_draft} a draft application naming demo.employer's employer (employers never see drafts)
#   {emp_mine}  demo.employer's employer              {emp_other} another employer
#   {policy}    the stored policy version
#   {claim_mine} demo.talent's residence_choice claim (the office's to handle)
#   {claim_emp} an allowance claim of another talent, carried by demo.employer's employer
#   {flat_held} a flat of another employer, held by a claim (so it cannot be retired)
#   {school}    a school                           {letter} the number of a letter the demo issued
#   {news}      a published article
#   {pos_mine}  an open position of demo.employer's employer    {pos_other} one of another employer
#   {papp_emp}  an application to {pos_mine}'s employer, still moving (not demo.talent's: the demo's
#               talent applies to none)                        {papp_final} one hired, declined or withdrawn
#   {leave_ended} a cadre's business leave of another employer, returned (it ends no more)
# A body "SAME_EMPLOYER" is {emp_other}'s current fields (a PUT that changes nothing).
SAME_EMPLOYER = "same-employer"
VALID_POSITION = {"title": "Matrix", "engagement": "full_time", "field": "finance", "skills": [], "city": "taiyuan",
                  "pay_min_cny": 1, "pay_max_cny": 2, "lang": "en", "description": "Matrix."}
NEW_OFFICER = {"username": "matrix.officer", "password": "matrix-officer-pw-1", "display_name": "Matrix Officer",
               "role": "officer"}

#     method  pattern (as in the route table)                path (filled)                                   body
#     expected: anonymous, talent, employer_admin, employer_staff, officer, policy_analyst, admin
ROWS = [
    ("GET", "/healthz", "/healthz", None,
     [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/metrics", "/metrics", None,
     [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", None,
     [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/reference", "/api/v1/reference", None,
     [200, 200, 200, 200, 200, 200, 200]),

    # Public, so a session neither helps nor hurts: the missing fields are 422 for all.
    ("POST", "/api/v1/auth/register/talent", "/api/v1/auth/register/talent", {},
     [422, 422, 422, 422, 422, 422, 422]),
    ("POST", "/api/v1/auth/register/employer", "/api/v1/auth/register/employer", {},
     [422, 422, 422, 422, 422, 422, 422]),
    ("POST", "/api/v1/auth/login", "/api/v1/auth/login", {"username": "demo.admin"},
     [422, 422, 422, 422, 422, 422, 422]),
    ("GET", "/api/v1/auth/session", "/api/v1/auth/session", None,
     [401, 200, 200, 200, 200, 200, 200]),
    # Each role logs out a throwaway session of its own (see test_matrix).
    ("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", None,
     [401, 204, 204, 204, 204, 204, 204]),
    ("POST", "/api/v1/auth/password", "/api/v1/auth/password", {},
     [401, 422, 422, 422, 422, 422, 422]),

    ("GET", "/api/v1/users", "/api/v1/users", None,
     [401, DENY, 200, DENY, DENY, DENY, 200]),
    ("POST", "/api/v1/users", "/api/v1/users", {},
     [401, DENY, 422, DENY, DENY, DENY, 422]),
    # An employer admin may create only its own staff: an officer account is refused;
    # the admin creates it (checked afterwards).
    ("POST", "/api/v1/users", "/api/v1/users", NEW_OFFICER,
     [401, DENY, 403, DENY, DENY, DENY, 201]),

    ("GET", "/api/v1/employers", "/api/v1/employers", None,
     [401, 200, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/employers", "/api/v1/employers", {},
     [401, DENY, DENY, DENY, 422, DENY, 422]),
    ("GET", "/api/v1/employers/{id}", "/api/v1/employers/{emp_other}", None,
     [401, 200, 200, 200, 200, 200, 200]),
    ("PUT", "/api/v1/employers/{id}", "/api/v1/employers/{emp_mine}", {},
     [401, DENY, 422, DENY, 422, DENY, 422]),
    # Another employer's admin may not edit it; officers and admins may (same values).
    ("PUT", "/api/v1/employers/{id}", "/api/v1/employers/{emp_other}", SAME_EMPLOYER,
     [401, DENY, 403, DENY, 200, DENY, 200]),

    ("GET", "/api/v1/talents", "/api/v1/talents", None,
     [401, 200, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/talents/{id}", "/api/v1/talents/{tal_mine}", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/talents/{id}", "/api/v1/talents/{tal_emp}", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    ("PATCH", "/api/v1/talents/{id}", "/api/v1/talents/{tal_mine}", {"name": 5},
     [401, 422, DENY, DENY, DENY, DENY, DENY]),
    # A valid change to someone else's record: not found, and nothing changes.
    ("PATCH", "/api/v1/talents/{id}", "/api/v1/talents/{tal_emp}", {"name": "Mallory"},
     [401, 404, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/talents/{id}/preview", "/api/v1/talents/{tal_mine}/preview", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/talents/{id}/preview", "/api/v1/talents/{tal_emp}/preview", None,
     [401, 404, 200, 200, 200, DENY, 200]),

    # demo.talent holds a card in force: no second application.
    ("POST", "/api/v1/applications", "/api/v1/applications", {},
     [401, 409, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/applications", "/api/v1/applications", None,
     [401, 200, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}", "/api/v1/applications/{app_mine}", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}", "/api/v1/applications/{app_emp}", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}", "/api/v1/applications/{app_draft}", None,
     [401, 404, 404, 404, 200, DENY, 200]),
    # Cards: demo.talent's application and app_emp (issued by the demo) hold one each.
    ("GET", "/api/v1/applications/{id}/card", "/api/v1/applications/{app_mine}/card", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}/card", "/api/v1/applications/{app_emp}/card", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}/card.png", "/api/v1/applications/{app_mine}/card.png", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/trust-list", "/api/v1/trust-list", None, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/revocations", "/api/v1/revocations", None, [200, 200, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/cards/verify", "/api/v1/cards/verify", {"text": "JC1:not-a-card"}, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/applications/{id}/status", "/api/v1/applications/{app_mine}/status", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}/status", "/api/v1/applications/{app_emp}/status", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/applications/{id}/status", "/api/v1/applications/{app_draft}/status", None,
     [401, 404, 404, 404, 200, DENY, 200]),
    # Actions no one may take in the record's state. Admins and analysts are not in the
    # workflow at all; the service then refuses an action the role never takes (403),
    # one it takes but not in this state (409), and a record out of scope (404).
    ("POST", "/api/v1/applications/{id}/actions/{action}", "/api/v1/applications/{app_mine}/actions/submit", None,
     [401, 409, 404, 404, 403, DENY, DENY]),
    ("POST", "/api/v1/applications/{id}/actions/{action}", "/api/v1/applications/{app_emp}/actions/endorse", None,
     [401, 404, 409, 409, 403, DENY, DENY]),
    ("POST", "/api/v1/applications/{id}/actions/{action}", "/api/v1/applications/{app_emp}/actions/approve", None,
     [401, 404, 403, 403, 409, DENY, DENY]),
    ("POST", "/api/v1/applications/{id}/actions/{action}", "/api/v1/applications/{app_draft}/actions/withdraw", None,
     [401, 404, 404, 404, 403, DENY, DENY]),
    ("POST", "/api/v1/applications/{id}/actions/{action}", "/api/v1/applications/{app_mine}/actions/fly", None,
     [401, 404, 404, 404, 404, DENY, DENY]),

    # Claims: the holder sees their own; an employer those it carries; the office all.
    ("GET", "/api/v1/claims", "/api/v1/claims", None,
     [401, 200, 200, 200, 200, DENY, 200]),
    ("POST", "/api/v1/claims", "/api/v1/claims", {},
     [401, 422, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/claims/{id}", "/api/v1/claims/{claim_mine}", None,
     [401, 200, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/claims/{id}", "/api/v1/claims/{claim_emp}", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    ("POST", "/api/v1/claims/{id}/actions/{action}", "/api/v1/claims/{claim_mine}/actions/fly", None,
     [401, 404, 404, 404, 404, DENY, 404]),
    # An allowance has no letter: a conflict for everyone who sees the claim.
    ("POST", "/api/v1/claims/{id}/actions/{action}", "/api/v1/claims/{claim_emp}/actions/issue_letter", None,
     [401, 404, 409, 409, 409, DENY, 409]),
    ("POST", "/api/v1/claims/{id}/payments", "/api/v1/claims/{claim_emp}/payments", {},
     [401, DENY, 422, 422, DENY, DENY, DENY]),
    ("GET", "/api/v1/allowances/due", "/api/v1/allowances/due", None,
     [401, DENY, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/letters/{number}", "/api/v1/letters/{letter}", None,
     [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/flats", "/api/v1/flats", None,
     [401, DENY, 200, 200, 200, DENY, 200]),
    ("POST", "/api/v1/flats", "/api/v1/flats", {},
     [401, DENY, 422, 422, 422, DENY, 422]),
    ("POST", "/api/v1/flats/{id}/retire", "/api/v1/flats/{flat_held}/retire", None,
     [401, DENY, 404, 404, 409, DENY, 409]),
    ("GET", "/api/v1/schools", "/api/v1/schools", None,
     [401, 200, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/schools", "/api/v1/schools", {},
     [401, DENY, DENY, DENY, 422, DENY, 422]),
    ("PATCH", "/api/v1/schools/{id}", "/api/v1/schools/{school}", {"capacity": -1},
     [401, DENY, DENY, DENY, 422, DENY, 422]),
    # Re-running placement on unchanged inputs changes no claim; each run is audited.
    ("POST", "/api/v1/placements", "/api/v1/placements", None,
     [401, DENY, DENY, DENY, 201, DENY, 201]),
    ("GET", "/api/v1/placements/latest", "/api/v1/placements/latest", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),

    ("GET", "/api/v1/policies", "/api/v1/policies", None,
     [401, DENY, DENY, DENY, 200, 200, 200]),
    ("POST", "/api/v1/policies", "/api/v1/policies", {},
     [401, DENY, DENY, DENY, DENY, 422, 422]),
    # Checking stores nothing: a broken text is a 200 report with its diagnostics.
    ("POST", "/api/v1/policies/check", "/api/v1/policies/check", {"text": "[policy\nid = "},
     [401, DENY, DENY, DENY, DENY, 200, 200]),
    ("GET", "/api/v1/policies/{id}", "/api/v1/policies/{policy}", None,
     [401, DENY, DENY, DENY, 200, 200, 200]),

    ("GET", "/api/v1/simulator/parameters", "/api/v1/simulator/parameters", None,
     [401, DENY, DENY, DENY, 200, 200, 200]),
    ("POST", "/api/v1/simulations", "/api/v1/simulations", {"count": 0},
     [401, DENY, DENY, DENY, 422, 422, 422]),

    ("POST", "/api/v1/simulations/reform", "/api/v1/simulations/reform", {"version": "no spaces allowed"},
     [401, DENY, DENY, DENY, 422, 422, 422]),
    ("GET", "/api/v1/statistics", "/api/v1/statistics", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),
    ("GET", "/api/v1/statistics.csv", "/api/v1/statistics.csv", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),
    ("GET", "/api/v1/statistics.xlsx", "/api/v1/statistics.xlsx", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),

    ("GET", "/api/v1/news", "/api/v1/news", None, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/news.atom", "/api/v1/news.atom", None, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/news/{id}", "/api/v1/news/{news}", None, [200, 200, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/news", "/api/v1/news", {"title": ""},
     [401, DENY, DENY, DENY, 422, DENY, 422]),
    ("POST", "/api/v1/news/preview", "/api/v1/news/preview", {"body": "**x**"},
     [401, DENY, DENY, DENY, 200, DENY, 200]),
    ("PUT", "/api/v1/news/{id}", "/api/v1/news/{news}", {"title": "x"},
     [401, DENY, DENY, DENY, 422, DENY, 422]),
    # Withdrawing a missing article: 404 for those who may withdraw.
    ("POST", "/api/v1/news/{id}/withdraw", "/api/v1/news/999999/withdraw", None,
     [401, DENY, DENY, DENY, 404, DENY, 404]),

    # The recruitment market. Anyone searches and reads positions; an employer's people post
    # and edit its own; its people and the office close them and see their applicants.
    ("GET", "/api/v1/positions", "/api/v1/positions", None, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/positions.atom", "/api/v1/positions.atom", None, [200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/positions/{id}", "/api/v1/positions/{pos_other}", None, [200, 200, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/positions", "/api/v1/positions", {"title": ""},
     [401, DENY, 422, 422, DENY, DENY, DENY]),
    ("PUT", "/api/v1/positions/{id}", "/api/v1/positions/{pos_mine}", {"title": 5},
     [401, DENY, 422, 422, DENY, DENY, DENY]),
    # A valid edit of another employer's position: refused by the service, nothing changes.
    ("PUT", "/api/v1/positions/{id}", "/api/v1/positions/{pos_other}", VALID_POSITION,
     [401, DENY, 403, 403, DENY, DENY, DENY]),
    # Closing a missing position: 404 for those who may close.
    ("POST", "/api/v1/positions/{id}/close", "/api/v1/positions/999999/close", None,
     [401, DENY, 404, 404, 404, DENY, 404]),
    ("GET", "/api/v1/employers/{id}/positions", "/api/v1/employers/{emp_mine}/positions", None,
     [401, DENY, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/employers/{id}/positions", "/api/v1/employers/{emp_other}/positions", None,
     [401, DENY, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/positions/{id}/candidates", "/api/v1/positions/{pos_mine}/candidates", None,
     [401, DENY, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/positions/{id}/candidates", "/api/v1/positions/{pos_other}/candidates", None,
     [401, DENY, 404, 404, 200, DENY, 200]),
    ("GET", "/api/v1/positions/{id}/applications", "/api/v1/positions/{pos_mine}/applications", None,
     [401, DENY, 200, 200, 200, DENY, 200]),
    ("GET", "/api/v1/positions/{id}/applications", "/api/v1/positions/{pos_other}/applications", None,
     [401, DENY, 404, 404, 200, DENY, 200]),
    ("POST", "/api/v1/positions/{id}/applications", "/api/v1/positions/{pos_mine}/applications", {"cover_note": 5},
     [401, 422, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/position-applications", "/api/v1/position-applications", None,
     [401, 200, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/position-applications/{id}", "/api/v1/position-applications/{papp_emp}", None,
     [401, 404, 200, 200, 200, DENY, 200]),
    # An unknown action is 422 (field: action) for everyone the route lets in; accepting is
    # the applicant's step (403 for the employer and the office); nothing moves a final stage.
    ("POST", "/api/v1/position-applications/{id}/actions/{action}", "/api/v1/position-applications/{papp_emp}/actions/fly",
     None, [401, 422, 422, 422, 422, DENY, 422]),
    ("POST", "/api/v1/position-applications/{id}/actions/{action}", "/api/v1/position-applications/{papp_emp}/actions/accept",
     None, [401, 404, 403, 403, 403, DENY, 403]),
    ("POST", "/api/v1/position-applications/{id}/actions/{action}",
     "/api/v1/position-applications/{papp_final}/actions/shortlist", None, [401, 404, 409, 409, 409, DENY, 409]),
    ("GET", "/api/v1/market/profile", "/api/v1/market/profile", None,
     [401, 200, DENY, DENY, DENY, DENY, DENY]),
    ("PUT", "/api/v1/market/profile", "/api/v1/market/profile", {"visible": "yes"},
     [401, 422, DENY, DENY, DENY, DENY, DENY]),
    ("GET", "/api/v1/market/matches", "/api/v1/market/matches", None,
     [401, 200, DENY, DENY, DENY, DENY, DENY]),

    # Talent flows and cadres' business leaves. Talents, employers and the office list them
    # in scope; employers and the office record them; only the office sees the summary.
    ("GET", "/api/v1/flows", "/api/v1/flows", None, [401, 200, 200, 200, 200, DENY, 200]),
    ("POST", "/api/v1/flows", "/api/v1/flows", {"talent_id": "x"},
     [401, DENY, 422, 422, 422, DENY, 422]),
    ("GET", "/api/v1/flows/summary", "/api/v1/flows/summary", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),
    ("GET", "/api/v1/business-leaves", "/api/v1/business-leaves", None, [401, 200, 200, 200, 200, DENY, 200]),
    ("POST", "/api/v1/business-leaves", "/api/v1/business-leaves", {"talent_id": "x"},
     [401, DENY, 422, 422, 422, DENY, 422]),
    ("POST", "/api/v1/business-leaves/{id}/actions/{action}", "/api/v1/business-leaves/{leave_ended}/actions/return",
     {}, [401, DENY, 422, 422, 422, DENY, 422]),
    # A valid end of a leave that has ended: another organ's cadre, so not found for
    # demo.employer's people; a conflict for the office.
    ("POST", "/api/v1/business-leaves/{id}/actions/{action}", "/api/v1/business-leaves/{leave_ended}/actions/stay",
     {"on": "2000-01-01"}, [401, DENY, 404, 404, 409, DENY, 409]),

    ("GET", "/api/v1/audit", "/api/v1/audit", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),
    ("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", None,
     [401, DENY, DENY, DENY, 200, DENY, 200]),
]

KIND_OF_STATUS = {400: "invalid-json", 401: "unauthenticated", 403: "forbidden", 404: "record-not-found",
                  409: "conflict", 415: "unsupported-media-type", 422: "invalid-field", 429: "too-many-requests"}


class AuthzMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(BINARY, demo=True)
        cls.addClassCleanup(cls.stop_server)  # runs even when the rest of the set-up fails
        cls.en = cls.srv.client("en")
        cls.zh = cls.srv.client()
        cls.tokens, cls.throwaway, cls.users = {}, {}, {}
        for role, username in ACCOUNTS.items():
            login = cls.en.login(username)
            assert login["user"]["role"] == role, login
            cls.tokens[role] = login["token"]
            cls.users[role] = login["user"]
            cls.throwaway[role] = cls.en.login(username)["token"]  # logged out by the logout row
        off = cls.tokens["officer"]
        emp_mine = cls.users["employer_admin"]["employer_id"]
        assert cls.users["employer_staff"]["employer_id"] == emp_mine
        tal_mine = cls.users["talent"]["talent_id"]
        apps = cls.ok(cls.en.get("/api/v1/applications?limit=500", token=off))["items"]
        talents = cls.ok(cls.en.get("/api/v1/talents?limit=500", token=off))["items"]
        employers = cls.ok(cls.en.get("/api/v1/employers?limit=500", token=off))["items"]
        policies = cls.ok(cls.en.get("/api/v1/policies", token=off))["items"]
        app_mine = [a for a in apps if a["talent_id"] == tal_mine]
        assert [a["state"] for a in app_mine] == ["issued"], app_mine
        app_emp = [a for a in apps if a["employer_id"] == emp_mine and a["talent_id"] != tal_mine and a["state"] == "issued"]
        app_draft = [a for a in apps if a["employer_id"] == emp_mine and a["state"] == "draft"]
        tal_emp = [t for t in talents if t["employer_id"] == emp_mine and t["id"] != tal_mine]
        emp_other = [e for e in employers if e["id"] != emp_mine]
        assert app_emp and app_draft and tal_emp and emp_other and policies, "the demo province lacks a record"
        claims = cls.ok(cls.en.get("/api/v1/claims?limit=500", token=off))["items"]
        flats = cls.ok(cls.en.get("/api/v1/flats", token=off))["items"]
        schools = cls.ok(cls.en.get("/api/v1/schools", token=off))["items"]
        claim_mine = [c for c in claims if c["talent_id"] == tal_mine and c["entitlement"] == "residence_choice"]
        claim_emp = [c for c in claims if c["employer_id"] == emp_mine and c["talent_id"] != tal_mine
                     and c["entitlement"] == "spouse_allowance"]
        flat_held = [f for f in flats if f["claim_id"] and f["employer_id"] != emp_mine]
        letters = [c["letter"]["number"] for c in claims if c["letter"]]
        assert claim_mine and claim_emp and flat_held and schools and letters, "the demo province lacks a claim record"
        news = cls.ok(cls.en.get("/api/v1/news"))["items"]
        assert news, "the demo province has no news"
        positions = cls.ok(cls.en.get("/api/v1/positions?limit=500"))["items"]
        pos_mine = [p for p in positions if p["employer_id"] == emp_mine]
        pos_other = [p for p in positions if p["employer_id"] != emp_mine]
        papps = [a for p in pos_mine
                 for a in cls.ok(cls.en.get(f"/api/v1/positions/{p['id']}/applications", token=off))["items"]]
        papp_emp = [a for a in papps if a["talent_id"] != tal_mine and a["stage"] in ("applied", "shortlisted", "interview")]
        papp_final = [a for a in papps if a["stage"] in ("hired", "declined", "withdrawn")]
        assert pos_mine and pos_other and papp_emp and papp_final, "the demo province lacks a market record"
        leaves = cls.ok(cls.en.get("/api/v1/business-leaves?limit=500", token=off))["items"]
        leave_ended = [b for b in leaves if b["state"] == "returned" and b["employer_id"] != emp_mine]
        assert leave_ended, "the demo province lacks a returned business leave"
        cls.ids = {"tal_mine": tal_mine, "app_mine": app_mine[0]["id"], "tal_emp": tal_emp[0]["id"],
                   "app_emp": app_emp[0]["id"], "app_draft": app_draft[0]["id"], "emp_mine": emp_mine,
                   "emp_other": emp_other[0]["id"], "policy": policies[0]["id"], "claim_mine": claim_mine[0]["id"],
                   "claim_emp": claim_emp[0]["id"], "flat_held": flat_held[0]["id"], "school": schools[0]["id"],
                   "letter": letters[0], "news": news[0]["id"], "pos_mine": pos_mine[0]["id"],
                   "pos_other": pos_other[0]["id"], "papp_emp": papp_emp[0]["id"], "papp_final": papp_final[0]["id"],
                   "leave_ended": leave_ended[0]["id"]}
        cls.missing = {"application": max(a["id"] for a in apps) + 1000, "talent": max(t["id"] for t in talents) + 1000,
                       "claim": max(c["id"] for c in claims) + 1000, "position": max(p["id"] for p in positions) + 1000,
                       "position_application": max(a["id"] for a in papps) + 1000,
                       "business_leave": max(b["id"] for b in leaves) + 1000}
        other = emp_other[0]
        cls.same_employer = {k: other[k] for k in ("name", "kind", "ownership", "city", "avg_monthly_salary_fen")}
        cls.snapshot = cls.records_now()
        cls.audit_start = cls.ok(cls.en.get("/api/v1/audit/verify", token=off))["records"]
        cls.audit_delta = 0  # what the tests are expected to add to the audit log
        cls.problems = []  # every problem document the matrix received: (cell, document)

    @classmethod
    def stop_server(cls):
        assert cls.srv.stop() == 0, "jincai serve did not exit 0 on SIGTERM"

    @staticmethod
    def ok(reply):
        assert reply.status == 200, reply
        return reply.json()

    @classmethod
    def records_now(cls):
        """The records the matrix touches, as an officer sees them."""
        off, ids = cls.tokens["officer"], cls.ids
        out = {}
        for name, path in [("app_mine", "/api/v1/applications/{app_mine}"), ("app_emp", "/api/v1/applications/{app_emp}"),
                           ("claim_mine", "/api/v1/claims/{claim_mine}"), ("claim_emp", "/api/v1/claims/{claim_emp}"),
                           ("flats", "/api/v1/flats"), ("schools", "/api/v1/schools"),
                           ("app_draft", "/api/v1/applications/{app_draft}"), ("tal_mine", "/api/v1/talents/{tal_mine}"),
                           ("tal_emp", "/api/v1/talents/{tal_emp}"), ("emp_mine", "/api/v1/employers/{emp_mine}"),
                           ("pos_mine", "/api/v1/positions/{pos_mine}"), ("pos_other", "/api/v1/positions/{pos_other}"),
                           ("papp_emp", "/api/v1/position-applications/{papp_emp}"),
                           ("papp_final", "/api/v1/position-applications/{papp_final}"),
                           ("positions_mine", "/api/v1/employers/{emp_mine}/positions"),
                           ("flows", "/api/v1/flows?limit=500"), ("flow_summary", "/api/v1/flows/summary"),
                           ("leaves", "/api/v1/business-leaves?limit=500")]:
            out[name] = cls.ok(cls.en.get(path.format(**ids), token=off))
        out["profile"] = cls.ok(cls.en.get("/api/v1/market/profile", token=cls.tokens["talent"]))
        return out

    def call(self, caller, method, path, body, token=None, client=None):
        if body == SAME_EMPLOYER:
            body = self.same_employer
        if token is None and caller != "anonymous":
            token = self.tokens[caller]
        return (client or self.en).request(method, path.format(**self.ids), body=body, token=token)

    def check_cell(self, caller, method, pattern, path, expected, r):
        """The mismatches of one cell, as text; [] when it is as the table says."""
        want = 403 if expected == DENY else expected
        where = f"{caller:15} {method} {path}"
        if r.status != want:
            return [f"{where}: expected {expected}, got {r.status} {r.body[:200]!r}"]
        if r.status < 400:
            return []
        errs = []
        if r.content_type != "application/problem+json":
            errs.append(f"{where}: Content-Type {r.content_type!r}")
            return errs
        doc = r.json()
        self.problems.append((where, doc))
        kind = KIND_OF_STATUS[r.status]
        if doc.get("type") != PROBLEM_PREFIX + kind or doc.get("status") != r.status:
            errs.append(f"{where}: problem type/status {doc.get('type')} {doc.get('status')}, expected {kind}")
        route_denial = re.fullmatch(r"role \S+ may not call (\S+) (\S+)", doc.get("detail", ""))
        if expected == DENY:
            if not route_denial or route_denial.groups() != (method, pattern) or caller not in doc["detail"]:
                errs.append(f"{where}: not the route's denial: {doc.get('detail')!r}")
        elif route_denial:
            errs.append(f"{where}: the route table denied a role the matrix allows: {doc['detail']!r}")
        if r.status == 401 and r.headers.get("www-authenticate") != "Bearer":
            errs.append(f"{where}: 401 without WWW-Authenticate: Bearer")
        return errs

    def test_a_route_list_matches_openapi(self):
        r = self.en.get("/api/v1/openapi.json")
        self.assertEqual(r.status, 200)
        documented = {(m.upper(), p) for p, item in r.json()["paths"].items() for m in item}
        table = {(row[0], row[1]) for row in ROWS}
        self.assertEqual(sorted(documented - table), [], "routes the server has but the matrix lacks")
        self.assertEqual(sorted(table - documented), [], "matrix rows for routes the server does not have")

    def test_b_matrix(self):
        failures = []
        for method, pattern, path, body, expected in ROWS:
            self.assertEqual(len(expected), len(CALLERS), path)
            self.assertEqual((method, pattern) in PUBLIC, expected[0] != 401, f"anonymous cell of {method} {pattern}")
            for caller, want in zip(CALLERS, expected):
                token = None
                if pattern == "/api/v1/auth/logout" and caller != "anonymous":
                    token = self.throwaway[caller]
                r = self.call(caller, method, path, body, token=token)
                failures += self.check_cell(caller, method, pattern, path, want, r)
        # Six logouts, the admin's new officer, the officer's and the admin's re-save of
        # an employer, their two placement runs: each is one audit record; nothing else
        # in the matrix changes data.
        type(self).audit_delta += 6 + 1 + 2 + 2
        # The tolerated changes took effect as intended.
        for role, token in self.throwaway.items():
            r = self.en.get("/api/v1/auth/session", token=token)
            if r.status != 401:
                failures.append(f"{role}'s logged-out session still answers {r.status}")
        users = self.ok(self.en.get("/api/v1/users?limit=500", token=self.tokens["admin"]))["items"]
        created = [u for u in users if u["username"] == NEW_OFFICER["username"]]
        if [u["role"] for u in created] != ["officer"]:
            failures.append(f"the admin's new officer account: {created}")
        other = self.ok(self.en.get("/api/v1/employers/{emp_other}".format(**self.ids), token=self.tokens["officer"]))
        if {k: other[k] for k in self.same_employer} != self.same_employer:
            failures.append(f"re-saving employer {self.ids['emp_other']} changed it: {other}")
        if failures:
            self.fail(f"{len(failures)} mismatches:\n" + "\n".join(failures))

    def test_c_anonymous_and_dead_tokens_get_401(self):
        failures = []
        bogus = "A" * 43
        for method, pattern, path, body, expected in ROWS:
            if (method, pattern) in PUBLIC:
                continue
            for token in (bogus, "x" * 200, None):
                r = self.call("anonymous", method, path, body, token=token)
                if r.status != 401 or r.json().get("type") != PROBLEM_PREFIX + "unauthenticated":
                    failures.append(f"{method} {path} with token {str(token)[:10]}: {r}")
            r = self.en.request(method, path.format(**self.ids), body=body,
                                headers={"Authorization": "Basic ZGVtby5hZG1pbjpqaW5jYWktZGVtby0yMDI2"})
            if r.status != 401:
                failures.append(f"{method} {path} with Basic credentials: {r}")
        if failures:
            self.fail(f"{len(failures)} mismatches:\n" + "\n".join(failures))

    def test_d_out_of_scope_answers_like_missing(self):
        """A record outside the caller's scope answers exactly like one that does not
        exist: the same status, type, title and headers, and a detail and instance that
        differ only by the id, in both languages."""
        ids, miss = self.ids, self.missing
        cases = [  # caller, method, path of a record out of scope, of a missing one, body
            ("talent", "GET", "/api/v1/applications/{}", ids["app_emp"], miss["application"], None),
            ("talent", "POST", "/api/v1/applications/{}/actions/withdraw", ids["app_emp"], miss["application"], None),
            ("talent", "GET", "/api/v1/talents/{}", ids["tal_emp"], miss["talent"], None),
            ("talent", "GET", "/api/v1/talents/{}/preview", ids["tal_emp"], miss["talent"], None),
            ("talent", "PATCH", "/api/v1/talents/{}", ids["tal_emp"], miss["talent"], {"name": "Mallory"}),
            ("employer_staff", "GET", "/api/v1/applications/{}", ids["app_mine"], miss["application"], None),
            ("employer_admin", "GET", "/api/v1/applications/{}", ids["app_draft"], miss["application"], None),
            ("employer_admin", "POST", "/api/v1/applications/{}/actions/endorse", ids["app_draft"], miss["application"], None),
            ("employer_admin", "GET", "/api/v1/talents/{}", ids["tal_mine"], miss["talent"], None),
            ("employer_staff", "GET", "/api/v1/talents/{}/preview", ids["tal_mine"], miss["talent"], None),
            ("talent", "GET", "/api/v1/claims/{}", ids["claim_emp"], miss["claim"], None),
            ("employer_admin", "GET", "/api/v1/claims/{}", ids["claim_mine"], miss["claim"], None),
            ("employer_staff", "POST", "/api/v1/claims/{}/actions/occupy", ids["claim_mine"], miss["claim"], None),
            ("talent", "GET", "/api/v1/position-applications/{}", ids["papp_emp"], miss["position_application"], None),
            ("talent", "POST", "/api/v1/position-applications/{}/actions/withdraw", ids["papp_emp"],
             miss["position_application"], None),
            ("employer_admin", "GET", "/api/v1/positions/{}/candidates", ids["pos_other"], miss["position"], None),
            ("employer_staff", "GET", "/api/v1/positions/{}/applications", ids["pos_other"], miss["position"], None),
            ("employer_admin", "POST", "/api/v1/business-leaves/{}/actions/return", ids["leave_ended"],
             miss["business_leave"], {"on": "2000-01-01"}),
            # GET /api/v1/employers/{id}/positions belongs here too, but its Chinese detail lacks
            # the id (market_test.py checks it, failing until that is fixed).
        ]
        for caller, method, template, hidden, missing, body in cases:
            for client in (self.en, self.zh):
                with self.subTest(caller=caller, path=template.format(hidden), lang=client.lang):
                    a = self.call(caller, method, template.format(hidden), body, client=client)
                    b = self.call(caller, method, template.format(missing), body, client=client)
                    self.assertEqual(a.status, 404, a)
                    self.assertEqual((a.status, a.content_type, a.headers.get("content-language")),
                                     (b.status, b.content_type, b.headers.get("content-language")))
                    da, db = a.json(), b.json()
                    self.assertEqual(da["type"], PROBLEM_PREFIX + "record-not-found")
                    norm = lambda doc, n: json.dumps({k: re.sub(rf"\b{n}\b", "ID", str(v)) for k, v in doc.items()},
                                                     ensure_ascii=False, sort_keys=True)
                    self.assertEqual(norm(da, hidden), norm(db, missing))
                    self.assertIn(str(hidden), da["detail"])
                    self.assertEqual(sorted(set(a.headers) - {"date"}), sorted(set(b.headers) - {"date"}))

    def test_e_problem_documents_are_complete(self):
        """Every problem the matrix received has a title and a detail, and a 422 names
        the field (the bodies the matrix sends lack a field or have one of a wrong type)."""
        if not self.problems:
            self.skipTest("test_b_matrix did not run")
        found = {}  # (route, what is wrong) -> callers
        for where, doc in self.problems:
            caller, route = where.split(None, 1)
            for key in ("title", "detail"):
                if not doc.get(key):
                    found.setdefault((route, f"{doc['status']} with an empty {key}"), []).append(caller)
            if doc["status"] == 422 and not doc.get("field"):
                found.setdefault((route, "422 without field"), []).append(caller)
        failures = [f"{route}: {what} (as {', '.join(callers)})" for (route, what), callers in found.items()]
        if failures:
            self.fail(f"{len(failures)} mismatches:\n" + "\n".join(failures))

    def test_z_audit_chain_intact_and_nothing_else_changed(self):
        r = self.en.get("/api/v1/audit/verify", token=self.tokens["officer"])
        self.assertEqual(r.status, 200, r)
        v = r.json()
        self.assertTrue(v["ok"], v)
        self.assertIsNone(v["break"])
        self.assertEqual(v["records"], self.audit_start + self.audit_delta,
                         "the matrix changed more (or less) than the tolerated changes")
        self.assertEqual(self.records_now(), self.snapshot)
        self.assertNotIn("jincai serve:", self.srv.stderr_text())  # no internal error was logged


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
