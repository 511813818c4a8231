// The SQLite migrations in order. Append new ones at the end; never reorder or edit.
#include "store/migrations/migration.h"

namespace jincai::store {

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> kAll = {
      SqliteMigration0001AuditLog(),
      SqliteMigration0002RecordsAccountsApplications(),
      SqliteMigration0003Cards(),
      SqliteMigration0004EntitlementClaims(),
      SqliteMigration0005News(),
      SqliteMigration0006RecruitmentMarket(),
      SqliteMigration0007TalentFlows(),
  };
  return kAll;
}

}  // namespace jincai::store
