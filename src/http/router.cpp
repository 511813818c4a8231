// Matching a decoded path against the route table, segment by segment. The table is
// small and read-only after start, so a linear scan is simple and fast enough.
#include "http/router.h"

#include <algorithm>

namespace jincai::http {
namespace {

// The segments of a path after its leading '/', without allocating: calls f(segment)
// for each; stops and returns false when f does.
template <typename F>
bool ForEachSegment(std::string_view path, F f) {
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (!f(path.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

Access Access::AnyRole() {
  using domain::Role;
  return {false, {Role::kTalent, Role::kEmployerAdmin, Role::kEmployerStaff, Role::kOfficer, Role::kPolicyAnalyst,
                  Role::kAdmin}};
}

bool Access::Allows(domain::Role r) const { return anyone || std::find(roles.begin(), roles.end(), r) != roles.end(); }

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (const Route& r : routes_) {
    std::vector<std::string> segs;
    ForEachSegment(r.pattern, [&](std::string_view s) {
      segs.emplace_back(s);
      return true;
    });
    segments_.push_back(std::move(segs));
  }
}

bool Router::Matches(size_t route, std::string_view path, std::map<std::string, std::string>* params) const {
  const std::vector<std::string>& ps = segments_[route];
  size_t i = 0;
  bool ok = ForEachSegment(path, [&](std::string_view seg) {
    if (i >= ps.size()) return false;
    const std::string& p = ps[i++];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (seg.empty()) return false;
      if (params) (*params)[p.substr(1, p.size() - 2)] = std::string(seg);
      return true;
    }
    return p == seg;
  });
  return ok && i == ps.size();
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match m;
  for (size_t k = 0; k < routes_.size(); ++k) {
    const Route& r = routes_[k];
    if (!Matches(k, path, nullptr)) continue;
    if (r.method == method) {
      m.route = &r;
      Matches(k, path, &m.params);  // again, now keeping the {name} segments
      m.allowed.clear();
      return m;
    }
    if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) m.allowed.push_back(r.method);
  }
  // HEAD is not served yet: it is not in any route, so it gets 405 like any other.
  return m;
}

}  // namespace jincai::http
