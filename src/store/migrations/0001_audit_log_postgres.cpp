// Migration 1 in PostgreSQL's dialect: the same tables, columns and name as the SQLite
// migration beside it (0001_audit_log.cpp), so both backends hold the same data.
// BIGINT where SQLite's INTEGER is 64-bit; TEXT stays TEXT (times are ISO 8601 text
// made by the store, so the hashed bytes never depend on the server's formatting).
#include "store/migrations/migration.h"

namespace jincai::store {

Migration PostgresMigration0001AuditLog() {
  return {1, "audit_log", R"sql(
CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
-- id is the chain's sequence, assigned by the store (no sequence): a gap is a
-- deleted record.
CREATE TABLE audit_log (
  id            BIGINT PRIMARY KEY,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  object_type   TEXT NOT NULL,
  object_id     TEXT NOT NULL,
  before_digest TEXT NOT NULL,
  after_digest  TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id   BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
)sql"};
}

}  // namespace jincai::store
