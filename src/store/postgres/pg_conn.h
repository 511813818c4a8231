// Thin libpq helpers for the PostgreSQL backend: a result holder with RAII clearing,
// one-statement execution with $1..$n values sent out of band (never spliced into the
// text), and SQLSTATE -> Status mapping. libpq directly rather than libpqxx: we need
// the exact SQLSTATE of every error (libpqxx 6 turns some statement errors into
// broken_connection) and NULLs bound from a runtime vector. Only used in src/store.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace jincai::store::postgres {

struct PgResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

// One statement through the extended protocol (PQexecParams), which refuses a second
// statement in the text and checks the number of values against the placeholders.
Result<PgResult> Exec(PGconn* conn, std::string_view sql, const std::vector<SqlValue>& params = {});
// A script of several statements without values (migrations, BEGIN/COMMIT).
Status ExecScript(PGconn* conn, std::string_view sql);

// The rows of a result as text; NULL is nullopt.
std::vector<SqlRow> Rows(const PGresult* r);
// Rows changed by INSERT/UPDATE/DELETE; 0 for other statements.
int64_t RowsChanged(const PGresult* r);
int64_t IntAt(const PGresult* r, int row, int col);
std::string TextAt(const PGresult* r, int row, int col);

}  // namespace jincai::store::postgres
