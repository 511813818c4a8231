// SQL of the market_profiles table; the same text on SQLite and PostgreSQL.
#include "store/records/market_profiles_table.h"

#include "store/records/positions_table.h"
#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT talent_id, field, skills, cities, engagements, min_pay_cny, summary, visible, updated_at FROM market_profiles";

MarketProfileRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  TextCol(r, 1), SplitLines(TextCol(r, 2)), SplitLines(TextCol(r, 3)), SplitLines(TextCol(r, 4)),
          IntCol(r, 5), TextCol(r, 6), IntCol(r, 7) != 0,          TextCol(r, 8)};
}

}  // namespace

Result<std::optional<MarketProfileRow>> FindMarketProfile(Tx& tx, int64_t talent_id) {
  return QueryOne<MarketProfileRow>(tx, std::string(kColumns) + " WHERE talent_id = $1", {talent_id}, Read);
}

Status PutMarketProfile(Tx& tx, const MarketProfileRow& p) {
  return tx.Execute(
               "INSERT INTO market_profiles (talent_id, field, skills, cities, engagements, min_pay_cny, summary, visible, "
               "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (talent_id) DO UPDATE SET "
               "field = excluded.field, skills = excluded.skills, cities = excluded.cities, "
               "engagements = excluded.engagements, min_pay_cny = excluded.min_pay_cny, summary = excluded.summary, "
               "visible = excluded.visible, updated_at = excluded.updated_at",
               {p.talent_id, p.field, JoinLines(p.skills), JoinLines(p.cities), JoinLines(p.engagements), p.min_pay_cny,
                p.summary, static_cast<int64_t>(p.visible ? 1 : 0), p.updated_at})
      .status();
}

Result<std::vector<MarketProfileRow>> ListVisibleProfiles(Tx& tx) {
  return QueryRows<MarketProfileRow>(tx, std::string(kColumns) + " WHERE visible = 1 ORDER BY talent_id", {}, Read);
}

}  // namespace jincai::store
