// RFC 9457 problem documents: every error the API returns is one of these kinds,
// with a title and a detail in the request's language (zh-CN or en). The detail names
// the field or rule that failed, so a client can show it or act on it.
#pragma once

#include <string>

#include "common/result.h"
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
  kInvalidJson,         // 400: the body is not a JSON document
  kUnsupportedMediaType,// 415: a body that is not application/json
  kInvalidField,        // 422: a field is missing, of the wrong type, unknown or invalid
  kRecordNotFound,      // 404: no such record, or not one the caller may see
  kConflict,            // 409: the record's state does not allow it, or it changed meanwhile
  kForbidden,           // 403: the caller's role may not do this
  kCsrf,                // 403: a cookie session's unsafe request without its CSRF token
  kUnauthenticated,     // 401: no session, or an expired one
  kTooManyRequests,     // 429: too many failed logins
};

// The type URI ("urn:jincai:problem:not-found"), stable for clients to switch on.
std::string ProblemType(ProblemKind kind);
int ProblemStatus(ProblemKind kind);

// A problem+json response. `subject` is what the detail names (a path, a method, a
// limit) and must be valid UTF-8; `instance` is the request's path (may be empty).
Response MakeProblem(ProblemKind kind, Lang lang, const std::string& subject, const std::string& instance = "");

// The problem for a service's error: its code picks the kind, its message (Chinese or
// English) is the detail, its field (when set) becomes the member "field". Io and
// Internal errors are logged and answered with a bare 500 that reveals nothing.
Response ProblemFromStatus(const Status& status, Lang lang, const std::string& instance);
// The same for the request being answered.
inline Response ProblemFor(const Status& status, const Request& req) { return ProblemFromStatus(status, req.lang, req.path); }

}  // namespace jincai::http
