// /api/v1/flats: an employer's inventory of turnover flats (the office sees all).
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleListFlats(const Request& req, Services& s) {
  std::optional<int64_t> employer;
  Response problem;
  if (!QueryId(req, "employer_id", &employer, &problem)) return problem;
  auto rows = s.flats.List(req.auth->actor, employer);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : *rows) items.push_back(FlatJson(f));
  return JsonResponse({{"items", items}});
}

Response HandleAddFlat(const Request& req, Services& s) {
  JsonBody b(req, {"employer_id", "address", "area_m2", "rooms", "available_from", "available_to"});
  service::NewFlat f;
  f.employer_id = b.OptInt("employer_id");
  f.address = b.Str("address", 300);
  f.area_m2 = b.Str("area_m2", 20);
  f.rooms = b.Int("rooms");
  f.available_from = b.Str("available_from", 20);
  f.available_to = b.Str("available_to", 20);
  if (!b.ok()) return b.Problem();
  auto v = s.flats.Add(req.auth->actor, f);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(FlatJson(*v), 201);
}

Response HandleRetireFlat(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.flats.Retire(req.auth->actor, *id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(FlatJson(*v));
}

}  // namespace jincai::http
