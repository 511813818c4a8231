// From a request the server has read to the response it writes: check the target
// (percent-escapes, UTF-8, traversal), pick the language, route, call the handler
// and count the outcome. Independent of Beast, so unit tests call it directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "http/services.h"

namespace jincai::http {

// Percent-decodes `in` into `out`; false on a truncated or non-hex escape.
bool PercentDecode(std::string_view in, std::string* out);

// Fills req.path and req.query from req.target; a 400 problem when the target is
// not origin-form, has a broken %-escape, decodes to invalid UTF-8, or has a ".",
// ".." or NUL segment.
std::optional<Response> CheckTarget(Request& req);

// Never throws: a handler's exception becomes a 500 problem.
Response Dispatch(Request& req, Services& services);

}  // namespace jincai::http
