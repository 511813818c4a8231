// The claims and claim_events tables: each entitlement of a card as a claim with its
// state, a revision for optimistic concurrency, what it holds (detail JSON), the flat
// or school it was given, its letter; and its timeline of who did what, when.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct ClaimRow {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t talent_id = 0;
  std::optional<int64_t> employer_id;
  std::string entitlement;
  int64_t child = 0;  // school_choice: the child's 1-based place in the dossier; else 0
  std::string state;
  int64_t revision = 0;
  std::string detail = "{}";  // JSON object
  std::optional<int64_t> flat_id, school_id;
  std::string letter_number;
  std::string opened_on;  // YYYY-MM-DD
  std::string created_at, updated_at;
};

struct ClaimEventRow {
  int64_t id = 0;
  int64_t claim_id = 0;
  std::string at;
  std::optional<int64_t> actor_user_id;
  std::string actor_role, action, from_state, to_state, note;
};

struct ClaimFilter {
  std::optional<int64_t> talent_id, employer_id, application_id;
  std::optional<std::string> entitlement, state;
  std::vector<std::string> entitlement_in;  // when not empty: only these entitlements
  bool open_only = false;  // not in a final state
  // Overdue only: housing claims still open that were opened before this date, and
  // allowance claims with an unpaid month before this month.
  std::optional<std::string> overdue_opened_before, overdue_month_before;
  int64_t limit = 100;
  int64_t after_id = 0;
};

Result<int64_t> InsertClaim(Tx& tx, const ClaimRow& row);
Result<std::optional<ClaimRow>> FindClaim(Tx& tx, int64_t id);
Result<std::optional<ClaimRow>> FindClaimOf(Tx& tx, int64_t application_id, const std::string& entitlement,
                                            int64_t child);
Result<std::vector<ClaimRow>> ListClaims(Tx& tx, const ClaimFilter& filter);
// Calls `fn` on every claim the filter selects, a page of 1,000 at a time (the filter's
// limit and after_id are the paging's); stops at the first error `fn` returns.
Status ForEachClaim(Tx& tx, ClaimFilter filter, const std::function<Status(ClaimRow&)>& fn);
// The claim holding the flat (assigned or occupied), if any.
Result<std::optional<ClaimRow>> ClaimHoldingFlat(Tx& tx, int64_t flat_id);
// How many claims are placed at the school.
Result<int64_t> CountPlacedAt(Tx& tx, int64_t school_id);
// Writes state, detail, flat, school, letter; bumps the revision if it is still
// row.revision; Conflict (nothing written) otherwise.
Status UpdateClaim(Tx& tx, const ClaimRow& row);
Status InsertClaimEvent(Tx& tx, const ClaimEventRow& row);
Result<std::vector<ClaimEventRow>> ListClaimEvents(Tx& tx, int64_t claim_id);

}  // namespace jincai::store
