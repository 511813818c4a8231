// The news table: the office's articles (recruitment, policy) in Markdown, with their
// language, status (published, withdrawn) and dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct NewsRow {
  int64_t id = 0;
  std::string title, category, lang, body;  // category: recruitment, policy; lang: zh-CN, en
  std::string status = "published";        // published, withdrawn
  std::optional<int64_t> author_user_id;
  std::string published_at, updated_at;
};

struct NewsFilter {
  std::optional<std::string> category, lang;
  bool published_only = true;
  int64_t limit = 20;
  int64_t before_id = 0;  // 0: the newest
};

Result<int64_t> InsertNews(Tx& tx, const NewsRow& row);
Result<std::optional<NewsRow>> FindNews(Tx& tx, int64_t id);
// Newest first (by id).
Result<std::vector<NewsRow>> ListNews(Tx& tx, const NewsFilter& filter);
Status UpdateNews(Tx& tx, const NewsRow& row);  // title, category, lang, body, status, updated_at

}  // namespace jincai::store
