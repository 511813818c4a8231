// Accept-Language negotiation (RFC 9110 §12.5.4) between the two languages we speak.
#include <cctype>
#include <cstdlib>
#include <string>

#include "http/request.h"

namespace jincai::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const char* LangTag(Lang lang) { return lang == Lang::kEn ? "en" : "zh-CN"; }

Lang NegotiateLanguage(std::string_view header) {
  double best_q = 0;
  Lang best = Lang::kZhCN;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    std::string_view tag = Trim(item.substr(0, item.find(';')));
    double q = 1;
    if (size_t at = item.find(";q="); at != std::string_view::npos) {
      std::string qs(Trim(item.substr(at + 3)));
      q = std::strtod(qs.c_str(), nullptr);
    }
    std::string primary;
    for (char c : tag.substr(0, tag.find('-'))) primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Ties keep the earlier item: the client listed it first.
    if (primary == "zh" && q > best_q) best_q = q, best = Lang::kZhCN;
    if (primary == "en" && q > best_q) best_q = q, best = Lang::kEn;
  }
  return best;
}

}  // namespace jincai::http
