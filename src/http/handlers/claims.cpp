// /api/v1/claims: the card holder claims an entitlement of their card; the party
// responsible acts on it (POST .../{id}/actions/{action}); the employer records the
// allowance's payments. /api/v1/allowances/due lists what is due in a month;
// /api/v1/letters/{number} lets anyone check a letter the office issued.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"
#include "service/letters.h"

namespace jincai::http {

Response HandleListClaims(const Request& req, Services& s) {
  service::ClaimQuery q;
  Response problem;
  if (!PageOf(req, &q.limit, &q.after_id, &problem)) return problem;
  if (std::string v = QueryParam(req, "entitlement"); !v.empty()) q.entitlement = v;
  if (std::string v = QueryParam(req, "state"); !v.empty()) q.state = v;
  q.open_only = QueryParam(req, "open") == "true";
  q.overdue_only = QueryParam(req, "overdue") == "true";
  if (!QueryId(req, "application_id", &q.application_id, &problem) ||
      !QueryId(req, "talent_id", &q.talent_id, &problem) || !QueryId(req, "employer_id", &q.employer_id, &problem))
    return problem;
  auto rows = s.claims.List(req.auth->actor, q);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : *rows) items.push_back(ClaimViewJson(v, req.lang == Lang::kZhCN));
  return JsonResponse({{"items", items}});
}

Response HandleOpenClaim(const Request& req, Services& s) {
  JsonBody b(req, {"entitlement", "child"});
  std::string entitlement = b.Str("entitlement", 100);
  int64_t child = b.OptInt("child").value_or(0);
  if (!b.ok()) return b.Problem();
  auto v = s.claims.Open(req.auth->actor, entitlement, child);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ClaimViewJson(*v, req.lang == Lang::kZhCN), 201);
}

Response HandleGetClaim(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.claims.Get(req.auth->actor, *id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ClaimViewJson(*v, req.lang == Lang::kZhCN));
}

Response HandleClaimAction(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  service::ClaimInput in;
  if (!req.body.empty() || !req.Header("content-type").empty()) {
    JsonBody b(req, {"city", "county", "flat_id", "schools", "month", "note", "revision"});
    in.city = b.OptStr("city", 100).value_or("");
    in.county = b.OptStr("county", 200).value_or("");
    in.flat_id = b.OptInt("flat_id");
    in.schools = b.OptIntList("schools", 10).value_or(std::vector<int64_t>{});
    in.month = b.OptStr("month", 20).value_or("");
    in.note = b.OptStr("note", 2000).value_or("");
    in.expected_revision = b.OptInt("revision");
    if (!b.ok()) return b.Problem();
  }
  auto v = s.claims.Act(req.auth->actor, *id, req.params.at("action"), in);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ClaimViewJson(*v, req.lang == Lang::kZhCN));
}

Response HandleRecordPayment(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  JsonBody b(req, {"month", "amount_fen", "paid_on"});
  std::string month = b.Str("month", 20);
  auto amount = b.OptInt("amount_fen");
  std::string paid_on = b.OptStr("paid_on", 20).value_or("");
  if (!b.ok()) return b.Problem();
  auto row = s.allowances.RecordPayment(req.auth->actor, *id, month, amount, paid_on);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(AllowanceMonthJson(*row), 201);
}

Response HandleAllowancesDue(const Request& req, Services& s) {
  std::string month = QueryParam(req, "month");
  if (month.empty()) month = service::MonthOf(service::ShanghaiDay(service::SystemClock()()));
  std::vector<std::string> not_computed;
  auto rows = s.allowances.Due(req.auth->actor, month, &not_computed);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  int64_t due = 0, missed = 0;
  for (const auto& d : *rows) {
    items.push_back(DueMonthJson(d));
    (d.status == "due" ? due : missed) += d.row.amount_fen;
  }
  return JsonResponse(
      {{"month", month}, {"due_fen", due}, {"missed_fen", missed}, {"items", items}, {"not_computed", not_computed}});
}

Response HandleGetLetter(const Request& req, Services& s) {
  auto letter = service::FindLetterByNumber(s.store, req.params.at("number"), service::SystemClock()());
  if (!letter.ok()) return ProblemFor(letter.status(), req);
  return JsonResponse(LetterJson(*letter, req.lang == Lang::kZhCN));
}

}  // namespace jincai::http
