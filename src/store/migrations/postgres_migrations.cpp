// The PostgreSQL migrations in order: the same versions and names as SqliteMigrations().
// Append new ones at the end; never reorder or edit.
#include "store/migrations/migration.h"

namespace jincai::store {

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> kAll = {
      PostgresMigration0001AuditLog(),
      PostgresMigration0002RecordsAccountsApplications(),
      PostgresMigration0003Cards(),
      PostgresMigration0004EntitlementClaims(),
      PostgresMigration0005News(),
      PostgresMigration0006RecruitmentMarket(),
      PostgresMigration0007TalentFlows(),
  };
  return kAll;
}

}  // namespace jincai::store
