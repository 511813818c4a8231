// Talents and employers as the platform's users see them, each call scoped to the
// caller: a talent sees and edits only their own record; an employer sees its staff
// and applicants and edits its own record; officers and admins see the province.
// A record outside the caller's scope is NotFound, exactly like a missing one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "service/dossier_evaluation.h"
#include "service/policy_registry.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"
#include "store/store.h"

namespace jincai::service {

// Fields a talent changes in their own record; unset ones stay as they are.
struct TalentChange {
  std::optional<std::string> name;
  std::optional<std::optional<int64_t>> employer_id;  // set to nullopt: no employer
  std::optional<std::string> dossier;                 // a JSON object of policy inputs
};

class Records {
 public:
  Records(store::Store& store, PolicyRegistry& policies, Clock clock = SystemClock());

  Result<store::TalentRow> GetTalent(const Actor& by, int64_t id);
  Result<std::vector<store::TalentRow>> ListTalents(const Actor& by, int64_t limit, int64_t after_id);
  // The talent themself. The dossier is checked against the policy in force today.
  Result<store::TalentRow> ChangeTalent(const Actor& by, int64_t id, const TalentChange& change);
  // The engine's decision on the talent's current dossier today, with what it would
  // take to reach the next tier: the live preview of the dossier editor.
  Result<Evaluation> PreviewTalent(const Actor& by, int64_t id);

  Result<store::EmployerRow> GetEmployer(const Actor& by, int64_t id);
  Result<std::vector<store::EmployerRow>> ListEmployers(const Actor& by, int64_t limit, int64_t after_id);
  // Officers and admins register employers (employers may also register themselves).
  Result<store::EmployerRow> CreateEmployer(const Actor& by, store::EmployerRow row);
  // The employer's admin or an officer: name, kind, ownership, city, salary.
  Result<store::EmployerRow> ChangeEmployer(const Actor& by, int64_t id, store::EmployerRow row);

 private:
  // The talent, if `by` may see it.
  Result<store::TalentRow> VisibleTalent(store::Tx& tx, const Actor& by, int64_t id);
  store::Store& store_;
  PolicyRegistry& policies_;
  Clock clock_;
};

// The employer an edit or application names: nullopt for none, InvalidArgument (field
// employer_id) when the id is unknown.
Result<std::optional<store::EmployerRow>> NamedEmployer(store::Tx& tx, std::optional<int64_t> id);

// NotFound for a talent outside the caller's scope or missing.
Status TalentNotFound(int64_t id);
Status EmployerNotFound(int64_t id);

}  // namespace jincai::service
