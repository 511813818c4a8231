// Who is calling and whether they may call this route: the session token from
// "Authorization: Bearer" (scripts) or the jincai_session cookie (the browser), the
// route's roles, and the CSRF token for unsafe methods on a cookie session. Runs in
// dispatch before any handler, so no handler is reached by a caller it does not allow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/services.h"

namespace jincai::http {

inline constexpr const char* kSessionCookie = "jincai_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

// Sets req.auth, or returns the 401/403 problem to answer instead.
std::optional<Response> Authorize(Request& req, Services& services, const Route& route);

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace jincai::http
