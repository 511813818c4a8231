// Authentication and role checks for every route (see authorization.h).
#include "http/authorization.h"

#include <sodium.h>

#include "http/problem.h"

namespace jincai::http {
namespace {

bool Safe(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

bool EqualConstantTime(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string CookieValue(std::string_view header, std::string_view name) {
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(';', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(at, end - at);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    at = end + 1;
  }
  return "";
}

std::optional<Response> Authorize(Request& req, Services& services, const Route& route) {
  std::string token;
  std::string_view authz = req.Header("authorization");
  if (authz.size() > 7 && (authz.substr(0, 7) == "Bearer " || authz.substr(0, 7) == "bearer ")) {
    token = std::string(authz.substr(7));
  } else if (std::string c = CookieValue(req.Header("cookie"), kSessionCookie); !c.empty()) {
    token = std::move(c);
    req.cookie_session = true;
  }
  bool zh = req.lang == Lang::kZhCN;
  if (token.empty())
    return ProblemFromStatus(Status::Unauthenticated("log in first: send the session token as \"Authorization: Bearer "
                                                     "TOKEN\" or the jincai_session cookie")
                                 .Zh("请先登录：以 \"Authorization: Bearer 令牌\" 或 jincai_session Cookie 发送会话令牌"),
                             req.lang, req.path);
  auto auth = services.accounts.Authenticate(token);
  if (!auth.ok()) return ProblemFromStatus(auth.status(), req.lang, req.path);
  if (!route.access.Allows(auth->actor.role)) {
    std::string role(domain::RoleName(auth->actor.role));
    return MakeProblem(ProblemKind::kForbidden, req.lang,
                       zh ? std::string(domain::RoleNameZh(auth->actor.role)) + "无权调用 " + req.method + " " + route.pattern
                          : "role " + role + " may not call " + req.method + " " + route.pattern,
                       req.path);
  }
  if (req.cookie_session && !Safe(req.method) && !EqualConstantTime(req.Header(kCsrfHeader), auth->csrf_token))
    return MakeProblem(ProblemKind::kCsrf, req.lang, "", req.path);
  req.auth = std::move(*auth);
  return std::nullopt;
}

}  // namespace jincai::http
