// The talent_flows table: a talent's move from one employer (or none) to another, with
// the sectors of both as of the move, the mode of engagement and where the record came
// from (a hire in the recruitment market, or recorded by the office or an employer).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct TalentFlowRow {
  int64_t id = 0;
  int64_t talent_id = 0;
  std::optional<int64_t> from_employer_id, to_employer_id;
  std::string from_sector, to_sector, engagement, moved_on;
  std::string source = "record";  // market, record
  std::optional<int64_t> position_application_id;
  std::string note, recorded_by, created_at;
};

struct TalentFlowFilter {
  std::optional<int64_t> talent_id;
  std::optional<int64_t> employer_id;  // from or to this employer
  int64_t limit = 100;
  int64_t before_id = 0;  // 0: the newest
};

Result<int64_t> InsertTalentFlow(Tx& tx, const TalentFlowRow& row);
// Newest first (by id).
Result<std::vector<TalentFlowRow>> ListTalentFlows(Tx& tx, const TalentFlowFilter& filter);
// Every flow counted by (from_sector, to_sector).
Result<std::map<std::pair<std::string, std::string>, int64_t>> CountFlowsBySectors(Tx& tx);

}  // namespace jincai::store
