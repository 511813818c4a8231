// GET /metrics and GET /api/v1/openapi.json: what operators and client generators read
// about the running service.
#include "http/handlers/handlers.h"
#include "http/metrics.h"
#include "http/openapi.h"
#include "http/router.h"

namespace jincai::http {

Response HandleMetrics(const Request&, Services& services) {
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = services.metrics.Render();
  return r;
}

Response HandleOpenApi(const Request&, Services& services) {
  Response r;
  r.body = OpenApiDocument(services.router.routes());
  return r;
}

}  // namespace jincai::http
