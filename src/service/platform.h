// All the services over one store, built together in the order they depend on each
// other: what `jincai serve`, the demo and the tests start from.
#pragma once

#include "service/accounts.h"
#include "service/applications.h"
#include "service/cards.h"
#include "service/claims.h"
#include "service/policy_registry.h"
#include "service/position_applications.h"
#include "service/recruitment_market.h"
#include "service/records.h"
#include "service/school_places.h"
#include "service/news.h"
#include "service/simulator.h"
#include "service/statistics.h"
#include "service/talent_flows.h"
#include "service/spouse_allowances.h"
#include "service/turnover_flats.h"

namespace jincai::service {

struct Platform {
  // `keys`: the signing key ring for cards; null: cards cannot be issued.
  explicit Platform(store::Store& store, Clock clock = SystemClock(), const card::KeyRing* keys = nullptr)
      : policies(store, clock),
        accounts(store, clock),
        records(store, policies, clock),
        cards(store, keys, clock),
        claims(store, policies, clock),
        flats(store, clock),
        schools(store, policies, clock),
        allowances(store, policies, clock),
        simulator(policies, clock),
        statistics(store, policies, clock),
        news(store, clock),
        market(store, clock),
        position_applications(store, clock),
        flows(store, clock),
        applications(store, policies, clock, &cards, &claims) {}
  PolicyRegistry policies;
  Accounts accounts;
  Records records;
  Cards cards;
  Claims claims;
  TurnoverFlats flats;
  Schools schools;
  SpouseAllowances allowances;
  Simulator simulator;
  Statistics statistics;
  News news;
  RecruitmentMarket market;
  PositionApplications position_applications;
  TalentFlows flows;
  Applications applications;
};

}  // namespace jincai::service
