// The spouse living allowance and social insurance (SPEC §5.3): a monthly schedule
// per claim, from the month the claim was opened to the card's expiry, in integer
// fen, skipping the months the spouse is employed. Each month's amount is computed
// once, when the month is first due, by the engine under the policy version in force
// on the month's first day with the employer's average salary of that moment; the
// month records both, so an amount changes only with a new policy version or a new
// salary figure. The employer records payments; unpaid earlier months are missed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/claims.h"
#include "service/clock.h"
#include "service/policy_registry.h"
#include "store/store.h"

namespace jincai::service {

struct DueMonth {
  store::AllowanceMonthRow row;
  store::ClaimRow claim;
  std::string status;  // "due" (the month asked for), "missed" (an earlier month, unpaid)
};

class SpouseAllowances {
 public:
  SpouseAllowances(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock());
  // Computes the months of every open allowance claim through `month` (YYYY-MM, this
  // month or earlier: InvalidArgument for a month to come) that are not yet computed, then lists what is unpaid through it: the month itself as
  // due, earlier months as missed. Employers see their own; officers and the system all.
  // Claims whose months could not be computed are listed in *not_computed when given.
  Result<std::vector<DueMonth>> Due(const Actor& by, const std::string& month,
                                    std::vector<std::string>* not_computed = nullptr);
  // The employer records the payment of a month of a claim it carries. InvalidArgument
  // (field "month") when the month is not due under the claim; Conflict when paid.
  Result<store::AllowanceMonthRow> RecordPayment(const Actor& by, int64_t claim_id, const std::string& month,
                                                 std::optional<int64_t> amount_fen, const std::string& paid_on);

 private:
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
};

// In the caller's transaction: computes and stores the claim's months through
// `through` that are due and not yet stored. No-op for other kinds of claims.
Status ComputeMonths(store::Tx& tx, PolicyRegistry& policies, const store::ClaimRow& claim, const std::string& through,
                     int64_t now);
// ComputeMonths, except that a claim whose months cannot be computed (no policy in force
// on a month's first day, a dossier the policy in force does not read) is noted in
// *not_computed and left for later, so one claim never blocks the others.
Status ComputeMonthsOrNote(store::Tx& tx, PolicyRegistry& policies, const store::ClaimRow& claim,
                           const std::string& through, int64_t now, std::vector<std::string>* not_computed);
// "2026-11" of a day; whether text is a YYYY-MM month.
std::string MonthOf(int32_t day);
bool IsMonth(const std::string& text);

}  // namespace jincai::service
