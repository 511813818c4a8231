// /api/v1/policies: the stored policy versions. Analysts check a text (the engine's
// diagnostics, with line and column, for the editor), upload it to take effect on a
// date, and read any version back; officers read them too.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleListPolicies(const Request& req, Services& s) {
  auto rows = s.policies.List();
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *rows) items.push_back(PolicyVersionJson(p));
  return JsonResponse({{"items", items}});
}

Response HandleGetPolicy(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto p = s.policies.Text(*id);
  if (!p.ok()) return ProblemFor(p.status(), req);
  return JsonResponse(PolicyVersionJson(*p));
}

Response HandleUploadPolicy(const Request& req, Services& s) {
  JsonBody b(req, {"text", "effective_from"});
  std::string text = b.Str("text", 4u << 20);
  std::string effective = b.OptStr("effective_from", 10).value_or("");
  if (!b.ok()) return b.Problem();
  service::PolicyCheckReport report;
  auto row = s.policies.Upload(req.auth->actor, text, effective, &report);
  if (!row.ok()) {
    Response r = ProblemFor(row.status(), req);
    if (row.status().code() == Code::kInvalidArgument && !report.items.empty()) {
      // The editor shows every diagnostic at its line, not only the first.
      nlohmann::json doc = nlohmann::json::parse(r.body);
      doc["diagnostics"] = PolicyCheckJson(report)["diagnostics"];
      r.body = doc.dump();
    }
    return r;
  }
  nlohmann::json out = PolicyVersionJson(*row);
  out["check"] = PolicyCheckJson(report);
  return JsonResponse(out, 201);
}

Response HandleCheckPolicy(const Request& req, Services&) {
  JsonBody b(req, {"text"});
  std::string text = b.Str("text", 4u << 20);
  if (!b.ok()) return b.Problem();
  return JsonResponse(PolicyCheckJson(service::PolicyRegistry::Check("policy.toml", text)));
}

}  // namespace jincai::http
