// The route table: every route's method, path pattern, handler, summary and responses
// in one place, from which dispatch and the OpenAPI document are both derived, so the
// two cannot drift (STYLE 14), with who may call each route.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/roles.h"
#include "http/request.h"
#include "http/response.h"
#include "http/services.h"

namespace jincai::http {

using Handler = Response (*)(const Request&, Services&);

// Who may call a route: anyone, or a session of one of these roles. Dispatch checks it
// before the handler runs; the handler's service then checks the data scope.
struct Access {
  bool anyone = false;
  std::vector<domain::Role> roles;
  static Access Public() { return {true, {}}; }
  static Access AnyRole();  // every role a person's account can have
  bool Allows(domain::Role r) const;
};

// One documented response of a route.
struct RouteResponse {
  int status;
  const char* content_type;  // kJson, kProblemJson, "text/plain"...
  const char* description;
};

struct Route {
  std::string method;        // "GET"
  std::string pattern;       // "/api/v1/things/{id}": a {name} segment matches any one segment
  Access access;
  Handler handler;
  std::string operation_id;  // unique, for the OpenAPI document and generated clients
  std::string summary;
  std::vector<RouteResponse> responses;
};

// The routes of this build (routes.cpp).
std::vector<Route> AllRoutes();

class Router {
 public:
  explicit Router(std::vector<Route> routes);

  struct Match {
    const Route* route = nullptr;              // set when found
    std::map<std::string, std::string> params;  // its {name} segments
    std::vector<std::string> allowed;          // the path's methods when only the method is wrong
  };
  // `path` is decoded and checked (no "." or ".." segments). No route and an empty
  // `allowed`: 404. No route and a non-empty `allowed`: 405.
  Match Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  // Whether routes_[route] matches `path`; fills *params when given.
  bool Matches(size_t route, std::string_view path, std::map<std::string, std::string>* params) const;
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // each route's pattern, split once
};

}  // namespace jincai::http
