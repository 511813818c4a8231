// GET /healthz: the process answers (liveness) and the database answers a query
// (reachability), for load balancers and orchestrators.
#include <chrono>

#include "http/handlers/handlers.h"
#include "http/metrics.h"
#include "http/problem.h"

namespace jincai::http {

Response HandleHealthz(const Request& req, Services& services) {
  auto start = std::chrono::steady_clock::now();
  auto version = services.store.SchemaVersion();
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  services.metrics.ObserveDatabase("health", took.count());
  if (!version.ok()) return MakeProblem(ProblemKind::kDatabaseUnavailable, req.lang, version.status().message(), req.path);
  Response r;
  r.body = R"({"status":"ok","database":"ok","schema_version":)" + std::to_string(*version) + "}";
  return r;
}

}  // namespace jincai::http
