// SQL of the business_leaves table; the same text on SQLite and PostgreSQL.
#include "store/records/business_leaves_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, talent_id, employer_id, business_name, business_credit_code, left_on, return_by, state, ended_on, "
    "note, created_at, updated_at FROM business_leaves";

BusinessLeaveRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  IntCol(r, 1),  IntCol(r, 2),  TextCol(r, 3),  TextCol(r, 4),  TextCol(r, 5),
          TextCol(r, 6), TextCol(r, 7), TextCol(r, 8), TextCol(r, 9), TextCol(r, 10), TextCol(r, 11)};
}

}  // namespace

Result<int64_t> InsertBusinessLeave(Tx& tx, const BusinessLeaveRow& b) {
  auto rows = tx.Query(
      "INSERT INTO business_leaves (talent_id, employer_id, business_name, business_credit_code, left_on, return_by, "
      "state, ended_on, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {b.talent_id, b.employer_id, b.business_name, b.business_credit_code, b.left_on, b.return_by, b.state, b.ended_on,
       b.note, b.created_at, b.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<BusinessLeaveRow>> FindBusinessLeave(Tx& tx, int64_t id) {
  return QueryOne<BusinessLeaveRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::vector<BusinessLeaveRow>> ListBusinessLeaves(Tx& tx, const BusinessLeaveFilter& f) {
  std::string sql = std::string(kColumns) + " WHERE id > $1";
  std::vector<SqlValue> params{f.after_id, f.limit};
  auto next = [&](SqlValue v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.talent_id) sql += " AND talent_id = " + next(*f.talent_id);
  if (f.employer_id) sql += " AND employer_id = " + next(*f.employer_id);
  if (f.state) sql += " AND state = " + next(*f.state);
  if (f.due_before) sql += " AND state = 'on_leave' AND return_by < " + next(*f.due_before);
  return QueryRows<BusinessLeaveRow>(tx, sql + " ORDER BY id LIMIT $2", params, Read);
}

Result<bool> UpdateBusinessLeave(Tx& tx, const BusinessLeaveRow& b, const std::string& state_was) {
  auto changed = tx.Execute(
      "UPDATE business_leaves SET state = $2, ended_on = $3, note = $4, updated_at = $5 WHERE id = $1 AND state = $6",
      {b.id, b.state, b.ended_on, b.note, b.updated_at, state_was});
  if (!changed.ok()) return changed.status();
  return *changed > 0;
}

Result<bool> TalentOnBusinessLeave(Tx& tx, int64_t talent_id) {
  auto rows = tx.Query("SELECT 1 FROM business_leaves WHERE talent_id = $1 AND state = 'on_leave'", {talent_id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

}  // namespace jincai::store
