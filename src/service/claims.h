// Entitlement claims (SPEC §5.3): the card holder opens a claim for an entitlement
// their card in force grants (422 when it does not); each claim then moves through
// domain/claim_workflow's state machine, one transaction per step, with its timeline
// and the audit trail. The work particular to each kind lives beside this file:
// turnover_flats (housing), school_places (schools and placement), spouse_allowances
// (the monthly schedule and payments) and letters (settlement, residence permit,
// permanent residence). A claim outside the caller's scope is NotFound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/claim_workflow.h"
#include "service/actor.h"
#include "service/clock.h"
#include "service/policy_registry.h"
#include "store/records/allowances_table.h"
#include "store/records/claims_table.h"
#include "store/records/letters_table.h"
#include "store/records/schools_table.h"
#include "store/records/turnover_flats_table.h"
#include "store/store.h"

namespace jincai::service {

// A housing claim still without a flat this many days after it was opened is overdue.
inline constexpr int kHousingDueDays = 90;

// One month of an allowance claim's schedule as the caller sees it.
struct ScheduleMonth {
  store::AllowanceMonthRow row;
  std::string status;  // "paid", "due" (this month or later), "missed" (an earlier month, unpaid)
};

struct ClaimView {
  store::ClaimRow row;
  std::vector<store::ClaimEventRow> events;  // Get only
  std::vector<std::string> actions;          // what the caller may do now
  std::optional<store::FlatRow> flat;
  std::optional<store::SchoolRow> school;
  std::optional<store::LetterRow> letter;
  std::vector<ScheduleMonth> months;  // allowance claims, Get only
  bool overdue = false;               // housing without a flat past its due date; an allowance with a missed month
  std::string responsible;            // "office" or "employer"
};

struct ClaimQuery {
  std::optional<std::string> entitlement, state;
  std::optional<int64_t> application_id;
  std::optional<int64_t> talent_id, employer_id;  // officers only; others see their scope
  bool open_only = false, overdue_only = false;
  int64_t limit = 100;
  int64_t after_id = 0;
};

// What an action carries; each action reads only its own fields.
struct ClaimInput {
  std::string city, county;            // choose
  std::optional<int64_t> flat_id;      // assign
  std::vector<int64_t> schools;        // rank: school ids, most wanted first
  std::string month;                   // spouse_employed, spouse_unemployed: YYYY-MM
  std::string note;                    // any: shown on the timeline
  std::optional<int64_t> expected_revision;
};

class Claims {
 public:
  Claims(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock());

  // The talent opens a claim for `entitlement` (and `child`, 1-based, for
  // school_choice) of their card in force.
  Result<ClaimView> Open(const Actor& by, const std::string& entitlement, int64_t child);
  Result<ClaimView> Get(const Actor& by, int64_t id);
  Result<std::vector<ClaimView>> List(const Actor& by, const ClaimQuery& q);
  Result<ClaimView> Act(const Actor& by, int64_t id, const std::string& action, const ClaimInput& in);
  // In the caller's transaction: the claims of an application whose card ended close,
  // their letters are withdrawn and their flats return to the inventory. `why` is the
  // timeline's note: "card_expired", or "card_revoked: " and the officer's reason.
  Status CloseFor(store::Tx& tx, int64_t application_id, const std::string& why);

 private:
  Result<ClaimView> View(store::Tx& tx, const Actor& by, store::ClaimRow row, bool full);
  Status Apply(store::Tx& tx, const Actor& by, store::ClaimRow& row, const std::string& action, const ClaimInput& in,
               int64_t now);
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
};

// Whether `by` may see the claim: its holder; the employer for the kinds it carries;
// the office.
bool ClaimVisible(const Actor& by, const store::ClaimRow& row);
Status ClaimNotFound(int64_t id);
// Loads a claim the caller may see, or NotFound.
Result<store::ClaimRow> ClaimInScope(store::Tx& tx, const Actor& by, int64_t id);

// Records a claim's move to `to` (already decided by the workflow): the row (its
// revision checked), the timeline and the audit record.
Status RecordClaimStep(store::Tx& tx, const Actor& by, store::ClaimRow& row, const std::string& action,
                       const std::string& to, const std::string& note, int64_t now);

std::string CanonicalText(const store::ClaimRow& row);

}  // namespace jincai::service
