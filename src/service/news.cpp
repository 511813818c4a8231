// The office's news (see news.h).
#include "service/news.h"

#include "common/text.h"
#include "service/audit_trail.h"

namespace jincai::service {
namespace {

Status NewsNotFound(int64_t id) {
  return Status::NotFound("no article " + std::to_string(id)).Zh("不存在文章 " + std::to_string(id));
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Status Check(const NewsArticle& a) {
  if (Blank(a.title) || a.title.size() > 200)
    return Status::InvalidArgument("title must have 1 to 200 bytes").Field("title").Zh("title 须为 1 至 200 字节");
  if (a.title.find_first_of("\r\n") != std::string::npos || HasControlCharacter(a.title))
    return Status::InvalidArgument("title must be one line without control characters").Field("title")
        .Zh("title 须为不含控制字符的单行文本");
  if (a.category != "recruitment" && a.category != "policy")
    return Status::InvalidArgument("category must be recruitment or policy").Field("category")
        .Zh("category 须为 recruitment 或 policy");
  if (a.lang != "zh-CN" && a.lang != "en")
    return Status::InvalidArgument("lang must be zh-CN or en").Field("lang").Zh("lang 须为 zh-CN 或 en");
  if (Blank(a.body) || a.body.size() > 100000)
    return Status::InvalidArgument("body must have 1 byte to 100 KB of Markdown").Field("body")
        .Zh("body 须为 1 字节至 100 KB 的 Markdown 文本");
  if (HasControlCharacter(a.body))
    return Status::InvalidArgument("body must not contain control characters").Field("body").Zh("body 不能包含控制字符");
  return Status::Ok();
}

std::string CanonicalText(const store::NewsRow& n) {
  return std::to_string(n.id) + '\x1f' + n.title + '\x1f' + n.category + '\x1f' + n.lang + '\x1f' + n.body + '\x1f' +
         n.status;
}

}  // namespace

News::News(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<store::NewsRow> News::Publish(const Actor& by, const NewsArticle& a) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office publishes news").Zh("只有主管部门可以发布新闻");
  JINCAI_RETURN_IF_ERROR(Check(a));
  const std::string now = UtcText(clock_());
  store::NewsRow row{0, a.title, a.category, a.lang, a.body, "published", by.user_id ? std::optional(by.user_id) : std::nullopt,
                     now, now};
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto id = store::InsertNews(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    return RecordChange(tx, by, "news.publish", "news", std::to_string(row.id), "", CanonicalText(row));
  }));
  return row;
}

Result<store::NewsRow> News::Edit(const Actor& by, int64_t id, const NewsArticle& a) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office edits news").Zh("只有主管部门可以编辑新闻");
  JINCAI_RETURN_IF_ERROR(Check(a));
  std::optional<store::NewsRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindNews(tx, id);
    if (!found.ok()) return found.status();
    if (!*found || (*found)->status != "published") return NewsNotFound(id);  // withdrawn: gone, as for readers
    store::NewsRow row = **found;
    const std::string before = CanonicalText(row);
    row.title = a.title;
    row.category = a.category;
    row.lang = a.lang;
    row.body = a.body;
    row.updated_at = UtcText(clock_());
    JINCAI_RETURN_IF_ERROR(store::UpdateNews(tx, row));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "news.edit", "news", std::to_string(id), before, CanonicalText(row)));
    out = row;
    return Status::Ok();
  }));
  return *out;
}

Result<store::NewsRow> News::Withdraw(const Actor& by, int64_t id) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office withdraws news").Zh("只有主管部门可以撤下新闻");
  std::optional<store::NewsRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindNews(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return NewsNotFound(id);
    store::NewsRow row = **found;
    if (row.status == "withdrawn")
      return Status::Conflict("article " + std::to_string(id) + " is withdrawn already").Zh("该文章已撤下");
    const std::string before = CanonicalText(row);
    row.status = "withdrawn";
    row.updated_at = UtcText(clock_());
    JINCAI_RETURN_IF_ERROR(store::UpdateNews(tx, row));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "news.withdraw", "news", std::to_string(id), before, CanonicalText(row)));
    out = row;
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<store::NewsRow>> News::Published(const store::NewsFilter& filter) {
  store::NewsFilter f = filter;
  f.published_only = true;
  if (f.category && *f.category != "recruitment" && *f.category != "policy")
    return Status::InvalidArgument("category must be recruitment or policy").Field("category")
        .Zh("category 须为 recruitment 或 policy");
  if (f.lang && *f.lang != "zh-CN" && *f.lang != "en")
    return Status::InvalidArgument("lang must be zh-CN or en").Field("lang").Zh("lang 须为 zh-CN 或 en");
  std::vector<store::NewsRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListNews(tx, f);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  }));
  return out;
}

Result<store::NewsRow> News::Get(int64_t id) {
  std::optional<store::NewsRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto found = store::FindNews(tx, id);
    if (!found.ok()) return found.status();
    if (!*found || (*found)->status != "published") return NewsNotFound(id);
    out = **found;
    return Status::Ok();
  }));
  return *out;
}

}  // namespace jincai::service
