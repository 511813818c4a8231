// SQL of the statistics aggregates (see statistics_queries.h).
#include "store/records/statistics_queries.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

Result<int64_t> Count(Tx& tx, std::string_view sql) {
  auto rows = tx.Query(sql);
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

CountRow ReadCount(const SqlRow& r) { return {TextCol(r, 0), TextCol(r, 1), IntCol(r, 2)}; }

}  // namespace

Result<int64_t> CountTalents(Tx& tx) { return Count(tx, "SELECT COUNT(*) FROM talents"); }
Result<int64_t> CountEmployers(Tx& tx) { return Count(tx, "SELECT COUNT(*) FROM employers"); }

Result<std::vector<std::pair<int64_t, HolderRow>>> HoldersPage(Tx& tx, int64_t after_id, int64_t limit) {
  return QueryRows<std::pair<int64_t, HolderRow>>(
      tx,
      "SELECT a.id, a.tier, a.dossier, a.decision, COALESCE(e.kind, ''), COALESCE(e.city, '') FROM applications a "
      "LEFT JOIN employers e ON e.id = a.employer_id WHERE a.state = 'issued' AND a.id > $1 ORDER BY a.id LIMIT $2",
      {after_id, limit}, [](const SqlRow& r) {
        return std::make_pair(IntCol(r, 0), HolderRow{TextCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4),
                                                      TextCol(r, 5)});
      });
}

Result<std::vector<CountRow>> CardFlowByHour(Tx& tx) {
  return QueryRows<CountRow>(
      tx,
      "SELECT substr(at, 1, 13), action, COUNT(*) FROM application_events "
      "WHERE action IN ('issue', 'renew', 'revoke', 'expire') GROUP BY substr(at, 1, 13), action ORDER BY 1, 2",
      {}, ReadCount);
}

Result<std::vector<CountRow>> ClaimsByEntitlementAndState(Tx& tx) {
  return QueryRows<CountRow>(
      tx, "SELECT entitlement, state, COUNT(*) FROM claims GROUP BY entitlement, state ORDER BY 1, 2", {}, ReadCount);
}

Result<AllowanceTotals> AllowanceMonthTotals(Tx& tx) {
  auto rows = tx.Query(
      "SELECT COALESCE(SUM(amount_fen), 0), COALESCE(SUM(paid_fen), 0), "
      "COALESCE(SUM(CASE WHEN paid_on = '' THEN amount_fen ELSE 0 END), 0) FROM allowance_months");
  if (!rows.ok()) return rows.status();
  const SqlRow& r = rows->front();
  return AllowanceTotals{IntCol(r, 0), IntCol(r, 1), IntCol(r, 2)};
}

}  // namespace jincai::store
