// Migration 2: employers, talents and their dossiers, accounts and sessions, stored
// policy versions, green-card applications with their event timeline. One text for
// both dialects: only the identity column differs ("@ID" below).
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

std::string sqlite_sql, postgres_sql;  // built once: Migration holds a view

constexpr std::string_view kSql = R"sql(
CREATE TABLE employers (
  id                     @ID,
  credit_code            TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  kind                   TEXT NOT NULL,
  ownership              TEXT NOT NULL,
  city                   TEXT NOT NULL,
  avg_monthly_salary_fen BIGINT NOT NULL,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);
-- The dossier is a JSON object of the policy's inputs; identity, nationality and
-- employer live in columns and are merged into it when the engine evaluates.
CREATE TABLE talents (
  id              @ID,
  name            TEXT NOT NULL,
  document_kind   TEXT NOT NULL,
  document_number TEXT NOT NULL,
  nationality     TEXT NOT NULL,
  employer_id     BIGINT REFERENCES employers (id),
  dossier         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (document_kind, nationality, document_number)
);
CREATE INDEX talents_employer ON talents (employer_id);
CREATE TABLE users (
  id                  @ID,
  username            TEXT NOT NULL UNIQUE,
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL,
  display_name        TEXT NOT NULL,
  employer_id         BIGINT REFERENCES employers (id),
  talent_id           BIGINT REFERENCES talents (id),
  failed_logins       BIGINT NOT NULL DEFAULT 0,
  last_failed_at      TEXT NOT NULL DEFAULT '',
  locked_until        TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);
-- Only the SHA-256 of a session token is stored: a copy of the database does not
-- let anyone log in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE policy_versions (
  id             @ID,
  policy_id      TEXT NOT NULL,
  version        TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  text           TEXT NOT NULL,
  digest         TEXT NOT NULL,
  uploaded_by    BIGINT REFERENCES users (id),
  uploaded_at    TEXT NOT NULL,
  UNIQUE (policy_id, version)
);
CREATE TABLE applications (
  id                @ID,
  talent_id         BIGINT NOT NULL REFERENCES talents (id),
  employer_id       BIGINT REFERENCES employers (id),
  state             TEXT NOT NULL,
  revision          BIGINT NOT NULL,
  dossier           TEXT NOT NULL,
  submitted_on      TEXT NOT NULL DEFAULT '',
  policy_version_id BIGINT REFERENCES policy_versions (id),
  tier              TEXT NOT NULL DEFAULT '',
  decision          TEXT NOT NULL DEFAULT '',
  card_expires_on   TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX applications_talent ON applications (talent_id);
CREATE INDEX applications_employer ON applications (employer_id, state);
CREATE INDEX applications_state ON applications (state);
CREATE TABLE application_events (
  id             @ID,
  application_id BIGINT NOT NULL REFERENCES applications (id),
  at             TEXT NOT NULL,
  actor_user_id  BIGINT,
  actor_role     TEXT NOT NULL,
  action         TEXT NOT NULL,
  from_state     TEXT NOT NULL,
  to_state       TEXT NOT NULL,
  reason         TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id);
)sql";

}  // namespace

Migration SqliteMigration0002RecordsAccountsApplications() {
  return {2, "records_accounts_applications", WithIdColumn(kSql, kSqliteId, &sqlite_sql)};
}

Migration PostgresMigration0002RecordsAccountsApplications() {
  return {2, "records_accounts_applications", WithIdColumn(kSql, kPostgresId, &postgres_sql)};
}

}  // namespace jincai::store
