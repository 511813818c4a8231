// /api/v1/applications: a talent opens and submits a green-card application, the
// employer endorses or returns it, the engine decides, an officer approves or rejects
// and issues the card. Each action is POST .../{id}/actions/{action} with an optional
// reason and the revision the caller saw.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleCreateApplication(const Request& req, Services& s) {
  std::optional<int64_t> employer;
  if (!req.body.empty()) {  // the body is optional: {"employer_id": N} picks another employer
    JsonBody b(req, {"employer_id"});
    employer = b.OptInt("employer_id");
    if (!b.ok()) return b.Problem();
  }
  auto v = s.applications.Create(req.auth->actor, employer);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationViewJson(*v), 201);
}

Response HandleListApplications(const Request& req, Services& s) {
  service::ApplicationQuery q;
  Response problem;
  if (!PageOf(req, &q.limit, &q.after_id, &problem)) return problem;
  if (std::string st = QueryParam(req, "state"); !st.empty()) q.state = st;
  if (!QueryId(req, "talent_id", &q.talent_id, &problem) || !QueryId(req, "employer_id", &q.employer_id, &problem))
    return problem;
  auto rows = s.applications.List(req.auth->actor, q);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *rows) items.push_back(ApplicationJson(a));
  return JsonResponse({{"items", items}});
}

Response HandleGetApplication(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.applications.Get(req.auth->actor, *id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationViewJson(*v));
}

Response HandleApplicationStatus(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto row = s.applications.StatusOf(req.auth->actor, *id);
  if (!row.ok()) return ProblemFor(row.status(), req);
  // Written directly, not through a JSON tree: this is the route clients poll.
  Response r;
  r.body = ApplicationStatusJson(*row);
  return r;
}

Response HandleApplicationAction(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  std::string reason;
  std::optional<int64_t> revision;
  if (!req.body.empty() || !req.Header("content-type").empty()) {
    JsonBody b(req, {"reason", "revision"});
    reason = b.OptStr("reason", 2000).value_or("");
    revision = b.OptInt("revision");
    if (!b.ok()) return b.Problem();
  }
  auto v = s.applications.Act(req.auth->actor, *id, req.params.at("action"), reason, revision);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationViewJson(*v));
}

}  // namespace jincai::http
