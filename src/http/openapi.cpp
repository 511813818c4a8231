// Builds the OpenAPI document: one operation per route, its {name} segments as path
// parameters, its documented responses, and the shared Problem schema for errors.
#include "http/openapi.h"

#include <nlohmann/json.hpp>

namespace jincai::http {
namespace {

using nlohmann::json;

json Schema(const std::string& content_type) {
  if (content_type == kProblemJson) return {{"$ref", "#/components/schemas/Problem"}};
  if (content_type == kJson) return {{"type", "object"}};
  return {{"type", "string"}};
}

json ParametersOf(const std::string& pattern) {
  json params = json::array();
  size_t at = 0;
  while ((at = pattern.find('{', at)) != std::string::npos) {
    size_t end = pattern.find('}', at);
    params.push_back({{"name", pattern.substr(at + 1, end - at - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
    at = end;
  }
  return params;
}

}  // namespace

std::string OpenApiDocument(const std::vector<Route>& routes) {
  json paths = json::object();
  for (const Route& r : routes) {
    json responses = json::object();
    for (const RouteResponse& rr : r.responses)
      responses[std::to_string(rr.status)] = {
          {"description", rr.description},
          {"content", {{rr.content_type, {{"schema", Schema(rr.content_type)}}}}}};
    // Every route can also answer 400 (bad target), 408, 413, 431 and 500 with a problem.
    responses["default"] = {{"description", "A problem (RFC 9457), in the language Accept-Language asks for"},
                            {"content", {{kProblemJson, {{"schema", Schema(kProblemJson)}}}}}};
    json op = {{"operationId", r.operation_id}, {"summary", r.summary}, {"responses", responses}};
    json params = ParametersOf(r.pattern);
    if (!params.empty()) op["parameters"] = params;
    std::string method;
    for (char c : r.method) method += static_cast<char>(c - 'A' + 'a');
    paths[r.pattern][method] = op;
  }
  json problem = {
      {"type", "object"},
      {"required", {"type", "title", "status", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}, {"description", "urn:jincai:problem:<kind>"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}, {"description", "Names the field or rule; zh-CN or en"}}},
        {"instance", {{"type", "string"}}}}}};
  json doc = {{"openapi", "3.0.3"},
              {"info", {{"title", "Jincai API"}, {"version", "0.1.0"}}},
              {"paths", paths},
              {"components", {{"schemas", {{"Problem", problem}}}}}};
  return doc.dump(2);
}

}  // namespace jincai::http
