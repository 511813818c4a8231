// Schema migrations: an ordered list of (version, name, SQL) per SQL dialect, compiled
// into the binary. A version, once released, never changes; fixes are new versions.
// PostgreSQL has its own list with the same versions and names (a test checks it).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // one or more statements; no values, so nothing to bind
};

// In ascending version order, 1, 2, 3... without gaps.
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

// What a backend supplies to apply migrations; the algorithm is shared (apply.cpp).
struct MigrationSteps {
  std::function<Status()> begin;  // a write transaction, serialised against other migrators
  std::function<Result<int>()> version;  // the applied version, read inside it (0: none)
  std::function<Status(std::string_view sql)> run_script;
  std::function<Status(const AppliedMigration&)> record;  // its schema_migrations row
  std::function<Status()> commit;
  std::function<Status(Status why)> rollback;  // rolls back, then returns `why`
};

// Applies, each in its own transaction, the migrations the database lacks. Each one
// re-reads the version inside its transaction, so a process that lost a race finds
// the migration applied and skips it. A database newer than `all` is a Conflict.
Result<std::vector<AppliedMigration>> ApplyMigrations(const std::vector<Migration>& all, const MigrationSteps& steps);

// One function per migration, defined in its own file.
Migration SqliteMigration0001AuditLog();
Migration PostgresMigration0001AuditLog();
Migration SqliteMigration0002RecordsAccountsApplications();
Migration PostgresMigration0002RecordsAccountsApplications();
Migration SqliteMigration0003Cards();
Migration PostgresMigration0003Cards();

}  // namespace jincai::store
