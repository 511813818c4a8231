// The route table of this build: the one list that dispatch, the OpenAPI document and
// (once accounts exist) permissions are derived from.
#include "http/handlers/handlers.h"
#include "http/problem.h"
#include "http/router.h"

namespace jincai::http {

std::vector<Route> AllRoutes() {
  return {
      {"GET", "/healthz", HandleHealthz, "getHealth", "Liveness and database reachability",
       {{200, kJson, "The process and the database answer: {\"status\":\"ok\",\"database\":\"ok\"}"},
        {503, kProblemJson, "The database cannot be reached"}}},
      {"GET", "/metrics", HandleMetrics, "getMetrics", "Prometheus metrics: requests, latency, database time",
       {{200, "text/plain", "Prometheus text exposition format 0.0.4"}}},
      {"GET", "/api/v1/openapi.json", HandleOpenApi, "getOpenApi", "This OpenAPI document",
       {{200, kJson, "The OpenAPI 3.0 document of every route"}}},
  };
}

}  // namespace jincai::http
