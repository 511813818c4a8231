// /api/v1/simulator/parameters and /api/v1/simulations: the analyst's simulator, a
// policy version against itself with parameters changed, over a synthetic population.
#include <map>

#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "policy/value.h"

namespace jincai::http {
namespace {

nlohmann::json PolicyOf(const store::PolicyVersionRow& p) {
  return {{"id", p.id}, {"policy_id", p.policy_id}, {"version", p.version}, {"effective_from", p.effective_from}};
}

// ?as_of= or {"as_of"}: a date, or a 422 naming the field.
bool DateOf(const std::string& text, std::optional<int32_t>* out, const Request& req, Response* problem) {
  if (text.empty()) return true;
  *out = policy::ParseDate(text);
  if (*out) return true;
  *problem = ProblemFor(Status::InvalidArgument("as_of must be a date YYYY-MM-DD").Field("as_of")
                            .Zh("as_of 须为 YYYY-MM-DD 格式的日期"),
                        req);
  return false;
}

// {"set": {"name": value}} as parameter -> value text (strings as they are, numbers and
// booleans as JSON writes them), or a 422 naming "set.NAME".
bool SetOf(const std::optional<std::string>& set, std::map<std::string, std::string>* out, const Request& req,
           Response* problem) {
  if (!set) return true;
  const nlohmann::json overrides = nlohmann::json::parse(*set);
  for (const auto& [name, value] : overrides.items()) {
    if (value.is_string()) {
      (*out)[name] = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      (*out)[name] = value.dump();
    } else {
      *problem = ProblemFor(Status::InvalidArgument("set." + name + " must be a string, number or boolean")
                                .Field("set." + name)
                                .Zh("set." + name + " 须为字符串、数字或布尔值"),
                            req);
      return false;
    }
  }
  return true;
}

}  // namespace

Response HandleSimulationParameters(const Request& req, Services& s) {
  std::optional<int64_t> version;
  std::optional<int32_t> as_of;
  Response problem;
  if (!QueryId(req, "policy_id", &version, &problem) || !DateOf(QueryParam(req, "as_of"), &as_of, req, &problem))
    return problem;
  auto params = s.simulator.Parameters(req.auth->actor, version, as_of);
  if (!params.ok()) return ProblemFor(params.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : params->second)
    items.push_back({{"name", p.name}, {"kind", p.kind}, {"value", p.value}, {"assumption", p.assumption},
                     {"cite", p.cite}});
  return JsonResponse({{"policy", PolicyOf(params->first)},
                       {"as_of", policy::FormatDate(as_of.value_or(service::Simulator::ReferenceDay()))},
                       {"items", items}});
}

Response HandleRunSimulation(const Request& req, Services& s) {
  JsonBody b(req, {"policy_id", "count", "seed", "as_of", "set"});
  service::SimulationRequest r;
  r.policy_version_id = b.OptInt("policy_id");
  r.count = b.OptInt("count").value_or(r.count);
  r.seed = static_cast<uint64_t>(b.OptInt("seed").value_or(1));
  std::string as_of = b.OptStr("as_of", 20).value_or("");
  auto set = b.OptObjectText("set", 100000);
  if (!b.ok()) return b.Problem();
  Response problem;
  if (!DateOf(as_of, &r.as_of, req, &problem) || !SetOf(set, &r.set, req, &problem)) return problem;
  auto result = s.simulator.Run(req.auth->actor, r);
  if (!result.ok()) return ProblemFor(result.status(), req);
  return JsonResponse({{"policy", PolicyOf(result->policy)},
                       {"as_of", policy::FormatDate(result->as_of)},
                       {"population", {{"source", "synthetic"}, {"count", r.count}, {"seed", r.seed},
                                       {"cached", result->population_cached}}},
                       {"set", r.set},
                       {"elapsed_ms", result->elapsed_ms},
                       {"report", nlohmann::json::parse(result->report.Json())}});
}

Response HandleReformFile(const Request& req, Services& s) {
  JsonBody b(req, {"policy_id", "set", "version"});
  auto version_id = b.OptInt("policy_id");
  auto set = b.OptObjectText("set", 100000);
  std::string version = b.OptStr("version", 100).value_or("");
  if (!b.ok()) return b.Problem();
  std::map<std::string, std::string> values;
  Response problem;
  if (!SetOf(set, &values, req, &problem)) return problem;
  auto text = s.simulator.ReformFile(req.auth->actor, version_id, values, version);
  if (!text.ok()) return ProblemFor(text.status(), req);
  Response r;
  r.content_type = "application/toml; charset=utf-8";
  r.body = std::move(*text);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"reform.toml\"");
  return r;
}

}  // namespace jincai::http
