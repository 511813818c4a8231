// Children's school of choice (SPEC §5.3): the office keeps the schools that take
// green-card holders' children, each with a stage, a capacity and its admission
// criteria; parents rank schools per child (a school_choice claim, claims.h); the
// office runs placement by student-proposing deferred acceptance (match/
// school_placement) over every ranked claim. The same inputs give the same result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "service/policy_registry.h"
#include "store/records/claims_table.h"
#include "store/records/schools_table.h"
#include "store/store.h"

namespace jincai::service {

// The criteria a school may order children by, first decisive first; ties are broken
// by a fixed hash of the claim.
//   tier: the card's tier, top tier first
//   same_city: children whose parent works in the school's city first
//   first_claimed: earlier claims first
const std::vector<std::string>& SchoolCriteria();
const std::vector<std::string>& SchoolStages();  // primary, junior, senior

struct NewSchool {
  std::string code, name, city, stage;
  int64_t capacity = 0;
  std::vector<std::string> priority;
};

struct SchoolChange {
  std::optional<std::string> name, city;
  std::optional<int64_t> capacity;
  std::optional<std::vector<std::string>> priority;
};

struct PlacementReport {
  store::PlacementRunRow run;
  int64_t unplaced = 0, changed = 0;
  std::vector<int64_t> by_choice;  // [k]: children given their (k+1)-th choice
};

class Schools {
 public:
  Schools(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock());
  Result<std::vector<store::SchoolRow>> List(std::optional<std::string> stage);
  Result<store::SchoolRow> Add(const Actor& by, const NewSchool& school);
  // Conflict when the capacity would fall below the children placed there.
  Result<store::SchoolRow> Update(const Actor& by, int64_t id, const SchoolChange& change);
  // Officers, admins and the system: places every ranked school_choice claim.
  Result<PlacementReport> RunPlacement(const Actor& by);
  Result<std::optional<store::PlacementRunRow>> LatestRun();

 private:
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
};

// Checks a ranking for a child entering `stage`: 1 to 10 distinct schools of that
// stage. InvalidArgument (field "schools") saying what is wrong.
Status CheckRanking(store::Tx& tx, const std::string& stage, const std::vector<int64_t>& schools);

}  // namespace jincai::service
