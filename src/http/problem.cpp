// The problem kinds' statuses, titles and detail templates in both languages, kept in
// one table so that a new kind cannot lack a translation.
#include "http/problem.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace jincai::http {
namespace {

struct ProblemText {
  ProblemKind kind;
  int status;
  const char* slug;
  const char* title_zh;
  const char* title_en;
  // "{}" is replaced by the subject.
  const char* detail_zh;
  const char* detail_en;
};

constexpr ProblemText kTexts[] = {
    {ProblemKind::kNotFound, 404, "not-found", "未找到", "Not Found", "没有与 {} 匹配的接口",
     "No route matches {}"},
    {ProblemKind::kMethodNotAllowed, 405, "method-not-allowed", "方法不允许", "Method Not Allowed",
     "该路径不支持此方法；允许的方法：{}", "This path does not support the method; allowed: {}"},
    {ProblemKind::kPathTraversal, 400, "path-traversal", "路径不合法", "Invalid Path",
     "路径中不允许出现 \".\"、\"..\" 段或 NUL 字节（路径穿越）：{}",
     "The path may not contain \".\" or \"..\" segments or NUL bytes (path traversal): {}"},
    {ProblemKind::kBadTarget, 400, "bad-target", "请求目标不合法", "Invalid Request Target",
     "请求目标必须以 \"/\" 开头，且百分号编码必须完整：{}",
     "The request target must start with \"/\" and use complete percent-escapes: {}"},
    {ProblemKind::kInvalidUtf8, 400, "invalid-utf8", "编码不合法", "Invalid Encoding",
     "{}解码后不是合法的 UTF-8", "The {} is not valid UTF-8 once percent-decoded"},
    {ProblemKind::kMalformedRequest, 400, "malformed-request", "请求格式错误", "Malformed Request",
     "无法解析请求行或请求头：{}", "The request line or headers do not parse: {}"},
    {ProblemKind::kBodyTooLarge, 413, "body-too-large", "请求体过大", "Content Too Large",
     "请求体超过上限 {} 字节", "The request body exceeds the limit of {} bytes"},
    {ProblemKind::kHeadersTooLarge, 431, "headers-too-large", "请求头过大", "Request Header Fields Too Large",
     "请求行与请求头合计超过上限 {} 字节", "The request line and headers exceed the limit of {} bytes"},
    {ProblemKind::kRequestTimeout, 408, "request-timeout", "请求超时", "Request Timeout",
     "未能在 {} 秒内收到完整的请求", "The request did not arrive completely within {} seconds"},
    {ProblemKind::kDatabaseUnavailable, 503, "database-unavailable", "数据库不可用", "Database Unavailable",
     "无法访问数据库：{}", "The database cannot be reached: {}"},
    {ProblemKind::kInternal, 500, "internal", "内部错误", "Internal Server Error",
     "服务器内部错误，已记录：{}", "An internal error occurred and was logged: {}"},
    {ProblemKind::kInvalidJson, 400, "invalid-json", "请求体不是合法的 JSON", "Invalid JSON",
     "请求体不是合法的 JSON：{}", "The request body is not valid JSON: {}"},
    {ProblemKind::kUnsupportedMediaType, 415, "unsupported-media-type", "不支持的媒体类型", "Unsupported Media Type",
     "请求体须为 application/json，而不是 {}", "The request body must be application/json, not {}"},
    {ProblemKind::kInvalidField, 422, "invalid-field", "字段不合法", "Invalid Field", "{}", "{}"},
    {ProblemKind::kRecordNotFound, 404, "record-not-found", "记录不存在", "Record Not Found", "{}", "{}"},
    {ProblemKind::kConflict, 409, "conflict", "状态冲突", "Conflict", "{}", "{}"},
    {ProblemKind::kForbidden, 403, "forbidden", "无权操作", "Forbidden", "{}", "{}"},
    {ProblemKind::kCsrf, 403, "csrf", "缺少 CSRF 令牌", "CSRF Token Missing",
     "使用 Cookie 会话的修改请求须在 X-CSRF-Token 头中携带登录时获得的令牌{}",
     "A request that changes data with a cookie session must carry the login's token in X-CSRF-Token{}"},
    {ProblemKind::kUnauthenticated, 401, "unauthenticated", "未登录", "Unauthenticated", "{}", "{}"},
    {ProblemKind::kTooManyRequests, 429, "too-many-requests", "请求过于频繁", "Too Many Requests", "{}", "{}"},
};

const ProblemText& TextOf(ProblemKind kind) {
  for (const auto& t : kTexts)
    if (t.kind == kind) return t;
  return kTexts[sizeof(kTexts) / sizeof(kTexts[0]) - 1];
}

std::string Fill(const char* tmpl, const std::string& subject) {
  std::string out = tmpl;
  auto at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, subject);
  return out;
}

}  // namespace

std::string ProblemType(ProblemKind kind) { return std::string("urn:jincai:problem:") + TextOf(kind).slug; }

int ProblemStatus(ProblemKind kind) { return TextOf(kind).status; }

Response MakeProblem(ProblemKind kind, Lang lang, const std::string& subject, const std::string& instance) {
  const ProblemText& t = TextOf(kind);
  bool zh = lang == Lang::kZhCN;
  nlohmann::json doc = {
      {"type", ProblemType(kind)},
      {"title", zh ? t.title_zh : t.title_en},
      {"status", t.status},
      {"detail", Fill(zh ? t.detail_zh : t.detail_en, subject)},
  };
  if (!instance.empty()) doc["instance"] = instance;
  Response r;
  r.status = t.status;
  r.content_type = kProblemJson;
  // replace, not throw: a subject is meant to be UTF-8, but a problem must always render.
  r.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response ProblemFromStatus(const Status& st, Lang lang, const std::string& instance) {
  ProblemKind kind = ProblemKind::kInternal;
  switch (st.code()) {
    case Code::kInvalidArgument: kind = ProblemKind::kInvalidField; break;
    case Code::kNotFound: kind = ProblemKind::kRecordNotFound; break;
    case Code::kConflict: kind = ProblemKind::kConflict; break;
    case Code::kForbidden: kind = ProblemKind::kForbidden; break;
    case Code::kUnauthenticated: kind = ProblemKind::kUnauthenticated; break;
    case Code::kTooManyRequests: kind = ProblemKind::kTooManyRequests; break;
    case Code::kOk:
    case Code::kIo:
    case Code::kInternal: break;
  }
  if (kind == ProblemKind::kInternal) {
    std::fprintf(stderr, "jincai serve: %s: %s\n", instance.c_str(), st.message().c_str());
    return MakeProblem(kind, lang, lang == Lang::kZhCN ? "请查看服务器日志" : "see the server log", instance);
  }
  Response r = MakeProblem(kind, lang, lang == Lang::kZhCN ? st.message_zh() : st.message(), instance);
  if (!st.field().empty()) {
    nlohmann::json doc = nlohmann::json::parse(r.body);
    doc["field"] = st.field();
    r.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (kind == ProblemKind::kUnauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

}  // namespace jincai::http
