// /api/v1/users: accounts an admin creates (officers, analysts, admins, employer
// admins) or an employer admin creates (its staff); listing them.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

namespace jincai::http {

Response HandleListUsers(const Request& req, Services& s) {
  int64_t limit, after;
  Response problem;
  if (!PageOf(req, &limit, &after, &problem)) return problem;
  auto users = s.accounts.ListAccounts(req.auth->actor, limit, after);
  if (!users.ok()) return ProblemFor(users.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : *users) items.push_back(UserJson(u));
  return JsonResponse({{"items", items}});
}

Response HandleCreateUser(const Request& req, Services& s) {
  JsonBody b(req, {"username", "password", "display_name", "role", "employer_id"});
  service::NewAccount a{b.Str("username", 64), b.Str("password", 128), b.Str("display_name", 200), b.Str("role", 40),
                        b.OptInt("employer_id")};
  if (!b.ok()) return b.Problem();
  auto id = s.accounts.CreateAccount(req.auth->actor, a);
  if (!id.ok()) return ProblemFor(id.status(), req);
  return JsonResponse({{"user_id", *id}, {"username", a.username}, {"role", a.role}}, 201);
}

}  // namespace jincai::http
