// Migration 4: each entitlement of a card as a claim with its own state and timeline
// (SPEC §5.3); the employers' turnover flats; schools with capacities and priorities,
// and the runs of school placement; the spouse allowance's months with the amount,
// the policy version and the salary figure each used, and the payments; the spouse's
// employment changes; and the printable letters with their verifiable numbers.
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

std::string sqlite_sql, postgres_sql;  // built once: Migration holds a view

constexpr std::string_view kSql = R"sql(
CREATE TABLE turnover_flats (
  id             @ID,
  employer_id    BIGINT NOT NULL REFERENCES employers (id),
  address        TEXT NOT NULL,
  area_m2        TEXT NOT NULL,
  rooms          BIGINT NOT NULL,
  available_from TEXT NOT NULL,
  available_to   TEXT NOT NULL,
  retired        BIGINT NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX turnover_flats_employer ON turnover_flats (employer_id);
-- priority: the school's admission criteria in order, comma-separated
-- (tier, same_city, first_claimed); ties are broken by a fixed hash.
CREATE TABLE schools (
  id         @ID,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  city       TEXT NOT NULL,
  stage      TEXT NOT NULL,
  capacity   BIGINT NOT NULL,
  priority   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE placement_runs (
  id            @ID,
  run_at        TEXT NOT NULL,
  run_by        TEXT NOT NULL,
  inputs_digest TEXT NOT NULL,
  children      BIGINT NOT NULL,
  placed        BIGINT NOT NULL,
  summary       TEXT NOT NULL
);
-- One claim per entitlement of an application (per child for school_choice).
-- detail: JSON of what the claim holds (city chosen, schools ranked, placement).
CREATE TABLE claims (
  id            @ID,
  application_id BIGINT NOT NULL REFERENCES applications (id),
  talent_id     BIGINT NOT NULL REFERENCES talents (id),
  employer_id   BIGINT REFERENCES employers (id),
  entitlement   TEXT NOT NULL,
  child         BIGINT NOT NULL DEFAULT 0,
  state         TEXT NOT NULL,
  revision      BIGINT NOT NULL DEFAULT 0,
  detail        TEXT NOT NULL DEFAULT '{}',
  flat_id       BIGINT REFERENCES turnover_flats (id),
  school_id     BIGINT REFERENCES schools (id),
  letter_number TEXT NOT NULL DEFAULT '',
  opened_on     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (application_id, entitlement, child)
);
CREATE INDEX claims_talent ON claims (talent_id);
CREATE INDEX claims_employer ON claims (employer_id, entitlement);
CREATE INDEX claims_entitlement ON claims (entitlement, state);
-- A flat serves one claim at a time.
CREATE UNIQUE INDEX claims_flat_in_use ON claims (flat_id) WHERE state IN ('assigned', 'occupied');
CREATE TABLE claim_events (
  id            @ID,
  claim_id      BIGINT NOT NULL REFERENCES claims (id),
  at            TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_role    TEXT NOT NULL,
  action        TEXT NOT NULL,
  from_state    TEXT NOT NULL,
  to_state      TEXT NOT NULL,
  note          TEXT NOT NULL
);
CREATE INDEX claim_events_claim ON claim_events (claim_id);
-- From `month` (YYYY-MM) on, the talent's spouse is employed (1) or not (0).
CREATE TABLE spouse_employment (
  id          @ID,
  talent_id   BIGINT NOT NULL REFERENCES talents (id),
  month       TEXT NOT NULL,
  employed    BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX spouse_employment_talent ON spouse_employment (talent_id, month);
-- A month due under a spouse_allowance or spouse_social_insurance claim: the amount
-- in fen and what it was computed from; paid_* once the employer records payment.
CREATE TABLE allowance_months (
  claim_id          BIGINT NOT NULL REFERENCES claims (id),
  month             TEXT NOT NULL,
  amount_fen        BIGINT NOT NULL,
  policy_version_id BIGINT NOT NULL REFERENCES policy_versions (id),
  policy_version    TEXT NOT NULL,
  salary_fen        BIGINT NOT NULL,
  paid_on           TEXT NOT NULL DEFAULT '',
  paid_fen          BIGINT NOT NULL DEFAULT 0,
  recorded_by       TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  PRIMARY KEY (claim_id, month)
);
CREATE INDEX allowance_months_month ON allowance_months (month);
CREATE TABLE letters (
  number      TEXT PRIMARY KEY,
  claim_id    BIGINT NOT NULL REFERENCES claims (id),
  kind        TEXT NOT NULL,
  holder_name TEXT NOT NULL,
  body_zh     TEXT NOT NULL,
  body_en     TEXT NOT NULL,
  issued_on   TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  issued_by   TEXT NOT NULL,
  status      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX letters_claim ON letters (claim_id);
)sql";

}  // namespace

Migration SqliteMigration0004EntitlementClaims() {
  return {4, "entitlement_claims", WithIdColumn(kSql, kSqliteId, &sqlite_sql)};
}
Migration PostgresMigration0004EntitlementClaims() {
  return {4, "entitlement_claims", WithIdColumn(kSql, kPostgresId, &postgres_sql)};
}

}  // namespace jincai::store
