// Migration 7: talent flows between sectors, each from an employer (or none) to another,
// recorded by a hire in the recruitment market or by the office or an employer; and the
// leaves cadres take from their posts to start a business, with the window to return.
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

std::string sqlite_sql, postgres_sql;  // built once: Migration holds a view

// talent_flows.source: market (a position's application reached hired; its id in
// position_application_id) or record. Sectors: domain/talent_sectors.h, as of the move.
// business_leaves.state: on_leave, returned, stayed (left the post for the business);
// at most one leave per talent is on_leave, even when two grants race.
constexpr std::string_view kSql = R"sql(
CREATE TABLE talent_flows (
  id                      @ID,
  talent_id               BIGINT NOT NULL REFERENCES talents (id),
  from_employer_id        BIGINT REFERENCES employers (id),
  to_employer_id          BIGINT REFERENCES employers (id),
  from_sector             TEXT NOT NULL,
  to_sector               TEXT NOT NULL,
  engagement              TEXT NOT NULL,
  moved_on                TEXT NOT NULL,
  source                  TEXT NOT NULL,
  position_application_id BIGINT REFERENCES position_applications (id),
  note                    TEXT NOT NULL,
  recorded_by             TEXT NOT NULL,
  created_at              TEXT NOT NULL
);
CREATE INDEX talent_flows_talent ON talent_flows (talent_id);
CREATE INDEX talent_flows_from ON talent_flows (from_employer_id);
CREATE INDEX talent_flows_to ON talent_flows (to_employer_id);
CREATE TABLE business_leaves (
  id                   @ID,
  talent_id            BIGINT NOT NULL REFERENCES talents (id),
  employer_id          BIGINT NOT NULL REFERENCES employers (id),
  business_name        TEXT NOT NULL,
  business_credit_code TEXT NOT NULL,
  left_on              TEXT NOT NULL,
  return_by            TEXT NOT NULL,
  state                TEXT NOT NULL,
  ended_on             TEXT NOT NULL,
  note                 TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX business_leaves_employer ON business_leaves (employer_id);
CREATE INDEX business_leaves_talent ON business_leaves (talent_id);
CREATE UNIQUE INDEX business_leaves_one_open ON business_leaves (talent_id) WHERE state = 'on_leave';
)sql";

}  // namespace

Migration SqliteMigration0007TalentFlows() { return {7, "talent_flows", WithIdColumn(kSql, kSqliteId, &sqlite_sql)}; }
Migration PostgresMigration0007TalentFlows() { return {7, "talent_flows", WithIdColumn(kSql, kPostgresId, &postgres_sql)}; }

}  // namespace jincai::store
