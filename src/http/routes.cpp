// The route table of this build: the one list that dispatch, the OpenAPI document and
// the authorisation check are derived from. Access names who may call a route at all;
// the services behind the handlers narrow that to the caller's own data.
#include "http/handlers/handlers.h"
#include "http/problem.h"
#include "http/router.h"

namespace jincai::http {
namespace {

using R = domain::Role;

Access Only(std::vector<R> roles) { return {false, std::move(roles)}; }

const RouteResponse kOk{200, kJson, "Success"};
const RouteResponse kCreated{201, kJson, "Created"};
const RouteResponse kNoContent{204, "text/plain", "Done; no body"};
const RouteResponse kInvalid{422, kProblemJson, "A field is missing, unknown, of the wrong type or invalid; `field` names it"};
const RouteResponse kUnauth{401, kProblemJson, "No session, or an expired one"};
const RouteResponse kForbidden{403, kProblemJson, "The caller's role may not do this (or a cookie session lacks its CSRF token)"};
const RouteResponse kMissing{404, kProblemJson, "No such record, or none the caller may see"};
const RouteResponse kConflict{409, kProblemJson, "Taken already, or the record's state does not allow it"};

}  // namespace

std::vector<Route> AllRoutes() {
  const Access anyone = Access::Public(), signed_in = Access::AnyRole();
  const Access officers = Only({R::kOfficer, R::kAdmin});
  const Access analysts = Only({R::kPolicyAnalyst, R::kAdmin});
  const Access policy_readers = Only({R::kPolicyAnalyst, R::kOfficer, R::kAdmin});
  const Access people_readers = Only({R::kTalent, R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin});
  const Access workflow = Only({R::kTalent, R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer});
  const Access account_admins = Only({R::kAdmin, R::kEmployerAdmin});
  const Access employer_editors = Only({R::kEmployerAdmin, R::kOfficer, R::kAdmin});
  const Access employer_people = Only({R::kEmployerAdmin, R::kEmployerStaff});
  const Access market_managers = Only({R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin});
  const Access market_people = Only({R::kTalent, R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin});
  return {
      {"GET", "/healthz", anyone, HandleHealthz, "getHealth", "Liveness and database reachability",
       {{200, kJson, "The process and the database answer: {\"status\":\"ok\",\"database\":\"ok\"}"},
        {503, kProblemJson, "The database cannot be reached"}}},
      {"GET", "/metrics", anyone, HandleMetrics, "getMetrics", "Prometheus metrics: requests, latency, database time",
       {{200, "text/plain", "Prometheus text exposition format 0.0.4"}}},
      {"GET", "/api/v1/openapi.json", anyone, HandleOpenApi, "getOpenApi", "This OpenAPI document",
       {{200, kJson, "The OpenAPI 3.0 document of every route"}}},
      {"GET", "/api/v1/reference", anyone, HandleReference, "getReference",
       "Codes for forms: employer kinds, ownerships, cities, application states and actions", {kOk}},

      {"POST", "/api/v1/auth/register/talent", anyone, HandleRegisterTalent, "registerTalent",
       "Register a talent account with an identity document (resident ID or passport)", {kCreated, kInvalid, kConflict}},
      {"POST", "/api/v1/auth/register/employer", anyone, HandleRegisterEmployer, "registerEmployer",
       "Register an employer (unified social credit code) with its admin account", {kCreated, kInvalid, kConflict}},
      {"POST", "/api/v1/auth/login", anyone, HandleLogin, "login",
       "Log in: a session token (body and HttpOnly cookie) and the CSRF token",
       {kOk, kInvalid, {401, kProblemJson, "Wrong user name or password"},
        {429, kProblemJson, "Too many failed logins: wait, or the account is locked for a while"}}},
      {"GET", "/api/v1/auth/session", signed_in, HandleSession, "getSession", "The signed-in user and the CSRF token",
       {kOk, kUnauth}},
      {"POST", "/api/v1/auth/logout", signed_in, HandleLogout, "logout", "End this session", {kNoContent, kUnauth, kForbidden}},
      {"POST", "/api/v1/auth/password", signed_in, HandleChangePassword, "changePassword",
       "Change the password; other sessions of the account end", {kNoContent, kInvalid, kUnauth, kForbidden}},

      {"GET", "/api/v1/users", account_admins, HandleListUsers, "listUsers",
       "Accounts: all (admin) or the employer's (employer admin)", {kOk, kUnauth, kForbidden}},
      {"POST", "/api/v1/users", account_admins, HandleCreateUser, "createUser",
       "Create an account: officers, analysts, admins, employer admins (admin); staff (employer admin)",
       {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},

      {"GET", "/api/v1/employers", signed_in, HandleListEmployers, "listEmployers", "Employers, by id",
       {kOk, kUnauth}},
      {"POST", "/api/v1/employers", officers, HandleCreateEmployer, "createEmployer", "Register an employer",
       {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},
      {"GET", "/api/v1/employers/{id}", signed_in, HandleGetEmployer, "getEmployer", "One employer",
       {kOk, kUnauth, kMissing}},
      {"PUT", "/api/v1/employers/{id}", employer_editors, HandleUpdateEmployer, "updateEmployer",
       "Edit an employer (its admin, or an officer): name, kind, ownership, city, average salary",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing}},

      {"GET", "/api/v1/talents", people_readers, HandleListTalents, "listTalents",
       "Talents in the caller's scope: self, the employer's staff and applicants, or the province",
       {kOk, kUnauth, kForbidden}},
      {"GET", "/api/v1/talents/{id}", people_readers, HandleGetTalent, "getTalent", "One talent and their dossier",
       {kOk, kUnauth, kForbidden, kMissing}},
      {"PATCH", "/api/v1/talents/{id}", Only({R::kTalent}), HandleUpdateTalent, "updateTalent",
       "The talent edits their name, employer or dossier (checked against the policy in force)",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/talents/{id}/preview", people_readers, HandlePreviewTalent, "previewTalent",
       "The engine's decision on the current dossier today, with what it would take to reach the next tier",
       {kOk, kUnauth, kForbidden, kMissing}},

      {"POST", "/api/v1/applications", Only({R::kTalent}), HandleCreateApplication, "createApplication",
       "Open a draft green-card application", {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},
      {"GET", "/api/v1/applications", people_readers, HandleListApplications, "listApplications",
       "Applications in the caller's scope; ?state=, ?talent_id=, ?employer_id= (officers), ?limit=, ?after=",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"GET", "/api/v1/applications/{id}", people_readers, HandleGetApplication, "getApplication",
       "One application with its dossier, decision, timeline and the caller's available actions",
       {kOk, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/applications/{id}/status", people_readers, HandleApplicationStatus, "getApplicationStatus",
       "An application's state, revision, tier and card expiry, without dossier, decision or timeline (for polling)",
       {kOk, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/applications/{id}/actions/{action}", workflow, HandleApplicationAction, "actOnApplication",
       "submit, withdraw (talent); endorse, return (employer); approve, reject, issue, renew, revoke (officer)",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},

      {"GET", "/api/v1/applications/{id}/card", people_readers, HandleGetCard, "getCard",
       "The application's card in force: its signed text (JC1:...) and QR code (SVG)", {kOk, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/applications/{id}/card.png", people_readers, HandleGetCardPng, "getCardQrPng",
       "The card's QR code as a PNG (8 pixels per module), for printing", {{200, "image/png", "The QR code"}, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/trust-list", anyone, HandleTrustList, "getTrustList",
       "Public keys that sign cards, by key id, for offline verification", {kOk, kMissing}},
      {"GET", "/api/v1/revocations", anyone, HandleRevocations, "getRevocations",
       "Cards the office revoked: id, time, reason", {kOk}},
      {"POST", "/api/v1/cards/verify", anyone, HandleVerifyCard, "verifyCard",
       "Verify a card's text: valid, expired, not_yet_valid, revoked, bad_signature, altered_payload, unknown_key "
       "or malformed, with a reason",
       {kOk, kInvalid}},

      {"GET", "/api/v1/claims", people_readers, HandleListClaims, "listClaims",
       "Entitlement claims in the caller's scope; ?entitlement=, ?state=, ?application_id=, ?open=true, "
       "?overdue=true, ?talent_id=, ?employer_id= (officers), ?limit=, ?after=",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/claims", Only({R::kTalent}), HandleOpenClaim, "openClaim",
       "The card holder claims an entitlement of their card in force: {entitlement, child?}",
       {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},
      {"GET", "/api/v1/claims/{id}", people_readers, HandleGetClaim, "getClaim",
       "One claim with its timeline, flat, school, letter, monthly schedule and the caller's actions",
       {kOk, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/claims/{id}/actions/{action}", people_readers, HandleClaimAction, "actOnClaim",
       "choose {city, county?}, rank {schools}, withdraw (talent); assign {flat_id}, occupy, release (employer); "
       "spouse_employed, spouse_unemployed {month} (talent, employer); issue_letter (officer)",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"POST", "/api/v1/claims/{id}/payments", Only({R::kEmployerAdmin, R::kEmployerStaff}), HandleRecordPayment,
       "recordAllowancePayment", "The employer records a month's payment: {month, amount_fen?, paid_on?}",
       {kCreated, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"GET", "/api/v1/allowances/due", Only({R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin}),
       HandleAllowancesDue, "listAllowancesDue",
       "Spouse allowance and insurance unpaid through ?month=YYYY-MM (default this month): due that month, missed before",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"GET", "/api/v1/letters/{number}", anyone, HandleGetLetter, "getLetter",
       "Check a letter the office issued by the number printed on it", {kOk, kMissing}},

      {"GET", "/api/v1/flats", Only({R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin}), HandleListFlats,
       "listFlats", "Turnover flats: the employer's own, or every employer's (?employer_id=) for the office",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/flats", Only({R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin}), HandleAddFlat,
       "addFlat", "Add a flat: {address, area_m2, rooms, available_from, available_to, employer_id (office)}",
       {kCreated, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/flats/{id}/retire", Only({R::kEmployerAdmin, R::kEmployerStaff, R::kOfficer, R::kAdmin}),
       HandleRetireFlat, "retireFlat", "Take a free flat out of the inventory",
       {kOk, kUnauth, kForbidden, kMissing, kConflict}},

      {"GET", "/api/v1/schools", signed_in, HandleListSchools, "listSchools",
       "Schools taking green-card holders' children; ?stage=primary|junior|senior", {kOk, kInvalid, kUnauth}},
      {"POST", "/api/v1/schools", officers, HandleAddSchool, "addSchool",
       "Add a school: {code, name, city, stage, capacity, priority: [tier|same_city|first_claimed...]}",
       {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},
      {"PATCH", "/api/v1/schools/{id}", officers, HandleUpdateSchool, "updateSchool",
       "Change a school's name, city, capacity or priority", {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"POST", "/api/v1/placements", officers, HandleRunPlacement, "runPlacement",
       "Place every ranked child by deferred acceptance; the same inputs give the same result",
       {kCreated, kUnauth, kForbidden}},
      {"GET", "/api/v1/placements/latest", officers, HandleLatestPlacement, "getLatestPlacement",
       "The last placement run: when, by whom, its inputs' digest and counts", {kOk, kUnauth, kForbidden, kMissing}},

      {"GET", "/api/v1/policies", policy_readers, HandleListPolicies, "listPolicies",
       "Stored policy versions, newest effective date first", {kOk, kUnauth, kForbidden}},
      {"POST", "/api/v1/policies", analysts, HandleUploadPolicy, "uploadPolicy",
       "Store a policy version to take effect on a date; refused with its diagnostics when it has errors",
       {kCreated, kInvalid, kUnauth, kForbidden, kConflict}},
      {"POST", "/api/v1/policies/check", analysts, HandleCheckPolicy, "checkPolicy",
       "Check a policy text: every error and warning with line and column", {kOk, kInvalid, kUnauth, kForbidden}},
      {"GET", "/api/v1/policies/{id}", policy_readers, HandleGetPolicy, "getPolicy", "One policy version with its text",
       {kOk, kUnauth, kForbidden, kMissing}},

      {"GET", "/api/v1/simulator/parameters", policy_readers, HandleSimulationParameters, "getSimulationParameters",
       "The parameters of a policy version (?policy_id=, default the one in force) with their values on ?as_of=",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/simulations", policy_readers, HandleRunSimulation, "runSimulation",
       "A policy version against itself with {set: {parameter: value}} over a synthetic population {count, seed}: "
       "counts per tier, transitions, entitlement costs by payer",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},

      {"POST", "/api/v1/simulations/reform", policy_readers, HandleReformFile, "exportReform",
       "The reform as a policy file: {policy_id?, set, version?} -> the version's TOML with those values",
       {{200, "application/toml", "The policy file"}, kInvalid, kUnauth, kForbidden, kMissing}},

      {"GET", "/api/v1/statistics", officers, HandleStatistics, "getStatistics",
       "The talent pool today: totals, cards in force by tier, field, city, employer kind, nationality and age band, "
       "cards issued and ended per month, entitlement costs by payer, claims, allowance payments",
       {kOk, kUnauth, kForbidden}},
      {"GET", "/api/v1/statistics.csv", officers, HandleStatisticsCsv, "getStatisticsCsv",
       "The same figures as CSV rows: section, key, detail, value", {{200, "text/csv", "The figures"}, kUnauth, kForbidden}},
      {"GET", "/api/v1/statistics.xlsx", officers, HandleStatisticsXlsx, "getStatisticsXlsx",
       "The same figures as an Excel workbook, one sheet per section",
       {{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "The workbook"}, kUnauth, kForbidden}},

      {"GET", "/api/v1/news", anyone, HandleListNews, "listNews",
       "Published news, newest first: ?category=recruitment|policy, ?lang=zh-CN|en, ?limit=, ?before=ID",
       {kOk, kInvalid}},
      {"GET", "/api/v1/news.atom", anyone, HandleNewsFeed, "getNewsFeed", "The published news as an Atom feed",
       {{200, "application/atom+xml", "The feed"}, kInvalid}},
      {"GET", "/api/v1/news/{id}", anyone, HandleGetNews, "getNews", "One article: its Markdown and its HTML",
       {kOk, kMissing}},
      {"POST", "/api/v1/news", officers, HandlePublishNews, "publishNews",
       "Publish an article: {title, category (recruitment|policy), lang (zh-CN|en), body (Markdown)}",
       {kCreated, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/news/preview", officers, HandlePreviewNews, "previewNews",
       "An article's Markdown as the site will show it: {body} -> {body_html, summary}; stores nothing",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"PUT", "/api/v1/news/{id}", officers, HandleEditNews, "editNews", "Edit an article (same fields)",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/news/{id}/withdraw", officers, HandleWithdrawNews, "withdrawNews",
       "Withdraw an article from the site and the feed", {kOk, kUnauth, kForbidden, kMissing, kConflict}},

      {"GET", "/api/v1/positions", anyone, HandleSearchPositions, "searchPositions",
       "Open positions, newest first: ?q= (words or Chinese characters, every one must occur), ?engagement=, "
       "?field=, ?city=, ?employer_id=, ?pay_at_least= (CNY a month), ?limit=, ?before=ID",
       {kOk, kInvalid}},
      {"GET", "/api/v1/positions.atom", anyone, HandlePositionsFeed, "getPositionsFeed",
       "Open positions as an Atom feed (the same filters)", {{200, "application/atom+xml", "The feed"}, kInvalid}},
      {"GET", "/api/v1/positions/{id}", anyone, HandleGetPosition, "getPosition", "One position, open or closed",
       {kOk, kMissing}},
      {"POST", "/api/v1/positions", employer_people, HandlePostPosition, "postPosition",
       "Post a position for the caller's employer: {title, engagement (full_time|consultant|part_time|project), field, "
       "skills[], city, pay_min_cny, pay_max_cny (a month), lang (zh-CN|en), description}",
       {kCreated, kInvalid, kUnauth, kForbidden}},
      {"PUT", "/api/v1/positions/{id}", employer_people, HandleEditPosition, "editPosition",
       "Edit an open position of the caller's employer (same fields)",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"POST", "/api/v1/positions/{id}/close", market_managers, HandleClosePosition, "closePosition",
       "Close a position: it leaves the search and takes no more applications",
       {kOk, kUnauth, kForbidden, kMissing, kConflict}},
      {"GET", "/api/v1/employers/{id}/positions", market_managers, HandleEmployerPositions, "listEmployerPositions",
       "Every position of an employer, open and closed, with its applications counted by stage",
       {kOk, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/positions/{id}/candidates", market_managers, HandlePositionCandidates, "listPositionCandidates",
       "Talents ranked for a position, best first, with the reasons of each score: those who applied and those who "
       "let employers find them; ?limit=",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/positions/{id}/applications", market_managers, HandlePositionApplications,
       "listPositionApplications", "A position's applications, best match first", {kOk, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/positions/{id}/applications", Only({R::kTalent}), HandleApplyToPosition, "applyToPosition",
       "Apply to an open position: {cover_note?}", {kCreated, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"GET", "/api/v1/position-applications", Only({R::kTalent}), HandleMyPositionApplications,
       "listMyPositionApplications", "The caller's applications to positions, newest first", {kOk, kUnauth, kForbidden}},
      {"GET", "/api/v1/position-applications/{id}", market_people, HandleGetPositionApplication,
       "getPositionApplication", "One application to a position", {kOk, kUnauth, kForbidden, kMissing}},
      {"POST", "/api/v1/position-applications/{id}/actions/{action}", market_people, HandlePositionApplicationAction,
       "actOnPositionApplication",
       "Move an application: shortlist, interview, offer, decline ({reason} required) by the employer; accept, "
       "withdraw by the talent",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"GET", "/api/v1/market/profile", Only({R::kTalent}), HandleGetMarketProfile, "getMarketProfile",
       "The caller's market profile (drawn from the dossier until one is saved)", {kOk, kUnauth, kForbidden}},
      {"PUT", "/api/v1/market/profile", Only({R::kTalent}), HandlePutMarketProfile, "putMarketProfile",
       "Save the market profile: {field, skills[], cities[], engagements[], min_pay_cny, summary, visible}",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"GET", "/api/v1/market/matches", Only({R::kTalent}), HandleMarketMatches, "listMarketMatches",
       "Open positions ranked for the caller, best first, with the reasons of each score; ?limit=",
       {kOk, kInvalid, kUnauth, kForbidden}},

      {"GET", "/api/v1/flows", people_readers, HandleListFlows, "listFlows",
       "Talent flows between employers and sectors, newest first: the office's all (?talent_id=, ?employer_id=), an "
       "employer's from or to it, a talent's own; ?limit=, ?before=ID",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/flows", market_managers, HandleRecordFlow, "recordFlow",
       "Record a flow: {talent_id, from_employer_id?, to_employer_id? (null: outside the province or no employer), "
       "engagement?, moved_on, note?}; an employer records flows from or to itself",
       {kCreated, kInvalid, kUnauth, kForbidden, kMissing}},
      {"GET", "/api/v1/flows/summary", officers, HandleFlowSummary, "getFlowSummary",
       "Flows counted by sectors (from, to), into, out of, within and outside the system; cadres' business leaves by state",
       {kOk, kUnauth, kForbidden}},
      {"GET", "/api/v1/business-leaves", people_readers, HandleListBusinessLeaves, "listBusinessLeaves",
       "Cadres' leaves to start a business: the office's all, an employer's own cadres', a talent's own; ?state=, "
       "?overdue=true, ?employer_id=, ?talent_id=, ?limit=, ?after=",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"POST", "/api/v1/business-leaves", market_managers, HandleGrantBusinessLeave, "grantBusinessLeave",
       "Record a cadre's leave to start a business: {talent_id, employer_id? (the office names it), business_name, "
       "business_credit_code, left_on, return_by (after left_on, within 3 years), note?}",
       {kCreated, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},
      {"POST", "/api/v1/business-leaves/{id}/actions/{action}", market_managers, HandleEndBusinessLeave,
       "endBusinessLeave",
       "End a leave: return (back at the post) or stay (the cadre leaves the post for the business: a flow out of the "
       "system); {on, note?}",
       {kOk, kInvalid, kUnauth, kForbidden, kMissing, kConflict}},

      {"GET", "/api/v1/audit", officers, HandleListAudit, "listAudit", "Audit records in order; ?after=, ?limit=",
       {kOk, kInvalid, kUnauth, kForbidden}},
      {"GET", "/api/v1/audit/verify", officers, HandleVerifyAudit, "verifyAudit",
       "Verify the audit chain: the first broken link, if any", {kOk, kUnauth, kForbidden}},
  };
}

}  // namespace jincai::http
