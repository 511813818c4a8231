// /api/v1/employers: every signed-in user reads employers (a talent picks the one that
// endorses the application); officers register them; the employer's admin or an
// officer edits one.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {
namespace {

// The employer fields of a create or update body; credit_code only when creating.
std::optional<store::EmployerRow> EmployerOf(const Request& req, bool with_code, Response* problem) {
  JsonBody b(req, {"credit_code", "name", "kind", "ownership", "city", "avg_monthly_salary_fen"});
  store::EmployerRow e;
  if (with_code) e.credit_code = b.Str("credit_code", 18);
  else if (b.Has("credit_code"))
    b.Fail("credit_code", "the credit code identifies the employer and cannot be changed", "统一社会信用代码不可修改");
  e.name = b.Str("name", 200);
  e.kind = b.Str("kind", 40);
  e.ownership = b.Str("ownership", 40);
  e.city = b.Str("city", 40);
  e.avg_monthly_salary_fen = b.Int("avg_monthly_salary_fen");
  if (!b.ok()) {
    *problem = b.Problem();
    return std::nullopt;
  }
  return e;
}

}  // namespace

Response HandleListEmployers(const Request& req, Services& s) {
  int64_t limit, after;
  Response problem;
  if (!PageOf(req, &limit, &after, &problem)) return problem;
  auto rows = s.records.ListEmployers(req.auth->actor, limit, after);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *rows) items.push_back(EmployerJson(e));
  return JsonResponse({{"items", items}});
}

Response HandleGetEmployer(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto e = s.records.GetEmployer(req.auth->actor, *id);
  if (!e.ok()) return ProblemFor(e.status(), req);
  return JsonResponse(EmployerJson(*e));
}

Response HandleCreateEmployer(const Request& req, Services& s) {
  Response problem;
  auto e = EmployerOf(req, true, &problem);
  if (!e) return problem;
  auto created = s.records.CreateEmployer(req.auth->actor, *e);
  if (!created.ok()) return ProblemFor(created.status(), req);
  return JsonResponse(EmployerJson(*created), 201);
}

Response HandleUpdateEmployer(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto e = EmployerOf(req, false, &problem);
  if (!e) return problem;
  auto changed = s.records.ChangeEmployer(req.auth->actor, *id, *e);
  if (!changed.ok()) return ProblemFor(changed.status(), req);
  return JsonResponse(EmployerJson(*changed));
}

}  // namespace jincai::http
