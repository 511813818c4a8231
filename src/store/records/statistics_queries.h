// Aggregate reads for the statistics dashboard: counts by group, the cards in force
// with what their holders' structure is computed from, flows per month, and the
// allowances' totals. The same SQL on SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct CountRow {
  std::string key, key2;  // key2: second grouping column, when the query has one
  int64_t count = 0;
};

// A card in force: the application's tier, submitted dossier and decision, with its
// employer's kind and city ("" without an employer).
struct HolderRow {
  std::string tier, dossier, decision, employer_kind, employer_city;
};

Result<int64_t> CountTalents(Tx& tx);
Result<int64_t> CountEmployers(Tx& tx);
// Issued applications, by id, a page at a time.
Result<std::vector<std::pair<int64_t, HolderRow>>> HoldersPage(Tx& tx, int64_t after_id, int64_t limit);
// Application events issue, renew, revoke, expire per UTC hour ("2026-11-28T22") and
// action: small enough to regroup by the office's calendar month in the caller.
Result<std::vector<CountRow>> CardFlowByHour(Tx& tx);
// Claims per entitlement and state.
Result<std::vector<CountRow>> ClaimsByEntitlementAndState(Tx& tx);

struct AllowanceTotals {
  int64_t computed_fen = 0, paid_fen = 0, unpaid_fen = 0;
};
Result<AllowanceTotals> AllowanceMonthTotals(Tx& tx);

}  // namespace jincai::store
