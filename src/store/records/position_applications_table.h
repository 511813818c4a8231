// The position_applications table: a talent's application to a position and the stage
// the employer (or the talent) has taken it to, with the talent's cover note and the
// reason given for the latest step.
#pragma once

#include <map>
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

// Conflict when the talent has applied to the position already; nullopt (nothing
// written) when the position is not open at the moment of the insert.
Result<std::optional<int64_t>> InsertPositionApplication(Tx& tx, const PositionApplicationRow& row);
Result<std::optional<PositionApplicationRow>> FindPositionApplication(Tx& tx, int64_t id);
// In id order.
Result<std::vector<PositionApplicationRow>> ListApplicationsToPosition(Tx& tx, int64_t position_id);
Result<std::vector<PositionApplicationRow>> ListApplicationsOfTalent(Tx& tx, int64_t talent_id);
// Writes stage, reason and updated_at if the stored stage is still `stage_was`; false
// when it is not (another step got there first).
Result<bool> UpdatePositionApplication(Tx& tx, const PositionApplicationRow& row, const std::string& stage_was);
// Applications counted by stage, per position of the employer: {position_id: {stage: n}}.
Result<std::map<int64_t, std::map<std::string, int64_t>>> CountApplicationsByStage(Tx& tx, int64_t employer_id);

}  // namespace jincai::store
