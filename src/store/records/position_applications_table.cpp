// SQL of the position_applications table; the same text on SQLite and PostgreSQL.
#include "store/records/position_applications_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, position_id, talent_id, stage, cover_note, reason, created_at, updated_at FROM position_applications";

PositionApplicationRow Read(const SqlRow& r) {
  return {IntCol(r, 0), IntCol(r, 1), IntCol(r, 2), TextCol(r, 3), TextCol(r, 4), TextCol(r, 5), TextCol(r, 6), TextCol(r, 7)};
}

}  // namespace

Result<std::optional<int64_t>> InsertPositionApplication(Tx& tx, const PositionApplicationRow& a) {
  // The open status is checked by the insert itself, so an application never lands on
  // a position closed after the caller read it.
  auto rows = tx.Query(
      "INSERT INTO position_applications (position_id, talent_id, stage, cover_note, reason, created_at, updated_at) "
      "SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM positions WHERE id = $1 AND status = 'open') "
      "RETURNING id",
      {a.position_id, a.talent_id, a.stage, a.cover_note, a.reason, a.created_at, a.updated_at});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(IntCol(rows->front(), 0));
}

Result<std::optional<PositionApplicationRow>> FindPositionApplication(Tx& tx, int64_t id) {
  return QueryOne<PositionApplicationRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::vector<PositionApplicationRow>> ListApplicationsToPosition(Tx& tx, int64_t position_id) {
  return QueryRows<PositionApplicationRow>(tx, std::string(kColumns) + " WHERE position_id = $1 ORDER BY id",
                                           {position_id}, Read);
}

Result<std::vector<PositionApplicationRow>> ListApplicationsOfTalent(Tx& tx, int64_t talent_id) {
  return QueryRows<PositionApplicationRow>(tx, std::string(kColumns) + " WHERE talent_id = $1 ORDER BY id", {talent_id},
                                           Read);
}

Result<bool> UpdatePositionApplication(Tx& tx, const PositionApplicationRow& a, const std::string& stage_was) {
  auto changed =
      tx.Execute("UPDATE position_applications SET stage = $2, reason = $3, updated_at = $4 WHERE id = $1 AND stage = $5",
                 {a.id, a.stage, a.reason, a.updated_at, stage_was});
  if (!changed.ok()) return changed.status();
  return *changed > 0;
}

Result<std::map<int64_t, std::map<std::string, int64_t>>> CountApplicationsByStage(Tx& tx, int64_t employer_id) {
  auto rows = tx.Query(
      "SELECT a.position_id, a.stage, COUNT(*) FROM position_applications a JOIN positions p ON p.id = a.position_id "
      "WHERE p.employer_id = $1 GROUP BY a.position_id, a.stage",
      {employer_id});
  if (!rows.ok()) return rows.status();
  std::map<int64_t, std::map<std::string, int64_t>> out;
  for (const auto& r : *rows) out[IntCol(r, 0)][TextCol(r, 1)] = IntCol(r, 2);
  return out;
}

}  // namespace jincai::store
