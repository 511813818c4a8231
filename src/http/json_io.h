// JSON in and out of handlers: a request body read field by field, where the first
// problem (not JSON, not an object, a missing or unknown field, a wrong type) becomes
// a precise problem document naming the field; and responses built from JSON values.
// Only handler files include this (nlohmann/json is slow to compile).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/request.h"
#include "http/response.h"

namespace jincai::http {

class JsonBody {
 public:
  // `allowed`: every field the body may have; any other is an error.
  JsonBody(const Request& req, std::initializer_list<std::string_view> allowed);

  bool ok() const { return !problem_; }
  // REQUIRES: !ok().
  Response Problem() const { return *problem_; }

  // Each returns the value, or records a problem (first one wins) and returns empty.
  std::string Str(const char* name, size_t max_bytes = 1000);  // required
  std::optional<std::string> OptStr(const char* name, size_t max_bytes = 1000);
  int64_t Int(const char* name);  // required
  std::optional<int64_t> OptInt(const char* name);
  std::optional<bool> OptBool(const char* name);
  // A list of integers / of strings, at most `max_items` long.
  std::optional<std::vector<int64_t>> OptIntList(const char* name, size_t max_items);
  std::optional<std::vector<std::string>> OptStrList(const char* name, size_t max_items, size_t max_bytes = 100);
  bool Has(const char* name) const { return doc_.is_object() && doc_.contains(name); }
  bool IsNull(const char* name) const { return Has(name) && doc_[name].is_null(); }
  // A nested object, as compact JSON text (a dossier), or empty.
  std::optional<std::string> OptObjectText(const char* name, size_t max_bytes = 1 << 20);
  const nlohmann::json& doc() const { return doc_; }
  void Fail(const std::string& field, const std::string& en, const std::string& zh);

 private:
  const Request& req_;
  nlohmann::json doc_;
  std::optional<Response> problem_;
};

Response JsonResponse(const nlohmann::json& body, int status = 200);

// Whether the request says its body is JSON (Content-Type application/json).
bool IsJsonRequest(const Request& req);

// A fast path for a hot route whose body is one string field: the field's value when the
// request is JSON and its body exactly {"NAME":"..."} (any spacing) with printable ASCII
// and no escapes, within max_bytes. Otherwise nullopt: read it with JsonBody, which says
// precisely what is wrong.
std::optional<std::string_view> SingleStringField(const Request& req, std::string_view name, size_t max_bytes);

// The {name} path parameter as a positive integer id, or a 404 problem.
std::optional<int64_t> PathId(const Request& req, const char* name, Response* problem);

// ?limit=N (1..500, default 100) and ?after=ID (default 0) of list routes; false with
// a 422 problem when either is not such a number.
bool PageOf(const Request& req, int64_t* limit, int64_t* after, Response* problem);

// ?limit=N (as PageOf) and ?before=ID (a positive id; 0 when absent) of the lists that
// page newest first; false with a 422 problem when either is malformed.
bool NewestPageOf(const Request& req, int64_t* limit, int64_t* before_id, Response* problem);

// A query parameter's decoded value ("" when absent).
std::string QueryParam(const Request& req, std::string_view name);

// ?name=N as a positive integer into *out (left alone when absent); false with a 422
// problem when it is not one.
bool QueryId(const Request& req, const char* name, std::optional<int64_t>* out, Response* problem);

}  // namespace jincai::http
