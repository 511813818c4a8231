// The business_leaves table: a cadre's leave from a post in a party or government organ
// or a public institution to start a business (its name and credit code), the date by
// which the cadre may return, and how the leave ended (returned, or stayed with the
// business and left the post).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct BusinessLeaveRow {
  int64_t id = 0;
  int64_t talent_id = 0, employer_id = 0;
  std::string business_name, business_credit_code, left_on, return_by;
  std::string state = "on_leave";  // on_leave, returned, stayed
  std::string ended_on, note, created_at, updated_at;
};

struct BusinessLeaveFilter {
  std::optional<int64_t> talent_id, employer_id;
  std::optional<std::string> state;
  std::optional<std::string> due_before;  // on leave with return_by before this date
  int64_t limit = 100;
  int64_t after_id = 0;
};

Result<int64_t> InsertBusinessLeave(Tx& tx, const BusinessLeaveRow& row);
Result<std::optional<BusinessLeaveRow>> FindBusinessLeave(Tx& tx, int64_t id);
// In id order.
Result<std::vector<BusinessLeaveRow>> ListBusinessLeaves(Tx& tx, const BusinessLeaveFilter& filter);
// Writes state, ended_on, note and updated_at if the stored state is still `state_was`.
Result<bool> UpdateBusinessLeave(Tx& tx, const BusinessLeaveRow& row, const std::string& state_was);
// Whether the talent is on leave now (from any employer).
Result<bool> TalentOnBusinessLeave(Tx& tx, int64_t talent_id);

}  // namespace jincai::store
