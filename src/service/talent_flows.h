// Talent flow (SPEC §5.5): talents move between employers and sectors — inside the
// system (party and government organs, public institutions, state enterprises) and
// outside it — with no barrier of household registration, region, identity, education
// or ownership: a flow record has no such input and no such check. A flow is recorded
// when an application in the recruitment market reaches hired, or by the office or an
// employer it concerns; the office sees the flows between sectors.
//
// Cadres of party and government organs and public institutions may leave their posts
// to start a business: their employer records the leave (the business, its unified
// social credit code, the date by which the cadre may return), then the return, or the
// cadre's staying with the business, which is a flow out of the system.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "store/records/business_leaves_table.h"
#include "store/records/position_applications_table.h"
#include "store/records/positions_table.h"
#include "store/records/talent_flows_table.h"
#include "store/store.h"

namespace jincai::service {

struct FlowInput {
  int64_t talent_id = 0;
  std::optional<int64_t> from_employer_id, to_employer_id;  // none: outside the province or no employer
  std::string engagement = "full_time";
  std::string moved_on;  // YYYY-MM-DD, not after today
  std::string note;
};

struct FlowView {
  store::TalentFlowRow row;
  std::string talent_name, from_employer_name, to_employer_name;
};

struct FlowSummary {
  std::map<std::pair<std::string, std::string>, int64_t> by_sectors;  // (from, to) -> count
  int64_t into_system = 0, out_of_system = 0, within_system = 0, outside_system = 0;
  int64_t on_leave = 0, leave_overdue = 0, returned = 0, stayed = 0;  // cadres' business leaves
};

struct LeaveInput {
  int64_t talent_id = 0;
  std::optional<int64_t> employer_id;  // the office names it; an employer records its own cadres
  std::string business_name, business_credit_code, left_on, return_by, note;
};

struct LeaveView {
  store::BusinessLeaveRow row;
  std::string talent_name, employer_name;
  bool overdue = false;  // on leave after the return date
};

class TalentFlows {
 public:
  TalentFlows(store::Store& store, Clock clock = SystemClock());

  // The office, or an employer's accounts for a flow from or to their employer.
  Result<FlowView> Record(const Actor& by, const FlowInput& in);
  // The office: all (optionally of one talent or employer); an employer: flows from or
  // to it; a talent: their own. Newest first.
  Result<std::vector<FlowView>> List(const Actor& by, const store::TalentFlowFilter& filter);
  // The office: flows counted by sectors, and the cadres' business leaves.
  Result<FlowSummary> Summary(const Actor& by);

  // The employer whose cadre the talent is (a party or government organ or a public
  // institution), or the office. The return date is after the leave and at most three
  // years from it; a talent on leave already is a Conflict.
  Result<LeaveView> GrantLeave(const Actor& by, const LeaveInput& in);
  // `return` (back at the post) or `stay` (the cadre leaves the post for the business:
  // a flow out of the system), on a date not before the leave and not after today.
  Result<LeaveView> EndLeave(const Actor& by, int64_t id, const std::string& action, const std::string& on,
                             const std::string& note);
  Result<std::vector<LeaveView>> Leaves(const Actor& by, store::BusinessLeaveFilter filter, bool overdue_only);

 private:
  store::Store& store_;
  Clock clock_;
};

// Records the flow of a hire in the recruitment market, in the transaction that moves
// the application to hired: from the talent's employer of record to the position's.
Status RecordMarketHire(store::Tx& tx, const Actor& by, const store::PositionApplicationRow& application,
                        const store::PositionRow& position, const std::string& today, const std::string& now);

}  // namespace jincai::service
