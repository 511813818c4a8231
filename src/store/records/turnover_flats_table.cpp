// SQL of the turnover_flats table; the same text runs on SQLite and PostgreSQL.
#include "store/records/turnover_flats_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, employer_id, address, area_m2, rooms, available_from, available_to, retired, created_at, updated_at "
    "FROM turnover_flats";

FlatRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  IntCol(r, 1),      TextCol(r, 2), TextCol(r, 3), IntCol(r, 4),
          TextCol(r, 5), TextCol(r, 6), IntCol(r, 7) != 0, TextCol(r, 8), TextCol(r, 9)};
}

}  // namespace

Result<int64_t> InsertFlat(Tx& tx, const FlatRow& f) {
  auto rows = tx.Query(
      "INSERT INTO turnover_flats (employer_id, address, area_m2, rooms, available_from, available_to, retired, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {f.employer_id, f.address, f.area_m2, f.rooms, f.available_from, f.available_to, int64_t{f.retired},
       f.created_at, f.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<FlatRow>> FindFlat(Tx& tx, int64_t id) {
  return QueryOne<FlatRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::vector<FlatRow>> ListFlats(Tx& tx, std::optional<int64_t> employer_id) {
  if (employer_id)
    return QueryRows<FlatRow>(tx, std::string(kColumns) + " WHERE employer_id = $1 ORDER BY id", {*employer_id}, Read);
  return QueryRows<FlatRow>(tx, std::string(kColumns) + " ORDER BY id", {}, Read);
}

Status RetireFlat(Tx& tx, int64_t id, const std::string& at) {
  return tx.Execute("UPDATE turnover_flats SET retired = 1, updated_at = $2 WHERE id = $1", {id, at}).status();
}

}  // namespace jincai::store
