// Prepared statements for the SQLite backend. Values are always bound, never spliced
// into SQL text; placeholders are $1..$n so the same text works on PostgreSQL.
#include "store/sqlite/statement.h"

#include <memory>

namespace jincai::store::sqlite {

Result<std::unique_ptr<Statement>> Statement::Prepare(sqlite3* db, std::string_view sql) {
  auto s = std::make_unique<Statement>();
  s->db_ = db;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &s->stmt_, &tail);
  if (rc != SQLITE_OK) return s->Error("prepare");
  if (s->stmt_ == nullptr) return Status::InvalidArgument("empty SQL statement");
  for (const char* p = tail; p < sql.data() + sql.size(); ++p)
    if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != ';')
      return Status::InvalidArgument("more than one SQL statement: \"" + std::string(sql) + "\"");
  return s;
}

Status Statement::Bind(const std::vector<SqlValue>& params) {
  const int count = sqlite3_bind_parameter_count(stmt_);
  if (count != static_cast<int>(params.size()))
    return Status::InvalidArgument("statement has " + std::to_string(count) + " parameter(s), " +
                                   std::to_string(params.size()) + " given");
  if (index_of_.size() != params.size()) {
    index_of_.clear();
    for (size_t i = 0; i < params.size(); ++i) {
      const std::string name = "$" + std::to_string(i + 1);
      const int idx = sqlite3_bind_parameter_index(stmt_, name.c_str());
      if (idx == 0) return Status::InvalidArgument("statement has no placeholder " + name);
      index_of_.push_back(idx);
    }
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int idx = index_of_[i];
    int rc = SQLITE_OK;
    if (const auto* n = std::get_if<int64_t>(&params[i]))
      rc = sqlite3_bind_int64(stmt_, idx, *n);
    else if (const auto* t = std::get_if<std::string>(&params[i]))
      rc = sqlite3_bind_text(stmt_, idx, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
    else
      rc = sqlite3_bind_null(stmt_, idx);
    if (rc != SQLITE_OK) return Error("bind");
  }
  return Status::Ok();
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error("step");
}

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

Result<std::vector<SqlRow>> Statement::All() {
  std::vector<SqlRow> rows;
  for (;;) {
    auto more = Step();
    if (!more.ok()) return more.status();
    if (!*more) return rows;
    SqlRow row;
    const int n = sqlite3_column_count(stmt_);
    for (int c = 0; c < n; ++c) {
      if (sqlite3_column_type(stmt_, c) == SQLITE_NULL)
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(Text(c));
    }
    rows.push_back(std::move(row));
  }
}

Status Statement::Error(std::string_view what) const {
  const int rc = sqlite3_extended_errcode(db_);
  std::string msg = "sqlite " + std::string(what) + ": " + sqlite3_errmsg(db_);
  // Constraint violations are the caller's conflict; busy/locked outlived the timeout.
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return Status::Conflict(msg);
  if ((rc & 0xff) == SQLITE_ERROR) return Status::InvalidArgument(msg);
  return Status::Io(msg);
}

Result<Statement*> StatementCache::Get(std::string_view sql) {
  for (auto& [text, st] : entries_)
    if (text == sql) {
      st->Reset();
      return st.get();
    }
  auto st = Statement::Prepare(db_, sql);
  if (!st.ok()) return st.status();
  // Bounded: statements are texts in our code, but a few are assembled from filters.
  if (entries_.size() >= 128) entries_.clear();
  entries_.emplace_back(std::string(sql), std::move(*st));
  return entries_.back().second.get();
}

Result<int64_t> Exec(sqlite3* db, std::string_view sql, const std::vector<SqlValue>& params) {
  auto st = Statement::Prepare(db, sql);
  if (!st.ok()) return st.status();
  JINCAI_RETURN_IF_ERROR((*st)->Bind(params));
  for (;;) {
    auto more = (*st)->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  return static_cast<int64_t>(sqlite3_changes64(db));
}

}  // namespace jincai::store::sqlite
