// libpq helpers: execution with out-of-band values and the error mapping. The mapping
// mirrors the SQLite backend's: constraint and concurrency failures are Conflict (the
// caller may retry or report), malformed statements InvalidArgument, and a connection
// that is gone Io.
#include "store/postgres/pg_conn.h"

#include <cstdlib>

namespace jincai::store::postgres {
namespace {

Status ErrorStatus(PGconn* conn, const PGresult* r) {
  std::string msg = r ? PQresultErrorMessage(r) : "";
  if (msg.empty()) msg = PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (PQstatus(conn) != CONNECTION_OK) return Status::Io("PostgreSQL connection lost: " + msg);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  // 40001 serialization failure, 40P01 deadlock: the transaction lost a race and may
  // be retried. Class 23: integrity constraints (unique, foreign key, check, not null),
  // as SQLITE_CONSTRAINT is Conflict in the SQLite backend.
  if (code == "40001" || code == "40P01" || code.starts_with("23")) return Status::Conflict(msg);
  // 08P01 on a live connection: the values did not match the placeholders (the server
  // reports it as a protocol violation of the Bind message). Class 42: syntax errors,
  // unknown tables and columns, several statements in a prepared one. 22: bad data.
  if (code == "08P01" || code.starts_with("42") || code.starts_with("22")) return Status::InvalidArgument(msg);
  if (code.starts_with("08") || code.starts_with("57") || code.starts_with("53") || code.starts_with("58"))
    return Status::Io(msg);
  return Status::Internal(msg.empty() ? "PostgreSQL error" : msg);
}

}  // namespace

Result<PgResult> Exec(PGconn* conn, std::string_view sql, const std::vector<SqlValue>& params) {
  // Values travel as text; the server infers each placeholder's type from its use.
  std::vector<std::string> text(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    if (const auto* n = std::get_if<int64_t>(&params[i])) {
      text[i] = std::to_string(*n);
      values[i] = text[i].c_str();
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      values[i] = s->c_str();
    }
  }
  const std::string q(sql);
  PgResult r(PQexecParams(conn, q.c_str(), static_cast<int>(params.size()), nullptr,
                          values.empty() ? nullptr : values.data(), nullptr, nullptr, 0));
  if (!r) return ErrorStatus(conn, nullptr);
  const ExecStatusType st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return ErrorStatus(conn, r.get());
  return r;
}

Status ExecScript(PGconn* conn, std::string_view sql) {
  const std::string q(sql);
  PgResult r(PQexec(conn, q.c_str()));
  if (!r) return ErrorStatus(conn, nullptr);
  const ExecStatusType st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return ErrorStatus(conn, r.get());
  return Status::Ok();
}

std::vector<SqlRow> Rows(const PGresult* r) {
  std::vector<SqlRow> out;
  const int rows = PQntuples(r), cols = PQnfields(r);
  out.reserve(rows);
  for (int i = 0; i < rows; ++i) {
    SqlRow row;
    row.reserve(cols);
    for (int c = 0; c < cols; ++c) {
      if (PQgetisnull(r, i, c))
        row.push_back(std::nullopt);
      else
        row.push_back(std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c)));
    }
    out.push_back(std::move(row));
  }
  return out;
}

int64_t RowsChanged(const PGresult* r) {
  const char* n = PQcmdTuples(const_cast<PGresult*>(r));
  return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
}

int64_t IntAt(const PGresult* r, int row, int col) { return std::strtoll(PQgetvalue(r, row, col), nullptr, 10); }

std::string TextAt(const PGresult* r, int row, int col) {
  return std::string(PQgetvalue(r, row, col), PQgetlength(r, row, col));
}

}  // namespace jincai::store::postgres
