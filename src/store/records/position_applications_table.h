// The position_applications table: a talent's application to a position and the stage
// the employer (or the talent) has taken it to, with the talent's cover note and the
// reason given for the latest step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct PositionApplicationRow {
  int64_t id = 0;
  int64_t position_id = 0, talent_id = 0;
  std::string stage = "applied";  // applied, shortlisted, interview, offered, hired, declined, withdrawn
  std::string cover_note, reason;
  std::string created_at, updated_at;
};

// Conflict when the talent has applied to the position already.
Result<int64_t> InsertPositionApplication(Tx& tx, const PositionApplicationRow& row);
Result<std::optional<PositionApplicationRow>> FindPositionApplication(Tx& tx, int64_t id);
// In id order.
Result<std::vector<PositionApplicationRow>> ListApplicationsToPosition(Tx& tx, int64_t position_id);
Result<std::vector<PositionApplicationRow>> ListApplicationsOfTalent(Tx& tx, int64_t talent_id);
Status UpdatePositionApplication(Tx& tx, const PositionApplicationRow& row);  // stage, reason, updated_at

}  // namespace jincai::store
