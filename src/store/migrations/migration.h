// Schema migrations: an ordered list of (version, name, SQL) per SQL dialect, compiled
// into the binary. A version, once released, never changes; fixes are new versions.
// PostgreSQL has its own list with the same versions and names (a test checks it).
#pragma once

#include <string_view>
#include <vector>

namespace jincai::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // one or more statements; no values, so nothing to bind
};

// In ascending version order, 1, 2, 3... without gaps.
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

// One function per migration, defined in its own file.
Migration SqliteMigration0001AuditLog();
Migration PostgresMigration0001AuditLog();

}  // namespace jincai::store
