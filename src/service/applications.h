// The green-card application workflow (SPEC §5.1) on the store: the state machine of
// domain/application_workflow decides what may happen; this records it, with the
// dossier snapshot, the engine's decision under the policy in force on the submission
// date, the timeline and the audit trail, in one transaction per step. A stale
// revision or a concurrent change is a Conflict that changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/application_workflow.h"
#include "service/actor.h"
#include "service/clock.h"
#include "service/cards.h"
#include "service/claims.h"
#include "service/policy_registry.h"
#include "store/records/applications_table.h"
#include "store/store.h"

namespace jincai::service {

// How long an issued card is valid, and how far a renewal extends it.
inline constexpr int kCardValidityYears = 5;

struct ApplicationView {
  store::ApplicationRow row;
  std::vector<store::ApplicationEventRow> events;
  std::vector<domain::ApplicationAction> actions;  // what the caller may do now
};

struct ApplicationQuery {
  std::optional<std::string> state;
  std::optional<int64_t> talent_id;    // officers only; others see their scope
  std::optional<int64_t> employer_id;  // officers only
  int64_t limit = 50;
  int64_t after_id = 0;
};

class Applications {
 public:
  // `cards` signs the card when an application is issued or renewed; null: no cards.
  // `claims`: the entitlement claims that close when the card is revoked or expires.
  Applications(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock(), Cards* cards = nullptr,
               Claims* claims = nullptr);

  // A talent opens a draft for their current employer (or `employer_id`). Conflict
  // while they have an application that is open or a card that is in force.
  Result<ApplicationView> Create(const Actor& by, std::optional<int64_t> employer_id);
  Result<ApplicationView> Get(const Actor& by, int64_t id);
  // Just the row without dossier, decision or timeline: what a client polls.
  Result<store::ApplicationRow> StatusOf(const Actor& by, int64_t id);
  Result<std::vector<store::ApplicationRow>> List(const Actor& by, const ApplicationQuery& q);
  // Takes `action` ("submit", "endorse", ...). `expected_revision`, when given, must be
  // the stored revision (Conflict otherwise): a client acting on what it has seen.
  Result<ApplicationView> Act(const Actor& by, int64_t id, const std::string& action, const std::string& reason,
                              std::optional<int64_t> expected_revision = std::nullopt);
  // Expires every issued card whose expiry date is before `day`; returns how many.
  Result<int64_t> ExpireDue(int32_t day);

 private:
  struct Step;
  Status Apply(store::Tx& tx, const Actor& by, store::ApplicationRow& row, domain::ApplicationAction action,
               const std::string& reason, int64_t now);
  Result<bool> Visible(store::Tx& tx, const Actor& by, const store::ApplicationRow& row);
  Result<ApplicationView> View(store::Tx& tx, const Actor& by, store::ApplicationRow row);
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
  Cards* cards_;
  Claims* claims_;
};

Status ApplicationNotFound(int64_t id);

}  // namespace jincai::service
