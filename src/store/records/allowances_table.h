// The allowance_months and spouse_employment tables: each month due under a spouse
// allowance or social insurance claim, with the amount in fen and the policy version
// and salary figure it was computed from, and its payment; and the months from which
// a talent's spouse is employed or not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct AllowanceMonthRow {
  int64_t claim_id = 0;
  std::string month;  // YYYY-MM
  int64_t amount_fen = 0;
  int64_t policy_version_id = 0;
  std::string policy_version;  // "shanxi-2017@1.0.0"
  int64_t salary_fen = 0;
  std::string paid_on;  // YYYY-MM-DD, empty while unpaid
  int64_t paid_fen = 0;
  std::string recorded_by, created_at;
};

struct SpouseEmploymentRow {
  int64_t id = 0;
  int64_t talent_id = 0;
  std::string month;  // YYYY-MM: from this month on
  bool employed = false;
  std::string recorded_by, recorded_at;
};

// Does nothing when the month is there already (another process computed it first).
Status InsertAllowanceMonth(Tx& tx, const AllowanceMonthRow& row);
Result<std::optional<AllowanceMonthRow>> FindAllowanceMonth(Tx& tx, int64_t claim_id, const std::string& month);
Result<std::vector<AllowanceMonthRow>> ListAllowanceMonths(Tx& tx, int64_t claim_id);
// Months up to `through` (inclusive) still unpaid, by claim and month: of the claims
// the employer carries, or of every claim.
Result<std::vector<AllowanceMonthRow>> UnpaidAllowanceMonths(Tx& tx, const std::string& through,
                                                             std::optional<int64_t> employer_id);
// Sets paid_on, paid_fen, recorded_by if the month is unpaid; Conflict otherwise.
Status RecordAllowancePayment(Tx& tx, int64_t claim_id, const std::string& month, const std::string& paid_on,
                              int64_t paid_fen, const std::string& recorded_by);

// Removes the claim's unpaid months from `month` on (the spouse found work).
Status DeleteUnpaidMonthsFrom(Tx& tx, int64_t claim_id, const std::string& month);

Status InsertSpouseEmployment(Tx& tx, const SpouseEmploymentRow& row);
// By month, then by id: the last row at or before a month says how it stands.
Result<std::vector<SpouseEmploymentRow>> ListSpouseEmployment(Tx& tx, int64_t talent_id);

}  // namespace jincai::store
