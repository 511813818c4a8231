// The migration algorithm both backends share: one transaction per migration, the
// version re-read inside it, the script and its schema_migrations row committed together.
#include "store/audit_chain.h"
#include "store/migrations/migration.h"

namespace jincai::store {

Result<std::vector<AppliedMigration>> ApplyMigrations(const std::vector<Migration>& all, const MigrationSteps& steps) {
  std::vector<AppliedMigration> applied;
  for (const Migration& m : all) {
    JINCAI_RETURN_IF_ERROR(steps.begin());
    auto version = steps.version();
    if (!version.ok()) return steps.rollback(version.status());
    if (*version > static_cast<int>(all.size()))
      return steps.rollback(Status::Conflict("the database schema (version " + std::to_string(*version) +
                                             ") is newer than this build knows (" + std::to_string(all.size()) + ")"));
    if (*version >= m.version) {
      JINCAI_RETURN_IF_ERROR(steps.rollback(Status::Ok()));
      continue;
    }
    // DDL carries no values, so running the script text is safe here.
    if (Status st = steps.run_script(m.sql); !st.ok())
      return steps.rollback(Status::Internal("migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                                             ") failed: " + st.message()));
    AppliedMigration a{m.version, std::string(m.name), NowIso8601Utc()};
    if (Status st = steps.record(a); !st.ok()) return steps.rollback(st);
    JINCAI_RETURN_IF_ERROR(steps.commit());
    applied.push_back(std::move(a));
  }
  return applied;
}

}  // namespace jincai::store
