// The recruitment market: /api/v1/positions (search, post, edit, close, the Atom feed),
// each position's applications and ranked candidates, /api/v1/market/profile and
// /api/v1/market/matches for talents, /api/v1/position-applications for the pipeline.
#include "domain/employer_profile.h"
#include "domain/hiring_pipeline.h"
#include "http/atom_feed.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/markdown.h"
#include "http/problem.h"

namespace jincai::http {
namespace {

nlohmann::json MatchJson(const domain::Match& m) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : m.reasons)
    reasons.push_back({{"criterion", r.criterion}, {"points", r.points}, {"of", r.of}, {"met", r.met}, {"en", r.en}, {"zh", r.zh}});
  return {{"score", m.score}, {"reasons", reasons}};
}

nlohmann::json PositionJson(const service::PositionView& v) {
  const auto& p = v.row;
  const auto* city = domain::FindLabelled(domain::ShanxiCities(), p.city);
  nlohmann::json out = {{"id", p.id},
                        {"employer_id", p.employer_id},
                        {"employer_name", v.employer_name},
                        {"title", p.title},
                        {"engagement", p.engagement},
                        {"field", p.field},
                        {"skills", p.skills},
                        {"city", p.city},
                        {"city_zh", city ? std::string(city->zh) : p.city},
                        {"pay_min_cny", p.pay_min_cny},
                        {"pay_max_cny", p.pay_max_cny},
                        {"lang", p.lang},
                        {"description", p.description},
                        {"summary", MarkdownSummary(p.description, 120)},
                        {"status", p.status},
                        {"created_at", p.created_at},
                        {"updated_at", p.updated_at}};
  if (!v.applications.empty()) out["applications"] = v.applications;
  return out;
}

nlohmann::json ProfileJson(const store::MarketProfileRow& p) {
  return {{"talent_id", p.talent_id}, {"field", p.field},   {"skills", p.skills},   {"cities", p.cities},
          {"engagements", p.engagements}, {"min_pay_cny", p.min_pay_cny}, {"summary", p.summary},
          {"visible", p.visible}, {"updated_at", p.updated_at}};
}

nlohmann::json ApplicationJson(const service::PositionApplicationView& v) {
  const auto& a = v.row;
  return {{"id", a.id},
          {"position_id", a.position_id},
          {"position_title", v.position_title},
          {"position_status", v.position_status},
          {"employer_name", v.employer_name},
          {"talent_id", a.talent_id},
          {"talent_name", v.talent_name},
          {"stage", a.stage},
          {"stage_zh", domain::HiringStageZh(a.stage)},
          {"cover_note", a.cover_note},
          {"reason", a.reason},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at},
          {"match", MatchJson(v.match)}};
}

std::optional<service::PositionInput> PositionOf(const Request& req, Response* problem) {
  JsonBody b(req, {"title", "engagement", "field", "skills", "city", "pay_min_cny", "pay_max_cny", "lang", "description"});
  service::PositionInput in;
  in.title = b.Str("title", 1000);
  in.engagement = b.Str("engagement", 40);
  in.field = b.Str("field", 1000);
  in.skills = b.OptStrList("skills", 100, 200).value_or(std::vector<std::string>{});
  in.city = b.Str("city", 100);
  in.pay_min_cny = b.Int("pay_min_cny");
  in.pay_max_cny = b.Int("pay_max_cny");
  in.lang = b.Str("lang", 10);
  in.description = b.Str("description", 100000);
  if (!b.ok()) {
    *problem = b.Problem();
    return std::nullopt;
  }
  return in;
}

// ?q=, ?engagement=, ?field=, ?city=, ?employer_id=, ?pay_at_least=, ?limit=, ?before=
bool QueryOf(const Request& req, service::PositionQuery* q, Response* problem) {
  if (!NewestPageOf(req, &q->limit, &q->before_id, problem)) return false;
  if (!QueryId(req, "employer_id", &q->employer_id, problem)) return false;
  q->q = QueryParam(req, "q");
  if (std::string v = QueryParam(req, "engagement"); !v.empty()) q->engagement = v;
  if (std::string v = QueryParam(req, "field"); !v.empty()) q->field = v;
  if (std::string v = QueryParam(req, "city"); !v.empty()) q->city = v;
  if (std::string v = QueryParam(req, "pay_at_least"); !v.empty()) {
    int64_t n = 0;
    bool digits = v.size() <= 8 && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits) n = std::stoll(v);
    if (!digits) {
      *problem = ProblemFor(Status::InvalidArgument("pay_at_least must be a whole number of CNY a month")
                                .Field("pay_at_least")
                                .Zh("pay_at_least 须为整数（元/月）"),
                            req);
      return false;
    }
    q->pay_at_least_cny = n;
  }
  return true;
}

int64_t LimitOf(const Request& req, Response* problem, bool* ok) {
  int64_t limit = 20, after = 0;
  *ok = PageOf(req, &limit, &after, problem);
  return limit;
}

}  // namespace

Response HandleSearchPositions(const Request& req, Services& s) {
  service::PositionQuery q;
  Response problem;
  if (!QueryOf(req, &q, &problem)) return problem;
  auto rows = s.market.Search(q);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *rows) items.push_back(PositionJson(p));
  return JsonResponse({{"items", items}});
}

