// SQL of the employers table; the same text runs on SQLite and PostgreSQL.
#include "store/records/employers_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, credit_code, name, kind, ownership, city, avg_monthly_salary_fen, created_at, updated_at FROM employers";

EmployerRow Read(const SqlRow& r) {
  return {IntCol(r, 0), TextCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4), TextCol(r, 5),
          IntCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
}

Result<std::optional<EmployerRow>> One(Tx& tx, const std::string& where, const SqlValue& v) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE " + where, {v});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<EmployerRow>();
  return std::optional<EmployerRow>(Read(rows->front()));
}

}  // namespace

Result<int64_t> InsertEmployer(Tx& tx, const EmployerRow& e) {
  auto existing = FindEmployerByCreditCode(tx, e.credit_code);
  if (!existing.ok()) return existing.status();
  if (*existing)
    return Status::Conflict("an employer with credit code " + e.credit_code + " is already registered")
        .Field("credit_code")
        .Zh("统一社会信用代码 " + e.credit_code + " 已被登记");
  auto rows = tx.Query(
      "INSERT INTO employers (credit_code, name, kind, ownership, city, avg_monthly_salary_fen, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {e.credit_code, e.name, e.kind, e.ownership, e.city, e.avg_monthly_salary_fen, e.created_at, e.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<EmployerRow>> FindEmployer(Tx& tx, int64_t id) { return One(tx, "id = $1", id); }

Result<std::optional<EmployerRow>> FindEmployerByCreditCode(Tx& tx, const std::string& code) {
  return One(tx, "credit_code = $1", code);
}

Result<std::vector<EmployerRow>> ListEmployers(Tx& tx, int64_t limit, int64_t after_id) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE id > $1 ORDER BY id LIMIT $2", {after_id, limit});
  if (!rows.ok()) return rows.status();
  std::vector<EmployerRow> out;
  for (const auto& r : *rows) out.push_back(Read(r));
  return out;
}

Status UpdateEmployer(Tx& tx, const EmployerRow& e) {
  return tx.Execute(
               "UPDATE employers SET name = $2, kind = $3, ownership = $4, city = $5, avg_monthly_salary_fen = $6, "
               "updated_at = $7 WHERE id = $1",
               {e.id, e.name, e.kind, e.ownership, e.city, e.avg_monthly_salary_fen, e.updated_at})
      .status();
}

}  // namespace jincai::store
