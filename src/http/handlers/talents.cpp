// /api/v1/talents: a talent's own record and dossier; employers see their staff and
// applicants, officers the province. The preview is the engine's decision on the
// current dossier today, with what it would take to reach the next tier.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleListTalents(const Request& req, Services& s) {
  int64_t limit, after;
  Response problem;
  if (!PageOf(req, &limit, &after, &problem)) return problem;
  auto rows = s.records.ListTalents(req.auth->actor, limit, after);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : *rows) items.push_back(TalentJson(t));
  return JsonResponse({{"items", items}});
}

Response HandleGetTalent(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto t = s.records.GetTalent(req.auth->actor, *id);
  if (!t.ok()) return ProblemFor(t.status(), req);
  return JsonResponse(TalentJson(*t));
}

Response HandleUpdateTalent(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  JsonBody b(req, {"name", "employer_id", "dossier"});
  service::TalentChange change;
  change.name = b.OptStr("name", 200);
  if (b.IsNull("employer_id")) change.employer_id = std::optional<int64_t>();
  else if (auto e = b.OptInt("employer_id")) change.employer_id = std::optional<int64_t>(*e);
  change.dossier = b.OptObjectText("dossier");
  if (!b.ok()) return b.Problem();
  auto t = s.records.ChangeTalent(req.auth->actor, *id, change);
  if (!t.ok()) return ProblemFor(t.status(), req);
  return JsonResponse(TalentJson(*t));
}

Response HandlePreviewTalent(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto e = s.records.PreviewTalent(req.auth->actor, *id);
  if (!e.ok()) return ProblemFor(e.status(), req);
  return JsonResponse(EvaluationJson(*e));
}

}  // namespace jincai::http
