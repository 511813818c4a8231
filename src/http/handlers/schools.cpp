// /api/v1/schools: the schools that take green-card holders' children, with their
// capacities and admission criteria; /api/v1/placements: the office's placement runs.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleListSchools(const Request& req, Services& s) {
  std::optional<std::string> stage;
  if (std::string v = QueryParam(req, "stage"); !v.empty()) stage = v;
  auto rows = s.schools.List(stage);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows) items.push_back(SchoolJson(r));
  return JsonResponse({{"items", items}});
}

Response HandleAddSchool(const Request& req, Services& s) {
  JsonBody b(req, {"code", "name", "city", "stage", "capacity", "priority"});
  service::NewSchool n;
  n.code = b.Str("code", 40);
  n.name = b.Str("name", 200);
  n.city = b.Str("city", 40);
  n.stage = b.Str("stage", 20);
  n.capacity = b.Int("capacity");
  n.priority = b.OptStrList("priority", 3, 40).value_or(std::vector<std::string>{});
  if (!b.ok()) return b.Problem();
  auto row = s.schools.Add(req.auth->actor, n);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(SchoolJson(*row), 201);
}

Response HandleUpdateSchool(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  JsonBody b(req, {"name", "city", "capacity", "priority"});
  service::SchoolChange c;
  c.name = b.OptStr("name", 200);
  c.city = b.OptStr("city", 40);
  c.capacity = b.OptInt("capacity");
  c.priority = b.OptStrList("priority", 3, 40);
  if (!b.ok()) return b.Problem();
  auto row = s.schools.Update(req.auth->actor, *id, c);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(SchoolJson(*row));
}

Response HandleRunPlacement(const Request& req, Services& s) {
  auto r = s.schools.RunPlacement(req.auth->actor);
  if (!r.ok()) return ProblemFor(r.status(), req);
  return JsonResponse(PlacementRunJson(r->run), 201);
}

Response HandleLatestPlacement(const Request& req, Services& s) {
  auto r = s.schools.LatestRun();
  if (!r.ok()) return ProblemFor(r.status(), req);
  if (!*r) return ProblemFor(Status::NotFound("placement has not been run yet").Zh("尚未组织过入学安置"), req);
  return JsonResponse(PlacementRunJson(**r));
}

}  // namespace jincai::http
