// The OpenAPI 3.0 document, generated from the route table (router.h) so it describes
// exactly the routes the server dispatches; served at /api/v1/openapi.json.
#pragma once

#include <string>
#include <vector>

#include "http/router.h"

namespace jincai::http {

// The document as JSON text.
std::string OpenApiDocument(const std::vector<Route>& routes);

}  // namespace jincai::http
