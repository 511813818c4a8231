// All the services over one store, built together in the order they depend on each
// other: what `jincai serve`, the demo and the tests start from.
#pragma once

#include "service/accounts.h"
#include "service/applications.h"
#include "service/cards.h"
#include "service/policy_registry.h"
#include "service/records.h"

namespace jincai::service {

struct Platform {
  // `keys`: the signing key ring for cards; null: cards cannot be issued.
  explicit Platform(store::Store& store, Clock clock = SystemClock(), const card::KeyRing* keys = nullptr)
      : policies(store, clock),
        accounts(store, clock),
        records(store, policies, clock),
        cards(store, keys, clock),
        applications(store, policies, clock, &cards) {}
  PolicyRegistry policies;
  Accounts accounts;
  Records records;
  Cards cards;
  Applications applications;
};

}  // namespace jincai::service
