// A prepared SQLite statement with RAII finalisation, $N parameters bound by name,
// and errors as Status values carrying SQLite's message. Only used inside src/store.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace jincai::store::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Prepares one statement; trailing text after it is an error, so a caller cannot
  // smuggle a second statement in.
  static Result<std::unique_ptr<Statement>> Prepare(sqlite3* db, std::string_view sql);
  // Binds params[i] to the placeholder "$<i+1>". Every placeholder must be bound. Text is
  // not copied: REQUIRES params to outlive the run (until Reset or destruction).
  Status Bind(const std::vector<SqlValue>& params);
  // SQLITE_ROW: true; SQLITE_DONE: false; anything else: an error Status.
  Result<bool> Step();
  // Runs to completion, collecting rows as text.
  Result<std::vector<SqlRow>> All();
  // Ready to bind and run again (a cached statement), with no values bound.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col) const;

 private:
  Status Error(std::string_view what) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::vector<int> index_of_;  // index_of_[i]: SQLite's index of "$<i+1>", found once
};

// Prepared statements kept by SQL text for the life of a connection, so that the
// statements the platform runs on every request are compiled once. Not thread-safe:
// the store uses it under its own mutex.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  // The statement for `sql`, reset and unbound; valid until the next Get.
  Result<Statement*> Get(std::string_view sql);

 private:
  sqlite3* db_;
  std::vector<std::pair<std::string, std::unique_ptr<Statement>>> entries_;  // few; linear search is fast
};

// Runs a statement and expects no rows back. Returns the number of rows changed.
Result<int64_t> Exec(sqlite3* db, std::string_view sql, const std::vector<SqlValue>& params = {});

}  // namespace jincai::store::sqlite
