// The route table against the OpenAPI document generated from it, both ways: every
// route is documented and every documented operation is a route, with its path
// parameters. Also the router's matching (404 vs 405 with the allowed methods).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "http/openapi.h"
#include "http/router.h"

namespace jincai::http {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Response Ok(const Request&, Services&) { return {}; }

TEST(RouterOpenApi, DocumentListsExactlyTheRoutes) {
  Router router(AllRoutes());
  auto doc = nlohmann::json::parse(OpenApiDocument(router.routes()));
  EXPECT_EQ(doc["openapi"], "3.0.3");
  std::set<std::pair<std::string, std::string>> from_routes, from_doc;
  std::set<std::string> operation_ids;
  for (const Route& r : router.routes()) {
    from_routes.insert({Lower(r.method), r.pattern});
    EXPECT_TRUE(operation_ids.insert(r.operation_id).second) << "duplicate operationId " << r.operation_id;
    EXPECT_FALSE(r.summary.empty()) << r.pattern;
    EXPECT_FALSE(r.responses.empty()) << r.pattern;
    // Dispatch finds each route at its own pattern.
    EXPECT_EQ(router.Find(r.method, r.pattern).route, &r);
  }
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items()) {
      from_doc.insert({method, path});
      EXPECT_TRUE(op.contains("responses")) << path;
      EXPECT_TRUE(op["responses"].contains("default")) << path;
    }
  EXPECT_EQ(from_routes, from_doc);
  EXPECT_TRUE(doc["components"]["schemas"].contains("Problem"));
}

TEST(RouterOpenApi, PathParametersAreDocumentedAndMatched) {
  Router router({{"GET", "/api/v1/things/{id}", Access::Public(), Ok, "getThing", "A thing", {{200, kJson, "it"}}},
                 {"DELETE", "/api/v1/things/{id}", Access::Public(), Ok, "deleteThing", "Delete", {{200, kJson, "gone"}}}});
  auto doc = nlohmann::json::parse(OpenApiDocument(router.routes()));
  auto params = doc["paths"]["/api/v1/things/{id}"]["get"]["parameters"];
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0]["name"], "id");
  EXPECT_EQ(params[0]["in"], "path");
  EXPECT_EQ(params[0]["required"], true);

  auto m = router.Find("GET", "/api/v1/things/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->operation_id, "getThing");
  EXPECT_EQ(m.params.at("id"), "42");

  m = router.Find("PUT", "/api/v1/things/42");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "DELETE"}));

  for (const char* path : {"/api/v1/things", "/api/v1/things/", "/api/v1/things/42/x", "/api/v1/other/42"}) {
    m = router.Find("GET", path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

}  // namespace
}  // namespace jincai::http
