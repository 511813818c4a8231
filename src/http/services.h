// What handlers may use: the services, the store (health, audit), the metrics registry
// and the router (for the OpenAPI document). Built once by `jincai serve`; handlers get it by reference.
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
#include "store/store.h"

namespace jincai::http {

class Metrics;
class Router;
class StaticSite;

struct Services {
  store::Store& store;
  Metrics& metrics;
  const Router& router;
  service::Accounts& accounts;
  service::Records& records;
  service::Applications& applications;
  service::PolicyRegistry& policies;
  service::Cards& cards;
  service::Claims& claims;
  service::TurnoverFlats& flats;
  service::Schools& schools;
  service::SpouseAllowances& allowances;
  service::Simulator& simulator;
  service::Statistics& statistics;
  service::News& news;
  service::RecruitmentMarket& market;
  service::PositionApplications& position_applications;
  service::TalentFlows& flows;
  const StaticSite* site = nullptr;  // the web UI, when serve found one
};

}  // namespace jincai::http