Response HandleGetPosition(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.market.Get(*id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(PositionJson(*v));
}

Response HandlePostPosition(const Request& req, Services& s) {
  Response problem;
  auto in = PositionOf(req, &problem);
  if (!in) return problem;
  auto v = s.market.Post(req.auth->actor, *in);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(PositionJson(*v), 201);
}

Response HandleEditPosition(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto in = PositionOf(req, &problem);
  if (!in) return problem;
  auto v = s.market.Edit(req.auth->actor, *id, *in);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(PositionJson(*v));
}

Response HandleClosePosition(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.market.Close(req.auth->actor, *id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(PositionJson(*v));
}

Response HandleEmployerPositions(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto rows = s.market.OfEmployer(req.auth->actor, *id);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *rows) items.push_back(PositionJson(p));
  return JsonResponse({{"items", items}});
}

Response HandlePositionCandidates(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  bool ok = false;
  int64_t limit = LimitOf(req, &problem, &ok);
  if (!ok) return problem;
  auto rows = s.market.CandidatesFor(req.auth->actor, *id, limit);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : *rows) {
    nlohmann::json j = {{"talent_id", c.talent_id},     {"name", c.name}, {"profile", ProfileJson(c.profile)},
                        {"has_profile", c.has_profile}, {"match", MatchJson(c.match)}};
    j["stage"] = c.stage ? nlohmann::json(*c.stage) : nlohmann::json(nullptr);
    j["application_id"] = c.application_id ? nlohmann::json(*c.application_id) : nlohmann::json(nullptr);
    items.push_back(std::move(j));
  }
  return JsonResponse({{"items", items}});
}

Response HandleApplyToPosition(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  std::string note;
  if (!req.body.empty() || !req.Header("content-type").empty()) {
    JsonBody b(req, {"cover_note"});
    note = b.OptStr("cover_note", 10000).value_or("");
    if (!b.ok()) return b.Problem();
  }
  auto v = s.position_applications.Apply(req.auth->actor, *id, note);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationJson(*v), 201);
}

Response HandlePositionApplications(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto rows = s.position_applications.ToPosition(req.auth->actor, *id);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *rows) items.push_back(ApplicationJson(a));
  return JsonResponse({{"items", items}});
}

Response HandleMyPositionApplications(const Request& req, Services& s) {
  auto rows = s.position_applications.Mine(req.auth->actor);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *rows) items.push_back(ApplicationJson(a));
  return JsonResponse({{"items", items}});
}

Response HandleGetPositionApplication(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto v = s.position_applications.Get(req.auth->actor, *id);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationJson(*v));
}

Response HandlePositionApplicationAction(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  std::string reason;
  if (!req.body.empty() || !req.Header("content-type").empty()) {
    JsonBody b(req, {"reason"});
    reason = b.OptStr("reason", 10000).value_or("");
    if (!b.ok()) return b.Problem();
  }
  auto v = s.position_applications.Act(req.auth->actor, *id, req.params.at("action"), reason);
  if (!v.ok()) return ProblemFor(v.status(), req);
  return JsonResponse(ApplicationJson(*v));
}

Response HandleGetMarketProfile(const Request& req, Services& s) {
  auto p = s.market.Profile(req.auth->actor);
  if (!p.ok()) return ProblemFor(p.status(), req);
  return JsonResponse(ProfileJson(*p));
}

Response HandlePutMarketProfile(const Request& req, Services& s) {
  JsonBody b(req, {"field", "skills", "cities", "engagements", "min_pay_cny", "summary", "visible"});
  service::ProfileInput in;
  in.field = b.OptStr("field", 1000).value_or("");
  in.skills = b.OptStrList("skills", 100, 200).value_or(std::vector<std::string>{});
  in.cities = b.OptStrList("cities", 100, 200).value_or(std::vector<std::string>{});
  in.engagements = b.OptStrList("engagements", 100, 200).value_or(std::vector<std::string>{});
  in.min_pay_cny = b.OptInt("min_pay_cny").value_or(0);
  in.summary = b.OptStr("summary", 10000).value_or("");
  in.visible = b.OptBool("visible").value_or(false);
  if (!b.ok()) return b.Problem();
  auto p = s.market.PutProfile(req.auth->actor, in);
  if (!p.ok()) return ProblemFor(p.status(), req);
  return JsonResponse(ProfileJson(*p));
}

Response HandleMarketMatches(const Request& req, Services& s) {
  Response problem;
  bool ok = false;
  int64_t limit = LimitOf(req, &problem, &ok);
  if (!ok) return problem;
  auto rows = s.market.PositionsFor(req.auth->actor, limit);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows) items.push_back({{"position", PositionJson(r.position)}, {"match", MatchJson(r.match)}});
  return JsonResponse({{"items", items}});
}

Response HandlePositionsFeed(const Request& req, Services& s) {
  service::PositionQuery q;
  Response problem;
  if (!QueryOf(req, &q, &problem)) return problem;
  auto rows = s.market.Search(q);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  AtomFeed feed{"晋才 Jincai · 岗位 positions", "", "urn:jincai:positions", "/api/v1/positions.atom", "/positions",
                "1970-01-01T00:00:00Z", {}};
  for (const auto& v : *rows) {
    const auto& p = v.row;
    feed.updated = std::max(feed.updated, p.updated_at);
    const auto* city = domain::FindLabelled(domain::ShanxiCities(), p.city);
    feed.entries.push_back({p.title, "urn:jincai:position:" + std::to_string(p.id), "/positions/" + std::to_string(p.id),
                            p.created_at, p.updated_at, v.employer_name, p.engagement,
                            (city ? std::string(city->zh) : p.city) + " · " + p.field + " · " +
                                std::to_string(p.pay_min_cny) + "–" + std::to_string(p.pay_max_cny) + " 元/月",
                            p.description, "text", p.lang});
  }
  return AtomResponse(feed);
}

}  // namespace jincai::http
