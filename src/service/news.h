// The office's news (SPEC §5.5): recruitment and policy articles in Markdown, in Chinese
// or English, published at once by an officer, edited or withdrawn later; anyone reads
// the published ones (the home page, the Atom feed). Every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "store/records/news_table.h"
#include "store/store.h"

namespace jincai::service {

struct NewsArticle {
  std::string title, category, lang, body;  // category: recruitment | policy; lang: zh-CN | en
};

class News {
 public:
  News(store::Store& store, Clock clock = SystemClock());
  // Officers and admins. InvalidArgument naming the field: a title of 1-200 bytes, a
  // known category and language, a body of 1 byte to 100 KB.
  Result<store::NewsRow> Publish(const Actor& by, const NewsArticle& article);
  Result<store::NewsRow> Edit(const Actor& by, int64_t id, const NewsArticle& article);
  Result<store::NewsRow> Withdraw(const Actor& by, int64_t id);
  // Anyone's reads: published articles only (a withdrawn one is NotFound).
  Result<std::vector<store::NewsRow>> Published(const store::NewsFilter& filter);
  Result<store::NewsRow> Get(int64_t id);

 private:
  store::Store& store_;
  Clock clock_;
};

}  // namespace jincai::service
