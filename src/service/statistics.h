// The statistics dashboard (SPEC §5.6): the talent pool as the office sees it today.
// Totals (talents, employers, applications by state, cards in force, leading talents);
// the structure of the cards in force by tier, field, city, employer kind, nationality
// and age band; cards issued, renewed, revoked and expired per month; the monthly
// cost of the entitlements in force by payer; claims by entitlement and state; the
// allowance months computed, paid and unpaid. Officers and admins.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "service/policy_registry.h"
#include "store/store.h"

namespace jincai::service {

struct StatisticsReport {
  std::string as_of;  // YYYY-MM-DD
  int64_t talents = 0, employers = 0, holders = 0, leading = 0;
  std::string top_tier;  // the policy's first tier: its holders are the leading talents
  std::vector<std::pair<std::string, int64_t>> applications_by_state;
  // dimension (tier, field, city, employer_kind, nationality, age_band) -> value -> count
  std::map<std::string, std::map<std::string, int64_t>> holders_by;
  struct Flow {
    std::string month;
    int64_t issued = 0, renewed = 0, revoked = 0, expired = 0;
  };
  std::vector<Flow> flow;
  struct Entitlement {
    std::string id, payer;
    int64_t holders = 0, monthly_fen = 0;
  };
  std::vector<Entitlement> entitlements;
  std::map<std::string, int64_t> monthly_fen_by_payer;
  std::map<std::string, std::map<std::string, int64_t>> claims;  // entitlement -> state -> count
  int64_t allowance_computed_fen = 0, allowance_paid_fen = 0, allowance_unpaid_fen = 0;

  // Every figure as rows (section, key, sub-key, value), for CSV and spreadsheets.
  std::vector<std::vector<std::string>> Rows() const;
};

class Statistics {
 public:
  Statistics(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock());
  Result<StatisticsReport> Report(const Actor& by);

 private:
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
};

// The age band of someone born on `birth` on `day`: "<30", "30-39", ..., "60+".
std::string AgeBand(int32_t birth, int32_t day);

}  // namespace jincai::service
