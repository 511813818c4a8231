// Dispatch: one place where a request becomes a response, so that every route gets the
// same checks, language, problem documents and metrics.
#include "http/dispatch.h"

#include <chrono>
#include <cstdio>
#include <exception>

#include "http/authorization.h"
#include "http/metrics.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/static_site.h"

namespace jincai::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool PercentDecode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out->push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

namespace {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool IsUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t n;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07;
    else return false;
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

std::optional<Response> CheckTarget(Request& req) {
  std::string_view t = req.target;
  if (t.empty() || t.front() != '/') return MakeProblem(ProblemKind::kBadTarget, req.lang, IsUtf8(t) ? std::string(t) : "", "");
  size_t q = t.find('?');
  std::string_view raw_path = t.substr(0, q);
  std::string_view raw_query = q == std::string_view::npos ? std::string_view{} : t.substr(q + 1);
  std::string path, query;
  if (!PercentDecode(raw_path, &path) || !PercentDecode(raw_query, &query))
    return MakeProblem(ProblemKind::kBadTarget, req.lang, IsUtf8(t) ? std::string(t) : "", "");
  bool zh = req.lang == Lang::kZhCN;
  if (!IsUtf8(path)) return MakeProblem(ProblemKind::kInvalidUtf8, req.lang, zh ? "路径" : "path");
  if (!IsUtf8(query)) return MakeProblem(ProblemKind::kInvalidUtf8, req.lang, zh ? "查询字符串" : "query string");
  // Segments are checked after decoding, so "%2e%2e" is caught like "..".
  bool traversal = path.find('\0') != std::string::npos;
  for (size_t start = 1; !traversal && start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view seg(path.data() + start, end - start);
    traversal = seg == "." || seg == "..";
    start = end + 1;
  }
  // The raw target is echoed (NUL-free since it is %-encoded on the wire), not the decoding.
  if (traversal) return MakeProblem(ProblemKind::kPathTraversal, req.lang, std::string(raw_path));
  req.path = std::move(path);
  req.query = std::string(raw_query);
  return std::nullopt;
}

Response Dispatch(Request& req, Services& services) {
  auto start = std::chrono::steady_clock::now();
  req.lang = NegotiateLanguage(req.Header("accept-language"));
  std::string route_label = kUnmatchedRoute;
  Response res;
  if (auto bad = CheckTarget(req)) {
    res = std::move(*bad);
  } else {
    Router::Match m = services.router.Find(req.method, req.path);
    if (m.route) {
      route_label = m.route->pattern;
      req.params = std::move(m.params);
      try {
        if (m.route->access.anyone) {
          res = m.route->handler(req, services);
        } else if (auto denied = Authorize(req, services, *m.route)) {
          res = std::move(*denied);
        } else {
          res = m.route->handler(req, services);
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "jincai serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
        res = MakeProblem(ProblemKind::kInternal, req.lang, "exception", req.path);
      }
    } else if (auto page = services.site && m.allowed.empty() ? services.site->Serve(req) : std::nullopt) {
      route_label = "web";
      res = std::move(*page);
    } else if (!m.allowed.empty()) {
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      res = MakeProblem(ProblemKind::kMethodNotAllowed, req.lang, allow, req.path);
      res.headers.emplace_back("Allow", allow);
    } else {
      res = MakeProblem(ProblemKind::kNotFound, req.lang, req.method + " " + req.path, req.path);
    }
  }
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  services.metrics.CountRequest(route_label, req.method, res.status, took.count());
  return res;
}

}  // namespace jincai::http
