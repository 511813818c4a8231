// JSON bodies and responses for handlers (see json_io.h).
#include "http/json_io.h"

#include <charconv>

#include "http/dispatch.h"
#include "http/problem.h"

namespace jincai::http {
namespace {

const char* TypeName(const nlohmann::json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

}  // namespace

namespace {

// The Content-Type without its parameters: "application/json".
std::string_view MediaType(const Request& req) {
  std::string_view type = req.Header("content-type");
  std::string_view base = type.substr(0, type.find(';'));
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  return base;
}

}  // namespace

bool IsJsonRequest(const Request& req) { return MediaType(req) == "application/json"; }

std::optional<std::string_view> SingleStringField(const Request& req, std::string_view name, size_t max_bytes) {
  if (!IsJsonRequest(req)) return std::nullopt;
  const std::string_view body = req.body;
  auto skip = [&](size_t i) {
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
    return i;
  };
  size_t i = skip(0);
  if (i >= body.size() || body[i] != '{') return std::nullopt;
  i = skip(i + 1);
  if (i + name.size() + 2 > body.size() || body[i] != '"' || body.substr(i + 1, name.size()) != name ||
      body[i + 1 + name.size()] != '"')
    return std::nullopt;
  i = skip(i + name.size() + 2);
  if (i >= body.size() || body[i] != ':') return std::nullopt;
  i = skip(i + 1);
  if (i >= body.size() || body[i] != '"') return std::nullopt;
  const size_t begin = ++i;
  while (i < body.size() && body[i] != '"') {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c < 0x20 || c >= 0x7f || c == '\\') return std::nullopt;
    ++i;
  }
  if (i >= body.size() || i - begin > max_bytes) return std::nullopt;
  const size_t end = i;
  i = skip(i + 1);
  if (i >= body.size() || body[i] != '}' || skip(i + 1) != body.size()) return std::nullopt;
  return body.substr(begin, end - begin);
}

JsonBody::JsonBody(const Request& req, std::initializer_list<std::string_view> allowed) : req_(req) {
  bool zh = req.lang == Lang::kZhCN;
  if (!IsJsonRequest(req)) {
    const std::string_view base = MediaType(req);
    problem_ = MakeProblem(ProblemKind::kUnsupportedMediaType, req.lang,
                           base.empty() ? (zh ? "（未指定）" : "(none)") : std::string(base), req.path);
    return;
  }
  doc_ = nlohmann::json::parse(req.body, nullptr, false);
  if (doc_.is_discarded()) {
    // Parse again with exceptions to learn where it failed.
    std::string where;
    try {
      nlohmann::json ignored = nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
      where = (zh ? "第 " + std::to_string(e.byte) + " 字节附近有误" : "error near byte " + std::to_string(e.byte));
    }
    problem_ = MakeProblem(ProblemKind::kInvalidJson, req.lang, where, req.path);
    return;
  }
  if (!doc_.is_object()) {
    Fail("", std::string("the body must be a JSON object, not ") + TypeName(doc_), "请求体须为 JSON 对象");
    return;
  }
  for (const auto& [k, v] : doc_.items()) {
    bool known = false;
    for (auto a : allowed) known |= a == k;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Fail(k, "unknown field '" + k + "'; the fields are: " + list, "未知字段 '" + k + "'；可用字段：" + list);
      return;
    }
  }
}

void JsonBody::Fail(const std::string& field, const std::string& en, const std::string& zh) {
  if (problem_) return;
  // One expression: Field() and Zh() return the temporary they were called on.
  problem_ = ProblemFromStatus(Status::InvalidArgument(en).Zh(zh).Field(field), req_.lang, req_.path);
}

std::optional<std::string> JsonBody::OptStr(const char* name, size_t max_bytes) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  if (!v.is_string()) {
    Fail(name, std::string("'") + name + "' must be a string, not " + TypeName(v), std::string("'") + name + "' 须为字符串");
    return std::nullopt;
  }
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    Fail(name, std::string("'") + name + "' may have at most " + std::to_string(max_bytes) + " bytes",
         std::string("'") + name + "' 最多 " + std::to_string(max_bytes) + " 字节");
    return std::nullopt;
  }
  if (s.find('\0') != std::string::npos) {
    Fail(name, std::string("'") + name + "' may not contain NUL characters", std::string("'") + name + "' 不能包含 NUL 字符");
    return std::nullopt;
  }
  return s;
}

std::string JsonBody::Str(const char* name, size_t max_bytes) {
  if (!problem_ && !Has(name)) {
    Fail(name, std::string("'") + name + "' is required", std::string("缺少必填字段 '") + name + "'");
    return "";
  }
  return OptStr(name, max_bytes).value_or("");
}

std::optional<int64_t> JsonBody::OptInt(const char* name) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  if (!v.is_number_integer()) {
    Fail(name, std::string("'") + name + "' must be an integer, not " + TypeName(v), std::string("'") + name + "' 须为整数");
    return std::nullopt;
  }
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    Fail(name, std::string("'") + name + "' is too large", std::string("'") + name + "' 数值过大");
    return std::nullopt;
  }
  return v.get<int64_t>();
}

std::optional<bool> JsonBody::OptBool(const char* name) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  if (!v.is_boolean()) {
    Fail(name, std::string("'") + name + "' must be true or false, not " + TypeName(v),
         std::string("'") + name + "' 须为 true 或 false");
    return std::nullopt;
  }
  return v.get<bool>();
}

