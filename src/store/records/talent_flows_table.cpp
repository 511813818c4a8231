// SQL of the talent_flows table; the same text on SQLite and PostgreSQL.
#include "store/records/talent_flows_table.h"

#include <limits>

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, talent_id, from_employer_id, to_employer_id, from_sector, to_sector, engagement, moved_on, source, "
    "position_application_id, note, recorded_by, created_at FROM talent_flows";

TalentFlowRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  IntCol(r, 1),     OptIntCol(r, 2), OptIntCol(r, 3), TextCol(r, 4),
          TextCol(r, 5), TextCol(r, 6),    TextCol(r, 7),   TextCol(r, 8),   OptIntCol(r, 9),
          TextCol(r, 10), TextCol(r, 11), TextCol(r, 12)};
}

}  // namespace

Result<int64_t> InsertTalentFlow(Tx& tx, const TalentFlowRow& f) {
  auto rows = tx.Query(
      "INSERT INTO talent_flows (talent_id, from_employer_id, to_employer_id, from_sector, to_sector, engagement, "
      "moved_on, source, position_application_id, note, recorded_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {f.talent_id, OptInt(f.from_employer_id), OptInt(f.to_employer_id), f.from_sector, f.to_sector, f.engagement,
       f.moved_on, f.source, OptInt(f.position_application_id), f.note, f.recorded_by, f.created_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::vector<TalentFlowRow>> ListTalentFlows(Tx& tx, const TalentFlowFilter& f) {
  std::string sql = std::string(kColumns) + " WHERE id < $1";
  std::vector<SqlValue> params{f.before_id > 0 ? f.before_id : std::numeric_limits<int64_t>::max(), f.limit};
  if (f.talent_id) {
    params.push_back(*f.talent_id);
    sql += " AND talent_id = $" + std::to_string(params.size());
  }
  if (f.employer_id) {
    params.push_back(*f.employer_id);
    const std::string n = "$" + std::to_string(params.size());
    sql += " AND (from_employer_id = " + n + " OR to_employer_id = " + n + ")";
  }
  return QueryRows<TalentFlowRow>(tx, sql + " ORDER BY id DESC LIMIT $2", params, Read);
}

Result<std::map<std::pair<std::string, std::string>, int64_t>> CountFlowsBySectors(Tx& tx) {
  auto rows = tx.Query("SELECT from_sector, to_sector, COUNT(*) FROM talent_flows GROUP BY from_sector, to_sector");
  if (!rows.ok()) return rows.status();
  std::map<std::pair<std::string, std::string>, int64_t> out;
  for (const auto& r : *rows) out[{TextCol(r, 0), TextCol(r, 1)}] = IntCol(r, 2);
  return out;
}

}  // namespace jincai::store
