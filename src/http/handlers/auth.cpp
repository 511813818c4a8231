// /api/v1/auth: registration of talents and employers, login (a session token in the
// body and in an HttpOnly, SameSite=Strict cookie), the current session, logout and
// password change.
#include "http/authorization.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {
namespace {

std::string SessionCookie(const std::string& token, int64_t max_age) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age);
}

}  // namespace

Response HandleRegisterTalent(const Request& req, Services& s) {
  JsonBody b(req, {"username", "password", "name", "document_kind", "document_number", "nationality"});
  service::TalentRegistration r{b.Str("username", 64), b.Str("password", 128), b.Str("name", 200),
                                b.Str("document_kind", 20), b.Str("document_number", 40), b.Str("nationality", 2)};
  if (!b.ok()) return b.Problem();
  auto id = s.accounts.RegisterTalent(r);
  if (!id.ok()) return ProblemFor(id.status(), req);
  return JsonResponse({{"user_id", *id}, {"username", r.username}, {"role", "talent"}}, 201);
}

Response HandleRegisterEmployer(const Request& req, Services& s) {
  JsonBody b(req, {"username", "password", "display_name", "employer"});
  service::EmployerRegistration r{b.Str("username", 64), b.Str("password", 128), b.Str("display_name", 200), {}};
  if (b.ok() && !b.Has("employer")) b.Fail("employer", "'employer' is required", "缺少必填字段 'employer'");
  if (b.ok() && !b.doc()["employer"].is_object()) b.Fail("employer", "'employer' must be an object", "'employer' 须为对象");
  if (!b.ok()) return b.Problem();
  Request inner = req;
  inner.body = b.doc()["employer"].dump();
  JsonBody e(inner, {"credit_code", "name", "kind", "ownership", "city", "avg_monthly_salary_fen"});
  r.employer = {0, e.Str("credit_code", 18), e.Str("name", 200), e.Str("kind", 40), e.Str("ownership", 40),
                e.Str("city", 40), e.Int("avg_monthly_salary_fen"), "", ""};
  if (!e.ok()) return e.Problem();
  auto id = s.accounts.RegisterEmployer(r);
  if (!id.ok()) return ProblemFor(id.status(), req);
  return JsonResponse({{"user_id", *id}, {"username", r.username}, {"role", "employer_admin"}}, 201);
}

Response HandleLogin(const Request& req, Services& s) {
  JsonBody b(req, {"username", "password"});
  std::string username = b.Str("username", 64), password = b.Str("password", 128);
  if (!b.ok()) return b.Problem();
  auto session = s.accounts.Login(username, password);
  if (!session.ok()) return ProblemFor(session.status(), req);
  Response r = JsonResponse({{"token", session->token},
                             {"csrf_token", session->csrf_token},
                             {"expires_at", session->expires_at},
                             {"user", ActorJson(session->actor)}});
  r.headers.emplace_back("Set-Cookie", SessionCookie(session->token, 12 * 3600));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response HandleLogout(const Request& req, Services& s) {
  Status st = s.accounts.Logout(*req.auth);
  if (!st.ok()) return ProblemFor(st, req);
  Response r;
  r.status = 204;
  r.content_type.clear();
  r.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
  return r;
}

Response HandleSession(const Request& req, Services&) {
  Response r = JsonResponse({{"user", ActorJson(req.auth->actor)}, {"csrf_token", req.auth->csrf_token}});
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response HandleChangePassword(const Request& req, Services& s) {
  JsonBody b(req, {"old_password", "new_password"});
  std::string old_pw = b.Str("old_password", 128), new_pw = b.Str("new_password", 128);
  if (!b.ok()) return b.Problem();
  Status st = s.accounts.ChangePassword(*req.auth, old_pw, new_pw);
  if (!st.ok()) return ProblemFor(st, req);
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace jincai::http
