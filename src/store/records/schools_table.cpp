// SQL of the schools and placement_runs tables; the same text runs on both backends.
#include "store/records/schools_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, code, name, city, stage, capacity, priority, created_at, updated_at FROM schools";

SchoolRow Read(const SqlRow& r) {
  return {IntCol(r, 0), TextCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4),
          IntCol(r, 5), TextCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
}

}  // namespace

Result<int64_t> InsertSchool(Tx& tx, const SchoolRow& s) {
  auto rows = tx.Query(
      "INSERT INTO schools (code, name, city, stage, capacity, priority, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {s.code, s.name, s.city, s.stage, s.capacity, s.priority, s.created_at, s.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<SchoolRow>> FindSchool(Tx& tx, int64_t id) {
  return QueryOne<SchoolRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::optional<SchoolRow>> FindSchoolByCode(Tx& tx, const std::string& code) {
  return QueryOne<SchoolRow>(tx, std::string(kColumns) + " WHERE code = $1", {code}, Read);
}

Result<std::vector<SchoolRow>> ListSchools(Tx& tx, std::optional<std::string> stage) {
  if (stage) return QueryRows<SchoolRow>(tx, std::string(kColumns) + " WHERE stage = $1 ORDER BY id", {*stage}, Read);
  return QueryRows<SchoolRow>(tx, std::string(kColumns) + " ORDER BY id", {}, Read);
}

Status UpdateSchool(Tx& tx, const SchoolRow& s) {
  return tx.Execute("UPDATE schools SET name = $2, city = $3, capacity = $4, priority = $5, updated_at = $6 WHERE id = $1",
                    {s.id, s.name, s.city, s.capacity, s.priority, s.updated_at})
      .status();
}

Result<int64_t> InsertPlacementRun(Tx& tx, const PlacementRunRow& p) {
  auto rows = tx.Query(
      "INSERT INTO placement_runs (run_at, run_by, inputs_digest, children, placed, summary) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {p.run_at, p.run_by, p.inputs_digest, p.children, p.placed, p.summary});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Status FinishPlacementRun(Tx& tx, const PlacementRunRow& p) {
  return tx.Execute("UPDATE placement_runs SET children = $2, placed = $3, summary = $4 WHERE id = $1",
                    {p.id, p.children, p.placed, p.summary})
      .status();
}

Result<std::optional<PlacementRunRow>> LatestPlacementRun(Tx& tx) {
  return QueryOne<PlacementRunRow>(
      tx, "SELECT id, run_at, run_by, inputs_digest, children, placed, summary FROM placement_runs ORDER BY id DESC LIMIT 1",
      {}, [](const SqlRow& r) {
        return PlacementRunRow{IntCol(r, 0), TextCol(r, 1), TextCol(r, 2), TextCol(r, 3),
                               IntCol(r, 4), IntCol(r, 5), TextCol(r, 6)};
      });
}

}  // namespace jincai::store
