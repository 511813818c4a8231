// All the services over one store, built together in the order they depend on each
// other: what `jincai serve`, the demo and the tests start from.
#pragma once

#include "service/accounts.h"
#include "service/applications.h"
#include "service/policy_registry.h"
#include "service/records.h"

namespace jincai::service {

struct Platform {
  explicit Platform(store::Store& store, Clock clock = SystemClock())
      : policies(store, clock),
        accounts(store, clock),
        records(store, policies, clock),
        applications(store, policies, clock) {}
  PolicyRegistry policies;
  Accounts accounts;
  Records records;
  Applications applications;
};

}  // namespace jincai::service
