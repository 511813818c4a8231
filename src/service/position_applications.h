// Applications to the recruitment market's positions (SPEC §5.5): a talent applies to
// an open position with a cover note; the position's employer takes the application
// through the pipeline of domain/hiring_pipeline.h (shortlist, interview, offer or
// decline with a reason); the talent accepts an offer or withdraws. Each step is
// audited. The employer sees each applicant's match with the position and its reasons.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/market_match.h"
#include "service/actor.h"
#include "service/clock.h"
#include "store/records/position_applications_table.h"
#include "store/records/positions_table.h"
#include "store/store.h"

namespace jincai::service {

struct PositionApplicationView {
  store::PositionApplicationRow row;
  std::string position_title, employer_name, talent_name;
  std::string position_status;
  domain::Match match;
};

class PositionApplications {
 public:
  PositionApplications(store::Store& store, Clock clock = SystemClock());

  // The calling talent applies. NotFound for no such position; Conflict when it is
  // closed or the talent has applied already; a cover note of at most 4,000 bytes.
  Result<PositionApplicationView> Apply(const Actor& by, int64_t position_id, const std::string& cover_note);
  // shortlist, interview, offer, decline (its employer or the office; decline needs a
  // reason), accept, withdraw (the talent). Conflict when the stage does not allow it.
  Result<PositionApplicationView> Act(const Actor& by, int64_t id, const std::string& action, const std::string& reason);
  Result<PositionApplicationView> Get(const Actor& by, int64_t id);
  // Its employer and the office: the position's applications, best match first.
  Result<std::vector<PositionApplicationView>> ToPosition(const Actor& by, int64_t position_id);
  // The calling talent's own applications, newest first.
  Result<std::vector<PositionApplicationView>> Mine(const Actor& by);

 private:
  store::Store& store_;
  Clock clock_;
};

}  // namespace jincai::service