int64_t JsonBody::Int(const char* name) {
  if (!problem_ && !Has(name)) {
    Fail(name, std::string("'") + name + "' is required", std::string("缺少必填字段 '") + name + "'");
    return 0;
  }
  return OptInt(name).value_or(0);
}

std::optional<std::vector<int64_t>> JsonBody::OptIntList(const char* name, size_t max_items) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  const std::string n(name);
  if (!v.is_array() || v.size() > max_items) {
    Fail(name, "'" + n + "' must be a list of at most " + std::to_string(max_items) + " integers",
         "'" + n + "' 须为最多 " + std::to_string(max_items) + " 个整数的列表");
    return std::nullopt;
  }
  std::vector<int64_t> out;
  for (const auto& x : v) {
    if (!x.is_number_integer() || (x.is_number_unsigned() && x.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))) {
      Fail(name, "'" + n + "' must hold integers only, not " + TypeName(x), "'" + n + "' 只能包含整数");
      return std::nullopt;
    }
    out.push_back(x.get<int64_t>());
  }
  return out;
}

std::optional<std::vector<std::string>> JsonBody::OptStrList(const char* name, size_t max_items, size_t max_bytes) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  const std::string n(name);
  if (!v.is_array() || v.size() > max_items) {
    Fail(name, "'" + n + "' must be a list of at most " + std::to_string(max_items) + " strings",
         "'" + n + "' 须为最多 " + std::to_string(max_items) + " 个字符串的列表");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& x : v) {
    if (!x.is_string() || x.get_ref<const std::string&>().size() > max_bytes) {
      Fail(name, "'" + n + "' must hold strings of at most " + std::to_string(max_bytes) + " bytes",
           "'" + n + "' 只能包含不超过 " + std::to_string(max_bytes) + " 字节的字符串");
      return std::nullopt;
    }
    out.push_back(x.get<std::string>());
  }
  return out;
}

std::optional<std::string> JsonBody::OptObjectText(const char* name, size_t max_bytes) {
  if (problem_ || !Has(name)) return std::nullopt;
  const auto& v = doc_[name];
  if (!v.is_object()) {
    Fail(name, std::string("'") + name + "' must be an object, not " + TypeName(v), std::string("'") + name + "' 须为 JSON 对象");
    return std::nullopt;
  }
  std::string text = v.dump();
  if (text.size() > max_bytes) {
    Fail(name, std::string("'") + name + "' is too large", std::string("'") + name + "' 过大");
    return std::nullopt;
  }
  return text;
}

Response JsonResponse(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

std::optional<int64_t> PathId(const Request& req, const char* name, Response* problem) {
  auto it = req.params.find(name);
  int64_t v = 0;
  if (it != req.params.end()) {
    const std::string& s = it->second;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size() && v > 0) return v;
  }
  std::string shown = it == req.params.end() ? "" : it->second;
  *problem = ProblemFromStatus(
      Status::NotFound("no record with id '" + shown + "': ids are positive integers").Zh("不存在编号为 '" + shown + "' 的记录：编号须为正整数"),
      req.lang, req.path);
  return std::nullopt;
}

bool PageOf(const Request& req, int64_t* limit, int64_t* after, Response* problem) {
  auto number = [&](const char* name, int64_t dflt, int64_t lo, int64_t hi, int64_t* out) {
    std::string v = QueryParam(req, name);
    if (v.empty()) {
      *out = dflt;
      return true;
    }
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
    if (ec == std::errc() && p == v.data() + v.size() && *out >= lo && *out <= hi) return true;
    std::string range = std::to_string(lo) + ".." + std::to_string(hi);
    *problem = ProblemFor(Status::InvalidArgument(std::string("query parameter '") + name + "' must be a whole number in " + range)
                              .Field(name)
                              .Zh(std::string("查询参数 '") + name + "' 须为 " + range + " 之间的整数"),
                          req);
    return false;
  };
  return number("limit", 100, 1, 500, limit) && number("after", 0, 0, INT64_MAX, after);
}

bool NewestPageOf(const Request& req, int64_t* limit, int64_t* before_id, Response* problem) {
  int64_t after = 0;
  if (!PageOf(req, limit, &after, problem)) return false;
  std::optional<int64_t> before;
  if (!QueryId(req, "before", &before, problem)) return false;
  *before_id = before.value_or(0);
  return true;
}

std::string QueryParam(const Request& req, std::string_view name) {
  std::string_view q = req.query;
  size_t at = 0;
  while (at <= q.size()) {
    size_t end = q.find('&', at);
    if (end == std::string_view::npos) end = q.size();
    std::string_view pair = q.substr(at, end - at);
    size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      std::string_view raw = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
      std::string plus(raw), out;
      for (char& c : plus) if (c == '+') c = ' ';
      return PercentDecode(plus, &out) ? out : plus;
    }
    at = end + 1;
  }
  return "";
}

bool QueryId(const Request& req, const char* name, std::optional<int64_t>* out, Response* problem) {
  std::string v = QueryParam(req, name);
  if (v.empty()) return true;
  int64_t id = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (ec != std::errc() || p != v.data() + v.size() || id <= 0) {
    *problem = ProblemFor(Status::InvalidArgument(std::string("query parameter '") + name +
                                                  "' must be a positive whole number")
                              .Field(name)
                              .Zh(std::string("查询参数 '") + name + "' 须为正整数"),
                          req);
    return false;
  }
  *out = id;
  return true;
}

}  // namespace jincai::http
