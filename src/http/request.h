// The HTTP request as handlers see it: our own plain type, so that handlers never
// include Boost.Beast (slow to compile) and can be called directly in unit tests.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/accounts.h"

namespace jincai::http {

// The languages problem documents (and later the UI) speak; zh-CN is the default.
enum class Lang { kZhCN, kEn };

// Picks zh-CN or en from an Accept-Language value by q-value; zh-CN when neither is
// acceptable or the header is absent, as the office's users read Chinese first.
Lang NegotiateLanguage(std::string_view accept_language);
const char* LangTag(Lang lang);  // "zh-CN" or "en"

struct Request {
  std::string method;  // upper case, as sent: "GET"
  std::string target;  // the raw request-target, as sent: "/api/v1/x?y=1"
  std::string path;    // the target's path, percent-decoded and checked (dispatch.h)
  std::string query;   // the raw query after '?', without it; checked to be UTF-8
  // Header names in lower case; a repeated header keeps each value in order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  Lang lang = Lang::kZhCN;
  std::map<std::string, std::string> params;  // {name} segments of the matched route
  // The caller's session, set by dispatch before a non-public route's handler runs.
  std::optional<service::Authenticated> auth;
  bool cookie_session = false;  // the token came in a cookie (so CSRF applies)

  // The first value of header `lower_name`, or "" when absent.
  std::string_view Header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
      if (k == lower_name) return v;
    return {};
  }
};

}  // namespace jincai::http
