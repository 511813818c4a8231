// Migration 5: the office's news articles (recruitment and policy), written in Markdown,
// published or withdrawn.
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

std::string sqlite_sql, postgres_sql;  // built once: Migration holds a view

constexpr std::string_view kSql = R"sql(
CREATE TABLE news (
  id             @ID,
  title          TEXT NOT NULL,
  category       TEXT NOT NULL,
  lang           TEXT NOT NULL,
  body           TEXT NOT NULL,
  status         TEXT NOT NULL,
  author_user_id BIGINT REFERENCES users (id),
  published_at   TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX news_published ON news (status, published_at);
)sql";

}  // namespace

Migration SqliteMigration0005News() { return {5, "news", WithIdColumn(kSql, kSqliteId, &sqlite_sql)}; }
Migration PostgresMigration0005News() { return {5, "news", WithIdColumn(kSql, kPostgresId, &postgres_sql)}; }

}  // namespace jincai::store
