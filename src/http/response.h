// The HTTP response a handler returns: status, content type, body and extra headers.
// The server adds Content-Length, Content-Language, Server and Connection itself.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace jincai::http {

inline constexpr const char* kJson = "application/json";
inline constexpr const char* kProblemJson = "application/problem+json";

struct Response {
  int status = 200;
  std::string content_type = kJson;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Allow", "GET"}
  // Set when the connection must close after this response (the request could not
  // be read completely, so the stream is out of step).
  bool close = false;
};

}  // namespace jincai::http
