// RFC 9457 problem documents: every error the API returns is one of these kinds,
// with a title and a detail in the request's language (zh-CN or en). The detail names
// the field or rule that failed, so a client can show it or act on it.
#pragma once

#include <string>

#include "http/request.h"
#include "http/response.h"

namespace jincai::http {

enum class ProblemKind {
  kNotFound,            // 404: no route has this path
  kMethodNotAllowed,    // 405: the path exists, the method does not (Allow is set)
  kPathTraversal,       // 400: a "." or ".." segment, or a NUL byte, in the path
  kBadTarget,           // 400: not an origin-form target or a broken %-escape
  kInvalidUtf8,         // 400: the decoded path or query is not UTF-8
  kMalformedRequest,    // 400: the request line or headers do not parse
  kBodyTooLarge,        // 413
  kHeadersTooLarge,     // 431
  kRequestTimeout,      // 408
  kDatabaseUnavailable, // 503
  kInternal,            // 500: a bug; the detail says no more than that
};

// The type URI ("urn:jincai:problem:not-found"), stable for clients to switch on.
std::string ProblemType(ProblemKind kind);
int ProblemStatus(ProblemKind kind);

// A problem+json response. `subject` is what the detail names (a path, a method, a
// limit) and must be valid UTF-8; `instance` is the request's path (may be empty).
Response MakeProblem(ProblemKind kind, Lang lang, const std::string& subject, const std::string& instance = "");

}  // namespace jincai::http
