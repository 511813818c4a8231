// /api/v1/flows: talents' moves between employers and sectors, and the office's summary
// of them; /api/v1/business-leaves: cadres' leaves from their posts to start a business.
#include "domain/talent_sectors.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace jincai::http {
namespace {

nlohmann::json Opt(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json FlowJson(const service::FlowView& v) {
  const auto& f = v.row;
  return {{"id", f.id},
          {"talent_id", f.talent_id},
          {"talent_name", v.talent_name},
          {"from_employer_id", Opt(f.from_employer_id)},
          {"from_employer_name", v.from_employer_name},
          {"to_employer_id", Opt(f.to_employer_id)},
          {"to_employer_name", v.to_employer_name},
          {"from_sector", f.from_sector},
          {"to_sector", f.to_sector},
          {"engagement", f.engagement},
          {"moved_on", f.moved_on},
          {"source", f.source},
          {"position_application_id", Opt(f.position_application_id)},
          {"note", f.note},
          {"created_at", f.created_at}};
}

nlohmann::json LeaveJson(const service::LeaveView& v) {
  const auto& b = v.row;
  return {{"id", b.id},
          {"talent_id", b.talent_id},
          {"talent_name", v.talent_name},
          {"employer_id", b.employer_id},
          {"employer_name", v.employer_name},
          {"business_name", b.business_name},
          {"business_credit_code", b.business_credit_code},
          {"left_on", b.left_on},
          {"return_by", b.return_by},
          {"state", b.state},
          {"ended_on", b.ended_on},
          {"overdue", v.overdue},
          {"note", b.note},
          {"created_at", b.created_at},
          {"updated_at", b.updated_at}};
}

}  // namespace

Response HandleListFlows(const Request& req, Services& s) {
  store::TalentFlowFilter f;
  Response problem;
  if (!NewestPageOf(req, &f.limit, &f.before_id, &problem) || !QueryId(req, "talent_id", &f.talent_id, &problem) ||
      !QueryId(req, "employer_id", &f.employer_id, &problem))
    return problem;
  auto rows = s.flows.List(req.auth->actor, f);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : *rows) items.push_back(FlowJson(v));
  return JsonResponse({{"items", items}});
}

Response HandleRecordFlow(const Request& req, Services& s) {
  JsonBody b(req, {"talent_id", "from_employer_id", "to_employer_id", "engagement", "moved_on", "note"});
  service::FlowInput in;
  in.talent_id = b.Int("talent_id");
  if (!b.IsNull("from_employer_id")) in.from_employer_id = b.OptInt("from_employer_id");
  if (!b.IsNull("to_employer_id")) in.to_employer_id = b.OptInt("to_employer_id");
  in.engagement = b.OptStr("engagement", 40).value_or("full_time");
  in.moved_on = b.Str("moved_on", 40);
  in.note = b.OptStr("note", 10000).value_or("");
  if (!b.ok()) return b.Problem();
  auto v = s.flows.Record(req.auth->actor, in);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(FlowJson(*v), 201);
}

Response HandleFlowSummary(const Request& req, Services& s) {
  auto sum = s.flows.Summary(req.auth->actor);
  if (!sum.ok()) return ProblemFor(sum.status(), req);
  nlohmann::json sectors = nlohmann::json::array(), matrix = nlohmann::json::array();
  for (const auto& l : domain::TalentSectors())
    sectors.push_back({{"code", l.code}, {"zh", l.zh}, {"en", l.en}, {"inside_system", domain::InsideTheSystem(std::string(l.code))}});
  for (const auto& [key, n] : sum->by_sectors) matrix.push_back({{"from", key.first}, {"to", key.second}, {"count", n}});
  return JsonResponse({{"sectors", sectors},
                       {"matrix", matrix},
                       {"into_system", sum->into_system},
                       {"out_of_system", sum->out_of_system},
                       {"within_system", sum->within_system},
                       {"outside_system", sum->outside_system},
                       {"business_leaves",
                        {{"on_leave", sum->on_leave}, {"overdue", sum->leave_overdue}, {"returned", sum->returned}, {"stayed", sum->stayed}}}});
}

Response HandleListBusinessLeaves(const Request& req, Services& s) {
  store::BusinessLeaveFilter f;
  Response problem;
  if (!PageOf(req, &f.limit, &f.after_id, &problem) || !QueryId(req, "employer_id", &f.employer_id, &problem) ||
      !QueryId(req, "talent_id", &f.talent_id, &problem))
    return problem;
  if (std::string v = QueryParam(req, "state"); !v.empty()) f.state = v;
  const std::string overdue = QueryParam(req, "overdue");
  if (!overdue.empty() && overdue != "true" && overdue != "false")
    return ProblemFor(Status::InvalidArgument("overdue must be true or false").Field("overdue").Zh("overdue 须为 true 或 false"), req);
  auto rows = s.flows.Leaves(req.auth->actor, f, overdue == "true");
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : *rows) items.push_back(LeaveJson(v));
  return JsonResponse({{"items", items}});
}

Response HandleGrantBusinessLeave(const Request& req, Services& s) {
  JsonBody b(req, {"talent_id", "employer_id", "business_name", "business_credit_code", "left_on", "return_by", "note"});
  service::LeaveInput in;
  in.talent_id = b.Int("talent_id");
  in.employer_id = b.OptInt("employer_id");
  in.business_name = b.Str("business_name", 1000);
  in.business_credit_code = b.Str("business_credit_code", 100);
  in.left_on = b.Str("left_on", 40);
  in.return_by = b.Str("return_by", 40);
  in.note = b.OptStr("note", 10000).value_or("");
  if (!b.ok()) return b.Problem();
  auto v = s.flows.GrantLeave(req.auth->actor, in);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(LeaveJson(*v), 201);
}

Response HandleEndBusinessLeave(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  JsonBody b(req, {"on", "note"});
  std::string on = b.Str("on", 40), note = b.OptStr("note", 10000).value_or("");
  if (!b.ok()) return b.Problem();
  auto v = s.flows.EndLeave(req.auth->actor, *id, req.params.at("action"), on, note);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(LeaveJson(*v));
}

}  // namespace jincai::http
