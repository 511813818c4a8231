// SQL of the news table; the same text runs on SQLite and PostgreSQL.
#include "store/records/news_table.h"

#include "store/records/row.h"

#include <limits>

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, title, category, lang, body, status, author_user_id, published_at, updated_at FROM news";

NewsRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  TextCol(r, 1),   TextCol(r, 2), TextCol(r, 3), TextCol(r, 4),
          TextCol(r, 5), OptIntCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
}

}  // namespace

Result<int64_t> InsertNews(Tx& tx, const NewsRow& n) {
  auto rows = tx.Query(
      "INSERT INTO news (title, category, lang, body, status, author_user_id, published_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {n.title, n.category, n.lang, n.body, n.status, OptInt(n.author_user_id), n.published_at, n.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<NewsRow>> FindNews(Tx& tx, int64_t id) {
  return QueryOne<NewsRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::vector<NewsRow>> ListNews(Tx& tx, const NewsFilter& f) {
  std::string sql = std::string(kColumns) + " WHERE id < $1";
  std::vector<SqlValue> params{f.before_id > 0 ? f.before_id : std::numeric_limits<int64_t>::max(), f.limit};
  auto add = [&](const std::string& cond, SqlValue v) {
    params.push_back(std::move(v));
    sql += " AND " + cond + " $" + std::to_string(params.size());
  };
  if (f.category) add("category =", *f.category);
  if (f.lang) add("lang =", *f.lang);
  if (f.published_only) sql += " AND status = 'published'";
  return QueryRows<NewsRow>(tx, sql + " ORDER BY id DESC LIMIT $2", params, Read);
}

Status UpdateNews(Tx& tx, const NewsRow& n) {
  return tx.Execute(
               "UPDATE news SET title = $2, category = $3, lang = $4, body = $5, status = $6, updated_at = $7 "
               "WHERE id = $1",
               {n.id, n.title, n.category, n.lang, n.body, n.status, n.updated_at})
      .status();
}

}  // namespace jincai::store
