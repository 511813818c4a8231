// The applications and application_events tables: each green-card application with
// its state, a revision for optimistic concurrency, the dossier it was decided on,
// the policy version and the decision; and its timeline of who did what, when, why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct ApplicationRow {
  int64_t id = 0;
  int64_t talent_id = 0;
  std::optional<int64_t> employer_id;
  std::string state;
  int64_t revision = 0;
  std::string dossier;       // JSON, as submitted
  std::string submitted_on;  // YYYY-MM-DD or empty
  std::optional<int64_t> policy_version_id;
  std::string tier;          // the decided tier id, "none", or empty before evaluation
  std::string decision;      // JSON: the engine's decision with its trace, or empty
  std::string card_expires_on;
  std::string created_at, updated_at;
};

struct ApplicationEventRow {
  int64_t id = 0;
  int64_t application_id = 0;
  std::string at;
  std::optional<int64_t> actor_user_id;  // empty for the system
  std::string actor_role, action, from_state, to_state, reason;
};

struct ApplicationFilter {
  std::optional<int64_t> talent_id;
  std::optional<int64_t> employer_id;  // also hides drafts: the employer sees them once submitted
  std::optional<std::string> state;
  int64_t limit = 100;
  int64_t after_id = 0;
};

Result<int64_t> InsertApplication(Tx& tx, const ApplicationRow& row);
Result<std::optional<ApplicationRow>> FindApplication(Tx& tx, int64_t id);
// The same without the dossier and the decision (empty): for status polls.
Result<std::optional<ApplicationRow>> FindApplicationStatus(Tx& tx, int64_t id);
Result<std::vector<ApplicationRow>> ListApplications(Tx& tx, const ApplicationFilter& filter);
// Writes every field and bumps the revision, only if the stored revision is still
// row.revision; Conflict (nothing written) when someone else changed it first.
Status UpdateApplication(Tx& tx, const ApplicationRow& row);
Status InsertApplicationEvent(Tx& tx, const ApplicationEventRow& row);
Result<std::vector<ApplicationEventRow>> ListApplicationEvents(Tx& tx, int64_t application_id);
// Number of applications per state, for the dashboard and the demo.
Result<std::vector<std::pair<std::string, int64_t>>> CountApplicationsByState(Tx& tx);

}  // namespace jincai::store
