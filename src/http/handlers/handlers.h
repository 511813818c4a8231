// The handlers, one file per resource under handlers/; each is a plain function the
// route table (routes.cpp) points at.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "http/services.h"

namespace jincai::http {

Response HandleHealthz(const Request& req, Services& services);
Response HandleMetrics(const Request& req, Services& services);
Response HandleOpenApi(const Request& req, Services& services);

}  // namespace jincai::http
