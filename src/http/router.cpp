// Matching a decoded path against the route table, segment by segment. The table is
// small and read-only after start, so a linear scan is simple and fast enough.
#include "http/router.h"

#include <algorithm>

namespace jincai::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>* params) {
  auto ps = Segments(pattern), xs = Segments(path);
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}') {
      if (xs[i].empty()) return false;
      found[std::string(ps[i].substr(1, ps[i].size() - 2))] = std::string(xs[i]);
    } else if (ps[i] != xs[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

Access Access::AnyRole() {
  using domain::Role;
  return {false, {Role::kTalent, Role::kEmployerAdmin, Role::kEmployerStaff, Role::kOfficer, Role::kPolicyAnalyst,
                  Role::kAdmin}};
}

bool Access::Allows(domain::Role r) const { return anyone || std::find(roles.begin(), roles.end(), r) != roles.end(); }

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match m;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, &params)) continue;
    if (r.method == method) {
      m.route = &r;
      m.params = std::move(params);
      m.allowed.clear();
      return m;
    }
    if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) m.allowed.push_back(r.method);
  }
  // HEAD is not served yet: it is not in any route, so it gets 405 like any other.
  return m;
}

}  // namespace jincai::http
